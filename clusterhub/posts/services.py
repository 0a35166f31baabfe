"""Posting needs and offers, answering them, talking, and recording collaborations."""

from datetime import date

from clusterhub.companies.models import Company
from clusterhub.companies.services import clean_list
from clusterhub.db import utcnow
from clusterhub.extensions import db
from clusterhub.posts.models import STATUSES, Collaboration, Message, Post, PostRegion, PostTag, Thread

POST_FIELDS = ("kind", "category", "title", "body", "valid_until")


class PostError(ValueError):
    """The action is not allowed on this post or thread; `reason` names why."""

    def __init__(self, reason: str):
        super().__init__(reason)
        self.reason = reason


def _set_tags_and_regions(post: Post, tags, regions) -> None:
    post.tags = [PostTag(name=name) for name in clean_list(tags)]
    post.regions = [PostRegion(region=region) for region in dict.fromkeys(regions)]


def create_post(
    company: Company,
    author,
    kind: str,
    category: str,
    title: str,
    body: str = "",
    tags=(),
    regions=(),
    valid_until: date | None = None,
) -> Post:
    """Put a need, offer or partnership interest of `company` on the board."""
    post = Post(
        company=company,
        author=author,
        kind=kind,
        category=category,
        title=title.strip(),
        body=body,
        valid_until=valid_until,
        status="open",
    )
    _set_tags_and_regions(post, tags, regions)
    db.session.add(post)
    db.session.flush()
    return post


def update_post(post: Post, values: dict) -> None:
    """Change a post's text, tags, regions or dates."""
    for field in POST_FIELDS:
        if field in values:
            setattr(post, field, values[field])
    _set_tags_and_regions(post, values.get("tags", post.tag_names), values.get("regions", post.region_names))


def set_status(post: Post, status: str) -> None:
    """Close (fulfilled), withdraw or reopen a post; nothing is ever deleted."""
    if status not in STATUSES:
        raise PostError("status")
    post.status = status


def _touch(thread: Thread, company: Company, author, body: str) -> Message:
    if not body.strip():
        raise PostError("empty")
    message = Message(thread=thread, company=company, author=author, body=body.strip())
    thread.last_message_at = utcnow()
    db.session.add(message)
    return message


def respond(post: Post, company: Company, author, body: str) -> Thread:
    """Answer a post: opens (or continues) the thread between the two companies about it."""
    if post.company_id == company.id:
        raise PostError("own_post")
    if post.status != "open":
        raise PostError("closed")
    thread = db.session.scalar(
        db.select(Thread).where(Thread.post_id == post.id, Thread.initiator_company_id == company.id)
    )
    if thread is None:
        thread = Thread(post=post, initiator=company, recipient=post.company, subject=post.title)
        db.session.add(thread)
    _touch(thread, company, author, body)
    db.session.flush()
    return thread


def contact(company: Company, other: Company, author, subject: str, body: str) -> Thread:
    """Write to another member company from its profile."""
    if company.id == other.id:
        raise PostError("own_company")
    thread = Thread(initiator=company, recipient=other, subject=subject.strip())
    db.session.add(thread)
    _touch(thread, company, author, body)
    db.session.flush()
    return thread


def send_message(thread: Thread, company: Company, author, body: str) -> Message:
    """Add a message to a thread the company takes part in."""
    if not thread.involves(company.id):
        raise PostError("not_involved")
    message = _touch(thread, company, author, body)
    db.session.flush()
    return message


def mark_collaboration(thread: Thread, company: Company, author) -> Collaboration:
    """Record that the two companies started working together (once per thread)."""
    if not thread.involves(company.id):
        raise PostError("not_involved")
    if thread.collaboration is None:
        thread.collaboration = Collaboration(marked_by_id=author.id if author else None)
        db.session.flush()
    return thread.collaboration
