"""The demo organiser's inter-cluster forums (demo/forums.py): one half a year ago, one coming up.

Each step goes through the same services as the pages and is dated as it would have happened: the
organiser plans the forum and invites the three clusters, their managers nominate, the companies
register. In the coming forum the participants ask each other for meetings and answer through
conferences/meetings/services.py, which keeps people and tables from double booking and arranges nothing
for a forum that is over, so the past forum's meetings are written as they ended (the database still
keeps a person and a table to one meeting per slot), then its participants rate it and say which
meetings led to a follow-up. The past forum's notifications were read long ago.

The forums are made once, in one go: an organiser who organises a conference already gets nothing more.
"""

from collections import Counter
from datetime import UTC, date, datetime, time, timedelta

from sqlalchemy import func, select, update

from clusterhub.accounts.models import User
from clusterhub.accounts.services import find_user
from clusterhub.clock import local_today, utcnow, zone
from clusterhub.companies.models import Company
from clusterhub.companies.services import company_named
from clusterhub.conferences.feedback.services import give_feedback
from clusterhub.conferences.meetings import services as meetings
from clusterhub.conferences.models import SHOWABLE, EventCluster, Meeting, MeetingSeat, Participant
from clusterhub.conferences.nominations.services import invitation, nominate, register, request_to_go
from clusterhub.conferences.organiser.services import create_conference
from clusterhub.conferences.slots import slots
from clusterhub.demo import data, forums
from clusterhub.demo.entries import Pitch, Talk
from clusterhub.events.models import Event
from clusterhub.extensions import db
from clusterhub.notifications.models import Notification
from tenants.context import cross_tenant, tenant_scope
from tenants.models import Membership, Tenant

MANAGERS = {spec["slug"]: spec["manager"][1] for spec in data.CLUSTERS}
# When each step happened, counted from the invitations (which go out 21 days before the deadline, or
# 21 days ago when the deadline is still ahead).
INVITED_BEFORE = timedelta(days=21)
NOMINATED, REGISTERED, BOOKED = timedelta(days=3), timedelta(days=8), timedelta(days=14)


def riga(day: date, hour_minute: tuple[int, int]) -> datetime:
    """A Rīga wall-clock time on `day` (hour, minute), in UTC."""
    return datetime.combine(day, time(*hour_minute), zone()).astimezone(UTC)


def _day(spec: dict, today: date) -> date:
    """The forum's day: `days` from today, moved on to the next forum weekday."""
    day = today + timedelta(days=spec["days"])
    return day + timedelta(days=(forums.WEEKDAY - day.weekday()) % 7)


def _season(day: date) -> str:
    """The season of the forum as its title names it; a winter spans two years."""
    season = forums.SEASONS[day.month]
    if season != "ziema":
        return f"{season} {day.year}"
    first = day.year if day.month == 12 else day.year - 1
    return f"{season} {first}/{first + 1}"


def _plan(spec: dict, day: date) -> tuple[dict, list[tuple[datetime, datetime]]]:
    """The forum's fields as the organiser's form gives them, and its meeting windows."""
    starts_at, ends_at = (riga(day, moment) for moment in forums.DAY)
    values = {
        "title": f"{forums.TITLE} — {_season(day)}",
        "description": spec["description"],
        "venue": spec["venue"],
        "starts_at": starts_at,
        "ends_at": ends_at,
        "registration_closes_at": riga(day - timedelta(days=forums.REGISTRATION_DAYS), forums.DAY[1]),
        "slot_minutes": forums.SLOT_MINUTES,
        "tables": forums.TABLES,
    }
    return values, [(riga(day, start), riga(day, end)) for start, end in forums.WINDOWS]


def _representative(company_id: int, email: str = "") -> User:
    """The person with `email`, or else the company's first person in the current cluster."""
    if email:
        return find_user(email)
    return db.session.scalar(
        select(User)
        .join(Membership, Membership.user_id == User.id)
        .where(Membership.company_id == company_id)
        .order_by(Membership.id)
        .limit(1)
    )


def _answers(pitch: Pitch) -> dict:
    """The registration form's values for a pitch."""
    shown = {f"show_{field}": field in pitch.shows for field in SHOWABLE}
    return {"seeks": pitch.seeks, "offers": pitch.offers, "interests": list(pitch.interests), **shown}


def _nominated(invited: EventCluster, company: Company, manager: User, person: User, when: datetime):
    """A conference's way: the cluster's manager nominates the company."""
    return nominate(invited, company, manager, when)


def put_forward(
    event: Event, spec: dict, slug: str, invited_at: datetime, chosen=_nominated
) -> dict[str, Participant]:
    """The current cluster's companies for the forum: registered ones, a member's request and a
    nomination not registered yet, as the spec lists them; the registered ones by company name.

    `chosen(invitation, company, manager, person, when)` puts a registered one forward (a visit's host
    picks it from the applicants instead)."""
    invited, manager = invitation(event.id), find_user(MANAGERS[slug])
    registered = {}
    for number, name in enumerate(spec["registered"][slug]):
        company, pitch = company_named(name), forums.PITCHES[name]
        person = _representative(company.id, pitch.person)
        participant = chosen(invited, company, manager, person, invited_at + NOMINATED)
        register(participant, person, _answers(pitch), invited_at + REGISTERED + timedelta(hours=number))
        participant.created_at = invited_at + NOMINATED
        registered[name] = participant
    for name in spec.get("requested", {}).get(slug, ()):
        company = company_named(name)
        request_to_go(invited, company, _representative(company.id), utcnow())
    for name in spec.get("nominated", {}).get(slug, ()):
        nominate(invited, company_named(name), manager, utcnow())
    return registered


def _arrange(event: Event, talk: Talk, requester: Participant, invitee: Participant, starts: list) -> Meeting:
    """A meeting still ahead, asked for and answered through the meeting services as on the participants'
    pages."""
    meeting = meetings.request_meeting(event, requester, invitee, starts[talk.slot], talk.message)
    if talk.outcome == "accepted":
        meetings.accept(meeting, invitee)
    elif talk.outcome == "declined":
        meetings.decline(meeting, invitee)
    elif talk.outcome == "proposed":
        meetings.propose(meeting, invitee, starts[talk.other_slot])
    return meeting


def _held(
    event: Event, talk: Talk, requester: Participant, invitee: Participant, starts: list, tables: Counter
) -> Meeting:
    """A meeting of a forum that is over, written as it ended (the meeting services arrange only meetings
    still ahead); the database's unique seats and tables keep it from double booking all the same."""
    meeting = Meeting(
        event=event,
        requester=requester,
        invitee=invitee,
        proposed_by=requester,
        starts_at=starts[talk.slot],
        message=talk.message,
        status="pending" if talk.outcome == "proposed" else talk.outcome,
    )
    if talk.outcome == "proposed":
        meeting.starts_at, meeting.proposed_by = starts[talk.other_slot], invitee
    if talk.outcome == "accepted":
        tables[meeting.starts_at] += 1
        meeting.table_no = tables[meeting.starts_at]
        meeting.seats = [
            MeetingSeat(event_id=event.id, user_id=side.user_id, starts_at=meeting.starts_at)
            for side in (requester, invitee)
        ]
    db.session.add(meeting)
    return meeting


def _book(event: Event, talks: list[Talk], participants: dict, at: datetime) -> list[tuple[Talk, Meeting]]:
    """The meetings the participants asked for, answered as the talks say, each with its talk."""
    starts, over, tables = slots(event), meetings.is_over(event), Counter()
    booked = []
    for number, talk in enumerate(talks):
        requester, invitee = participants[talk.requester], participants[talk.invitee]
        if over:
            meeting = _held(event, talk, requester, invitee, starts, tables)
        else:
            meeting = _arrange(event, talk, requester, invitee, starts)
        meeting.created_at = at + timedelta(hours=number)
        booked.append((talk, meeting))
    db.session.flush()
    return booked


def _feedback(spec: dict, participants: dict, booked: list[tuple[Talk, Meeting]], now: datetime) -> None:
    """Each company's rating of the past forum and its word on each of its meetings."""
    for name, (rating, comment) in spec["ratings"].items():
        participant = participants[name]
        follow_ups = {}
        for talk, meeting in booked:
            if talk.outcome == "accepted" and name in (talk.requester, talk.invitee):
                follow_ups[meeting.id] = talk.followed_up[0 if name == talk.requester else 1]
        give_feedback(participant, rating, comment, follow_ups, now)


def _settle_notifications(after_id: int, at: datetime) -> None:
    """The past forum's notifications: dated back to when it was organised, and read."""
    db.session.execute(
        update(Notification).where(Notification.id > after_id).values(created_at=at, read_at=at)
    )


def _forum(spec: dict, organiser: User, tenants: dict[str, Tenant], today: date) -> None:
    """One forum from planning to (if it is over) feedback."""
    values, windows = _plan(spec, _day(spec, today))
    now = utcnow()
    invited_at = min(now, values["registration_closes_at"]) - INVITED_BEFORE
    quotas = {tenant.id: forums.QUOTA for tenant in tenants.values()}
    with cross_tenant():
        last_notification = db.session.scalar(select(func.max(Notification.id))) or 0
        event = create_conference(organiser, values, windows, quotas)
        event.created_at = invited_at
    participants = {}
    for slug, tenant in tenants.items():
        with tenant_scope(tenant):
            participants |= put_forward(event, spec, slug, invited_at)
    with cross_tenant():
        booked = _book(event, spec["talks"], participants, invited_at + BOOKED)
        if meetings.is_over(event):
            _feedback(spec, participants, booked, now)
            _settle_notifications(last_notification, invited_at)


def load_conferences(organiser: User) -> None:
    """The organiser's past and upcoming forums for the demo clusters, unless they organise one already."""
    with cross_tenant():
        organises = select(Event.id).where(Event.kind == "conference", Event.organiser_id == organiser.id)
        if db.session.scalar(organises.limit(1)) is not None:
            return
        by_slug = {tenant.slug: tenant for tenant in db.session.scalars(select(Tenant))}
    tenants = {slug: by_slug[slug] for slug in forums.CLUSTERS}
    today = local_today()
    for spec in (forums.PAST, forums.UPCOMING):
        _forum(spec, organiser, tenants, today)
    db.session.flush()
