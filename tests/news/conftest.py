"""What the news and digest tests share: news items with chosen dates, subscribers, the digest command."""

import re
from datetime import timedelta
from urllib.parse import urlsplit

import pytest
from sqlalchemy import select

from clusterhub.accounts.models import User
from clusterhub.clock import utcnow
from clusterhub.extensions import db
from clusterhub.news.services import post_news, set_digest
from tenants.context import tenant_scope
from tenants.models import Membership, Tenant
from tests.mailbox import plain_text

UNSUBSCRIBE_RE = re.compile(r"https?://\S+(/digest/unsubscribe/\S+)")


def _tenant(slug: str) -> Tenant:
    return db.session.scalar(select(Tenant).where(Tenant.slug == slug))


def add_news(app, title: str, days_ago: int = 0, slug: str = "alfa", body: str = "") -> int:
    """A committed news item of a cluster, dated `days_ago` days back; returns its id."""
    with app.app_context(), tenant_scope(_tenant(slug)):
        author = db.session.scalar(select(User).where(User.email == f"manager@{slug}.lv"))
        item = post_news(author, title, body or f"{title} text")
        item.created_at = utcnow() - timedelta(days=days_ago)
        db.session.commit()
        return item.id


def _membership(email: str) -> Membership:
    return db.session.scalar(select(Membership).join(Membership.user).where(User.email == email))


def subscribe(app, email: str, slug: str = "alfa", wanted: bool = True) -> None:
    with app.app_context(), tenant_scope(_tenant(slug)):
        set_digest(_membership(email), wanted)
        db.session.commit()


def subscribed(app, email: str, slug: str = "alfa") -> bool:
    with app.app_context(), tenant_scope(_tenant(slug)):
        return _membership(email).digest


def unsubscribe_path(mail) -> str:
    """The path of the unsubscribe link in a digest's text."""
    return UNSUBSCRIBE_RE.search(plain_text(mail)).group(1)


def header_path(mail) -> str:
    """The path of the List-Unsubscribe header's link."""
    return urlsplit(mail["List-Unsubscribe"].strip("<>")).path


@pytest.fixture
def send_digest(runner):
    """Runs `digest send` with the given arguments; returns click's result."""
    return lambda *args: runner.invoke(args=["digest", "send", *args])
