"""What members do with match suggestions: dismiss the ones they do not want to see again."""

from sqlalchemy import select

from clusterhub.companies.models import Company
from clusterhub.extensions import db
from clusterhub.posts.models import Post
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
