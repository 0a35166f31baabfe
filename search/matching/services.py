"""What people do with match suggestions: members dismiss the ones they do not want to see again, the
cluster's managers introduce a need's author to a candidate."""

from sqlalchemy import select

from clusterhub.companies.models import Company
from clusterhub.extensions import db
from clusterhub.navigation import path_for
from clusterhub.notifications.services import notify, people_of
from clusterhub.posts.models import Post, Thread
from clusterhub.posts.services import thread_about
from search.matching.candidates import is_seeking
from search.models import MatchDismissal


class MatchError(ValueError):
    """The action is not allowed on this suggestion; `reason` names why."""

    def __init__(self, reason: str):
        super().__init__(reason)
        self.reason = reason


def refusal_to_dismiss(company: Company | None, partner: Company, post: Post | None = None) -> str | None:
    """Why `company` cannot dismiss `partner` (for `post`), or None when it can."""
    if company is None:
        return "no_company"
    if partner.id == company.id:
        return "own_company"
    if post is not None and post.company_id != company.id:
        return "not_your_post"
    return None


def dismiss(company: Company, partner: Company, post: Post | None = None) -> MatchDismissal:
    """Stop suggesting `partner` to `company`, for one of its posts or at all; twice is the same as once."""
    reason = refusal_to_dismiss(company, partner, post)
    if reason:
        raise MatchError(reason)
    post_id = post.id if post is not None else None
    # Checked first: the unique constraint cannot catch a repeat when post_id is NULL.
    existing = db.session.scalar(
        select(MatchDismissal).where(
            MatchDismissal.company_id == company.id,
            MatchDismissal.partner_company_id == partner.id,
            MatchDismissal.post_id.is_(None) if post_id is None else MatchDismissal.post_id == post_id,
        )
    )
    if existing is not None:
        return existing
    dismissal = MatchDismissal(company_id=company.id, partner_company_id=partner.id, post_id=post_id)
    db.session.add(dismissal)
    db.session.flush()
    return dismissal


def refusal_to_introduce(need: Post, company: Company) -> str | None:
    """Why the cluster cannot introduce `company` to the author of `need`, or None when it can."""
    if not is_seeking(need):
        return "not_open"
    if company.id == need.company_id:
        return "own_company"
    if thread_about(need, company) is not None:
        return "in_contact"
    return None


def introduce(need: Post, company: Company, manager, note: str) -> Thread:
    """Open a conversation between `company` and the author of `need` with the manager's note (both told)."""
    reason = refusal_to_introduce(need, company)
    if reason:
        raise MatchError(reason)
    thread = Thread(
        post=need,
        initiator=company,
        recipient=need.company,
        subject=need.title,
        introduction=note.strip(),
        introduced_by_id=manager.id,
    )
    db.session.add(thread)
    db.session.flush()
    link = path_for("posts.thread", thread_id=thread.id)
    for one, other in ((need.company, company), (company, need.company)):
        notify(people_of(one.id), "introduction", {"company": other.name, "title": need.title}, link)
    return thread
