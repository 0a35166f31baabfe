"""Reading the audit log across every cluster."""

from datetime import date, datetime, time, timedelta

from sqlalchemy import Select, select
from sqlalchemy.orm import joinedload

from clusterhub.accounts.models import User, normalise_email
from clusterhub.forms import from_wall_clock
from clusterhub.security.models import AuditEvent


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
