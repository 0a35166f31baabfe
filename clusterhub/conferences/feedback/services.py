"""After a conference: each participant rates the event and says which of its meetings led to a follow-up.

The answers feed the organiser's report and the clusters' indicators (clusterhub/indicators/figures.py).
"""

from datetime import datetime

from sqlalchemy import or_, select
from sqlalchemy.orm import selectinload

from clusterhub.conferences.models import Meeting, Participant
from clusterhub.conferences.reports.services import has_ended
from clusterhub.extensions import db

SIDES = (Meeting.requester, Meeting.invitee)


class FeedbackError(ValueError):
    """Feedback given before the conference is over."""


def my_meetings(participant: Participant) -> list[Meeting]:
    """The participant's accepted meetings at its conference, in time order, with both companies loaded."""
    statement = (
        select(Meeting)
        .where(
            Meeting.event_id == participant.event_id,
            Meeting.status == "accepted",
            or_(Meeting.requester_id == participant.id, Meeting.invitee_id == participant.id),
        )
        .order_by(Meeting.starts_at, Meeting.id)
        .options(
            *(selectinload(side).selectinload(Participant.company) for side in SIDES),
            *(selectinload(side).selectinload(Participant.tenant) for side in SIDES),
        )
    )
    return list(db.session.scalars(statement))


def _side(meeting: Meeting, participant: Participant) -> str:
    """The column that holds the participant's own answer about the meeting."""
    return "requester_followed_up" if meeting.requester_id == participant.id else "invitee_followed_up"


def my_answer(meeting: Meeting, participant: Participant) -> bool | None:
    """What the participant said about the meeting: True (a follow-up), False, or None (not yet)."""
    return getattr(meeting, _side(meeting, participant))


def other_side(meeting: Meeting, participant: Participant) -> Participant:
    """The company the participant met."""
    return meeting.invitee if meeting.requester_id == participant.id else meeting.requester


def give_feedback(
    participant: Participant, rating: int, comment: str, follow_ups: dict[int, bool | None], now: datetime
) -> None:
    """Store the participant's rating (1-5) and comment, and its answer for each of its meetings named in
    `follow_ups` (meeting id: led to a follow-up, None: cannot say yet). Giving feedback again replaces
    the earlier answers.

    Raises FeedbackError before the conference is over.
    """
    if not has_ended(participant.event, now):
        raise FeedbackError("not_ended")
    participant.rating = rating
    participant.rating_comment = comment
    for meeting in my_meetings(participant):
        if meeting.id in follow_ups:
            setattr(meeting, _side(meeting, participant), follow_ups[meeting.id])
    db.session.flush()
