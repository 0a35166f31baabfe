"""A cluster to fill with hand-made companies, events, services and road-map steps inside its scope."""

from datetime import UTC, date, datetime

import pytest
from sqlalchemy import select

from clusterhub.catalogue.models import Service, ServiceUse
from clusterhub.companies.models import Company, CompanyMembership, CompanyRole, CompanyTag
from clusterhub.events.models import Event
from clusterhub.extensions import db
from clusterhub.onboarding.models import RoadmapStep
from tenants.context import tenant_scope
from tenants.models import Tenant
from tests.factories import make_tenant

NOW = datetime(2026, 3, 15, 10, 0, tzinfo=UTC)
TODAY = NOW.date()


class Cluster:
    """Adds rows to the cluster whose scope is open; every method flushes and returns the row."""

    def __init__(self, tenant: Tenant):
        self.tenant = tenant

    def add(self, row):
        db.session.add(row)
        db.session.flush()
        return row

    def member(
        self, name: str, since: date = TODAY, left_on: date | None = None, sectors=(), roles=()
    ) -> Company:
        company = Company(
            name=name,
            tags=[CompanyTag(kind="sector", name=sector) for sector in sectors],
            roles=[CompanyRole(role=role) for role in roles],
        )
        reason = "left" if left_on else None
        self.add(CompanyMembership(company=company, member_since=since, left_on=left_on, left_reason=reason))
        return company

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
    make_tenant(app, "alfa", vision="Kopā uz eksportu")
    with app.app_context():
        tenant = db.session.scalar(select(Tenant).where(Tenant.slug == "alfa"))
        with tenant_scope(tenant):
            yield Cluster(tenant)
        db.session.rollback()
