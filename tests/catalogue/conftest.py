"""What the catalogue tests share: an empty cluster to fill by hand, and the world's companies by name."""

from contextlib import contextmanager
from datetime import UTC, date, datetime

import pytest
from sqlalchemy import select

from clusterhub.catalogue.models import Service, ServiceFeedback, ServiceUse
from clusterhub.companies.models import Company
from clusterhub.companies.services import company_named
from clusterhub.extensions import db
from tenants.context import tenant_scope
from tenants.models import Tenant
from tests.factories import make_tenant

ABELE = "SIA CANARYALFA Ābele"  # manager@alfa.lv's company
CIEKURS = "SIA CANARYALFA Čiekurs"  # member@alfa.lv's company: company_a, used service_a today (feedback 5)
LONG_AGO = datetime(2020, 1, 1, tzinfo=UTC)


@contextmanager
def inside(app, slug: str = "alfa"):
    """Work as a request of one cluster would."""
    with app.app_context(), tenant_scope(db.session.scalar(select(Tenant).where(Tenant.slug == slug))):
        yield


@pytest.fixture
def gamma(app):
    """An empty cluster, entered: a test fills it by hand and computes inside it."""
    make_tenant(app, "gamma", "Gamma klasteris")
    with inside(app, "gamma"):
        yield


def company(name: str) -> Company:
    return company_named(name, member_since=date(2020, 1, 1))


def service(name: str, kind: str = "training", active: bool = True, created_at=LONG_AGO) -> Service:
    """A service of the current cluster; on offer since 2020 unless told."""
    row = Service(name=name, kind=kind, active=active, created_at=created_at)
    db.session.add(row)
    db.session.commit()
    return row


def use(of: Service, by: Company, on: date, score: int | None = None, worked: str = "", change: str = ""):
    """A use, with feedback when a score is given."""
    row = ServiceUse(service=of, company=by, used_on=on)
    if score is not None:
        row.feedback = ServiceFeedback(score=score, worked=worked, change=change)
    db.session.add(row)
    db.session.commit()
    return row


def ids_of(app, model, slug: str = "alfa", **where) -> list[int]:
    """The ids of a cluster's rows of a catalogue model (with these column values), oldest first."""
    with inside(app, slug):
        return list(db.session.scalars(select(model.id).filter_by(**where).order_by(model.id)))


def count(app, model, slug: str = "alfa", **where) -> int:
    """How many rows of a catalogue model a cluster has (with these column values)."""
    return len(ids_of(app, model, slug, **where))
