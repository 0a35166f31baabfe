"""Telling the authors of needs about strong new matches, once per need and company."""

from sqlalchemy import select

from clusterhub.extensions import db
from clusterhub.navigation import path_for
from clusterhub.notifications.services import notify, people_of
from search.matching import rules
from search.matching.candidates import dismissed_for
from search.matching.scoring import Suggestion
from search.models import MatchNotice
from tenants.context import current_tenant


def notify_strong_matches(suggestions: list[Suggestion]) -> list:
    """Tell the authors of needs once about each strong match among freshly computed suggestions.

    Returns the notifications to e-mail after the commit (for readers who asked for match e-mails).
    """
    found = [
        s
        for s in suggestions
        if s.score >= rules.STRONG and s.company.id not in dismissed_for(s.need.company_id, s.need.id)
    ]
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
