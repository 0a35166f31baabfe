"""Scoring many needs and companies at once, for the stored suggestions.

An import, a reindex or a vocabulary change touches thousands of needs and companies. Scored one by one
(`for_post`, `scored_against` in search/matching/candidates.py) each item reads the companies, their offers,
shared groups and the rarity of its terms again; a Batch reads them once for a chunk of items. The index is
still asked for each need's (and each company's) candidates. The suggestions are the same as the one by one
path's (tests/matching/test_batch.py compares them).
"""

from collections import defaultdict

from sqlalchemy import select
from sqlalchemy.orm import selectinload

from clusterhub.companies.directory import current_member_ids
from clusterhub.companies.models import Company
from clusterhub.extensions import db
from clusterhub.groups.services import groups_shared_among
from clusterhub.posts.models import Post
from search.matching.candidates import (
    answering_ids,
    companies_with_profiles,
    is_seeking,
    needs_found_for,
    ranked,
)
from search.matching.scoring import (
    Offer,
    Rarity,
    Suggestion,
    Wanted,
    need_texts,
    offers_of,
    score,
    sources,
    wanted_by,
)
from search.models import MatchSuggestion

# Items read and written together: enough to make reading cheap, few enough for the database's IN lists.
CHUNK = 500


def chunks(ids) -> list[list[int]]:
    """The ids in order, CHUNK at a time."""
    ordered = sorted(ids)
    return [ordered[start : start + CHUNK] for start in range(0, len(ordered), CHUNK)]


class Batch:
    """What scoring reads, read once for all the needs and companies of one recomputation."""

    def __init__(self):
        self.rarity = Rarity()
        self.companies: dict[int, Company] = {}
        self.offers: dict[int, list[Offer]] = {}
        self.shared: dict[int, dict[int, list[str]]] = {}
        self.wanted: dict[int, Wanted] = {}
        self.found: dict = {}  # the needs the index finds for what a company brings, by the words asked
        self.postings: dict = {}  # what the index read for the searches (index.candidates)

    def read_companies(self, ids) -> None:
        """The companies (with tags and roles) and their open offers."""
        missing = set(ids) - self.companies.keys()
        if missing:
            self.companies.update((company.id, company) for company in companies_with_profiles(missing))
            offers = offers_of(missing)
            self.offers.update((company_id, offers.get(company_id, [])) for company_id in missing)

    def read_shared(self, ids) -> None:
        """The groups each of the companies shares with others."""
        missing = set(ids) - self.shared.keys()
        if missing:
            found = groups_shared_among(missing)
            self.shared.update((company_id, found.get(company_id, {})) for company_id in missing)

    def read_wanted(self, needs: list[Post]) -> None:
        """What each need asks for, its terms' rarity read in one call."""
        new = [need for need in needs if need.id not in self.wanted]
        self.rarity.read_texts(text for need in new for text in need_texts(need).values())
        self.wanted.update((need.id, wanted_by(need, self.rarity)) for need in new)


def _needs(ids) -> dict[int, Post]:
    statement = (
        select(Post)
        .where(Post.id.in_(ids))
        .options(
            selectinload(Post.tags),
            selectinload(Post.regions),
            selectinload(Post.company).options(selectinload(Company.tags), selectinload(Company.roles)),
        )
    )
    return {need.id: need for need in db.session.scalars(statement)}


def for_needs(batch: Batch, need_ids: list[int], limit: int) -> list[Suggestion]:
    """Each need's best `limit` candidates, as `for_post(need, limit, dismissed=False)` finds them."""
    needs = [need for need in _needs(need_ids).values() if is_seeking(need)]
    batch.read_wanted(needs)
    asking = [need for need in needs if batch.wanted[need.id].total]
    candidates = {need.id: answering_ids(need, batch.wanted[need.id], batch.postings) for need in asking}
    batch.read_companies(company_id for ids in candidates.values() for company_id in ids)
    batch.read_shared(need.company_id for need in asking)
    found = []
    for need in sorted(asking, key=lambda need: need.id):
        wanted, shared = batch.wanted[need.id], batch.shared[need.company_id]
        companies = _companies_in_order(batch, candidates[need.id])
        found += ranked(score(need, c, batch.offers[c.id], wanted, shared) for c in companies)[:limit]
    return found


def _companies_in_order(batch: Batch, ids: list[int]) -> list[Company]:
    # By id, as the one by one path reads them: equal scores of equally named companies keep this order.
    return [batch.companies[company_id] for company_id in sorted(ids) if company_id in batch.companies]


def members_among(company_ids) -> set[int]:
    """The companies that are members of the current cluster now."""
    statement = select(Company.id).where(Company.id.in_(company_ids), Company.id.in_(current_member_ids()))
    return set(db.session.scalars(statement))


def by_companies(batch: Batch, company_ids: set[int]) -> list[Suggestion]:
    """Each company scored against the needs it answered before and those the index finds for what it
    brings, as `scored_against` does (the companies must be members)."""
    before = defaultdict(set)
    answered = select(MatchSuggestion.need_id, MatchSuggestion.company_id).where(
        MatchSuggestion.company_id.in_(company_ids)
    )
    for need_id, company_id in db.session.execute(answered):
        before[company_id].add(need_id)
    batch.read_companies(company_ids)
    companies = sorted((batch.companies[company_id] for company_id in company_ids), key=lambda c: c.id)
    batch.rarity.read_texts(
        text for company in companies for _where, _label, text in sources(company, batch.offers[company.id])
    )
    need_ids = {
        company.id: before[company.id]
        | set(needs_found_for(company, batch.offers[company.id], batch.rarity, batch.found, batch.postings))
        for company in companies
    }
    needs = _needs({need_id for ids in need_ids.values() for need_id in ids})
    batch.read_wanted([need for need in needs.values() if is_seeking(need)])
    batch.read_shared(company_ids)
    found = []
    for company in companies:
        found += ranked(_scored_needs(batch, company, needs, need_ids[company.id]))
    return found


def _scored_needs(batch: Batch, company: Company, needs: dict[int, Post], need_ids: set[int]):
    offers, shared = batch.offers[company.id], batch.shared[company.id]
    for need_id in sorted(need_ids):
        need = needs.get(need_id)
        if need is not None and need.company_id != company.id and is_seeking(need):
            together = {company.id: shared.get(need.company_id, [])}
            yield score(need, company, offers, batch.wanted[need.id], together)
