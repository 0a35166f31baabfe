"""The organiser's spreadsheets of a conference: its participants and its meetings, as CSV or Excel files
through the platform's one download path (clusterhub/transfer/tables.py)."""

from collections.abc import Iterator

from flask_babel import gettext as _

from clusterhub.conferences.models import Meeting, Participant
from clusterhub.dates import date_and_time
from clusterhub.labels import label
from clusterhub.transfer.csvfile import join_list
from clusterhub.transfer.tables import Table

PARTICIPANT_COLUMNS = (
    "company",
    "cluster",
    "status",
    "person",
    "email",
    "sectors",
    "seeks",
    "offers",
    "rating",
    "comment",
)
MEETING_COLUMNS = (
    "slot",
    "table",
    "status",
    "requester",
    "requester_cluster",
    "invitee",
    "invitee_cluster",
    "requester_follow_up",
    "invitee_follow_up",
)


def _answer(value: bool | None) -> str:
    return "" if value is None else _("Yes") if value else _("No")


def _participant_rows(participants: list[Participant]) -> Iterator[dict]:
    for participant in participants:
        # The organiser runs the event (badges, the table plan, practical news), so the attending person's
        # name and e-mail are written whatever the participant chose to show the other participants.
        person = participant.user
        yield {
            "company": participant.company.name,
            "cluster": participant.tenant.name,
            "status": label("participation", participant.status),
            "person": person.name if person else "",
            "email": person.email if person else "",
            "sectors": join_list(participant.company.tag_names("sector")),
            "seeks": participant.seeks,
            "offers": participant.offers,
            "rating": "" if participant.rating is None else str(participant.rating),
            "comment": participant.rating_comment,
        }


def participants_table(event_id: int, participants: list[Participant]) -> Table:
    """Every company on the clusters' lists, one row each."""
    rows = _participant_rows(participants)
    return Table(f"conference-{event_id}-participants", _("Participants"), PARTICIPANT_COLUMNS, rows)


def _meeting_rows(meetings: list[Meeting]) -> Iterator[dict]:
    for meeting in meetings:
        yield {
            "slot": date_and_time(meeting.starts_at),
            "table": "" if meeting.table_no is None else str(meeting.table_no),
            "status": label("meeting_status", meeting.status),
            "requester": meeting.requester.company.name,
            "requester_cluster": meeting.requester.tenant.name,
            "invitee": meeting.invitee.company.name,
            "invitee_cluster": meeting.invitee.tenant.name,
            "requester_follow_up": _answer(meeting.requester_followed_up),
            "invitee_follow_up": _answer(meeting.invitee_followed_up),
        }


def meetings_table(event_id: int, meetings: list[Meeting]) -> Table:
    """Every meeting request, one row each with its slot in Rīga time."""
    return Table(f"conference-{event_id}-meetings", _("Meetings"), MEETING_COLUMNS, _meeting_rows(meetings))
