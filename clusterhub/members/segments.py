"""Member segments (source study, chapter 6): new, active and to-be-re-activated member companies.

A company is "new" for the cluster's `segment_new_months` after it joined; after that it is "active"
with at least `segment_active_actions` actions in the last 12 months and "reactivate" with fewer.
Actions are sign-ins of the company's people, posts, messages, service uses and event attendances.
The 12 months run from the same day a year earlier up to and including `today` (dates in UTC).
"""

from calendar import monthrange
from collections import Counter
from datetime import UTC, date, datetime, time, timedelta
from typing import NamedTuple

from sqlalchemy import Select, case, func, select

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
    actions: int  # in the 12 months up to `today`
    last_activity: date | None  # the latest action ever (up to `today`), None if there was none


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


def _activity_queries(since: date, today: date) -> tuple[Select, ...]:
    start, end = _midnight(since), _midnight(today + timedelta(days=1))
    return (
        # A sign-in counts for the company the person represents in this cluster.
        _tally(Membership.company_id, SignIn.at, start, end).join_from(
            SignIn, Membership, Membership.user_id == SignIn.user_id
        ),
        _tally(Post.company_id, Post.created_at, start, end),
        _tally(Message.company_id, Message.created_at, start, end),
        _tally(ServiceUse.company_id, ServiceUse.used_on, since, today + timedelta(days=1)),
        # An event counts once it has started: coming to next week's meeting is no activity yet.
        _tally(EventAttendance.company_id, Event.starts_at, start, end).join_from(
            EventAttendance, Event, EventAttendance.event_id == Event.id
        ),
    )


def activity(since: date, today: date) -> dict[int, tuple[int, date | None]]:
    """Per company of the current cluster: (actions from `since` to `today`, its last action up to `today`).

    Companies with no action at all up to `today` are left out.
    """
    actions: Counter = Counter()
    last: dict[int, date] = {}
    for statement in _activity_queries(since, today):
        for company_id, count, latest in db.session.execute(statement):
            day = latest.astimezone(UTC).date() if isinstance(latest, datetime) else latest
            actions[company_id] += count
            last[company_id] = max(last.get(company_id, day), day)
    return {company_id: (actions[company_id], last[company_id]) for company_id in last}


def members_on(today: date) -> dict[int, date]:
    """The companies that were members of the current cluster on `today`, with the day each joined."""
    statement = select(CompanyMembership.company_id, CompanyMembership.member_since).where(
        CompanyMembership.member_on(today)
    )
    return dict(db.session.execute(statement).all())


def segment_of(joined: date, actions: int, today: date, new_months: int, active_actions: int) -> str:
    """The segment of a company that joined on `joined` and had `actions` in the last 12 months."""
    if joined > months_before(today, new_months):
        return "new"
    return "active" if actions >= active_actions else "reactivate"


def segments(today: date) -> dict[int, Segment]:
    """Every member company's segment on `today`, by the current cluster's thresholds."""
    new_months, active_actions = current_tenant.segment_new_months, current_tenant.segment_active_actions
    found = activity(months_before(today, WINDOW_MONTHS), today)
    result = {}
    for company_id, joined in members_on(today).items():
        actions, last = found.get(company_id, (0, None))
        name = segment_of(joined, actions, today, new_months, active_actions)
        result[company_id] = Segment(name, actions, last)
    return result
