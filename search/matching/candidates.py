"""Who is looked at for a need, and ranked: candidates come from the cluster's index (fast), the vocabulary
widens the lookup to every form of the need's concepts, and search/matching/scoring.py scores each one.
"""

from dataclasses import dataclass, field

from sqlalchemy import select
from sqlalchemy.orm import selectinload

from clusterhub.companies.models import Company
from clusterhub.extensions import db
from clusterhub.posts.models import Post
from clusterhub.posts.services import is_expired, open_and_valid
from search import index
from search.documents import parse_key
from search.matching import rules
from search.matching.scoring import Offer, Suggestion, offers_of, score, sources, wanted_by, weighted
from search.models import MatchDismissal
from search.vocabulary.lookup import vocabulary
from tenants.context import current_tenant_id


@dataclass
class Partner:
    """A suggested partner company and what connects it to the viewer's company."""

    company: Company
    suggestions: list[Suggestion] = field(default_factory=list)

    @property
    def score(self) -> int:
        return max((s.score for s in self.suggestions), default=0)


def _concept_terms(concepts) -> list[str]:
    """The search terms of the concepts' forms, then of their broader and narrower concepts' forms."""
    words = vocabulary()
    related = [other for concept in concepts for other in sorted(words.related(concept))]
    found = dict.fromkeys(
        term for concept in [*concepts, *related] for term in sorted(words.terms_of.get(concept, ()))
    )
    return list(found)[: rules.MAX_CONCEPT_TERMS]


def _hits(words: list[str], concepts, fields, among) -> list[tuple[str, int]]:
    """(key, company id) of the documents with a key word, a word that begins like one (a derived form),
    or a form of a concept, best first."""
    terms = list(dict.fromkeys([*words, *_concept_terms(concepts)]))
    beginnings = [word[: -rules.CLOSE_CUT] for word in words if len(word) >= rules.CLOSE_FROM_LETTERS + 2]
    return index.candidates(current_tenant_id(), terms, beginnings, fields, among, rules.CANDIDATE_HITS)


def _top_terms(weights: dict[str, float]) -> list[str]:
    return sorted(weights, key=lambda term: -weights[term])[: rules.MAX_QUERY_TERMS]


def _company_ids(words: list[str], concepts, fields, among) -> list[int]:
    return list(dict.fromkeys(company_id for _key, company_id in _hits(words, concepts, fields, among)))


def _dismissed(company_id: int, post_id: int | None) -> set[int]:
    statement = select(MatchDismissal.partner_company_id).where(MatchDismissal.company_id == company_id)
    statement = statement.where(
        MatchDismissal.post_id.is_(None) | (MatchDismissal.post_id == post_id)
        if post_id
        else MatchDismissal.post_id.is_(None)
    )
    return set(db.session.scalars(statement))


def _companies(ids) -> list[Company]:
    statement = (
        select(Company)
        .where(Company.id.in_(ids))
        .options(selectinload(Company.tags), selectinload(Company.roles))
    )
    return list(db.session.scalars(statement))


ANSWERING = index.ANSWERING
ANSWER_FIELDS = ("title", "competences", "infrastructure", "body")


def for_post(need: Post, limit: int = 10) -> list[Suggestion]:
    """The member companies that may answer `need`, best first (dismissed ones left out)."""
    if not is_seeking(need):
        return []
    wanted = wanted_by(need)
    if not wanted.total:
        return []
    skip = _dismissed(need.company_id, need.id) | {need.company_id}
    ids = [
        i
        for i in _company_ids(_top_terms(wanted.words), wanted.concepts, ANSWER_FIELDS, ANSWERING)
        if i not in skip
    ]
    companies = _companies(ids)
    offers = offers_of(ids)
    found = [score(need, company, offers[company.id], wanted) for company in companies]
    return _ranked(found)[:limit]


def is_seeking(post: Post) -> bool:
    """An open need or partnership interest whose last day has not passed: only these get suggestions."""
    return post.kind in rules.SEEKING_KINDS and post.status == "open" and not is_expired(post)


def fit(need: Post, company: Company) -> Suggestion | None:
    """Why `company` may answer another company's `need`, if it is good enough to be suggested for it."""
    if not is_seeking(need) or need.company_id == company.id:
        return None
    found = _ranked([score(need, company, offers_of([company.id])[company.id])])
    for suggestion in found:
        suggestion.answers_mine = False
    return found[0] if found else None


def _ranked(found) -> list[Suggestion]:
    kept = (s for s in found if s and s.points["words"] >= rules.MIN_WORDS)
    return sorted(kept, key=lambda s: (-s.score, -s.matched, s.company.name_sort))


def open_needs(company_id: int) -> list[Post]:
    """A company's open needs and partnership interests, newest first (the ten latest)."""
    statement = (
        select(Post)
        .where(Post.company_id == company_id, Post.kind.in_(rules.SEEKING_KINDS), open_and_valid())
        .options(selectinload(Post.tags), selectinload(Post.regions))
        .order_by(Post.created_at.desc())
        .limit(10)
    )
    return list(db.session.scalars(statement))


def _offer_terms(company: Company, offers: list[Offer]) -> dict[str, float]:
    return weighted((rules.WHERE[where], text) for where, _label, text in sources(company, offers))


SEEKING = index.seeking(rules.SEEKING_KINDS)


def needs_answered_by(company: Company, limit: int = 10) -> list[Suggestion]:
    """Other members' open needs that `company` may answer, best first."""
    offers = offers_of([company.id])[company.id]
    terms = _top_terms(_offer_terms(company, offers))
    concepts = {
        mention.concept
        for _where, _label, text in sources(company, offers)
        for mention in vocabulary().mentions(text or "")
    }
    if not terms and not concepts:
        return []
    hits = _hits(terms, concepts, ("title", "competences", "body"), SEEKING)
    keys = [parse_key(key)[1] for key, company_id in hits if company_id != company.id]
    needs = db.session.scalars(
        select(Post).where(Post.id.in_(keys)).options(selectinload(Post.tags), selectinload(Post.regions))
    )
    ranked = _ranked(score(need, company, offers) for need in needs)
    for suggestion in ranked:
        suggestion.answers_mine = False
    return ranked[:limit]


def suggestions_by_need(company: Company, limit: int = 10) -> dict[Post, list[Suggestion]]:
    """The suggestions for each of the company's open needs (see `for_post`)."""
    return {need: for_post(need, limit) for need in open_needs(company.id)}


def partners_for(company: Company, limit: int = 10, by_need: dict | None = None) -> list[Partner]:
    """Suggested partners: who answers my needs and whose needs I answer (roles alone make no partner).

    `by_need`: the company's `suggestions_by_need`, when the caller has them already.
    """
    partners: dict[int, Partner] = {}
    dismissed = _dismissed(company.id, None)
    by_need = by_need if by_need is not None else suggestions_by_need(company, limit)
    found = [s for suggestions in by_need.values() for s in suggestions]
    for suggestion in found + needs_answered_by(company, limit):
        other = suggestion.company if suggestion.answers_mine else suggestion.need.company
        if other.id not in dismissed:
            partners.setdefault(other.id, Partner(other)).suggestions.append(suggestion)
    for partner in partners.values():
        partner.suggestions.sort(key=lambda s: -s.score)
    return sorted(partners.values(), key=lambda p: (-p.score, p.company.name_sort))[:limit]


def between(mine: Company, theirs: Company) -> Partner | None:
    """What connects two companies: my needs they answer and their needs I answer."""
    if theirs.id in _dismissed(mine.id, None):
        return None
    partner = Partner(theirs)
    offers = offers_of([mine.id, theirs.id])
    partner.suggestions = _ranked(score(need, theirs, offers[theirs.id]) for need in open_needs(mine.id))
    for found in _ranked(score(need, mine, offers[mine.id]) for need in open_needs(theirs.id)):
        found.answers_mine = False
        partner.suggestions.append(found)
    partner.suggestions.sort(key=lambda s: -s.score)
    return partner if partner.suggestions else None


def desk(needs_shown: int, per_need: int) -> list[tuple[Post, list[Suggestion]]]:
    """The cluster's newest open needs with their candidates for the managers: needs nobody answers first."""
    statement = (
        select(Post)
        .where(Post.kind.in_(rules.SEEKING_KINDS), open_and_valid())
        .options(selectinload(Post.tags), selectinload(Post.regions), selectinload(Post.company))
        .order_by(Post.created_at.desc(), Post.id.desc())
        .limit(needs_shown)
    )
    found = [(need, for_post(need, per_need)) for need in db.session.scalars(statement)]
    return sorted(found, key=lambda pair: bool(pair[1]))
