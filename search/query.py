"""Searching a cluster: the query as people type it, filters, facet counts, snippets, pages.

The backend (search/index.py) finds the keys; hits are read back from the database through the cluster's
scope, so a stale or foreign index can make a result disappear but never show something of another
cluster. Snippets are marked here, the same for both backends, with the terms the query looked for.
"""

from dataclasses import dataclass, field
from functools import lru_cache
from math import ceil

from markupsafe import Markup, escape
from sqlalchemy import select
from sqlalchemy.orm import joinedload, selectinload
from whoosh import highlight

from clusterhub.companies.models import Company
from clusterhub.extensions import db
from clusterhub.posts.models import Post
from search import index
from search.analysis import ANALYZER
from search.backends.base import MAX_QUERY_LENGTH, QueryError
from search.documents import company_key, ids_by_kind, parse_key, post_key
from tenants.context import current_tenant_id

__all__ = ["MAX_QUERY_LENGTH", "QueryError", "Hit", "Results", "search"]

SORTS = ("relevance", "date")
SNIPPET_LENGTH = 240
# Texts whose words are kept for snippets (_words): about 4 KB each; every bench query of the big cluster
# shows about 550.
TEXTS_ANALYSED = 1024
SNIPPET_FIELDS = {
    "company": (
        ("competences", "competences"),
        ("infrastructure", "infrastructure"),
        ("body", "description"),
    ),
    "post": (("body", "body"), ("competences", "tags")),
}


@dataclass
class Hit:
    type: str
    item: Company | Post
    snippet: Markup


@dataclass
class Results:
    hits: list[Hit]
    total: int
    page: int
    per_page: int
    facets: dict[str, dict[str, int]] = field(default_factory=dict)

    @property
    def pages(self) -> int:
        return max(1, ceil(self.total / self.per_page))

    @property
    def has_prev(self) -> bool:
        return self.page > 1

    @property
    def has_next(self) -> bool:
        return self.page < self.pages

    @property
    def prev_num(self) -> int:
        return self.page - 1

    @property
    def next_num(self) -> int:
        return self.page + 1


# What the results page shows of each kind, read with it: a page of hits costs a few queries, not one per hit.
LOADED = {
    "company": (Company, company_key, (selectinload(Company.tags), selectinload(Company.roles))),
    "post": (Post, post_key, (joinedload(Post.company), selectinload(Post.tags))),
}


def _load(keys: list[str]) -> dict[str, Company | Post]:
    found = {}
    for kind, ids in ids_by_kind(keys).items():
        model, key_of, shown = LOADED[kind]
        if ids:  # a kind with no hit on the page costs no query
            for item in db.session.scalars(select(model).where(model.id.in_(ids)).options(*shown)):
                found[key_of(item.id)] = item
    return found


def _source_text(item, attribute: str) -> str:
    if attribute == "competences":
        return ", ".join(item.tag_names("competence"))
    if attribute == "tags":
        return ", ".join(item.tag_names)
    return getattr(item, attribute) or ""


@lru_cache(maxsize=TEXTS_ANALYSED)
def _words(text: str) -> tuple[tuple[str, int, int], ...]:
    """(term, start, end) of each word of `text` as highlighting analyses it (stop words kept): the same
    descriptions come back in search after search, and analysing them is most of a snippet's cost."""
    return tuple(
        (token.text, token.startchar, token.endchar)
        for token in ANALYZER(text, chars=True, mode="query", removestops=False)
    )


class _Word:
    """A word as highlighting reads it: what Whoosh's fragmenter, fragment scorer and formatter use of a
    Token (its term, where it is, whether it is marked, its boost), without the rest a Token sets up; a page
    of snippets goes through about seven hundred words."""

    __slots__ = ("text", "startchar", "endchar", "matched")
    boost = 1.0

    def __init__(self, text: str, startchar: int, endchar: int):
        self.text, self.startchar, self.endchar = text, startchar, endchar

    def copy(self) -> "_Word":
        word = _Word(self.text, self.startchar, self.endchar)
        word.matched = self.matched
        return word


def _analysed(text: str, **_options):
    """The analyzer highlighting is given: `text`'s words, fresh each time (highlighting marks them)."""
    return (_Word(term, start, end) for term, start, end in _words(text))


def _marked(text: str, terms: frozenset[str]) -> str:
    """The passages of `text` with the terms in it marked, or "" when it has none of them."""
    if terms.isdisjoint(term for term, _start, _end in _words(text)):
        return ""  # what highlighting gives without a term to mark
    return highlight.highlight(
        text,
        terms,
        _analysed,
        highlight.ContextFragmenter(maxchars=240, surround=60),
        highlight.HtmlFormatter(tagname="mark", between=" … "),
    )


def _snippet(kind: str, item, terms: frozenset[str]) -> Markup:
    for _fieldname, attribute in SNIPPET_FIELDS[kind]:
        text = _source_text(item, attribute)
        if text and terms and (found := _marked(text, terms)):
            return Markup(found)
    first = _source_text(item, SNIPPET_FIELDS[kind][-1 if kind == "company" else 0][1])
    return escape(first[:SNIPPET_LENGTH] + ("…" if len(first) > SNIPPET_LENGTH else ""))


def search(text: str, filters: dict[str, str], sort: str = "relevance", page: int = 1, per_page: int = 20):
    """One page of the current cluster's companies and posts matching `text` and `filters`.

    IndexUnavailable when the index is missing or fails while it is read (a damaged segment)."""
    page = max(1, page)
    found = index.search(current_tenant_id(), text, filters, sort, (page - 1) * per_page, per_page)
    items = _load(found.keys)
    hits = []
    for key in found.keys:
        kind = parse_key(key)[0]
        if (item := items.get(key)) is not None:
            hits.append(Hit(kind, item, _snippet(kind, item, found.terms)))
    return Results(hits, found.total, page, per_page, found.facets)
