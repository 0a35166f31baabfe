"""Searching a cluster: the query as people type it, filters, facet counts, snippets, pages.

Hits are read back from the database through the cluster's scope, so a stale or foreign index
can make a result disappear but never show something of another cluster.
"""

from collections import OrderedDict
from dataclasses import dataclass, field
from math import ceil

from markupsafe import Markup, escape
from sqlalchemy import select
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import selectinload
from whoosh import highlight, sorting
from whoosh.analysis import RegexTokenizer
from whoosh.qparser import FieldsPlugin, MultifieldParser, OperatorsPlugin
from whoosh.query import And, Every, FuzzyTerm, NullQuery, Or, Term

from clusterhub.companies.models import REGIONS, Company
from clusterhub.extensions import db
from clusterhub.posts.models import Post
from search import index
from search.analysis import terms, words_by_term
from search.documents import company_key, ids_by_kind, parse_key, post_key
from search.schema import FACETS, SCHEMA, TEXT_FIELDS
from search.vocabulary.lookup import vocabulary
from tenants.context import current_tenant_id

MAX_QUERY_LENGTH = 200
# A typed region name ("riga", "Kurzemē") also finds the companies of that planning region.
REGION_TERMS = {term: region for region in REGIONS for term in terms(region)}
# Typed words this long that the index does not know are read with one typo.
FUZZY_FROM = 5
SORTS = ("relevance", "date")
# Facet values per (segment, field): a few MB for the largest cluster.
REMEMBERED_SEGMENT_FIELDS = 2048
_segment_values: OrderedDict = OrderedDict()
SNIPPET_LENGTH = 240
SNIPPET_FIELDS = {
    "company": (
        ("competences", "competences"),
        ("infrastructure", "infrastructure"),
        ("body", "description"),
    ),
    "post": (("body", "body"), ("competences", "tags")),
}


class QueryError(ValueError):
    """The text cannot be read as a query; the message says why, in words for people."""


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


# NOT, and "-" at the start of a word, exclude it; a hyphen inside a word ("e-pasts") does not.
NOT_OPERATOR = r"(^|(?<=(\s|[()])))(NOT(?=\s)|-(?=[^\s-]))"


def _parser() -> MultifieldParser:
    parser = MultifieldParser(list(TEXT_FIELDS), SCHEMA)
    # No "field:" syntax: people search the texts, not the tenant, key or date fields.
    parser.remove_plugin_class(FieldsPlugin)
    parser.replace_plugin(OperatorsPlugin(Not=NOT_OPERATOR))
    return parser


def _has_words(text: str) -> bool:
    return any(True for _ in RegexTokenizer()(text))


def _unknown(term: str, searcher) -> bool:
    return all(searcher.doc_frequency(name, term) == 0 for name in TEXT_FIELDS)


def _tolerate_typos(query, text: str, searcher):
    # A word some field knows is no typo; reading it loosely everywhere would only make the search slow.
    typos = {
        term
        for term, word in words_by_term(text).items()
        if len(word) >= FUZZY_FROM and term.isalpha() and _unknown(term, searcher)
    }

    def replace(node):
        if isinstance(node, Term) and node.fieldname in TEXT_FIELDS and node.text in typos:
            return FuzzyTerm(node.fieldname, node.text, boost=node.boost * 0.8, maxdist=1, prefixlength=1)
        return node

    return query.accept(replace)


def _with_concepts(text: str) -> str:
    """The typed text with each concept it names widened to all its forms: (subtitles OR "subtitri" OR …)."""
    if '"' in text:  # a phrase in quotes asks for exactly those words
        return text
    words = vocabulary()
    for mention in words.mentions(text):
        forms = " OR ".join(f'"{form}"' for form in words.written_of[mention.concept])
        text = text.replace(mention.written, f"(({mention.written}) OR {forms})", 1)
    return text


def _with_regions(query):
    """A typed region name also finds the companies of that region."""

    def replace(node):
        # A typed word is a Term, or a FuzzyTerm when the index does not know it (see _tolerate_typos).
        if isinstance(node, Term | FuzzyTerm) and node.fieldname in TEXT_FIELDS and node.text in REGION_TERMS:
            return Or([node, Term("region", REGION_TERMS[node.text])])
        return node

    return query.accept(replace)


def parse(text: str, searcher):
    """The Whoosh query for what a person typed (empty text: every document)."""
    text = text.strip()
    if len(text) > MAX_QUERY_LENGTH:
        raise QueryError("too long")
    if not text:
        return Every()
    try:
        query = _parser().parse(_with_concepts(text))
    except Exception as error:  # Whoosh's parser fails on some odd input ('NOT NOT "[') with any exception.
        raise QueryError("syntax") from error
    if query is NullQuery:
        raise QueryError("only common words" if _has_words(text) else "syntax")
    return _with_regions(_tolerate_typos(query, text, searcher))


def _filter(searcher, filters: dict[str, str]) -> set[int]:
    conditions = [Term("tenant", str(current_tenant_id()))]
    conditions += [Term(name, value) for name, value in sorted(filters.items()) if name in FACETS and value]
    return index.documents_matching(searcher, And(conditions))


class _RememberedValues(sorting.OverlappingCategorizer):
    """Whoosh rereads every posting of a facet field on each search; this reads a segment's values once.

    A segment never changes after it is written (deletions only hide documents), so its values can be kept.
    """

    def set_searcher(self, segment_searcher, docoffset):
        key = (segment_searcher.reader().segment().segment_id(), self._fieldname)
        if key not in _segment_values:
            super().set_searcher(segment_searcher, docoffset)
            _segment_values[key] = self._lists
            if len(_segment_values) > REMEMBERED_SEGMENT_FIELDS:
                _segment_values.popitem(last=False)
        self._segment_searcher = segment_searcher
        self._lists = _segment_values[key]


class _RememberedFacet(sorting.FieldFacet):
    def categorizer(self, global_searcher):
        return _RememberedValues(global_searcher, self.fieldname)


def _facets():
    return {name: _RememberedFacet(name, allow_overlap=True, maptype=sorting.Count) for name in FACETS}


def _load(keys: list[str]) -> dict[str, Company | Post]:
    ids = ids_by_kind(keys)
    found = {}
    # With what the results page shows of each, so a page of hits costs a few queries, not one per hit.
    companies = (
        select(Company)
        .where(Company.id.in_(ids["company"]))
        .options(selectinload(Company.tags), selectinload(Company.roles))
    )
    for company in db.session.scalars(companies):
        found[company_key(company.id)] = company
    posts = (
        select(Post)
        .where(Post.id.in_(ids["post"]))
        .options(selectinload(Post.company), selectinload(Post.tags))
    )
    for post in db.session.scalars(posts):
        found[post_key(post.id)] = post
    return found


def _source_text(item, attribute: str) -> str:
    if attribute == "competences":
        return ", ".join(item.tag_names("competence"))
    if attribute == "tags":
        return ", ".join(item.tag_names)
    return getattr(item, attribute) or ""


def _snippet(hit, kind: str, item) -> Markup:
    for fieldname, attribute in SNIPPET_FIELDS[kind]:
        text = _source_text(item, attribute)
        if text and (found := hit.highlights(fieldname, text=text)):
            return Markup(found)
    first = _source_text(item, SNIPPET_FIELDS[kind][-1 if kind == "company" else 0][1])
    return escape(first[:SNIPPET_LENGTH] + ("…" if len(first) > SNIPPET_LENGTH else ""))


def _highlighting(results) -> None:
    results.fragmenter = highlight.ContextFragmenter(maxchars=240, surround=60)
    results.formatter = highlight.HtmlFormatter(tagname="mark", between=" … ")


def _counts(groups: dict) -> dict[str, int]:
    # Documents without the field (a company has no post status) are counted under None.
    return dict(
        sorted(((value, count) for value, count in groups.items() if value), key=lambda pair: -pair[1])
    )


def search(text: str, filters: dict[str, str], sort: str = "relevance", page: int = 1, per_page: int = 20):
    """One page of the current cluster's companies and posts matching `text` and `filters`.

    IndexUnavailable when the index is missing or fails while it is read (a damaged segment)."""
    with index.reading(current_tenant_id(), passing=(QueryError, SQLAlchemyError)):
        return _search(text, filters, sort, page, per_page)


def _search(text: str, filters: dict[str, str], sort: str, page: int, per_page: int) -> Results:
    searcher = index.searcher(current_tenant_id())
    query = parse(text, searcher)
    options = {"sortedby": "date", "reverse": True} if sort == "date" else {}
    limit = max(1, page) * per_page
    allowed = _filter(searcher, filters)
    if not allowed:  # Whoosh reads an empty filter as no filter at all.
        return Results([], 0, max(1, page), per_page)
    results = searcher.search(query, limit=limit, filter=allowed, groupedby=_facets(), terms=True, **options)
    _highlighting(results)
    window = results[(max(1, page) - 1) * per_page : limit]
    items = _load([hit["key"] for hit in window])
    hits = []
    for hit in window:
        kind = parse_key(hit["key"])[0]
        if (item := items.get(hit["key"])) is not None:
            hits.append(Hit(kind, item, _snippet(hit, kind, item)))
    facets = {name: _counts(results.groups(name)) for name in FACETS}
    return Results(hits, len(results), max(1, page), per_page, facets)
