"""Telling the authors of needs about strong new matches, once per need and company."""

from sqlalchemy import select

from clusterhub.companies.models import Company
from clusterhub.extensions import db
from clusterhub.navigation import path_for
from clusterhub.notifications.services import notify, people_of
from clusterhub.posts.models import Post
from search.documents import ids_by_kind
from search.matching import rules
from search.matching.candidates import for_post, needs_answered_by
from search.matching.scoring import Suggestion
from search.models import MatchNotice
from tenants.context import current_tenant


def _strong_matches(post_ids, company_ids) -> list[Suggestion]:
    needs = db.session.scalars(
        select(Post).where(Post.id.in_(post_ids), Post.kind.in_(rules.SEEKING_KINDS), Post.status == "open")
    )
    found = [s for need in needs for s in for_post(need)]
    if len(company_ids) <= rules.NOTIFY_COMPANIES_UP_TO:
        found += [
            s
            for company in db.session.scalars(select(Company).where(Company.id.in_(company_ids)))
            for s in needs_answered_by(company)
        ]
    return [s for s in found if s.score >= rules.STRONG]


def notify_strong_matches(keys) -> list:
    """Tell the authors of needs once about each strong match the changed documents made.

    Returns the notifications to e-mail after the commit (for readers who asked for match e-mails).
    """
    ids = ids_by_kind(keys)
    found = _strong_matches(ids["post"], ids["company"])
    told = {
        tuple(row)
        for row in db.session.execute(
            select(MatchNotice.post_id, MatchNotice.company_id).where(
                MatchNotice.post_id.in_({s.need.id for s in found})
            )
        )
    }
    to_mail = []
    for suggestion in found:
        if (suggestion.need.id, suggestion.company.id) not in told:
            told.add((suggestion.need.id, suggestion.company.id))
            to_mail += [n for n in _tell(suggestion) if n.user.match_emails]
    return to_mail


def _tell(suggestion: Suggestion) -> list:
    need = suggestion.need
    db.session.add(MatchNotice(post_id=need.id, company_id=suggestion.company.id, score=suggestion.score))
    readers = [need.author] if need.author else people_of(need.company_id)
    params = {"company": suggestion.company.name, "title": need.title, "score": suggestion.score}
    link = path_for("posts.detail", tenant_slug=current_tenant.slug, post_id=need.id)
    # Mailed by the caller after its commit: index work runs after the request's own mailing.
    return notify(readers, "match", params, link, mailed=lambda user: False)
