"""Match suggestions: which member companies answer a need, and which partners suit a company.

Candidates come from the cluster's index (fast); the score and the reasons are worked out from the
database texts with the same analysis, so a suggestion shows exactly the words that matched.
A score is points out of 100: matched words, complementary value-chain roles, region (search/match_rules.py).
"""

from collections import defaultdict
from dataclasses import dataclass, field
from math import log
from typing import NamedTuple

from sqlalchemy import select
from sqlalchemy.orm import selectinload
from whoosh.query import And, Or, Term

from clusterhub.companies.directory import current_member_ids
from clusterhub.companies.models import Company, CompanyRole
from clusterhub.extensions import db
from clusterhub.posts.models import Post, PostTag
from clusterhub.posts.services import is_expired, open_and_valid
from search import index
from search import match_rules as rules
from search.analysis import words_by_term
from search.documents import parse_key
from search.models import MatchDismissal
from tenants.context import current_tenant_id


@dataclass
class Reason:
    """One thing that connects the two sides: matched words, roles, or region."""

    kind: str  # "words" | "roles" | "category" | "region"
    where: str = ""  # for words: competence, offer, infrastructure, sector, description
    theirs: str = ""  # their text as written: a competence, an offer's title, words of a longer text
    yours: str = ""  # the need's words as written
    their_role: str = ""
    your_role: str = ""


@dataclass
class Suggestion:
    """A company that may answer a need, scored out of 100, with the reasons."""

    company: Company
    need: Post
    points: dict[str, int]
    reasons: list[Reason]
    matched: float = 0.0
    # True when the suggestion answers the viewer's own need; False when the viewer answers theirs.
    answers_mine: bool = True

    @property
    def score(self) -> int:
        return sum(self.points.values())


@dataclass
class Partner:
    """A suggested partner company and what connects it to the viewer's company."""

    company: Company
    suggestions: list[Suggestion] = field(default_factory=list)
    roles: Reason | None = None

    @property
    def score(self) -> int:
        best = max((s.score for s in self.suggestions), default=0)
        return best or (rules.WEIGHTS["roles"] if self.roles else 0)


def _rarity(searcher):
    documents = max(searcher.doc_count(), 1)
    full = log(1 / rules.COMMON_SHARE)

    def rarity(term: str) -> float:
        found = searcher.doc_frequency("body", term) + searcher.doc_frequency("title", term)
        return min(1.0, max(0.2, log(documents / (found + 1)) / full))

    return rarity


def _weighted(parts) -> dict[str, float]:
    """Meaningful terms of (weight, text) parts, each with its best weight times its rarity here."""
    rarity = _rarity(index.searcher(current_tenant_id()))
    weights: dict[str, float] = {}
    for weight, text in parts:
        for term in words_by_term(text or ""):
            if rules.meaningful(term):
                weights[term] = max(weights.get(term, 0.0), weight * rarity(term))
    return weights


def need_terms(post: Post) -> dict[str, float]:
    """The need's meaningful terms with their weight (title and tags above body, rare words above common)."""
    texts = {"title": post.title, "tags": ", ".join(post.tag_names), "body": post.body}
    return _weighted((weight, texts[part]) for part, weight in rules.NEED_PARTS.items())


def _need_words(post: Post) -> dict[str, str]:
    # The title's own spelling wins, then the tags'.
    return {
        **words_by_term(post.body),
        **words_by_term(", ".join(post.tag_names)),
        **words_by_term(post.title),
    }


class Offer(NamedTuple):
    """What matching reads of an open offer; plain rows, as loading whole posts costs more than matching."""

    title: str
    tag_names: list[str]
    body: str


def _offers_of(company_ids) -> dict[int, list[Offer]]:
    rows = db.session.execute(
        select(Post.id, Post.company_id, Post.title, Post.body).where(
            Post.company_id.in_(company_ids), Post.kind == "offer", Post.status == "open"
        )
    ).all()
    tags = defaultdict(list)
    for post_id, name in db.session.execute(
        select(PostTag.post_id, PostTag.name).where(PostTag.post_id.in_([row.id for row in rows]))
    ):
        tags[post_id].append(name)
    offers = defaultdict(list)
    for row in rows:
        offers[row.company_id].append(Offer(row.title, tags[row.id], row.body))
    return offers


def _sources(company: Company, offers: list[Offer]):
    """(where, their text to show, the text to analyse) for everything a company brings."""
    for tag in company.tags:
        yield ("competence" if tag.kind == "competence" else "sector"), tag.name, tag.name
    for offer in offers:
        yield "offer", offer.title, "\n".join((offer.title, *offer.tag_names))
        yield "offer_text", offer.title, offer.body
    yield "infrastructure", "", company.infrastructure
    yield "description", "", company.description


def _word_reasons(wanted: dict[str, float], yours: dict[str, str], company, offers):
    best: dict[str, float] = {}
    reasons = []
    for where, label, text in _sources(company, offers):
        found = words_by_term(text or "")
        shared = [term for term in wanted if term in found]
        if not shared:
            continue
        for term in shared:
            best[term] = max(best.get(term, 0.0), rules.WHERE[where])
        theirs = label or ", ".join(found[term] for term in shared)
        reasons.append(Reason("words", where, theirs, ", ".join(yours[term] for term in shared)))
    matched = sum(wanted[term] * weight for term, weight in best.items())
    return matched, reasons


def _roles_between(my_roles, their_roles) -> Reason | None:
    pair = rules.complementary(my_roles, their_roles)
    return Reason("roles", their_role=pair[1], your_role=pair[0]) if pair else None


def _role_reason(need: Post, company: Company) -> Reason | None:
    if reason := _roles_between(need.company.role_names, company.role_names):
        return reason
    for theirs in company.role_names:
        if theirs in rules.CATEGORY_ROLES.get(need.category, ()):
            return Reason("category", their_role=theirs, where=need.category)
    return None


def _region_reason(need: Post, company: Company) -> Reason | None:
    regions = need.region_names or [need.company.region]
    if company.region and company.region in regions:
        return Reason("region", theirs=company.region)
    return None


def _word_points(matched: float, wanted: dict[str, float]) -> int:
    return round(rules.WEIGHTS["words"] * min(1.0, matched / min(rules.SATURATION, sum(wanted.values()))))


def score(need: Post, company: Company, offers: list[Offer], wanted: dict[str, float] | None = None):
    """How well `company` (with its open offers) answers `need`; None when no word of the need matches."""
    wanted = wanted if wanted is not None else need_terms(need)
    matched, reasons = _word_reasons(wanted, _need_words(need), company, offers)
    if not reasons:
        return None
    role, region = _role_reason(need, company), _region_reason(need, company)
    points = {
        "words": round(
            rules.WEIGHTS["words"] * min(1.0, matched / min(rules.SATURATION, sum(wanted.values())))
        ),
        "roles": rules.WEIGHTS["roles"] if role else 0,
        "region": rules.WEIGHTS["region"] if region else 0,
    }
    reasons += [reason for reason in (role, region) if reason]
    return Suggestion(company, need, points, reasons, matched)


def _query(terms, fields) -> Or:
    query = Or([Term(name, term) for term in terms for name in fields])
    # Reading the few postings of each term into arrays beats Whoosh's tree of union matchers here.
    query.matcher_type = Or.ARRAY_MATCHER
    return query


def _hits(query, only):
    searcher = index.searcher(current_tenant_id())
    allowed = index.documents_matching(searcher, And([Term("tenant", str(current_tenant_id())), only]))
    if not allowed:  # Whoosh reads an empty filter as no filter at all.
        return []
    return searcher.search(query, limit=rules.CANDIDATE_HITS, filter=allowed)


def _top_terms(weights: dict[str, float]) -> list[str]:
    return sorted(weights, key=lambda term: -weights[term])[: rules.MAX_QUERY_TERMS]


def _company_ids(query, only) -> list[int]:
    return list(dict.fromkeys(int(hit["company"]) for hit in _hits(query, only)))


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


ANSWERING = Or(
    [Term("type", "company"), And([Term("type", "post"), Term("kind", "offer"), Term("status", "open")])]
)
ANSWER_FIELDS = ("title", "competences", "infrastructure", "body")


def for_post(need: Post, limit: int = 10) -> list[Suggestion]:
    """The member companies that may answer `need`, best first (dismissed ones left out)."""
    if not is_seeking(need):
        return []
    wanted = need_terms(need)
    if not wanted:
        return []
    skip = _dismissed(need.company_id, need.id) | {need.company_id}
    ids = [i for i in _company_ids(_query(_top_terms(wanted), ANSWER_FIELDS), ANSWERING) if i not in skip]
    companies = _companies(ids)
    offers = _offers_of(ids)
    found = [score(need, company, offers[company.id], wanted) for company in companies]
    return _ranked(found)[:limit]


def is_seeking(post: Post) -> bool:
    """An open need or partnership interest whose last day has not passed: only these get suggestions."""
    return post.kind in rules.SEEKING_KINDS and post.status == "open" and not is_expired(post)


def fit(need: Post, company: Company) -> Suggestion | None:
    """Why `company` may answer another company's `need`, if it is good enough to be suggested for it."""
    if not is_seeking(need) or need.company_id == company.id:
        return None
    found = _ranked([score(need, company, _offers_of([company.id])[company.id])])
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
    return _weighted((rules.WHERE[where], text) for where, _label, text in _sources(company, offers))


SEEKING = And(
    [Term("type", "post"), Or([Term("kind", k) for k in rules.SEEKING_KINDS]), Term("status", "open")]
)


def needs_answered_by(company: Company, limit: int = 10) -> list[Suggestion]:
    """Other members' open needs that `company` may answer, best first."""
    offers = _offers_of([company.id])[company.id]
    terms = _top_terms(_offer_terms(company, offers))
    if not terms:
        return []
    hits = _hits(_query(terms, ("title", "competences", "body")), SEEKING)
    keys = [parse_key(hit["key"])[1] for hit in hits if hit["company"] != str(company.id)]
    needs = db.session.scalars(
        select(Post).where(Post.id.in_(keys)).options(selectinload(Post.tags), selectinload(Post.regions))
    )
    ranked = _ranked(score(need, company, offers) for need in needs)
    for suggestion in ranked:
        suggestion.answers_mine = False
    return ranked[:limit]


def _complementary(company: Company, skip: set[int]) -> list[Partner]:
    mine = company.role_names
    wanted = {role for pair in rules.COMPLEMENTS for role in pair if pair & set(mine)} - set(mine)
    roles = select(CompanyRole.company_id).where(
        CompanyRole.role.in_(wanted), CompanyRole.company_id.in_(current_member_ids())
    )
    ids = set(db.session.scalars(roles)) - skip
    partners = [Partner(other, roles=_roles_between(mine, other.role_names)) for other in _companies(ids)]
    return sorted(partners, key=lambda p: p.company.name_sort)


def suggestions_by_need(company: Company, limit: int = 10) -> dict[Post, list[Suggestion]]:
    """The suggestions for each of the company's open needs (see `for_post`)."""
    return {need: for_post(need, limit) for need in open_needs(company.id)}


def partners_for(company: Company, limit: int = 10, by_need: dict | None = None) -> list[Partner]:
    """Suggested partners: who answers my needs, whose needs I answer, then complementary roles.

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
    ranked = sorted(partners.values(), key=lambda p: (-p.score, p.company.name_sort))
    if len(ranked) < limit:
        ranked += _complementary(company, dismissed | set(partners) | {company.id})[: limit - len(ranked)]
    return ranked[:limit]


def between(mine: Company, theirs: Company) -> Partner | None:
    """What connects two companies: my needs they answer, their needs I answer, or roles."""
    if theirs.id in _dismissed(mine.id, None):
        return None
    partner = Partner(theirs)
    offers = _offers_of([mine.id, theirs.id])
    partner.suggestions = _ranked(score(need, theirs, offers[theirs.id]) for need in open_needs(mine.id))
    for found in _ranked(score(need, mine, offers[mine.id]) for need in open_needs(theirs.id)):
        found.answers_mine = False
        partner.suggestions.append(found)
    partner.suggestions.sort(key=lambda s: -s.score)
    partner.roles = _roles_between(mine.role_names, theirs.role_names)
    return partner if partner.suggestions or partner.roles else None
