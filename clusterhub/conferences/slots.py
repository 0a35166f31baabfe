"""The 1:1 meeting slots of a conference: its meeting windows cut into slots of the event's length."""

from datetime import datetime, timedelta

from sqlalchemy import select

from clusterhub.conferences.models import MeetingWindow
from clusterhub.events.models import Event
from clusterhub.extensions import db


def windows(event: Event) -> list[MeetingWindow]:
    """The conference's meeting windows in time order."""
    return list(
        db.session.scalars(
            select(MeetingWindow).where(MeetingWindow.event_id == event.id).order_by(MeetingWindow.starts_at)
        )
    )


def slots(event: Event) -> list[datetime]:
    """Every slot start (UTC), in time order; a slot that would run past its window's end is left out."""
    if not event.slot_minutes:
        return []
    length = timedelta(minutes=event.slot_minutes)
    starts = []
    for window in windows(event):
        start = window.starts_at
        while start + length <= window.ends_at:
            starts.append(start)
            start += length
    return starts


def slot_end(event: Event, start: datetime) -> datetime:
    """When the slot starting at `start` ends."""
    return start + timedelta(minutes=event.slot_minutes)
