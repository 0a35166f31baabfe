"""What a conference's organiser does: plan it, invite clusters with quotas, change or delete it.

These run across clusters (the /events/ pages), so every query here names the conference or the
person it is for: nothing is narrowed to a cluster by itself.
"""

from collections import Counter
from dataclasses import dataclass
from datetime import datetime

from flask_sqlalchemy.pagination import Pagination
from sqlalchemy import func, or_, select

from clusterhub.accounts.models import User
from clusterhub.conferences.models import EventCluster, Meeting, MeetingWindow, Participant
from clusterhub.conferences.slots import slot_starts, windows
from clusterhub.events.models import CROSS_CLUSTER_KINDS, Event
from clusterhub.extensions import db
from clusterhub.navigation import paginate, path_for
from clusterhub.notifications.services import moment_param, notify
from tenants.context import across_clusters
from tenants.models import Membership, Tenant

# Event columns the organiser's form sets.
FIELDS = (
    "title",
    "description",
    "venue",
    "starts_at",
    "ends_at",
    "registration_closes_at",
    "slot_minutes",
    "tables",
)
# Participants that take a place of their cluster's quota (a member's request does not, until approved).
NOMINATED = ("nominated", "registered")
# Past conferences a person's list shows (a cluster goes to about two a year).
PAST_SHOWN = 6

Span = tuple[datetime, datetime]


@dataclass(frozen=True)
class Problem:
    """Why a change cannot be saved: "has_participants" or "quota_below_nominations" (for `tenant_id`),
    "meetings_outside_slots" or "tables_below_meetings" (`count` accepted meetings, the first at `when`)."""

    reason: str
    tenant_id: int | None = None
    count: int = 0
    when: datetime | None = None


class OrganisingError(ValueError):
    """A change to a conference would strand what participants or clusters have done already."""

    def __init__(self, problems: list[Problem]):
        super().__init__(", ".join(problem.reason for problem in problems))
        self.problems = problems


def clusters_to_invite(event: Event | None = None) -> list[Tenant]:
    """The active clusters by name, and any cluster the conference invites already (even if inactive now)."""
    shown = Tenant.active
    if event is not None:
        shown = or_(
            shown, Tenant.id.in_(select(EventCluster.tenant_id).where(EventCluster.event_id == event.id))
        )
    return list(db.session.scalars(select(Tenant).where(shown).order_by(Tenant.name_sort)))


def invitations(event: Event) -> list[EventCluster]:
    """The clusters the conference invites, with their quotas, by cluster name."""
    return list(
        db.session.scalars(
            select(EventCluster)
            .join(Tenant, Tenant.id == EventCluster.tenant_id)
            .where(EventCluster.event_id == event.id)
            .order_by(Tenant.name_sort)
        )
    )


def participation_counts(event: Event) -> dict[int, Counter]:
    """For each invited cluster (by id), how many of its companies are at each status."""
    rows = db.session.execute(
        select(Participant.tenant_id, Participant.status, func.count())
        .where(Participant.event_id == event.id)
        .group_by(Participant.tenant_id, Participant.status)
    )
    counts: dict[int, Counter] = {}
    for tenant_id, status, number in rows:
        counts.setdefault(tenant_id, Counter())[status] = number
    return counts


def nominated(counts: Counter | None) -> int:
    """How many places of its quota a cluster has filled."""
    return sum((counts or Counter())[status] for status in NOMINATED)


def create_conference(
    organiser: User,
    values: dict,
    spans: list[Span],
    quotas: dict[int, int],
    kind: str = "conference",
    host: Tenant | None = None,
) -> Event:
    """Plan a conference (or a visit or mission a `host` cluster holds) with its meeting windows, inviting
    clusters (id: quota); their managers are told."""
    event = Event(
        kind=kind, organiser=organiser, host_tenant_id=host and host.id, **{f: values[f] for f in FIELDS}
    )
    db.session.add(event)
    _set_windows(event, spans)
    for tenant_id, quota in quotas.items():
        _invite(event, tenant_id, quota)
    db.session.flush()
    return event


def update_conference(event: Event, values: dict, spans: list[Span], quotas: dict[int, int]) -> None:
    """Change a conference; newly invited clusters' managers are told.

    Raises OrganisingError, changing nothing, when the change would drop a cluster that has nominated or
    asked, cut a quota below the nominations made, or leave an accepted meeting without its slot or table.
    """
    problems = _refusals(event, values, spans, quotas)
    if problems:
        raise OrganisingError(problems)
    for field in FIELDS:
        setattr(event, field, values[field])
    if spans != [(window.starts_at, window.ends_at) for window in windows(event)]:
        for window in windows(event):
            db.session.delete(window)
        _set_windows(event, spans)
    current = {invitation.tenant_id: invitation for invitation in invitations(event)}
    for tenant_id, invitation in current.items():
        if tenant_id in quotas:
            invitation.quota = quotas[tenant_id]
        else:
            db.session.delete(invitation)
    for tenant_id in quotas.keys() - current.keys():
        _invite(event, tenant_id, quotas[tenant_id])
    db.session.flush()


def delete_conference(event: Event) -> None:
    """Remove a conference with its invitations, windows, participants and meetings (by database cascade)."""
    db.session.delete(event)
    db.session.flush()


def _refusals(event: Event, values: dict, spans: list[Span], quotas: dict[int, int]) -> list[Problem]:
    problems = []
    for tenant_id, counts in participation_counts(event).items():
        if tenant_id not in quotas:
            problems.append(Problem("has_participants", tenant_id, sum(counts.values())))
        elif quotas[tenant_id] < nominated(counts):
            problems.append(Problem("quota_below_nominations", tenant_id, nominated(counts)))
    accepted = list(
        db.session.scalars(
            select(Meeting)
            .where(Meeting.event_id == event.id, Meeting.status == "accepted")
            .order_by(Meeting.starts_at)
        )
    )
    starts = set(slot_starts(spans, values["slot_minutes"]))
    stranded = [meeting for meeting in accepted if meeting.starts_at not in starts]
    if stranded:
        problems.append(Problem("meetings_outside_slots", count=len(stranded), when=stranded[0].starts_at))
    unseated = [meeting for meeting in accepted if meeting.table_no > values["tables"]]
    if unseated:
        problems.append(Problem("tables_below_meetings", count=len(unseated), when=unseated[0].starts_at))
    return problems


def _set_windows(event: Event, spans: list[Span]) -> None:
    db.session.add_all(MeetingWindow(event=event, starts_at=start, ends_at=end) for start, end in spans)


def _invite(event: Event, tenant_id: int, quota: int) -> None:
    """Invite one cluster and leave its managers a notification in their cluster (e-mailed after commit)."""
    tenant = db.session.get(Tenant, tenant_id)
    db.session.add(EventCluster(event=event, tenant=tenant, quota=quota))
    managers = db.session.scalars(
        select(User)
        .join(Membership, Membership.user_id == User.id)
        .where(Membership.tenant_id == tenant.id, Membership.role == "manager")
    )
    notify(
        managers,
        "conference_invitation",
        {"event": event.title, "quota": quota, "deadline": moment_param(event.registration_closes_at)},
        path_for("cluster_conferences.index", tenant_slug=tenant.slug),
        tenant_id=tenant.id,
    )


@across_clusters
def organised_by(user: User) -> Pagination:
    """One page of the conferences a person organises (an administrator: all of them), latest start
    first; conferences are held by the platform, not by a cluster."""
    statement = select(Event).where(Event.kind.in_(CROSS_CLUSTER_KINDS))
    if not user.is_admin:
        statement = statement.where(Event.organiser_id == user.id)
    return paginate(statement.order_by(Event.starts_at.desc(), Event.id.desc()))


@across_clusters
def conferences_of(user: User, now: datetime) -> tuple[list[Event], list[Event]]:
    """The conferences a person takes part in or that invite one of their clusters: the upcoming ones,
    soonest first, and the PAST_SHOWN latest past ones."""
    invited = (
        select(EventCluster.event_id)
        .join(Membership, Membership.tenant_id == EventCluster.tenant_id)
        .where(Membership.user_id == user.id)
    )
    taking_part = select(Participant.event_id).where(Participant.user_id == user.id)
    theirs = select(Event).where(
        Event.kind.in_(CROSS_CLUSTER_KINDS), or_(Event.id.in_(invited), Event.id.in_(taking_part))
    )
    upcoming = theirs.where(Event.starts_at >= now).order_by(Event.starts_at, Event.id)
    past = theirs.where(Event.starts_at < now).order_by(Event.starts_at.desc(), Event.id.desc())
    return list(db.session.scalars(upcoming)), list(db.session.scalars(past.limit(PAST_SHOWN)))


@across_clusters
def invited_clusters_of(event: Event, user: User) -> list[Tenant]:
    """The person's own clusters that the conference invites, by name."""
    return list(
        db.session.scalars(
            select(Tenant)
            .join(EventCluster, EventCluster.tenant_id == Tenant.id)
            .join(Membership, Membership.tenant_id == Tenant.id)
            .where(EventCluster.event_id == event.id, Membership.user_id == user.id)
            .order_by(Tenant.name_sort)
        )
    )


@across_clusters
def nomination_of(event: Event, user: User) -> Participant | None:
    """A nomination waiting for the person to register: their company's, in the cluster that nominated it."""
    return db.session.scalar(
        select(Participant)
        .join(
            Membership,
            (Membership.tenant_id == Participant.tenant_id)
            & (Membership.company_id == Participant.company_id),
        )
        .where(
            Participant.event_id == event.id, Participant.status == "nominated", Membership.user_id == user.id
        )
        .limit(1)
    )
