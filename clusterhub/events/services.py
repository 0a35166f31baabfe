"""The cluster's own events: planning them, members saying they will come, managers recording who came."""

from collections.abc import Iterable
from datetime import datetime

from sqlalchemy import Select, or_, select
from sqlalchemy.orm import selectinload

from clusterhub.companies.models import Company, CompanyMembership
from clusterhub.db import reuse_rows
from clusterhub.events.models import Event, EventAttendance
from clusterhub.extensions import db

FIELDS = ("kind", "title", "description", "venue", "starts_at", "ends_at", "presentations")


class EventError(ValueError):
    """A member's answer to an event could not be taken; `reason` says why ("started")."""

    def __init__(self, reason: str):
        super().__init__(reason)
        self.reason = reason


def is_upcoming(event: Event, now: datetime) -> bool:
    """An event is upcoming until it starts; then it counts as past."""
    return event.starts_at >= now


def upcoming_events(now: datetime) -> Select:
    """Events that have not started yet, soonest first."""
    return (
        select(Event)
        .where(Event.starts_at >= now)
        .options(selectinload(Event.attendances))
        .order_by(Event.starts_at, Event.id)
    )


def past_events(now: datetime) -> Select:
    """Events that have started, latest first."""
    return (
        select(Event)
        .where(Event.starts_at < now)
        .options(selectinload(Event.attendances))
        .order_by(Event.starts_at.desc(), Event.id.desc())
    )


def all_events() -> Select:
    """Every event of the cluster, latest first (the managers' list)."""
    return (
        select(Event)
        .options(selectinload(Event.attendances))
        .order_by(Event.starts_at.desc(), Event.id.desc())
    )


def next_presentation_event(now: datetime) -> Event | None:
    """The soonest upcoming event where new members may present themselves."""
    return db.session.scalar(upcoming_events(now).where(Event.presentations.is_(True)).limit(1))


def create_event(values: dict) -> Event:
    """Plan an event (kind, title, description, venue, start, end, presentations)."""
    event = Event(**{field: values[field] for field in FIELDS})
    db.session.add(event)
    db.session.flush()
    return event


def update_event(event: Event, values: dict) -> None:
    """Change an event's details; its attendance stays."""
    for field in FIELDS:
        setattr(event, field, values[field])
    db.session.flush()


def delete_event(event: Event) -> None:
    """Remove an event with its attendance."""
    db.session.delete(event)
    db.session.flush()


def attending(event: Event) -> list[Company]:
    """The companies that attend (or attended) the event, by name."""
    statement = (
        select(Company)
        .join(EventAttendance, EventAttendance.company_id == Company.id)
        .where(EventAttendance.event_id == event.id)
        .order_by(Company.name_sort)
    )
    return list(db.session.scalars(statement))


def attends(event: Event, company_id: int | None) -> bool:
    """True when the company is on the event's attendance."""
    return any(attendance.company_id == company_id for attendance in event.attendances)


def will_attend(event: Event, company: Company, now: datetime) -> None:
    """A member says their company will come; saying it twice changes nothing."""
    if not is_upcoming(event, now):
        raise EventError("started")
    if not attends(event, company.id):
        event.attendances.append(EventAttendance(company_id=company.id))
        db.session.flush()


def withdraw(event: Event, company: Company, now: datetime) -> None:
    """A member takes back their company's "we will attend" before the event starts."""
    if not is_upcoming(event, now):
        raise EventError("started")
    event.attendances = [a for a in event.attendances if a.company_id != company.id]
    db.session.flush()


def attendance_choices(event: Event) -> list[Company]:
    """The companies a manager can tick: the current members, and whoever is on the attendance already."""
    recorded = select(EventAttendance.company_id).where(EventAttendance.event_id == event.id)
    statement = (
        select(Company)
        .join(CompanyMembership, CompanyMembership.company_id == Company.id)
        .where(or_(CompanyMembership.is_current, Company.id.in_(recorded)))
        .order_by(Company.name_sort)
    )
    return list(db.session.scalars(statement))


def record_attendance(event: Event, company_ids: Iterable[int]) -> None:
    """Set which companies attended, keeping the rows (and any "we will attend") of those that stay."""
    event.attendances = reuse_rows(
        event.attendances,
        lambda attendance: attendance.company_id,
        sorted(set(company_ids)),
        lambda company_id: EventAttendance(company_id=company_id),
    )
    db.session.flush()
