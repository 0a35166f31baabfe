"""A cluster to fill with hand-made companies, events, services and road-map steps inside its scope."""

from datetime import UTC, date, datetime

import pytest
from sqlalchemy import select

from clusterhub.catalogue.models import Service, ServiceUse
from clusterhub.companies.models import Company, CompanyMembership
from clusterhub.events.models import Event
from clusterhub.extensions import db
from clusterhub.onboarding.models import RoadmapStep
from tests.factories import Records, records

NOW = datetime(2026, 3, 15, 10, 0, tzinfo=UTC)
TODAY = NOW.date()


class Cluster(Records):
    """Adds rows to the cluster whose scope is open; every method flushes and returns the row."""

    def member(self, name: str, since: date = TODAY, **fields) -> Company:
        return super().member(name, since, **fields)

    def membership(self, company: Company) -> CompanyMembership:
        return db.session.scalar(select(CompanyMembership).where(CompanyMembership.company_id == company.id))

    def event(self, title: str, starts_at: datetime, presentations: bool = False, **fields) -> Event:
        return self.add(Event(title=title, starts_at=starts_at, presentations=presentations, **fields))

    def service(self, name: str, active: bool = True) -> Service:
        return self.add(Service(name=name, kind="training", active=active))

    def use(self, service: Service, company: Company, on: date) -> ServiceUse:
        return self.add(ServiceUse(service=service, company=company, used_on=on))

    def step(self, title: str, position: int = 0) -> RoadmapStep:
        return self.add(RoadmapStep(title=title, position=position))


@pytest.fixture
def cluster(app):
    """Cluster "alfa" with its scope open for the test; nothing is committed."""
    with records(app, Cluster, vision="Kopā uz eksportu") as cluster:
        yield cluster
