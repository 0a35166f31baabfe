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
    return slot_starts([(window.starts_at, window.ends_at) for window in windows(event)], event.slot_minutes)


def slot_starts(spans: list[tuple[datetime, datetime]], minutes: int | None) -> list[datetime]:
    """The starts of `minutes`-long slots in (start, end) spans in time order, saved as windows or not."""
    if not minutes:
        return []
    length = timedelta(minutes=minutes)
    starts = []
    for start, end in spans:
        while start + length <= end:
            starts.append(start)
            start += length
    return starts


def slot_end(event: Event, start: datetime) -> datetime:
    """When the slot starting at `start` ends."""
    return start + timedelta(minutes=event.slot_minutes)
