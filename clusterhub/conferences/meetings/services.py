"""1:1 meetings at a conference: requests, answers, tables, and each participant's agenda.

Whoever proposed a meeting's current slot waits; the other side accepts, declines or proposes another
slot. Accepting gives the meeting a table and takes a seat for each person in that slot. The database
has the last word on double booking: a partial unique index keeps a table to one accepted meeting per
slot and MeetingSeat keeps a person to one, so of two acceptances at the same moment one fails there.
"""

from datetime import datetime

from sqlalchemy import exists, func, select
from sqlalchemy.exc import IntegrityError

from clusterhub.clock import utcnow
from clusterhub.conferences.models import Meeting, MeetingSeat, Participant
from clusterhub.conferences.scoping import whole_conference
from clusterhub.conferences.slots import slots
from clusterhub.events.models import Event
from clusterhub.extensions import db
from clusterhub.notifications.services import moment_param, notify


class BookingError(Exception):
    """A meeting change the rules refuse; `reason` says which rule.

    "over": the conference has ended · "slot": the slot is not free for both · "self": a meeting with
    oneself · "stranger": the other is not a registered participant of the conference · "open": the two
    have an unanswered request already · "not_pending": the meeting is answered already · "own": the side
    that proposed the slot cannot answer it · "closed": a declined or cancelled meeting · "busy": one of
    the two has another meeting then · "full": no table is free then.
    """

    def __init__(self, reason: str):
        super().__init__(reason)
        self.reason = reason


def is_over(event: Event) -> bool:
    """Whether the conference has ended: no more meetings are arranged or changed."""
    return utcnow() >= (event.ends_at or event.starts_at)


@whole_conference()
def _taken_by(event: Event, participants) -> set[datetime]:
    """The slots in which any of `participants`' people has an accepted meeting."""
    users = [participant.user_id for participant in participants]
    return set(
        db.session.scalars(
            select(MeetingSeat.starts_at).where(
                MeetingSeat.event_id == event.id, MeetingSeat.user_id.in_(users)
            )
        )
    )


@whole_conference()
def _full(event: Event) -> set[datetime]:
    """The slots in which every table has an accepted meeting."""
    return set(
        db.session.scalars(
            select(Meeting.starts_at)
            .where(Meeting.event_id == event.id, Meeting.status == "accepted")
            .group_by(Meeting.starts_at)
            .having(func.count(Meeting.id) >= (event.tables or 0))
        )
    )


def free_slots(event: Event, *participants: Participant) -> list[datetime]:
    """The slots still ahead in which none of `participants` has an accepted meeting and a table is free."""
    now = utcnow()
    unavailable = _taken_by(event, participants) | _full(event)
    return [start for start in slots(event) if start > now and start not in unavailable]


def _open_between(first: Participant, second: Participant) -> bool:
    """Whether the two have a request that waits for an answer, whoever asked."""
    pair = {first.id, second.id}
    return db.session.scalar(
        select(
            exists().where(
                Meeting.requester_id.in_(pair), Meeting.invitee_id.in_(pair), Meeting.status == "pending"
            )
        )
    )


def _other(meeting: Meeting, participant: Participant) -> Participant:
    return meeting.invitee if participant.id == meeting.requester_id else meeting.requester


def _tell(meeting: Meeting, actor: Participant, kinds: tuple[str, str], **params) -> None:
    """Notify both sides, each in their own cluster and naming the other company: the actor gets
    `kinds[0]` (what they did), the other side `kinds[1]`."""
    other = _other(meeting, actor)
    for reader, kind in ((actor, kinds[0]), (other, kinds[1])):
        notify(
            [reader.user],
            kind,
            {
                "company": _other(meeting, reader).company.name,
                "event": meeting.event.title,
                "when": moment_param(meeting.starts_at),
                **params,
            },
            f"/events/{meeting.event_id}/agenda",
            tenant_id=reader.tenant_id,
        )


def _check_slot(event: Event, starts_at: datetime, *participants: Participant) -> None:
    if is_over(event):
        raise BookingError("over")
    if starts_at not in free_slots(event, *participants):
        raise BookingError("slot")


def request_meeting(
    event: Event, requester: Participant, invitee: Participant, starts_at: datetime, message: str = ""
) -> Meeting:
    """Ask another participant of the conference to meet in a slot free for both; the invitee answers."""
    if requester.id == invitee.id:
        raise BookingError("self")
    if {requester.event_id, invitee.event_id} != {event.id} or invitee.status != "registered":
        raise BookingError("stranger")
    if _open_between(requester, invitee):
        raise BookingError("open")
    _check_slot(event, starts_at, requester, invitee)
    meeting = Meeting(
        event=event,
        requester=requester,
        invitee=invitee,
        proposed_by=requester,
        starts_at=starts_at,
        message=message.strip(),
    )
    db.session.add(meeting)
    db.session.flush()
    _tell(meeting, requester, ("meeting_request_sent", "meeting_requested"))
    return meeting


def check_answer(meeting: Meeting, participant: Participant) -> None:
    """Only the side that did not propose the slot answers, while the meeting waits for an answer."""
    if meeting.status != "pending":
        raise BookingError("not_pending")
    if meeting.proposed_by_id == participant.id:
        raise BookingError("own")
    if is_over(meeting.event):
        raise BookingError("over")


@whole_conference()
def _free_tables(meeting: Meeting) -> list[int]:
    taken = set(
        db.session.scalars(
            select(Meeting.table_no).where(
                Meeting.event_id == meeting.event_id,
                Meeting.starts_at == meeting.starts_at,
                Meeting.status == "accepted",
            )
        )
    )
    return [table for table in range(1, (meeting.event.tables or 0) + 1) if table not in taken]


def _seated(meeting: Meeting, table: int) -> bool:
    """Give the meeting `table` and a seat for each person, in a savepoint: False when another
    acceptance took the table or a person first (the savepoint is rolled back, the transaction goes on)."""
    try:
        with db.session.begin_nested():
            meeting.status = "accepted"
            meeting.table_no = table
            meeting.seats = [
                MeetingSeat(event_id=meeting.event_id, user_id=side.user_id, starts_at=meeting.starts_at)
                for side in (meeting.requester, meeting.invitee)
            ]
    except IntegrityError:
        db.session.refresh(meeting)
        return False
    return True


def accept(meeting: Meeting, participant: Participant) -> Meeting:
    """The answering side agrees: the meeting gets the lowest free table and both people's seats."""
    check_answer(meeting, participant)
    sides = (meeting.requester, meeting.invitee)
    for table in _free_tables(meeting):
        if meeting.starts_at in _taken_by(meeting.event, sides):
            raise BookingError("busy")
        if _seated(meeting, table):
            _tell(meeting, participant, ("meeting_accepted", "meeting_accepted"), table=table)
            return meeting
        if meeting.status != "pending":  # answered at the same moment elsewhere (a second click)
            raise BookingError("not_pending")
    if meeting.starts_at in _taken_by(meeting.event, sides):
        raise BookingError("busy")
    raise BookingError("full")


def decline(meeting: Meeting, participant: Participant) -> Meeting:
    """The answering side says no."""
    check_answer(meeting, participant)
    meeting.status = "declined"
    db.session.flush()
    _tell(meeting, participant, ("meeting_decline_sent", "meeting_declined"))
    return meeting


def propose(meeting: Meeting, participant: Participant, starts_at: datetime) -> Meeting:
    """The answering side proposes another slot free for both; now the other side answers."""
    check_answer(meeting, participant)
    _check_slot(meeting.event, starts_at, meeting.requester, meeting.invitee)
    meeting.starts_at = starts_at
    meeting.proposed_by = participant
    db.session.flush()
    _tell(meeting, participant, ("meeting_proposal_sent", "meeting_proposed"))
    return meeting


def check_cancel(meeting: Meeting) -> None:
    """Only a meeting still pending or accepted, before the conference ends, can be called off."""
    if meeting.status not in ("pending", "accepted"):
        raise BookingError("closed")
    if is_over(meeting.event):
        raise BookingError("over")


def cancel(meeting: Meeting, participant: Participant) -> Meeting:
    """Either side calls the meeting off; an accepted one frees its table and both seats."""
    check_cancel(meeting)
    meeting.seats = []
    meeting.table_no = None
    meeting.status = "cancelled"
    db.session.flush()
    _tell(meeting, participant, ("meeting_cancelled", "meeting_cancelled"))
    return meeting


@whole_conference()
def conflicting(event: Event, pending: list[Meeting]) -> set[int]:
    """The ids of the `pending` meetings whose slot has meanwhile been booked: one side has an agreed
    meeting then, or every table is taken. They can no longer be accepted, only moved or declined."""
    people = {side.user_id for meeting in pending for side in (meeting.requester, meeting.invitee)}
    seated = set(
        db.session.execute(
            select(MeetingSeat.user_id, MeetingSeat.starts_at).where(
                MeetingSeat.event_id == event.id, MeetingSeat.user_id.in_(people)
            )
        )
    )
    full = _full(event)
    return {
        meeting.id
        for meeting in pending
        if meeting.starts_at in full
        or any((side.user_id, meeting.starts_at) in seated for side in (meeting.requester, meeting.invitee))
    }


def agenda(participant: Participant) -> list[Meeting]:
    """Every meeting the participant asked for or was asked to, in time order."""
    return list(
        db.session.scalars(
            select(Meeting).where(Meeting.taking_part(participant.id)).order_by(Meeting.starts_at, Meeting.id)
        )
    )
