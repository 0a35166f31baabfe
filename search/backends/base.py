"""What both search backends share: the errors, the shape of an answer, and how typed text is widened.

A backend stores the documents of search/documents.py, one set per cluster, and answers searches of the
current cluster. The rest of the app reaches it only through search/index.py.
"""

from dataclasses import dataclass

from whoosh.analysis import RegexTokenizer

from clusterhub.companies.models import REGIONS
from search.analysis import terms
from search.vocabulary.lookup import vocabulary

MAX_QUERY_LENGTH = 200
# Typed words this long that the index does not know are read with one typo.
FUZZY_FROM = 5
# A typed region name ("riga", "Kurzemē") also finds the companies of that planning region.
REGION_TERMS = {term: region for region in REGIONS for term in terms(region)}


class QueryError(ValueError):
    """The text cannot be read as a query; the message says why, in words for people."""


class IndexUnavailable(RuntimeError):
    """The cluster's index cannot be read (damaged files, a disk problem); searching must say so."""


class IndexMissing(IndexUnavailable):
    """The cluster has no index (never written to, or deleted): reading does not make an empty one."""


@dataclass(frozen=True)
class Found:
    """One page of a search: document keys best first, how many in all, facet counts, the terms to mark."""

    keys: list[str]
    total: int
    facets: dict[str, dict[str, int]]
    terms: frozenset[str]


# The documents matching candidates may come from: any one of these sets of facet values.
ANSWERING = ({"type": "company"}, {"type": "post", "kind": "offer", "status": "open"})


def seeking(kinds) -> tuple[dict[str, str], ...]:
    """Open posts of these kinds."""
    return tuple({"type": "post", "kind": kind, "status": "open"} for kind in kinds)


def checked(text: str) -> str:
    """The typed text without surrounding space; too long a text is refused."""
    text = text.strip()
    if len(text) > MAX_QUERY_LENGTH:
        raise QueryError("too long")
    return text


def has_words(text: str) -> bool:
    return any(True for _ in RegexTokenizer()(text))


def facet_counts(groups: dict) -> dict[str, int]:
    """Values by count, most first; documents without the field (a company has no post status) left out."""
    return dict(
        sorted(((value, count) for value, count in groups.items() if value), key=lambda pair: -pair[1])
    )


def with_concepts(text: str) -> str:
    """The typed text with each concept it names widened to all its forms: (subtitles OR "subtitri" OR …)."""
    if '"' in text:  # a phrase in quotes asks for exactly those words
        return text
    words = vocabulary()
    for mention in words.mentions(text):
        forms = " OR ".join(f'"{form}"' for form in words.written_of[mention.concept])
        text = text.replace(mention.written, f"(({mention.written}) OR {forms})", 1)
    return text
