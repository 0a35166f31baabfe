"""Calendar feeds: making and revoking a person's secret address, and the calendar it serves.

The feed holds the events of the clusters the person belongs to now (from a month back) and their own
conference meetings through the clusters that sent them; a cluster they left, or one that was closed,
drops out of the feed at the next fetch.
"""

import hashlib
import secrets
from datetime import datetime, timedelta

from icalendar import Calendar
from sqlalchemy import delete, select

from clusterhub.accounts.models import User
from clusterhub.conferences.meetings.calendar import agenda_calendar, calendar_entry
from clusterhub.conferences.meetings.services import agenda
from clusterhub.conferences.models import Participant
from clusterhub.conferences.scoping import conference_scope
from clusterhub.events.models import Event
from clusterhub.extensions import db
from clusterhub.feeds.models import CalendarFeed
from tenants.context import cross_tenant
from tenants.models import Tenant
from tenants.services import memberships_of

PRODID = "-//ClusterHub//Calendar feed//EN"
PAST_DAYS = 31  # how far back the feed keeps events, so last week's meeting stays in the calendar


def _hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def feed_of(user: User) -> CalendarFeed | None:
    return db.session.scalar(select(CalendarFeed).where(CalendarFeed.user_id == user.id))


def new_feed(user: User) -> str:
    """Give the person a new feed address and return its secret; an earlier address stops working."""
    token = secrets.token_urlsafe(32)
    feed = feed_of(user)
    if feed is None:
        db.session.add(CalendarFeed(user=user, token_hash=_hash(token)))
    else:
        feed.token_hash = _hash(token)
    db.session.flush()
    return token


def revoke_feed(user: User) -> None:
    """Stop the person's feed address from working."""
    db.session.execute(delete(CalendarFeed).where(CalendarFeed.user_id == user.id))


def owner_of(token: str) -> User | None:
    """The active person whose feed this secret opens, if any."""
    feed = db.session.scalar(select(CalendarFeed).where(CalendarFeed.token_hash == _hash(token)))
    if feed is None or not feed.user.active or feed.user.deleted_at is not None:
        return None
    return feed.user


def _cluster_events(clusters: list[int], since: datetime) -> list[tuple[Event, Tenant]]:
    rows = db.session.execute(
        select(Event, Tenant)
        .join(Tenant, Tenant.id == Event.tenant_id)
        .where(Event.tenant_id.in_(clusters), Event.starts_at >= since)
        .order_by(Event.starts_at, Event.id)
    )
    return [tuple(row) for row in rows]


def _participations(user: User, clusters: list[int]) -> list[Participant]:
    return list(
        db.session.scalars(
            select(Participant).where(
                Participant.user_id == user.id,
                Participant.status == "registered",
                Participant.tenant_id.in_(clusters),
            )
        )
    )


def feed_calendar(user: User, now: datetime, host: str, link) -> bytes:
    """The person's calendar; `link(endpoint, **values)` makes a page's full address."""
    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("x-wr-calname", "ClusterHub")
    clusters = [membership.tenant_id for membership in memberships_of(user)]
    with cross_tenant():
        for event, tenant in _cluster_events(clusters, now - timedelta(days=PAST_DAYS)):
            calendar.add_component(
                calendar_entry(
                    f"event-{event.id}@{host}",
                    f"{event.title} ({tenant.name})",
                    event.starts_at,
                    event.ends_at,
                    location=event.venue,
                    description=event.description,
                    url=link("events.detail", tenant_slug=tenant.slug, event_id=event.id),
                )
            )
        # A conference's own agenda file (the conference and the accepted meetings), merged in.
        for participant in _participations(user, clusters):
            url = link("conferences.agenda", conference_id=participant.event_id)
            with conference_scope(participant.event_id, participant):
                meetings = agenda(participant)
            agenda_file = agenda_calendar(participant.event, participant, meetings, host, url)
            for component in Calendar.from_ical(agenda_file).walk("VEVENT"):
                calendar.add_component(component)
    return calendar.to_ical()
