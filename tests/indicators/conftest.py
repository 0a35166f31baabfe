"""Hand-made cluster records with known dates, and the figures computed over them."""

import pytest

from clusterhub.indicators.figures import indicators
from clusterhub.indicators.periods import Period
from tests.factories import Records, records


class Cluster(Records):
    """A cluster to fill with records; `figures(period)` reads them back as {key: Figure}."""

    def figures(self, period: Period) -> dict:
        return {figure.key: figure for figure in indicators(period.start, period.end)}

    def value(self, key: str, period: Period):
        return self.figures(period)[key].value

    def parts(self, key: str, period: Period) -> dict:
        return {part.key: part.value for part in self.figures(period)[key].breakdown}


@pytest.fixture
def cluster(app):
    """Cluster "alfa", its scope open for the test, in an English request."""
    with records(app, Cluster) as cluster:
        yield cluster
