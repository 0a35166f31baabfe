"""News items of the current cluster, and who wants them by e-mail."""

from sqlalchemy import Select, select

from clusterhub.extensions import db
from clusterhub.news.models import NewsItem
from tenants.models import Membership

DIGEST_ITEMS = 3


def newest_first() -> Select:
    """The cluster's news items, newest first."""
    return select(NewsItem).order_by(NewsItem.created_at.desc(), NewsItem.id.desc())


def latest(limit: int = DIGEST_ITEMS) -> list[NewsItem]:
    """The newest few news items, for the digest."""
    return list(db.session.scalars(newest_first().limit(limit)))


def post_news(author, title: str, body: str, group_id: int | None = None) -> NewsItem:
    """Publish a news item in the current cluster (addressed to one of its groups, if given)."""
    item = NewsItem(author=author, title=title.strip(), body=body, group_id=group_id)
    db.session.add(item)
    db.session.flush()
    return item


def update_news(item: NewsItem, title: str, body: str, **group) -> None:
    """Correct a news item (or the group it is addressed to); it keeps its date and its place in the list."""
    item.title, item.body = title.strip(), body
    if "group_id" in group:
        item.group_id = group["group_id"]
    db.session.flush()


def delete_news(item: NewsItem) -> None:
    """Take a news item away for good."""
    db.session.delete(item)
    db.session.flush()


def set_digest(membership: Membership, wanted: bool) -> None:
    """Subscribe a member to the cluster's monthly digest, or unsubscribe them."""
    membership.digest = wanted
    db.session.flush()


def choose_digests(memberships: list[Membership], tenant_ids) -> None:
    """Subscribe a person to the digests of exactly these of their clusters."""
    chosen = set(tenant_ids or ())
    for membership in memberships:
        membership.digest = membership.tenant_id in chosen
    db.session.flush()
