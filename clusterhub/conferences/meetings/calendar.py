"""A participant's agenda as an iCalendar file (RFC 5545) that calendar programs import.

Each accepted meeting is an event with a UID of its own, so importing the file again updates the
meetings already in the calendar instead of adding them twice; the conference itself is one more event.
"""

from datetime import UTC, datetime

from flask_babel import gettext as _
from icalendar import Calendar
from icalendar import Event as CalendarEvent

from clusterhub.clock import utcnow
from clusterhub.conferences.directory.services import card
from clusterhub.conferences.models import Meeting, Participant
from clusterhub.conferences.slots import slot_end
from clusterhub.events.models import Event

PRODID = "-//ClusterHub//Conference agenda//EN"


def _utc(moment: datetime) -> datetime:
    return moment.astimezone(UTC)


def calendar_entry(
    uid: str, summary: str, starts_at: datetime, ends_at: datetime | None, **fields
) -> CalendarEvent:
    entry = CalendarEvent()
    entry.add("uid", uid)
    entry.add("dtstamp", utcnow())
    entry.add("dtstart", _utc(starts_at))
    if ends_at:
        entry.add("dtend", _utc(ends_at))
    entry.add("summary", summary)
    for name, value in fields.items():
        if value:
            entry.add(name, value)
    return entry


def _meeting_entry(meeting: Meeting, me: Participant, host: str, link: str) -> CalendarEvent:
    partner = card(meeting.invitee if meeting.requester_id == me.id else meeting.requester)
    lines = [_("With %(company)s (%(cluster)s).", company=partner.company, cluster=partner.cluster)]
    if partner.contact_name:
        lines.append(
            _("Contact: %(name)s, %(email)s", name=partner.contact_name, email=partner.contact_email)
        )
    if meeting.message:
        lines.append(meeting.message)
    lines.append(_("Your agenda: %(link)s", link=link))
    venue = meeting.event.venue
    table = _("table %(number)d", number=meeting.table_no)
    return calendar_entry(
        f"meeting-{meeting.id}@{host}",
        _("Meeting: %(company)s", company=partner.company),
        meeting.starts_at,
        slot_end(meeting.event, meeting.starts_at),
        location=f"{venue}, {table}" if venue else table,
        description="\n\n".join(lines),
        status="CONFIRMED",
        url=link,
    )


def agenda_calendar(event: Event, me: Participant, meetings: list[Meeting], host: str, link: str) -> bytes:
    """The conference and `me`'s accepted `meetings` as an .ics file; `host` makes the UIDs unique."""
    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    calendar.add("x-wr-calname", event.title)
    calendar.add_component(
        calendar_entry(
            f"conference-{event.id}@{host}",
            event.title,
            event.starts_at,
            event.ends_at,
            location=event.venue,
            description=event.description,
            url=link,
        )
    )
    for meeting in meetings:
        if meeting.status == "accepted":
            calendar.add_component(_meeting_entry(meeting, me, host, link))
    return calendar.to_ical()
