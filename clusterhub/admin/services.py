"""Reading across every cluster: the audit log, the list of clusters and the people of the platform."""

from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta

from sqlalchemy import Select, func, or_, select
from sqlalchemy.orm import joinedload

from clusterhub.accounts.models import User, normalise_email
from clusterhub.clock import utcnow
from clusterhub.companies.models import CompanyMembership
from clusterhub.extensions import db
from clusterhub.forms import from_wall_clock
from clusterhub.posts.models import Message, Post
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


# How far back the clusters list counts a cluster's activity.
ACTIVITY_DAYS = 90


@dataclass
class ClusterRow:
    tenant: Tenant
    companies: int
    people: int
    activity: int  # posts and messages in the last ACTIVITY_DAYS days
    managers: list[str] = field(default_factory=list)


def _recent(model) -> dict[int, int]:
    since = utcnow() - timedelta(days=ACTIVITY_DAYS)
    return _counts_by_cluster(
        select(model.tenant_id, func.count(model.id))
        .where(model.created_at >= since)
        .group_by(model.tenant_id)
    )


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
        posts, messages = _recent(Post), _recent(Message)
        rows = {
            tenant.id: ClusterRow(
                tenant,
                companies.get(tenant.id, 0),
                people.get(tenant.id, 0),
                posts.get(tenant.id, 0) + messages.get(tenant.id, 0),
            )
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


def find_people(words: str = "") -> Select:
    """The statement for the people whose name or e-mail contains `words`, by name; everybody if empty."""
    statement = select(User).where(User.deleted_at.is_(None)).order_by(User.name_sort, User.id)
    words = words.strip()
    if words:
        statement = statement.where(
            or_(
                User.name.icontains(words, autoescape=True),
                User.email.contains(normalise_email(words), autoescape=True),
            )
        )
    return statement


def clusters_of(user: User) -> list[Membership]:
    """Every cluster the person belongs to, closed ones too, with their role there."""
    with cross_tenant():
        return list(
            db.session.scalars(
                select(Membership)
                .join(Membership.tenant)
                .options(joinedload(Membership.tenant))
                .where(Membership.user_id == user.id)
                .order_by(Tenant.name_sort)
            )
        )
