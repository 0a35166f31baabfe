"""Hand-made cluster records with known dates, and the figures computed over them."""

from datetime import date

import pytest
from sqlalchemy import select

from clusterhub.companies.models import Company, CompanyMembership
from clusterhub.extensions import db
from clusterhub.indicators.figures import indicators
from clusterhub.indicators.periods import Period
from tenants.context import tenant_scope
from tenants.models import Tenant
from tests.factories import make_tenant


class Cluster:
    """A cluster to fill with records; `figures(period)` reads them back as {key: Figure}."""

    def __init__(self, tenant: Tenant):
        self.tenant = tenant

    def add(self, *rows):
        db.session.add_all(rows)
        db.session.flush()
        return rows[0]

    def member(self, name: str, since: date, left_on: date | None = None, reason=None, **profile) -> Company:
        company = Company(name=name, **profile)
        reason = reason or ("left" if left_on else None)
        self.add(
            company,
            CompanyMembership(company=company, member_since=since, left_on=left_on, left_reason=reason),
        )
        return company

    def figures(self, period: Period) -> dict:
        return {figure.key: figure for figure in indicators(period.start, period.end)}

    def value(self, key: str, period: Period):
        return self.figures(period)[key].value

    def parts(self, key: str, period: Period) -> dict:
        return {part.key: part.value for part in self.figures(period)[key].breakdown}


@pytest.fixture
def cluster(app):
    """Cluster "alfa", its scope open for the test, in an English request."""
    make_tenant(app, "alfa")
    with app.test_request_context(headers={"Accept-Language": "en"}):
        tenant = db.session.scalar(select(Tenant).where(Tenant.slug == "alfa"))
        with tenant_scope(tenant):
            yield Cluster(tenant)
        db.session.rollback()
