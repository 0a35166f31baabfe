"""How good matchmaking is on the labelled corpus: hit@1, hit@3 and MRR, for the matcher and a baseline.

The corpus (tests/matching/corpus.py and corpus_more.py) is built through the same services as the app
and indexed by the hook when the build commits. For each need, the rank of its first right partner
among the suggestions gives hit@1 (first), hit@3 (among the first three) and the reciprocal rank
(0 when it is not suggested at all). The baseline ranks every other member company by how many
distinct words (stemmed, as search does) it shares with the need, as matching did before concepts.
`make bench` prints the same table (bench/quality.py).
"""

from collections import defaultdict
from typing import NamedTuple

from sqlalchemy import select
from sqlalchemy.orm import selectinload

from clusterhub.companies.models import Company
from clusterhub.companies.services import company_named, update_profile
from clusterhub.extensions import db
from clusterhub.posts.models import Post
from clusterhub.posts.services import create_post
from search.analysis import terms
from search.matching import rules
from search.matching.candidates import for_post
from tests.matching import corpus, corpus_more

CLUSTER = corpus.CLUSTER
COMPANIES = {**corpus.COMPANIES, **corpus_more.COMPANIES}
OFFERS = corpus.OFFERS
NEEDS = corpus.NEEDS + corpus_more.NEEDS
TOP = 3


def build() -> None:
    """The corpus's companies, offers and needs in the current cluster, committed (and so indexed)."""
    # A name missing from COMPANIES fails here instead of quietly admitting an empty company.
    companies = {name: company_named(name) for name in COMPANIES}
    for name, profile in COMPANIES.items():
        update_profile(companies[name], None, profile)
    for post in OFFERS + NEEDS:
        create_post(
            companies[post["company"]],
            None,
            post["kind"],
            post["category"],
            post["title"],
            post["body"],
            post.get("tags", ()),
            post.get("regions", ()),
        )
    db.session.commit()


def need_post(need: dict) -> Post:
    return db.session.scalar(select(Post).where(Post.title == need["title"]))


def matched(need: dict) -> list[str]:
    """The matcher's suggestions for a need of the corpus, best first (company names)."""
    return [s.company.name for s in for_post(need_post(need), limit=len(COMPANIES))]


def _words(text: str) -> set[str]:
    return {term for term in terms(text or "") if rules.meaningful(term)}


def _company_words() -> dict[str, set[str]]:
    companies = db.session.scalars(select(Company).options(selectinload(Company.tags)))
    words = {
        c.name: _words(" ".join((c.description, c.infrastructure, *(t.name for t in c.tags))))
        for c in companies
    }
    offers = db.session.scalars(select(Post).where(Post.kind == "offer").options(selectinload(Post.tags)))
    for offer in offers:
        words[offer.company.name] |= _words(" ".join((offer.title, offer.body, *offer.tag_names)))
    return words


def baseline(need: dict, company_words: dict[str, set[str]]) -> list[str]:
    """Every other company sharing a word with the need, most shared words first."""
    wanted = _words(" ".join((need["title"], need["body"], *need.get("tags", ()))))
    shared = {name: len(wanted & words) for name, words in company_words.items() if name != need["company"]}
    return sorted((name for name in shared if shared[name]), key=lambda name: (-shared[name], name))


class Scores(NamedTuple):
    """hit@1, hit@3 and mean reciprocal rank over some needs."""

    needs: int
    hit1: float
    hit3: float
    mrr: float

    def __str__(self) -> str:
        return f"hit@1 {self.hit1:.2f}  hit@{TOP} {self.hit3:.2f}  MRR {self.mrr:.2f}  ({self.needs} needs)"


def first_right(ranked: list[str], need: dict) -> int | None:
    """The 1-based rank of the need's first right partner, None when none is suggested."""
    return next((rank for rank, name in enumerate(ranked, 1) if name in need["right"]), None)


def scores(ranks: list[int | None]) -> Scores:
    count = max(len(ranks), 1)
    return Scores(
        len(ranks),
        sum(rank == 1 for rank in ranks) / count,
        sum(rank is not None and rank <= TOP for rank in ranks) / count,
        sum(1 / rank for rank in ranks if rank) / count,
    )


def groups(need: dict) -> tuple[str, ...]:
    """The groups a need counts in: all, how it is linked, its industry."""
    return ("all", f"link: {need.get('link', 'words')}", f"industry: {need['industry']}")


class Measured(NamedTuple):
    """Scores per group for the matcher and the baseline, and each need's ranks (for reading failures)."""

    matcher: dict[str, Scores]
    baseline: dict[str, Scores]
    ranks: dict[str, tuple[int | None, int | None]]


def measure() -> Measured:
    """Both rankings of every need of the built corpus, scored per group (inside the corpus's cluster)."""
    company_words = _company_words()
    ranks = {
        need["key"]: (first_right(matched(need), need), first_right(baseline(need, company_words), need))
        for need in NEEDS
    }
    by_group: dict[str, list[str]] = defaultdict(list)
    for need in NEEDS:
        for group in groups(need):
            by_group[group].append(need["key"])
    return Measured(
        {group: scores([ranks[key][0] for key in keys]) for group, keys in by_group.items()},
        {group: scores([ranks[key][1] for key in keys]) for group, keys in by_group.items()},
        ranks,
    )


def table(measured: Measured) -> str:
    """The scores side by side, one line per group."""
    lines = [f"{'group':<24} {'matching':<46} baseline (shared words)"]
    for group in sorted(measured.matcher, key=lambda name: (name != "all", name)):
        lines.append(f"{group:<24} {measured.matcher[group]!s:<46} {measured.baseline[group]}")
    return "\n".join(lines)
