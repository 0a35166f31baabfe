"""Member segments (source study, chapter 6): new, active and to-be-re-activated member companies.

A company is "new" for the cluster's `segment_new_months` after it joined; after that the study asks
whether it uses the cluster's services: "active" with at least `segment_active_actions` uses in the last 12
months, "reactivate" (rarely or never uses them) with fewer. Uses are the services it used (catalogue) and
the cluster's events it attended. Sign-ins, posts and messages do not decide the segment; they are counted
beside it, so a manager sees a company that talks on the platform but never comes to the cluster's services.
The 12 months run from the same day a year earlier up to and including `today` (dates in UTC).
"""

from calendar import monthrange
from collections import Counter
from datetime import UTC, date, datetime, time, timedelta
from typing import NamedTuple

from sqlalchemy import Select, case, func, select
from sqlalchemy.sql import Subquery

from clusterhub.accounts.models import SignIn
from clusterhub.catalogue.models import ServiceUse
from clusterhub.companies.models import CompanyMembership
from clusterhub.events.models import Event, EventAttendance
from clusterhub.extensions import db
from clusterhub.posts.models import Message, Post
from tenants.context import current_tenant
from tenants.models import Membership

SEGMENTS = ("new", "active", "reactivate")
WINDOW_MONTHS = 12


class Segment(NamedTuple):
    name: str
    uses: int  # services used and events attended in the 12 months up to `today`
    other: int  # sign-ins, posts and messages in those 12 months: context, not the segment
    last_activity: date | None  # the latest action of any kind ever (up to `today`), None if there was none


def months_before(day: date, months: int) -> date:
    """The same day `months` earlier, or the month's last day when it is shorter (31 May → 28/29 Feb)."""
    year, month = divmod(day.year * 12 + day.month - 1 - months, 12)
    month += 1
    return date(year, month, min(day.day, monthrange(year, month)[1]))


def _midnight(day: date) -> datetime:
    return datetime.combine(day, time(), tzinfo=UTC)


def _tally(company, moment, start, end) -> Select:
    # One row per company: its actions from `start`, and its latest action before `end`.
    in_window = func.sum(case((moment >= start, 1), else_=0))
    return (
        select(company, in_window, func.max(moment))
        .where(moment < end, company.is_not(None))
        .group_by(company)
    )


def _service_queries(start: datetime, end: datetime, since: date, today: date) -> tuple[Select, ...]:
    return (
        _tally(ServiceUse.company_id, ServiceUse.used_on, since, today + timedelta(days=1)),
        # An event counts once it has started: coming to next week's meeting is no use yet.
        _tally(EventAttendance.company_id, Event.starts_at, start, end).join_from(
            EventAttendance, Event, EventAttendance.event_id == Event.id
        ),
    )


def _other_queries(start: datetime, end: datetime) -> tuple[Select, ...]:
    return (
        # A sign-in counts for the company the person represents in this cluster.
        _tally(Membership.company_id, SignIn.at, start, end).join_from(
            SignIn, Membership, Membership.user_id == SignIn.user_id
        ),
        _tally(Post.company_id, Post.created_at, start, end),
        _tally(Message.company_id, Message.created_at, start, end),
    )


class Activity(NamedTuple):
    uses: Counter  # per company
    other: Counter
    last: dict[int, date]


def activity(since: date, today: date) -> Activity:
    """Per company of the current cluster: its service uses and its other actions from `since` to `today`,
    and its last action of any kind up to `today` (companies with no action at all are not in `last`)."""
    start, end = _midnight(since), _midnight(today + timedelta(days=1))
    found = Activity(Counter(), Counter(), {})
    for counter, statements in (
        (found.uses, _service_queries(start, end, since, today)),
        (found.other, _other_queries(start, end)),
    ):
        for statement in statements:
            for company_id, count, latest in db.session.execute(statement):
                day = latest.astimezone(UTC).date() if isinstance(latest, datetime) else latest
                counter[company_id] += count
                found.last[company_id] = max(found.last.get(company_id, day), day)
    return found


def members_on(today: date) -> dict[int, date]:
    """The companies that were members of the current cluster on `today`, with the day each joined."""
    statement = select(CompanyMembership.company_id, CompanyMembership.member_since).where(
        CompanyMembership.member_on(today)
    )
    return dict(db.session.execute(statement).all())


def segment_of(joined: date, uses: int, today: date, new_months: int, active_uses: int) -> str:
    """The segment of a company that joined on `joined` and used the cluster's services `uses` times in the
    last 12 months."""
    if joined > months_before(today, new_months):
        return "new"
    return "active" if uses >= active_uses else "reactivate"


def segments(today: date) -> dict[int, Segment]:
    """Every member company's segment on `today`, by the current cluster's thresholds."""
    new_months, active_uses = current_tenant.segment_new_months, current_tenant.segment_active_actions
    found = activity(months_before(today, WINDOW_MONTHS), today)
    result = {}
    for company_id, joined in members_on(today).items():
        uses = found.uses[company_id]
        name = segment_of(joined, uses, today, new_months, active_uses)
        result[company_id] = Segment(name, uses, found.other[company_id], found.last.get(company_id))
    return result


def _uses_per_company(since: date, today: date) -> tuple[Subquery, Subquery]:
    """(company_id, uses) of the services used and of the events attended in the 12 months: the `uses` of
    `activity`, counted in the database."""
    start, end = _midnight(since), _midnight(today + timedelta(days=1))
    services = (
        select(ServiceUse.company_id.label("company_id"), func.count().label("uses"))
        .where(ServiceUse.used_on >= since, ServiceUse.used_on <= today, ServiceUse.company_id.is_not(None))
        .group_by(ServiceUse.company_id)
    )
    events = (
        select(EventAttendance.company_id.label("company_id"), func.count().label("uses"))
        .join(Event, EventAttendance.event_id == Event.id)
        .where(Event.starts_at >= start, Event.starts_at < end, EventAttendance.company_id.is_not(None))
        .group_by(EventAttendance.company_id)
    )
    return services.subquery(), events.subquery()


def members_per_segment(today: date) -> Counter:
    """How many member companies are in each segment on `today`: `segments` counted in the database, for
    the figures that need no single company's details."""
    new_months, active_uses = current_tenant.segment_new_months, current_tenant.segment_active_actions
    services, events = _uses_per_company(months_before(today, WINDOW_MONTHS), today)
    uses = func.coalesce(services.c.uses, 0) + func.coalesce(events.c.uses, 0)
    segment = case(
        (CompanyMembership.member_since > months_before(today, new_months), "new"),
        (uses >= active_uses, "active"),
        else_="reactivate",
    )
    # Grouped outside: a CASE with bound values in GROUP BY is not matched to the SELECT's by PostgreSQL.
    per_member = (
        select(segment.label("segment"))
        .select_from(CompanyMembership)
        .outerjoin(services, services.c.company_id == CompanyMembership.company_id)
        .outerjoin(events, events.c.company_id == CompanyMembership.company_id)
        .where(CompanyMembership.member_on(today))
        .subquery()
    )
    counted = select(per_member.c.segment, func.count()).group_by(per_member.c.segment)
    return Counter(dict(db.session.execute(counted).all()))
