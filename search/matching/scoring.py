"""How well one member company answers one need, and why.

The score and the reasons are worked out from the database texts with the same analysis as the index,
so a suggestion shows exactly the words that matched. A need and a company meet on a shared concept of
the vocabulary (in either language, through a synonym, or through a broader or narrower concept, which
counts less) or on key words, the same or close ("scenogrāfi" and "scenogrāfija"). A score is points out
of 100: matched content, complementary value-chain roles, region and a shared interest group
(search/matching/rules.py); roles, region and group add to a match but never make one.
"""

from collections import defaultdict
from dataclasses import dataclass
from math import log
from typing import NamedTuple

from sqlalchemy import select

from clusterhub.companies.models import Company
from clusterhub.extensions import db
from clusterhub.groups.services import groups_shared_with
from clusterhub.posts.models import Post, PostTag
from search import index
from search.analysis import likeness, words_by_term
from search.matching import rules
from search.vocabulary.lookup import Mention, Vocabulary, vocabulary
from tenants.context import current_tenant_id


@dataclass
class Reason:
    """One thing that connects the two sides: matched words, roles, or region."""

    kind: str  # "concept" | "words" | "roles" | "category" | "region" | "group"
    where: str = ""  # for concepts and words: competence, offer, infrastructure, sector, description
    theirs: str = ""  # their text as written: a competence, an offer's title, words of a longer text
    yours: str = ""  # the need's words as written
    their_role: str = ""
    your_role: str = ""
    concept: str = ""  # the need's concept (its key), shown in the reader's language


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


class Rarity:
    """How rare terms are in the cluster's titles and bodies, from 0.2 (common) to 1.

    The index is asked once for the terms it was not asked about yet: one Rarity shared by a batch of
    needs and companies (search/matching/batch.py) reads them all at once."""

    def __init__(self):
        self.documents: int | None = None
        self.found: dict[str, int] = {}

    def read(self, terms) -> None:
        """Ask the index about the terms not known yet (all of them in one call)."""
        missing = set(terms) - self.found.keys()
        if missing or self.documents is None:
            self.documents, found = index.statistics(current_tenant_id(), missing)
            self.found.update(found)

    def read_texts(self, texts) -> None:
        """Ask the index about every meaningful term of the texts."""
        self.read({term for text in texts for term in words_by_term(text or "") if rules.meaningful(term)})

    def __call__(self, terms) -> dict[str, float]:
        self.read(terms)
        documents, full = max(self.documents, 1), log(1 / rules.COMMON_SHARE)
        return {term: min(1.0, max(0.2, log(documents / (self.found[term] + 1)) / full)) for term in terms}


def weighted(parts, rarity: Rarity | None = None) -> dict[str, float]:
    """Meaningful terms of (weight, text) parts, each with its best weight times its rarity here."""
    parts = [
        (weight, [term for term in words_by_term(text or "") if rules.meaningful(term)])
        for weight, text in parts
    ]
    rarity = (rarity or Rarity())({term for _weight, terms in parts for term in terms})
    weights: dict[str, float] = {}
    for weight, terms in parts:
        for term in terms:
            weights[term] = max(weights.get(term, 0.0), weight * rarity[term])
    return weights


@dataclass
class Wanted:
    """What a need asks for: its concepts and the key words outside them, weighted, and how it wrote them."""

    concepts: dict[str, float]
    words: dict[str, float]
    written: dict[str, str]  # a concept's key or a word's term -> the need's words as written

    @property
    def total(self) -> float:
        return sum(self.concepts.values()) + sum(self.words.values())


def need_texts(post: Post) -> dict[str, str]:
    """The parts of a need that say what it asks for (rules.NEED_PARTS)."""
    return {"title": post.title, "tags": ", ".join(post.tag_names), "body": post.body}


def wanted_by(post: Post, rarity: Rarity | None = None) -> Wanted:
    """The need's concepts and meaningful words, title and tags above body (the title's spelling wins)."""
    texts = need_texts(post)
    concepts: dict[str, float] = {}
    written: dict[str, str] = {}
    inside: set[str] = set()
    own = {mention.concept for tag in post.company.tags for mention in vocabulary().mentions(tag.name)}
    for part, weight in rules.NEED_PARTS.items():
        for mention in vocabulary().mentions(texts[part]):
            weight_here = weight * (rules.OWN_TRADE if mention.concept in own else rules.CONCEPT)
            concepts[mention.concept] = max(concepts.get(mention.concept, 0.0), weight_here)
            written.setdefault(mention.concept, mention.written)
            inside.update(mention.terms)
        for term, word in words_by_term(texts[part] or "").items():
            written.setdefault(term, word)
    # A concept's own words are matched through the concept (in every language), not once more as words.
    words = weighted(((weight, texts[part]) for part, weight in rules.NEED_PARTS.items()), rarity)
    return Wanted(concepts, {t: w for t, w in words.items() if t not in inside}, written)


class Offer(NamedTuple):
    """What matching reads of an open offer; plain rows, as loading whole posts costs more than matching."""

    title: str
    tag_names: list[str]
    body: str


def offers_of(company_ids) -> dict[int, list[Offer]]:
    """The open offers of each company, as matching reads them."""
    rows = db.session.execute(
        select(Post.id, Post.company_id, Post.title, Post.body)
        .where(Post.company_id.in_(company_ids), Post.kind == "offer", Post.status == "open")
        # In one order however many companies are read: reasons are listed in the order of the offers.
        .order_by(Post.id)
    ).all()
    tags = defaultdict(list)
    for post_id, name in db.session.execute(
        select(PostTag.post_id, PostTag.name)
        .where(PostTag.post_id.in_([row.id for row in rows]))
        .order_by(PostTag.key)  # as a post lists its tags
    ):
        tags[post_id].append(name)
    offers = defaultdict(list)
    for row in rows:
        offers[row.company_id].append(Offer(row.title, tags[row.id], row.body))
    return offers


def sources(company: Company, offers: list[Offer]):
    """(where, their text to show, the text to analyse) for everything a company brings."""
    for tag in company.tags:
        yield ("competence" if tag.kind == "competence" else "sector"), tag.name, tag.name
    for offer in offers:
        yield "offer", offer.title, "\n".join((offer.title, *offer.tag_names))
        yield "offer_text", offer.title, offer.body
    yield "infrastructure", "", company.infrastructure
    yield "description", "", company.description


def _closest(term: str, found: dict[str, str]) -> tuple[str, float] | None:
    """Their term for the need's `term`: the same, or the closest one alike enough, with its weight."""
    if term in found:
        return term, 1.0
    if len(term) < rules.CLOSE_FROM_LETTERS:
        return None
    alike = [(likeness(term, theirs), theirs) for theirs in found if theirs[:2] == term[:2]]
    best = max(alike, default=(0.0, ""))
    return (best[1], rules.CLOSE_WORD * best[0]) if best[0] >= rules.CLOSE_LIKENESS else None


def _concept_met(concept: str, mentions: list[Mention], words: Vocabulary) -> tuple[Mention, float] | None:
    closeness = [(words.closeness(concept, mention.concept), mention) for mention in mentions]
    best = max(closeness, default=(0.0, None), key=lambda pair: pair[0])
    return (best[1], best[0]) if best[0] > 0 else None


class Met(NamedTuple):
    """What one source of a company meets of a need: concepts and words with how well, and the reasons."""

    weights: dict[str, float]  # a concept's key or a need's term -> how fully it is met here (0..1)
    reasons: list[Reason]


def _met_in(wanted: Wanted, where: str, label: str, text: str) -> Met:
    weights: dict[str, float] = {}
    reasons = []
    # Read once here: finding the vocabulary costs more than a closeness, and a batch asks millions.
    words = vocabulary()
    mentions = words.mentions(text or "")
    for concept in wanted.concepts:
        if found := _concept_met(concept, mentions, words):
            mention, weights[concept] = found
            theirs = label or mention.written
            reasons.append(Reason("concept", where, theirs, wanted.written[concept], concept=concept))
    found_words = words_by_term(text or "")
    shared = {term: close for term in wanted.words if (close := _closest(term, found_words))}
    if shared:
        weights.update((term, weight) for term, (_theirs, weight) in shared.items())
        theirs = label or ", ".join(dict.fromkeys(found_words[t] for t, _w in shared.values()))
        yours = ", ".join(wanted.written[term] for term in shared)
        reasons.append(Reason("words", where, theirs, yours))
    return Met(weights, reasons)


def _content_reasons(wanted: Wanted, company, offers):
    best: dict[str, float] = {}
    by_concept: dict[str, Reason] = {}
    words = []
    for where, label, text in sources(company, offers):
        met = _met_in(wanted, where, label, text)
        better = {
            key for key, weight in met.weights.items() if weight * rules.WHERE[where] > best.get(key, 0)
        }
        best.update((key, met.weights[key] * rules.WHERE[where]) for key in better)
        # One reason per concept, where it is met best: a profile names its trade in many places.
        by_concept.update((r.concept, r) for r in met.reasons if r.kind == "concept" and r.concept in better)
        words += [reason for reason in met.reasons if reason.kind == "words"]
    asked = {**wanted.words, **wanted.concepts}
    return sum(asked[key] * weight for key, weight in best.items()), [*by_concept.values(), *words]


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


def _group_reason(names: list[str]) -> Reason | None:
    """Both companies' people are in the same interest group: natural partners, shown as a reason.

    It adds a few points and, like roles and region, never makes a match on its own."""
    return Reason("group", theirs=", ".join(names)) if names else None


def score(
    need: Post,
    company: Company,
    offers: list[Offer],
    wanted: Wanted | None = None,
    shared: dict[int, list[str]] | None = None,
):
    """How well `company` (with its open offers) answers `need`; None when no concept or word matches.

    `shared`: `groups_shared_with(need.company_id)`, read once by a caller that scores many companies."""
    wanted = wanted if wanted is not None else wanted_by(need)
    matched, reasons = _content_reasons(wanted, company, offers)
    if not reasons:
        return None
    role, region = _role_reason(need, company), _region_reason(need, company)
    points = {
        "words": round(rules.WEIGHTS["words"] * min(1.0, matched / min(rules.SATURATION, wanted.total))),
        "roles": rules.WEIGHTS["roles"] if role else 0,
        "region": rules.WEIGHTS["region"] if region else 0,
    }
    shared = shared if shared is not None else groups_shared_with(need.company_id)
    group = _group_reason(shared.get(company.id, []))
    points["group"] = rules.WEIGHTS["group"] if group else 0
    reasons += [reason for reason in (role, region, group) if reason]
    return Suggestion(company, need, points, reasons, matched)
