"""Posting needs and offers, answering them, talking, and recording collaborations."""

from datetime import date

from sqlalchemy import Select, and_, exists, or_, select
from sqlalchemy.orm import joinedload, selectinload

from clusterhub.clock import local_today, utcnow
from clusterhub.collation import fold, latvian_sort_key
from clusterhub.companies.directory import is_current_member
from clusterhub.companies.models import Company
from clusterhub.companies.services import named_rows
from clusterhub.db import reuse_rows
from clusterhub.extensions import db
from clusterhub.navigation import Page, paginate_ids, path_for
from clusterhub.notifications.services import notify, people_of
from clusterhub.posts.models import STATUSES, Collaboration, Message, Post, PostRegion, PostTag, Thread

POST_FIELDS = ("kind", "category", "title", "body", "valid_until", "group_id")
# The board's orders; the first one is the default.
ORDERS = {
    "newest": (Post.created_at.desc(), Post.id.desc()),
    "oldest": (Post.created_at, Post.id),
    "deadline": (Post.valid_until.is_(None), Post.valid_until, Post.id.desc()),
}


class PostError(ValueError):
    """The action is not allowed on this post or thread; `reason` names why."""

    def __init__(self, reason: str):
        super().__init__(reason)
        self.reason = reason


def is_expired(post: Post) -> bool:
    """An open post whose last day has passed: it stays readable but leaves the open listing."""
    return post.status == "open" and post.valid_until is not None and post.valid_until < local_today()


def _still_valid():
    return or_(Post.valid_until.is_(None), Post.valid_until >= local_today())


def open_and_valid():
    """The SQL condition of an open post whose last day has not passed."""
    return and_(Post.status == "open", _still_valid())


def _status_filter(status: str):
    if status == "open":
        return open_and_valid()
    if status == "expired":
        return and_(Post.status == "open", ~_still_valid())
    return Post.status == status


def _title_contains(text: str):
    return Post.title_folded.contains(fold(text), autoescape=True)


def _board_conditions(
    kind: str = "",
    category: str = "",
    status: str = "open",
    region: str = "",
    tag: str = "",
    text: str = "",
    group: str = "",
):
    if kind:
        yield Post.kind == kind
    if category:
        yield Post.category == category
    if status != "all":
        yield _status_filter(status)
    if region:
        # A post that names no region is meant for all of them.
        any_region = exists().where(PostRegion.post_id == Post.id)
        this_region = exists().where(PostRegion.post_id == Post.id, PostRegion.region == region)
        yield or_(~any_region, this_region)
    if tag.strip():
        key = latvian_sort_key(tag)
        yield exists().where(PostTag.post_id == Post.id, PostTag.key == key)
    if text.strip():
        yield _title_contains(text.strip())
    if group:
        yield Post.group_id == int(group)


def _as_cards(statement: Select) -> Select:
    return statement.options(selectinload(Post.company), selectinload(Post.tags), selectinload(Post.regions))


def board(order: str = "newest", **filters) -> Select:
    """The board's posts that match the filters; an empty filter matches everything."""
    ordered = ORDERS.get(order, ORDERS["newest"])
    return _as_cards(select(Post).where(*_board_conditions(**filters)).order_by(*ordered))


def _cards(ids: list[int]) -> Select:
    # A card shows its company's name (read in the same query) and its tags, never the regions (the API's
    # rows, `board`, carry those).
    company = joinedload(Post.company).load_only(Company.id, Company.name)
    return select(Post).where(Post.id.in_(ids)).options(company, selectinload(Post.tags))


def board_page(order: str = "newest", **filters) -> Page:
    """One page of `board`: the sorted ids are cut first, then only the page's posts are loaded; the total
    counts ids alone (an index holds everything the default filter reads, so no post row is read)."""
    ordered = ORDERS.get(order, ORDERS["newest"])
    return paginate_ids(select(Post.id).where(*_board_conditions(**filters)).order_by(*ordered), _cards)


def posts_of(company_id: int) -> Select:
    """All posts of one company, whatever their status, newest first."""
    return select(Post).where(Post.company_id == company_id).order_by(*ORDERS["newest"])


def _open_posts_of(company_id: int) -> Select:
    return posts_of(company_id).where(_status_filter("open"))


def _with_tags(statement: Select) -> Select:
    # The cards show each post's tags: read them in one query, not one per card.
    return statement.options(selectinload(Post.tags))


def open_posts_of(company_id: int, limit: int) -> list[Post]:
    """The `limit` newest posts of a company that can be answered now."""
    return list(db.session.scalars(_with_tags(_open_posts_of(company_id)).limit(limit)))


def open_posts_page(company_id: int) -> Page:
    """One page of a company's posts that can be answered now, newest first."""
    ids = _open_posts_of(company_id).with_only_columns(Post.id)
    return paginate_ids(ids, lambda chosen: _with_tags(select(Post).where(Post.id.in_(chosen))))


def _set_tags_and_regions(post: Post, tags, regions) -> None:
    post.tags = named_rows(post.tags, tags, PostTag)
    post.regions = reuse_rows(
        post.regions, lambda row: row.region, dict.fromkeys(regions), lambda region: PostRegion(region=region)
    )


def create_post(company: Company, author, *values, **fields) -> Post:
    """Put a need, offer or partnership interest of `company` on the board (`new_post`'s arguments),
    flushed so it has its id."""
    post = new_post(company, author, *values, **fields)
    db.session.flush()
    return post


def new_post(
    company: Company,
    author,
    kind: str,
    category: str,
    title: str,
    body: str = "",
    tags=(),
    regions=(),
    valid_until: date | None = None,
    group_id: int | None = None,
) -> Post:
    """A post added to the session (addressed to a group, if given), not flushed: for a caller that adds
    many and flushes once (the import)."""
    post = Post(
        company=company,
        group_id=group_id,
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
    return post


def update_post(post: Post, values: dict) -> None:
    """Change a post's text, tags, regions or dates."""
    for field in POST_FIELDS:
        if field in values:
            setattr(post, field, values[field])
    post.title = post.title.strip()
    _set_tags_and_regions(post, values.get("tags", post.tag_names), values.get("regions", post.region_names))


def set_status(post: Post, status: str) -> None:
    """Close (fulfilled), withdraw or reopen a post; nothing is ever deleted."""
    if status not in STATUSES:
        raise PostError("status")
    post.status = status


def refusal_to_answer(post: Post, company: Company | None) -> str | None:
    """Why `company` cannot answer `post` now (a PostError reason), or None when it can."""
    if company is None:
        return "no_company"
    if post.company_id == company.id:
        return "own_post"
    if post.status != "open":
        return "closed"
    if is_expired(post):
        return "expired"
    return None


def refusal_to_contact(company: Company | None, other: Company) -> str | None:
    """Why `company` cannot write to `other` from its profile (a PostError reason), or None when it can."""
    if company is None:
        return "no_company"
    if company.id == other.id:
        return "own_company"
    if not is_current_member(other.id):
        return "former_member"
    return None


def thread_about(post: Post, company: Company | None) -> Thread | None:
    """The conversation `company` started by answering `post`, if any."""
    if company is None:
        return None
    return db.session.scalar(
        select(Thread).where(Thread.post_id == post.id, Thread.initiator_company_id == company.id)
    )


def threads_of(company_id: int) -> Select:
    """The conversations a company takes part in, the most recently active first."""
    return (
        select(Thread)
        .where(or_(Thread.initiator_company_id == company_id, Thread.recipient_company_id == company_id))
        .order_by(Thread.last_message_at.desc(), Thread.id.desc())
    )


def answers_to(post: Post) -> list[Thread]:
    """The conversations other companies opened by answering `post`, the most recently active first."""
    return list(db.session.scalars(threads_of(post.company_id).where(Thread.post_id == post.id)))


def _touch(thread: Thread, company: Company, author, body: str) -> Message:
    if not body.strip():
        raise PostError("empty")
    message = Message(thread=thread, company=company, author=author, body=body.strip())
    thread.last_message_at = utcnow()
    db.session.add(message)
    return message


def _tell_the_other_side(thread: Thread, company: Company, kind: str, **params) -> None:
    db.session.flush()  # the thread needs its id for the link
    link = path_for("posts.thread", thread_id=thread.id)
    people = people_of(thread.other_company(company.id).id)
    notify(people, kind, {"company": company.name, **params}, link)


def respond(post: Post, company: Company, author, body: str) -> Thread:
    """Answer a post: opens (or continues) the thread between the two companies about it; the post's
    company is notified."""
    reason = refusal_to_answer(post, company)
    if reason:
        raise PostError(reason)
    thread = thread_about(post, company)
    kind = "message" if thread else "response"
    if thread is None:
        thread = Thread(post=post, initiator=company, recipient=post.company, subject=post.title)
        db.session.add(thread)
    _touch(thread, company, author, body)
    _tell_the_other_side(thread, company, kind, subject=thread.subject, title=post.title)
    return thread


def contact(company: Company, other: Company, author, subject: str, body: str) -> Thread:
    """Write to another member company from its profile; returns the new thread."""
    reason = refusal_to_contact(company, other)
    if reason:
        raise PostError(reason)
    thread = Thread(initiator=company, recipient=other, subject=subject.strip())
    db.session.add(thread)
    _touch(thread, company, author, body)
    _tell_the_other_side(thread, company, "message", subject=thread.subject)
    return thread


def send_message(thread: Thread, company: Company, author, body: str) -> Message:
    """Add a message to a thread the company takes part in; the other side is notified."""
    if not thread.involves(company.id):
        raise PostError("not_involved")
    message = _touch(thread, company, author, body)
    _tell_the_other_side(thread, company, "message", subject=thread.subject)
    return message


def mark_collaboration(thread: Thread, company: Company, author) -> Collaboration:
    """Record that the two companies started working together (once per thread; the other side is told)."""
    if not thread.involves(company.id):
        raise PostError("not_involved")
    if thread.collaboration is None:
        thread.collaboration = Collaboration(marked_by_id=author.id if author else None)
        _tell_the_other_side(thread, company, "collaboration", subject=thread.subject)
    return thread.collaboration
