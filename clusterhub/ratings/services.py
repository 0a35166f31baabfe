"""The rules of rating partners: only after real contact, never oneself, once per pair, reply once, moderated.

Real contact is a conversation in which both companies wrote, a recorded collaboration, or a 1:1
conference meeting that took place: one unanswered message is not enough to rate anyone.
"""

import json

from sqlalchemy import and_, func, or_, select
from sqlalchemy.orm import aliased

from clusterhub.clock import utcnow
from clusterhub.companies.directory import is_current_member
from clusterhub.companies.models import Company
from clusterhub.conferences.models import Meeting, Participant
from clusterhub.extensions import db
from clusterhub.navigation import path_for
from clusterhub.notifications.services import managers, notify, people_of
from clusterhub.posts.models import Collaboration, Message, Thread
from clusterhub.ratings.models import SCORES, Rating, RatingEvent, RatingFlag
from clusterhub.security import audit
from tenants.context import cross_tenant

# The actions whose audit entry keeps the rating as it was written (scores and comment).
WRITING = ("created", "edited")


class RatingError(ValueError):
    """A rating action that the rules forbid; `reason` names the rule."""

    def __init__(self, reason: str):
        super().__init__(reason)
        self.reason = reason


def _either_way(first, second, one: Company, other: Company):
    return or_(and_(first == one.id, second == other.id), and_(first == other.id, second == one.id))


def _exists(statement) -> bool:
    return db.session.scalar(statement.limit(1)) is not None


def _met(one: Company, other: Company) -> bool:
    # A conference is shared by several clusters and its participants belong to the nominating ones;
    # only whether these two companies met is read across them.
    requester, invitee = aliased(Participant), aliased(Participant)
    with cross_tenant():
        return _exists(
            select(Meeting.id)
            .join(requester, Meeting.requester_id == requester.id)
            .join(invitee, Meeting.invitee_id == invitee.id)
            .where(
                Meeting.status == "accepted",
                Meeting.starts_at <= utcnow(),
                _either_way(requester.company_id, invitee.company_id, one, other),
            )
        )


def contact_basis(one: Company, other: Company) -> str | None:
    """What lets two companies rate each other: "collaboration", "conversation", "meeting" or None."""
    threads = select(Thread.id).where(
        _either_way(Thread.initiator_company_id, Thread.recipient_company_id, one, other)
    )
    if _exists(select(Collaboration.id).where(Collaboration.thread_id.in_(threads))):
        return "collaboration"
    wrote = [select(Message.thread_id).where(Message.company_id == company.id) for company in (one, other)]
    if _exists(threads.where(Thread.id.in_(wrote[0]), Thread.id.in_(wrote[1]))):
        return "conversation"
    return "meeting" if _met(one, other) else None


def existing_rating(rater: Company, rated: Company) -> Rating | None:
    return db.session.scalar(
        select(Rating).where(Rating.rater_company_id == rater.id, Rating.rated_company_id == rated.id)
    )


def check_may_rate(rater: Company | None, rated: Company) -> str:
    """What `rater` may rate `rated` on (see contact_basis); RatingError when it may not."""
    if rater is None:
        raise RatingError("no_company")
    if rater.id == rated.id:
        raise RatingError("self")
    if not is_current_member(rated.id):
        raise RatingError("former_member")
    basis = contact_basis(rater, rated)
    if basis is None:
        raise RatingError("no_contact")
    return basis


def _on_profile(rating: Rating) -> str:
    return path_for("ratings.company_ratings", company_id=rating.rated_company_id) + f"#rating-{rating.id}"


def _log(rating: Rating, user, action: str, note: str = "") -> None:
    rating.events.append(RatingEvent(user_id=user.id if user else None, action=action, note=note))


def _as_written(rating: Rating) -> str:
    return json.dumps({**{score: getattr(rating, score) for score in SCORES}, "comment": rating.comment})


def as_written(event: RatingEvent) -> dict | None:
    """The scores and comment a "created" or "edited" entry of the audit log recorded, else None."""
    if event.action not in WRITING or not event.note:
        return None
    return json.loads(event.note)


def rate(rater: Company | None, rated: Company, user, scores: dict, comment: str = "") -> Rating:
    """Rate a partner 1–5 on each score, or change the rating given before; the log keeps each version."""
    check_may_rate(rater, rated)
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
    _log(rating, user, action, _as_written(rating))
    db.session.flush()
    notify(people_of(rated.id), "rating", {"company": rater.name}, _on_profile(rating))
    return rating


def check_may_reply(rating: Rating, company: Company | None) -> None:
    """Raise RatingError unless `company` is the rated one and has not replied to the shown rating yet."""
    if company is None or rating.rated_company_id != company.id:
        raise RatingError("not_rated_company")
    if rating.hidden:
        raise RatingError("hidden")
    if rating.reply is not None:
        raise RatingError("replied")


def reply(rating: Rating, company: Company | None, user, text: str) -> None:
    """The rated company answers a rating, once."""
    check_may_reply(rating, company)
    if not text.strip():
        raise RatingError("empty")
    rating.reply, rating.replied_at, rating.replied_by_id = text.strip(), utcnow(), user.id
    _log(rating, user, "replied", text.strip())
    notify(people_of(rating.rater_company_id), "rating_reply", {"company": company.name}, _on_profile(rating))
    db.session.flush()


def flag_of(rating: Rating, user) -> RatingFlag | None:
    """The report `user` made about `rating`, if any."""
    return db.session.scalar(
        select(RatingFlag).where(RatingFlag.rating_id == rating.id, RatingFlag.user_id == user.id)
    )


def flagged_by(user, ratings) -> set[int]:
    """The ids of those of `ratings` that `user` has reported."""
    ids = [rating.id for rating in ratings]
    if not ids:
        return set()
    return set(
        db.session.scalars(
            select(RatingFlag.rating_id).where(RatingFlag.user_id == user.id, RatingFlag.rating_id.in_(ids))
        )
    )


def check_may_flag(rating: Rating, company: Company | None, user) -> None:
    """Raise RatingError unless `user` may report the rating: not its author's company, once, while shown."""
    if company is not None and rating.rater_company_id == company.id:
        raise RatingError("own")
    if rating.hidden:
        raise RatingError("hidden")
    if flag_of(rating, user) is not None:
        raise RatingError("flagged")


def flag(rating: Rating, company: Company | None, user, reason: str) -> RatingFlag:
    """A member reports a rating to the managers, once per person."""
    check_may_flag(rating, company, user)
    if not reason.strip():
        raise RatingError("reason")
    report = RatingFlag(rating=rating, user=user, reason=reason.strip())
    db.session.add(report)
    _log(rating, user, "flagged", reason.strip())
    db.session.flush()
    link = path_for("ratings.history", rating_id=rating.id)
    notify(managers(), "rating_flagged", {"company": rating.rated.name}, link)
    return report


def open_flags(rating: Rating) -> list[RatingFlag]:
    """The reports about a rating that no manager has dealt with yet."""
    return [report for report in rating.flags if report.resolved_at is None]


def _resolve_flags(rating: Rating) -> None:
    for report in open_flags(rating):
        report.resolved_at = utcnow()


def check_may_hide(rating: Rating) -> None:
    """Raise RatingError when the rating is hidden already."""
    if rating.hidden:
        raise RatingError("hidden")


def hide(rating: Rating, manager, reason: str) -> None:
    """Take a rating off the profile; it stays in the audit log with the reason."""
    check_may_hide(rating)
    if not reason.strip():
        raise RatingError("reason")
    rating.hidden_at, rating.hidden_reason = utcnow(), reason.strip()
    _resolve_flags(rating)
    _log(rating, manager, "hidden", reason.strip())
    audit.record("rating_hidden", f"rating:{rating.id}", actor=manager, tenant_id=rating.tenant_id)
    db.session.flush()


def check_may_show(rating: Rating) -> None:
    """Raise RatingError when there is nothing to decide: the rating is shown and nobody reported it."""
    if not rating.hidden and not open_flags(rating):
        raise RatingError("visible")


def show(rating: Rating, manager, note: str = "") -> None:
    """Put a hidden rating back, or dismiss the open reports about a visible one."""
    check_may_show(rating)
    if rating.hidden:
        audit.record("rating_restored", f"rating:{rating.id}", actor=manager, tenant_id=rating.tenant_id)
    rating.hidden_at, rating.hidden_reason = None, None
    _resolve_flags(rating)
    _log(rating, manager, "shown", note.strip())
    db.session.flush()


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


def ratings_of(company: Company, visible_only: bool = False):
    """The statement for a company's ratings in this cluster, newest first."""
    statement = select(Rating).where(Rating.rated_company_id == company.id)
    if visible_only:
        statement = statement.where(Rating.hidden_at.is_(None))
    return statement.order_by(Rating.created_at.desc(), Rating.id.desc())


def latest_visible(company: Company, limit: int = 3) -> list[Rating]:
    """The newest ratings of a company that the cluster management has not hidden."""
    return list(db.session.scalars(ratings_of(company, visible_only=True).limit(limit)))


MODERATION_FILTERS = ("all", "flagged", "hidden")


def moderation_queue(show_only: str = "all"):
    """The statement for the managers' list: ratings with open reports first, then the newest."""
    open_reports = (
        select(func.count(RatingFlag.id))
        .where(RatingFlag.rating_id == Rating.id, RatingFlag.resolved_at.is_(None))
        .correlate(Rating)
        .scalar_subquery()
    )
    statement = select(Rating)
    if show_only == "flagged":
        statement = statement.where(open_reports > 0)
    elif show_only == "hidden":
        statement = statement.where(Rating.hidden_at.is_not(None))
    return statement.order_by((open_reports > 0).desc(), Rating.updated_at.desc(), Rating.id.desc())
