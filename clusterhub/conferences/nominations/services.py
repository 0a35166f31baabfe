"""Who goes to a conference for a cluster: members ask, managers nominate within the quota, firms register.

The cluster side (asking, nominating, approving, withdrawing) runs inside the cluster, so its queries are
scoped there. Registering runs on the conference's own pages, which read across clusters: those queries
name the conference and the cluster themselves.
"""

from datetime import datetime

from sqlalchemy import and_, case, func, or_, select, update
from sqlalchemy.orm import selectinload
from sqlalchemy.orm.attributes import set_committed_value

from clusterhub.accounts.models import User
from clusterhub.companies.directory import is_current_member
from clusterhub.companies.models import Company, CompanyMembership, CompanyTag
from clusterhub.conferences.meetings.services import BookingError, agenda, cancel, is_over
from clusterhub.conferences.models import SHOWABLE, EventCluster, Meeting, Participant
from clusterhub.events.models import Event
from clusterhub.extensions import db
from clusterhub.navigation import path_for
from clusterhub.notifications.services import managers, moment_param, notify, people_of
from tenants.context import across_clusters, cross_tenant
from tenants.models import Membership

# Nominated and registered companies take the cluster's places; a member's request does not until approved.
TAKES_A_PLACE = ("nominated", "registered")


class NominationError(ValueError):
    """A refused step; `reason`: no_company, former, listed, elsewhere, closed, full, colleague, over, or
    host_picks (a visit's host picks its companies, the clusters' managers do not)."""

    def __init__(self, reason: str):
        super().__init__(reason)
        self.reason = reason


def deadline(event: Event) -> datetime:
    """Until when companies may be put forward and register: the deadline, or else the start."""
    return event.registration_closes_at or event.starts_at


def registration_open(event: Event, now: datetime) -> bool:
    """Whether companies may still ask, be nominated or approved, and register."""
    return now < deadline(event)


def _attach_conferences(rows) -> None:
    """Give each invitation or participant its conference object.

    The conference belongs to no cluster, and a load inside a cluster carries the cluster's criteria
    on to relationship loads, which would not find it; so it is read across clusters by id, on purpose.
    """
    ids = {row.event_id for row in rows}
    with cross_tenant():
        events = {event.id: event for event in db.session.scalars(select(Event).where(Event.id.in_(ids)))}
    for row in rows:
        set_committed_value(row, "event", events[row.event_id])


def invitations(now: datetime) -> list[EventCluster]:
    """The conferences the current cluster is invited to: upcoming soonest first, then past latest first."""
    rows = list(db.session.scalars(select(EventCluster)))
    _attach_conferences(rows)
    upcoming = sorted((r for r in rows if r.event.starts_at >= now), key=lambda r: r.event.starts_at)
    past = sorted((r for r in rows if r.event.starts_at < now), key=lambda r: r.event.starts_at, reverse=True)
    return upcoming + past


def invitation(conference_id: int) -> EventCluster | None:
    """The current cluster's invitation to a conference, if it is invited."""
    invited = db.session.scalar(select(EventCluster).where(EventCluster.event_id == conference_id))
    if invited is not None:
        _attach_conferences([invited])
    return invited


def on_list(invited: EventCluster, participant_id: int) -> Participant | None:
    """A company on the current cluster's list for the invited conference."""
    participant = db.session.scalar(
        select(Participant).where(Participant.id == participant_id, Participant.event_id == invited.event_id)
    )
    if participant is not None:
        set_committed_value(participant, "event", invited.event)
    return participant


def participations(company_id: int | None) -> dict[int, Participant]:
    """A company's requests, nominations and registrations in the current cluster, by conference id."""
    if company_id is None:
        return {}
    rows = db.session.scalars(select(Participant).where(Participant.company_id == company_id))
    return {row.event_id: row for row in rows}


def listed(event: Event) -> list[Participant]:
    """The current cluster's requests, nominations and registrations for a conference, by company name."""
    return list(
        db.session.scalars(
            select(Participant)
            .join(Participant.company)
            .where(Participant.event_id == event.id)
            .options(selectinload(Participant.user))
            .order_by(Company.name_sort, Participant.id)
        )
    )


def places_taken(conference_id: int) -> int:
    """How many of the current cluster's places are taken (nominated and registered companies)."""
    return db.session.scalar(
        select(func.count(Participant.id)).where(
            Participant.event_id == conference_id, Participant.status.in_(TAKES_A_PLACE)
        )
    )


def nominable(event: Event) -> list[Company]:
    """The cluster's current member companies that are not on its list for the conference yet."""
    on_list = select(Participant.company_id).where(Participant.event_id == event.id)
    return list(
        db.session.scalars(
            select(Company)
            .join(CompanyMembership, CompanyMembership.company_id == Company.id)
            .where(CompanyMembership.is_current, Company.id.not_in(on_list))
            .order_by(Company.name_sort)
        )
    )


def _lock(invited: EventCluster) -> None:
    """Hold the cluster's invitation until the commit, so nominations at the same moment count in turn.

    A write rather than SELECT … FOR UPDATE: PostgreSQL locks the row either way, and SQLite (which
    ignores FOR UPDATE and begins its transaction only at the first write) takes its one write lock
    here, before the places are counted. The re-read picks up a quota the organiser just changed.
    """
    db.session.execute(
        update(EventCluster).where(EventCluster.id == invited.id).values(quota=EventCluster.quota)
    )
    db.session.refresh(invited, ["quota"])


def _refuse_unless_open(event: Event, now: datetime) -> None:
    if not registration_open(event, now):
        raise NominationError("closed")


def _refuse_unless_place(invited: EventCluster) -> None:
    _lock(invited)
    if places_taken(invited.event_id) >= invited.quota:
        raise NominationError("full")


def _refuse_unless_free(event: Event, company: Company) -> None:
    """A current member company not yet listed by any cluster (a company may be a member of two)."""
    if not is_current_member(company.id):
        raise NominationError("former")
    with cross_tenant():
        taken = db.session.scalar(
            select(Participant.status).where(
                Participant.event_id == event.id, Participant.company_id == company.id
            )
        )
    if taken is not None:
        raise NominationError("listed" if participations(company.id).get(event.id) else "elsewhere")


def _tell_nominated(participant: Participant) -> None:
    event = participant.event
    notify(
        people_of(participant.company_id),
        "visit_picked" if event.has_delegation else "conference_nominated",
        {"event": event.title, "deadline": moment_param(deadline(event))},
        path_for("conferences.register", conference_id=event.id),
        tenant_id=participant.tenant_id,
    )


def request_to_go(invited: EventCluster, company: Company | None, user: User, now: datetime) -> Participant:
    """A member company asks its managers to send it to the conference; they are told."""
    event = invited.event
    if company is None:
        raise NominationError("no_company")
    _refuse_unless_open(event, now)
    _refuse_unless_free(event, company)
    participant = Participant(event=event, company=company, status="requested", requested_by_id=user.id)
    db.session.add(participant)
    db.session.flush()
    if event.has_delegation:  # the host picks from the applicants of every invited cluster
        _tell_host(participant)
    else:
        notify(
            managers(),
            "conference_request",
            {"company": company.name, "event": event.title},
            path_for("cluster_conferences.manage", conference_id=event.id),
            tenant_id=participant.tenant_id,
        )
    return participant


@across_clusters
def _tell_host(participant: Participant) -> None:
    """The visit's host (its organiser, a manager of the host cluster) learns of an application there."""
    event = participant.event
    if event.organiser_id is None:  # the host's account is gone: the shortlist shows the application
        return
    notify(
        [db.session.get(User, event.organiser_id)],
        "visit_application",
        {"company": participant.company.name, "cluster": participant.tenant.name, "event": event.title},
        path_for("conferences.shortlist", conference_id=event.id),
        tenant_id=event.host_tenant_id,
    )


def nominate(invited: EventCluster, company: Company, user: User, now: datetime) -> Participant:
    """A manager puts a member company forward within the quota; the company's people are told."""
    event = invited.event
    _refuse_unless_open(event, now)
    _refuse_unless_free(event, company)
    _refuse_unless_place(invited)
    participant = Participant(event=event, company=company, status="nominated", requested_by_id=user.id)
    db.session.add(participant)
    db.session.flush()
    _tell_nominated(participant)
    return participant


def approve(invited: EventCluster, participant: Participant, now: datetime) -> None:
    """A manager turns a member's request into a nomination within the quota; the company is told."""
    _refuse_unless_open(invited.event, now)
    if participant.status != "requested":
        raise NominationError("listed")
    if not is_current_member(participant.company_id):
        raise NominationError("former")
    _refuse_unless_place(invited)
    participant.status = "nominated"
    db.session.flush()
    _tell_nominated(participant)


def meeting_count(participant: Participant) -> int:
    """How many pending or agreed meetings the participant has at the conference."""
    return db.session.scalar(
        select(func.count(Meeting.id)).where(
            or_(Meeting.requester_id == participant.id, Meeting.invitee_id == participant.id),
            Meeting.status.in_(("pending", "accepted")),
        )
    )


def withdraw(participant: Participant) -> None:
    """Take a company off the cluster's list: declines a request, frees a place.

    A registration goes too: its meetings still to come are cancelled first, so the other sides are told
    (in their own clusters, hence across clusters); the database then deletes the meetings with it. After
    the conference nobody is taken off: its meetings, ratings and follow-ups are the cluster's record.
    """
    if is_over(participant.event):
        raise NominationError("over")
    if participant.status == "registered":
        with cross_tenant():
            for meeting in agenda(participant):
                try:
                    cancel(meeting, participant)
                except BookingError:
                    continue  # declined or cancelled already, or the conference is over: nobody to tell
    db.session.delete(participant)
    db.session.flush()


# Registering: on the conference's pages, across clusters.


@across_clusters
def representing(event: Event, user: User) -> Participant | None:
    """The nominated or registered company `user` represents in the cluster that put it forward."""
    return db.session.scalar(
        select(Participant)
        .join(
            Membership,
            and_(
                Membership.tenant_id == Participant.tenant_id,
                Membership.company_id == Participant.company_id,
            ),
        )
        .where(
            Participant.event_id == event.id,
            Participant.status.in_(TAKES_A_PLACE),
            Membership.user_id == user.id,
        )
        .options(selectinload(Participant.company), selectinload(Participant.user))
        .order_by(case((Participant.user_id == user.id, 0), else_=1), Participant.id)
        .limit(1)
    )


@across_clusters
def sector_names(event: Event) -> list[str]:
    """The sectors of the invited clusters' current member companies, once each, in Latvian order."""
    invited = select(EventCluster.tenant_id).where(EventCluster.event_id == event.id)
    members = select(CompanyMembership.company_id).where(
        CompanyMembership.tenant_id.in_(invited), CompanyMembership.is_current
    )
    rows = db.session.execute(
        select(CompanyTag.key, func.min(CompanyTag.name))
        .where(CompanyTag.kind == "sector", CompanyTag.company_id.in_(members))
        .group_by(CompanyTag.key)
        .order_by(CompanyTag.key)
    )
    return [name for _, name in rows]


def blocker(participant: Participant, user: User, now: datetime) -> str | None:
    """Why `user` cannot register the company or change its registration now, if anything stops them.

    The first registration needs the deadline ahead; once registered, the person who attends may
    change the answers later, and a colleague may not take the registration over.
    """
    if participant.status == "registered":
        return "colleague" if participant.user_id != user.id else None
    return None if registration_open(participant.event, now) else "closed"


def register(participant: Participant, user: User, values: dict, now: datetime) -> None:
    """Record what the company seeks and offers, its interests and what it shows; the person consented."""
    reason = blocker(participant, user, now)
    if reason:
        raise NominationError(reason)
    if participant.status != "registered":
        participant.status, participant.user_id, participant.consented_at = "registered", user.id, now
    participant.seeks = values["seeks"]
    participant.offers = values["offers"]
    participant.interests = "\n".join(values["interests"])
    for field in SHOWABLE:
        setattr(participant, f"show_{field}", values[f"show_{field}"])
    db.session.flush()
