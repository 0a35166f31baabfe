"""What a person's start page shows: what waits for them in every cluster they belong to."""

from collections import Counter
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import func, select

from clusterhub.accounts.models import User
from clusterhub.conferences.organiser.services import conferences_of
from clusterhub.events.models import Event
from clusterhub.extensions import db
from clusterhub.notifications.models import Notification
from tenants.context import cross_tenant
from tenants.models import Membership

SHOWN = 8
NAMED_KINDS = ("message", "response", "match")  # each has its own figure on the home page


@dataclass
class Attention:
    unread: Counter  # unread notifications by kind ("message", "response", "match", …)
    latest: list[Notification]  # the latest unread ones, in whichever of the person's clusters
    events: list[Event]  # the clusters' own upcoming events
    conferences: list[Event]  # upcoming inter-cluster conferences open to the person

    @property
    def other_unread(self) -> int:
        """Unread notifications that are not messages, answers or matches (meetings, ratings, …)."""
        return sum(count for kind, count in self.unread.items() if kind not in NAMED_KINDS)


def needs_attention(user: User, memberships: list[Membership], now: datetime) -> Attention:
    """Unread messages, answers and matches, and upcoming events, across the person's own clusters only."""
    clusters = [membership.tenant_id for membership in memberships]
    unread = (
        Notification.user_id == user.id,
        Notification.read_at.is_(None),
        Notification.tenant_id.in_(clusters),
    )
    with cross_tenant():
        counts = db.session.execute(
            select(Notification.kind, func.count(Notification.id)).where(*unread).group_by(Notification.kind)
        )
        latest = db.session.scalars(
            select(Notification).where(*unread).order_by(Notification.created_at.desc()).limit(SHOWN)
        )
        events = db.session.scalars(
            select(Event)
            .where(Event.tenant_id.in_(clusters), Event.starts_at >= now)
            .order_by(Event.starts_at, Event.id)
            .limit(SHOWN)
        )
        return Attention(
            Counter(dict(counts.all())), list(latest), list(events), conferences_of(user, now)[0]
        )
