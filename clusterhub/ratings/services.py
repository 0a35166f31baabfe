"""The rules of rating partners: only after contact, never oneself, once per pair, reply once, moderated."""

from sqlalchemy import and_, func, or_, select

from clusterhub.companies.models import Company
from clusterhub.db import utcnow
from clusterhub.extensions import db
from clusterhub.posts.models import Thread
from clusterhub.ratings.models import SCORES, Rating, RatingEvent, RatingFlag


class RatingError(ValueError):
    """A rating action that the rules forbid; `reason` names the rule."""

    def __init__(self, reason: str):
        super().__init__(reason)
        self.reason = reason


def have_been_in_contact(one: Company, other: Company) -> bool:
    """True once the two companies have a thread in this cluster, whoever started it."""
    between = or_(
        and_(Thread.initiator_company_id == one.id, Thread.recipient_company_id == other.id),
        and_(Thread.initiator_company_id == other.id, Thread.recipient_company_id == one.id),
    )
    return db.session.scalar(select(Thread.id).where(between).limit(1)) is not None


def existing_rating(rater: Company, rated: Company) -> Rating | None:
    return db.session.scalar(
        select(Rating).where(Rating.rater_company_id == rater.id, Rating.rated_company_id == rated.id)
    )


def _log(rating: Rating, user, action: str, note: str = "") -> None:
    rating.events.append(RatingEvent(user_id=user.id if user else None, action=action, note=note))


def rate(rater: Company, rated: Company, user, scores: dict, comment: str = "") -> Rating:
    """Rate a partner 1–5 on each score, or change the rating given before."""
    if rater.id == rated.id:
        raise RatingError("self")
    if not have_been_in_contact(rater, rated):
        raise RatingError("no_contact")
    if any(not 1 <= int(scores[score]) <= 5 for score in SCORES):
        raise RatingError("range")
    rating = existing_rating(rater, rated)
    action = "edited" if rating else "created"
    if rating is None:
        rating = Rating(rater=rater, rated=rated)
        db.session.add(rating)
    rating.author_id = user.id if user else None
    for score in SCORES:
        setattr(rating, score, int(scores[score]))
    rating.comment = comment.strip()
    _log(rating, user, action)
    db.session.flush()
    return rating


def reply(rating: Rating, company: Company, user, text: str) -> None:
    """The rated company answers a rating, once."""
    if rating.rated_company_id != company.id:
        raise RatingError("not_rated_company")
    if rating.reply is not None:
        raise RatingError("replied")
    if not text.strip():
        raise RatingError("empty")
    rating.reply, rating.replied_at, rating.replied_by_id = text.strip(), utcnow(), user.id
    _log(rating, user, "replied")


def flag(rating: Rating, user, reason: str) -> RatingFlag:
    """A member reports a rating to the managers, once per person."""
    existing = db.session.scalar(
        select(RatingFlag).where(RatingFlag.rating_id == rating.id, RatingFlag.user_id == user.id)
    )
    if existing is not None:
        raise RatingError("flagged")
    report = RatingFlag(rating=rating, user=user, reason=reason.strip())
    db.session.add(report)
    _log(rating, user, "flagged", reason.strip())
    db.session.flush()
    return report


def _resolve_flags(rating: Rating) -> None:
    for report in rating.flags:
        report.resolved_at = report.resolved_at or utcnow()


def hide(rating: Rating, manager, reason: str) -> None:
    """Take a rating off the profile; it stays in the audit log with the reason."""
    if not reason.strip():
        raise RatingError("reason")
    rating.hidden_at, rating.hidden_reason = utcnow(), reason.strip()
    _resolve_flags(rating)
    _log(rating, manager, "hidden", reason.strip())


def show(rating: Rating, manager, note: str = "") -> None:
    """Put a hidden rating back, or dismiss the flags on a visible one."""
    rating.hidden_at, rating.hidden_reason = None, None
    _resolve_flags(rating)
    _log(rating, manager, "shown", note.strip())


def summary(company: Company) -> dict:
    """Average of each score and overall, and how many visible ratings there are, in this cluster."""
    columns = [func.avg(getattr(Rating, score)) for score in SCORES]
    row = db.session.execute(
        select(func.count(Rating.id), *columns).where(
            Rating.rated_company_id == company.id, Rating.hidden_at.is_(None)
        )
    ).one()
    count, averages = row[0], dict(zip(SCORES, row[1:], strict=True))
    overall = sum(float(v) for v in averages.values()) / len(SCORES) if count else None
    return {
        "count": count,
        "overall": overall,
        **{k: float(v) if v is not None else None for k, v in averages.items()},
    }
