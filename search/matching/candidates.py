"""Who is looked at for a need, and ranked: candidates come from the cluster's index (fast), the vocabulary
widens the lookup to every form of the need's concepts, and search/matching/scoring.py scores each one.
"""

from sqlalchemy import select
from sqlalchemy.orm import selectinload

from clusterhub.companies.models import Company
from clusterhub.extensions import db
from clusterhub.groups.services import groups_shared_with
from clusterhub.navigation import Page, paginate_ids
from clusterhub.posts.models import Post
from clusterhub.posts.services import is_expired, open_and_valid
from search import index
from search.documents import parse_key
from search.matching import rules
from search.matching.scoring import (
    Offer,
    Rarity,
    Suggestion,
    Wanted,
    offers_of,
    score,
    sources,
    wanted_by,
    weighted,
)
from search.models import MatchDismissal
from search.vocabulary.lookup import vocabulary
from tenants.context import current_tenant_id


def _concept_terms(concepts) -> list[str]:
    """The search terms of the concepts' forms, then of their broader and narrower concepts' forms."""
    words = vocabulary()
    # In a fixed order: only the first terms are asked, and a set's order differs from process to process.
    concepts = sorted(concepts)
    related = [other for concept in concepts for other in sorted(words.related(concept))]
    found = dict.fromkeys(
        term for concept in [*concepts, *related] for term in sorted(words.terms_of.get(concept, ()))
    )
    return list(found)[: rules.MAX_CONCEPT_TERMS]


def _hits(words: list[str], concepts, fields, among, postings: dict | None) -> list[tuple[str, int]]:
    """(key, company id) of the documents with a key word, a word that begins like one (a derived form),
    or a form of a concept, best first (`postings`: see `index.candidates`)."""
    terms = list(dict.fromkeys([*words, *_concept_terms(concepts)]))
    beginnings = [word[: -rules.CLOSE_CUT] for word in words if len(word) >= rules.CLOSE_FROM_LETTERS + 2]
    hits = rules.CANDIDATE_HITS
    return index.candidates(current_tenant_id(), terms, beginnings, fields, among, hits, postings)


def _top_terms(weights: dict[str, float]) -> list[str]:
    return sorted(weights, key=lambda term: -weights[term])[: rules.MAX_QUERY_TERMS]


def _company_ids(words: list[str], concepts, fields, among, postings: dict | None) -> list[int]:
    hits = _hits(words, concepts, fields, among, postings)
    return list(dict.fromkeys(company_id for _key, company_id in hits))


def dismissed_by(company_ids) -> dict[int, dict[int | None, set[int]]]:
    """For each company, the companies it dismissed by the post they were dismissed for (None: every post)."""
    found: dict[int, dict[int | None, set[int]]] = {company_id: {} for company_id in company_ids}
    statement = select(
        MatchDismissal.company_id, MatchDismissal.post_id, MatchDismissal.partner_company_id
    ).where(MatchDismissal.company_id.in_(found))
    for company_id, post_id, partner_id in db.session.execute(statement):
        found[company_id].setdefault(post_id, set()).add(partner_id)
    return found


def dismissed_partners(company_id: int) -> dict[int | None, set[int]]:
    """The companies `company_id` dismissed, by the post they were dismissed for (None: for every post)."""
    return dismissed_by([company_id])[company_id]


def dismissed_for(company_id: int, post_id: int) -> set[int]:
    """The companies not to suggest for a company's post: dismissed for it or for every post."""
    dismissed = dismissed_partners(company_id)
    return dismissed.get(None, set()) | dismissed.get(post_id, set())


def companies_with_profiles(ids) -> list[Company]:
    """The companies with their tags and roles, as scoring reads them."""
    statement = (
        select(Company)
        .where(Company.id.in_(ids))
        .options(selectinload(Company.tags), selectinload(Company.roles))
    )
    return list(db.session.scalars(statement))


ANSWERING = index.ANSWERING
ANSWER_FIELDS = ("title", "competences", "infrastructure", "body")


def answering_ids(need: Post, wanted: Wanted, postings: dict | None = None) -> list[int]:
    """The ids of the other companies the index finds for what `need` asks, best first (`postings`:
    see `index.candidates`)."""
    found = _company_ids(_top_terms(wanted.words), wanted.concepts, ANSWER_FIELDS, ANSWERING, postings)
    return [company_id for company_id in found if company_id != need.company_id]


def for_post(need: Post, limit: int = 10, dismissed: bool = True) -> list[Suggestion]:
    """The member companies that may answer `need`, best first (dismissed ones left out unless
    `dismissed` is False: the stored suggestions keep them, each reader leaves out its own dismissals)."""
    if not is_seeking(need):
        return []
    wanted = wanted_by(need)
    if not wanted.total:
        return []
    skip = dismissed_for(need.company_id, need.id) if dismissed else set()
    ids = [i for i in answering_ids(need, wanted) if i not in skip]
    companies = companies_with_profiles(ids)
    offers = offers_of(ids)
    shared = groups_shared_with(need.company_id)
    found = [score(need, company, offers[company.id], wanted, shared) for company in companies]
    return ranked(found)[:limit]


def is_seeking(post: Post) -> bool:
    """An open need or partnership interest whose last day has not passed: only these get suggestions."""
    return post.kind in rules.SEEKING_KINDS and post.status == "open" and not is_expired(post)


def worth_showing(points: dict[str, int]) -> bool:
    """Enough shared words to suggest: roles, region and group add points but make no match alone."""
    return points["words"] >= rules.MIN_WORDS


def rank_key(score: int, matched: float, name_sort: str) -> tuple:
    """Best score first, then the better word match, then by the company's name (its sort key)."""
    return (-score, -matched, name_sort)


def ranked(found) -> list[Suggestion]:
    kept = (s for s in found if s and worth_showing(s.points))
    return sorted(kept, key=lambda s: rank_key(s.score, s.matched, s.company.name_sort))


# Newest first, and the same order on /matches and the page of all needs when two were posted at once.
NEWEST = (Post.created_at.desc(), Post.id.desc())


def _seeking() -> tuple:
    """What picks open needs and partnership interests."""
    return Post.kind.in_(rules.SEEKING_KINDS), open_and_valid()


def _seeking_of(company_id: int) -> tuple:
    """What picks a company's open needs and partnership interests."""
    return Post.company_id == company_id, *_seeking()


def open_needs(company_id: int) -> list[Post]:
    """A company's open needs and partnership interests, newest first (the ten latest)."""
    statement = (
        select(Post)
        .where(*_seeking_of(company_id))
        .options(selectinload(Post.tags), selectinload(Post.regions))
        .order_by(*NEWEST)
        .limit(10)
    )
    return list(db.session.scalars(statement))


def open_needs_among(post_ids) -> list[Post]:
    """The open needs and partnership interests among the posts `post_ids`."""
    statement = (
        select(Post)
        .where(Post.id.in_(post_ids), *_seeking())
        .options(selectinload(Post.tags), selectinload(Post.regions))
    )
    return list(db.session.scalars(statement))


def open_needs_page(company_id: int, per_page: int) -> Page:
    """One page (?page=) of all a company's open needs and partnership interests, newest first."""
    ids = select(Post.id).where(*_seeking_of(company_id)).order_by(*NEWEST)
    return paginate_ids(ids, lambda chosen: select(Post).where(Post.id.in_(chosen)), per_page=per_page)


def _offer_terms(company: Company, offers: list[Offer], rarity: Rarity | None) -> dict[str, float]:
    return weighted(((rules.WHERE[where], text) for where, _label, text in sources(company, offers)), rarity)


SEEKING = index.seeking(rules.SEEKING_KINDS)


def needs_found_for(
    company: Company,
    offers: list[Offer],
    rarity: Rarity | None = None,
    memo: dict | None = None,
    postings: dict | None = None,
) -> list[int]:
    """The ids of other members' open needs the index finds for what `company` brings.

    `memo` keeps the index's answers for a batch: imported companies often bring just the same sector
    (`postings`: see `index.candidates`)."""
    terms = _top_terms(_offer_terms(company, offers, rarity))
    concepts = {
        mention.concept
        for _where, _label, text in sources(company, offers)
        for mention in vocabulary().mentions(text or "")
    }
    if not terms and not concepts:
        return []
    memo = {} if memo is None else memo
    asked = (tuple(terms), tuple(sorted(concepts)))
    if asked not in memo:
        memo[asked] = _hits(terms, concepts, ("title", "competences", "body"), SEEKING, postings)
    hits = memo[asked]
    return [parse_key(key)[1] for key, company_id in hits if company_id != company.id]
