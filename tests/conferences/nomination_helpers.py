"""Helpers for the nomination and registration tests (plain functions, not fixtures)."""

from datetime import timedelta

from sqlalchemy import select
from sqlalchemy.orm import selectinload

from clusterhub.accounts.models import User
from clusterhub.clock import utcnow
from clusterhub.companies.models import Company, CompanyMembership
from clusterhub.companies.services import company_named
from clusterhub.conferences.models import Participant
from clusterhub.events.models import Event
from clusterhub.extensions import db
from clusterhub.notifications.models import Notification
from tenants.context import cross_tenant, tenant_scope
from tenants.models import Tenant


def add_companies(app, slug: str, names) -> None:
    """Member companies of a cluster with nobody linked to them."""
    with app.app_context(), tenant_scope(_tenant(slug)):
        for name in names:
            company_named(name)
        db.session.commit()


def make_former(app, slug: str, name: str) -> int:
    """A member company a manager moved to the former members; returns its id."""
    with app.app_context(), tenant_scope(_tenant(slug)):
        link = db.session.scalar(select(CompanyMembership).join(Company).where(Company.name == name))
        link.left_on, link.left_reason = utcnow().date() - timedelta(days=1), "former"
        db.session.commit()
        return link.company_id


def company_id(app, slug: str, name: str) -> int:
    with app.app_context(), tenant_scope(_tenant(slug)):
        return db.session.scalar(select(Company.id).where(Company.name == name))


def close_registration(app, conference_id: int) -> None:
    """The conference's registration deadline passed an hour ago."""
    with app.app_context(), cross_tenant():
        db.session.get(Event, conference_id).registration_closes_at = utcnow() - timedelta(hours=1)
        db.session.commit()


def listed(app, conference_id: int, slug: str) -> dict[str, Participant]:
    """A cluster's list for a conference: company name -> participant (detached, read-only)."""
    with app.app_context(), tenant_scope(_tenant(slug)):
        rows = db.session.scalars(
            select(Participant)
            .where(Participant.event_id == conference_id)
            .options(selectinload(Participant.company), selectinload(Participant.user))
        ).all()
        found = {row.company.name: row for row in rows}
        db.session.expunge_all()
        return found


def notifications(app, slug: str, email: str, kind: str) -> list[tuple[dict, str]]:
    """The params and link of a person's notifications of one kind in one cluster."""
    with app.app_context(), tenant_scope(_tenant(slug)):
        rows = db.session.execute(
            select(Notification.params, Notification.link)
            .join(Notification.user)
            .where(User.email == email, Notification.kind == kind)
        )
        return [tuple(row) for row in rows]


def _tenant(slug: str) -> Tenant:
    return db.session.scalar(select(Tenant).where(Tenant.slug == slug))
