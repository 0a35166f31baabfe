"""Reading across every cluster: the audit log and the list of clusters."""

from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta

from sqlalchemy import Select, func, select
from sqlalchemy.orm import joinedload

from clusterhub.accounts.models import User, normalise_email
from clusterhub.companies.models import CompanyMembership
from clusterhub.extensions import db
from clusterhub.forms import from_wall_clock
from clusterhub.security.models import AuditEvent
from tenants.context import cross_tenant
from tenants.models import Membership, Tenant


def _start_of(day: date) -> datetime:
    # Admins pick days on the platform's clock (Rīga); the log keeps UTC.
    return from_wall_clock(datetime.combine(day, time.min))


def audit_log(
    kind: str | None = None, person: str | None = None, since: date | None = None, until: date | None = None
) -> Select:
    """The statement for the audit events that match, newest first; `person` is (part of) an e-mail address.

    `since` and `until` are whole days, both included.
    """
    statement = select(AuditEvent).options(joinedload(AuditEvent.actor), joinedload(AuditEvent.tenant))
    if kind:
        statement = statement.where(AuditEvent.kind == kind)
    if person:
        matching = select(User.id).where(User.email.contains(normalise_email(person), autoescape=True))
        statement = statement.where(AuditEvent.actor_id.in_(matching))
    if since:
        statement = statement.where(AuditEvent.at >= _start_of(since))
    if until:
        statement = statement.where(AuditEvent.at < _start_of(until + timedelta(days=1)))
    return statement.order_by(AuditEvent.at.desc(), AuditEvent.id.desc())


@dataclass
class ClusterRow:
    tenant: Tenant
    companies: int
    people: int
    managers: list[str] = field(default_factory=list)


def _counts_by_cluster(statement) -> dict[int, int]:
    return dict(db.session.execute(statement).all())


def clusters_overview() -> list[ClusterRow]:
    """Every cluster with its current member companies, its people and its managers, by name."""
    with cross_tenant():
        companies = _counts_by_cluster(
            select(CompanyMembership.tenant_id, func.count(CompanyMembership.id))
            .where(CompanyMembership.is_current)
            .group_by(CompanyMembership.tenant_id)
        )
        people = _counts_by_cluster(
            select(Membership.tenant_id, func.count(Membership.id)).group_by(Membership.tenant_id)
        )
        rows = {
            tenant.id: ClusterRow(tenant, companies.get(tenant.id, 0), people.get(tenant.id, 0))
            for tenant in db.session.scalars(select(Tenant).order_by(Tenant.name_sort))
        }
        managers = db.session.execute(
            select(Membership.tenant_id, User.name)
            .join(Membership.user)
            .where(Membership.role == "manager")
            .order_by(User.name_sort)
        )
        for tenant_id, name in managers:
            rows[tenant_id].managers.append(name)
        return list(rows.values())
