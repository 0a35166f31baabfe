"""The scale-out backend: PostgreSQL full-text search in the database every application server shares.

The analyzer of search/analysis.py makes the terms, and PostgreSQL's 'simple' configuration (no stemming,
no stop words of its own) stores them as a weighted tsvector with a GIN index; facet values are an array
counted with GROUP BY; a typed word no document has is matched to the cluster's terms one edit away,
found through pg_trgm. Rows are cluster data (TenantScoped): tenants/scoping.py scopes every read.

Health: a cluster that has data but no rows here has lost its index (as a deleted Whoosh folder) and is
reported until `search reindex`; nothing is marked damaged, the database check covers the database.
"""

import logging
from dataclasses import dataclass
from uuid import uuid4

from sqlalchemy import (
    String,
    bindparam,
    cast,
    delete,
    func,
    literal,
    literal_column,
    not_,
    null,
    or_,
    select,
    true,
    union_all,
)
from sqlalchemy import and_ as all_of
from sqlalchemy.dialects.postgresql import ARRAY, aggregate_order_by, array, insert
from sqlalchemy.exc import SQLAlchemyError

from clusterhub.extensions import db
from search.analysis import ANALYZER, words_by_term
from search.backends import typed
from search.backends.base import FUZZY_FROM, REGION_TERMS, Found, checked, facet_counts, with_concepts
from search.backends.models import SearchDocument, SearchTerm, SearchVersion
from search.schema import FACETS
from tenants.context import cross_tenant

# Under the interface's name: log filters and alerts follow one name whichever backend runs.
log = logging.getLogger("search.index")
SIMPLE = literal_column("'simple'::regconfig")
# Writers of one cluster take turns (the second reads the documents after the first has stored its own).
LOCKS = 17017
BATCH = 500
LONGEST_TERM = 100
# The weight letters of the text fields: what matching looks in is A, B and C.
WEIGHTS = {
    "A": ("title",),
    "B": ("competences",),
    "C": ("infrastructure", "body"),
    "D": ("sectors", "directions"),
}
FIELD_WEIGHTS = {field: letter for letter, fields in WEIGHTS.items() for field in fields}
# ts_rank's weights of D, C, B and A: a name counts three times the body, a competence twice.
RANK_WEIGHTS = literal_column("'{0.4, 0.33, 0.67, 1.0}'::real[]")
# How many remembered values (tag names) are kept per process.
REMEMBERED_VALUES = 256
_remembered: dict = {}
# What searches counted (totals, facet counts, typos' terms), per version of a cluster's documents: the next
# page, the other order or the same search again reads only its page's keys, not every matching document's
# facet values. Up to 26 KB each (a common word's 170 facet values in the 5,000-company cluster), 3 MB in all.
COUNTS_KEPT = 128
_counts: dict = {}


def _terms(text: str | None) -> list[str]:
    return [token.text for token in ANALYZER(text or "")]


def _facet_values(document: dict) -> list[str]:
    values = []
    for name in FACETS:
        values += [
            f"{name}:{value.strip()}" for value in (document.get(name) or "").split(",") if value.strip()
        ]
    return values


def _row(tenant_id: int, document: dict) -> dict:
    analysed = {
        letter: " ".join(t for f in fields for t in _terms(document.get(f)))
        for letter, fields in WEIGHTS.items()
    }
    return {
        "tenant_id": tenant_id,
        "key": document["key"],
        "company_id": int(document["company"]),
        "date": document["date"],
        "facets": _facet_values(document),
        "title_terms": sorted(set(_terms(document.get("title")))),
        "body_terms": sorted(set(_terms(document.get("body")))),
        **{f"terms_{letter}": text for letter, text in analysed.items()},
    }


def _vector():
    parts = [
        func.setweight(
            func.to_tsvector(SIMPLE, bindparam(f"terms_{letter}")), literal_column(f"'{letter}'::\"char\"")
        )
        for letter in WEIGHTS
    ]
    vector = parts[0]
    for part in parts[1:]:
        vector = vector.op("||")(part)
    return vector


def _upsert():
    columns = ("tenant_id", "key", "company_id", "date", "facets", "title_terms", "body_terms")
    values = {name: bindparam(name, type_=SearchDocument.__table__.c[name].type) for name in columns}
    # written_at on the database's clock, the one every machine's writer shares: a later write never carries
    # an earlier time. (What is remembered follows the cluster's version row, `_changed`.)
    statement = insert(SearchDocument).values(**values, vector=_vector(), written_at=func.clock_timestamp())
    return statement.on_conflict_do_update(
        index_elements=["tenant_id", "key"],
        set_={name: statement.excluded[name] for name in (*columns[2:], "vector", "written_at")},
    )


def _store(tenant_id: int, documents) -> None:
    rows = [_row(tenant_id, document) for document in documents]
    if not rows:
        return
    db.session.execute(_upsert(), rows)
    known = {term for row in rows for letter in WEIGHTS for term in row[f"terms_{letter}"].split()}
    terms = [{"tenant_id": tenant_id, "term": term} for term in sorted(known) if len(term) <= LONGEST_TERM]
    if terms:
        db.session.execute(insert(SearchTerm).on_conflict_do_nothing(), terms)


def _lock(tenant_id: int) -> None:
    # Held until the caller's commit, which also takes the applied work off the outbox.
    db.session.execute(select(func.pg_advisory_xact_lock(LOCKS, tenant_id)))


def _changed(tenant_id: int) -> None:
    """A new version of the cluster's documents: what was remembered of the old one is read again."""
    statement = insert(SearchVersion).values(tenant_id=tenant_id, version=uuid4().hex)
    db.session.execute(
        statement.on_conflict_do_update(
            index_elements=["tenant_id"], set_={"version": statement.excluded.version}
        )
    )


def exists(tenant_id: int) -> bool:
    return (
        db.session.scalar(select(literal(1)).where(SearchDocument.tenant_id == tenant_id).limit(1))
        is not None
    )


def is_empty(tenant_id: int) -> bool:
    """A cluster with no rows has an empty index: it has data and no rows when its rows were lost."""
    return not exists(tenant_id)


def is_marked_damaged(tenant_id: int) -> bool:
    """Never: the rows live in the database, whose failures the database check reports."""
    return False


def verify(tenant_id: int) -> None:
    """Nothing to read beyond what the database check does: PostgreSQL keeps its own pages whole."""


def write(tenant_id: int, read_documents) -> dict[str, dict | None]:
    _lock(tenant_id)
    documents = read_documents()
    gone = [key for key, document in documents.items() if document is None]
    if gone:
        db.session.execute(
            delete(SearchDocument).where(SearchDocument.tenant_id == tenant_id, SearchDocument.key.in_(gone))
        )
    _store(tenant_id, [document for document in documents.values() if document is not None])
    if documents:
        _changed(tenant_id)
    return documents


def replace_all(tenant_id: int, documents, processes: int = 1) -> int:
    """Every document of the cluster anew, in the caller's transaction: searches see the old ones until
    its commit. `processes` is Whoosh's; the database writes as fast alone."""
    _lock(tenant_id)
    db.session.execute(delete(SearchDocument).where(SearchDocument.tenant_id == tenant_id))
    db.session.execute(delete(SearchTerm).where(SearchTerm.tenant_id == tenant_id))
    count, batch = 0, []
    for document in documents:
        batch.append(document)
        count += 1
        if len(batch) == BATCH:
            _store(tenant_id, batch)
            batch = []
    _store(tenant_id, batch)
    _changed(tenant_id)
    return count


def _words(values: list[str]):
    return cast(values, ARRAY(String))


def _with_all(column, values: list[str]):
    """The array column holds every one of `values` (GIN-indexed)."""
    return column.op("@>", is_comparison=True)(_words(values))


def _of_type(kind: str):
    return _with_all(SearchDocument.facets, [f"type:{kind}"])


def document_counts(tenant_id: int) -> dict[str, int]:
    counted = select(func.count()).where(SearchDocument.tenant_id == tenant_id)
    return {kind: db.session.scalar(counted.where(_of_type(kind))) for kind in ("company", "post")}


def _matching(tsquery):
    """The document's terms match the query (through the GIN index)."""
    return SearchDocument.vector.op("@@", is_comparison=True)(tsquery)


def _tsquery(text: str):
    return func.to_tsquery(SIMPLE, text)


def _quoted(term: str) -> str:
    return "'" + term.replace("\\", "\\\\").replace("'", "''") + "'"


def _one_edit(one: str, other: str) -> bool:
    """True when `other` is `one` with one letter changed, added or removed (the first letter kept)."""
    if one[:1] != other[:1] or abs(len(one) - len(other)) > 1:
        return False
    shorter, longer = sorted((one, other), key=len)
    for at, (a, b) in enumerate(zip(shorter, longer, strict=False)):
        if a != b:
            rest = shorter[at + 1 :] if len(shorter) == len(longer) else shorter[at:]
            return rest == longer[at + 1 :]
    return True


def _long_words(text: str) -> list[str]:
    """The typed words (as terms) that may be typos: long enough, and letters only."""
    return sorted(
        {term for term, word in words_by_term(text).items() if len(word) >= FUZZY_FROM and term.isalpha()}
    )


def _in_documents(tenant_id: int, words: list[str]):
    """Whether some document has each of `words`: an array of booleans, NULL without words."""
    if not words:
        return null()
    return array(
        [
            select(literal(1))
            .where(SearchDocument.tenant_id == tenant_id, _matching(_tsquery(_quoted(word))))
            .exists()
            for word in words
        ]
    )


def _alike(tenant_id: int, word: str):
    """The cluster's terms trigram-alike to `word`, an empty array when none (pg_trgm's GIN index)."""
    alike = select(func.array_agg(SearchTerm.term)).where(
        SearchTerm.tenant_id == tenant_id, SearchTerm.term.op("%", is_comparison=True)(word)
    )
    return func.coalesce(alike.scalar_subquery(), _words([]))


def _typos(tenant_id: int, words: list[str]) -> dict[str, list[str]]:
    """Each of `words`, which no document has, with the cluster's terms one edit away from it (one statement).

    The terms come from search_terms, which keeps a term after its last document changed; such a term
    finds nothing, as a typo of it would have found nothing anyway.
    """
    found = db.session.execute(select(*(_alike(tenant_id, word) for word in words))).one()
    return {
        word: sorted(term for term in alike if _one_edit(word, term))
        for word, alike in zip(words, found, strict=True)
    }


def _leaf_query(node, typos: dict[str, list[str]]) -> str | None:
    kind, value = node
    if kind == "phrase":
        return " <-> ".join(_quoted(term) for term in value)
    if kind == "prefix":
        return f"{_quoted(value)}:*"
    alternatives = typos.get(value, [value])
    return " | ".join(_quoted(term) for term in alternatives) or None


def _condition(tree, typos):
    """The SQL condition of a typed tree: each word a GIN lookup, a region's name also its companies."""
    kind, value = tree
    if kind in ("and", "or"):
        parts = [_condition(item, typos) for item in value]
        return all_of(*parts) if kind == "and" else or_(*parts)
    if kind == "not":
        return not_(_condition(value, typos))
    query = _leaf_query(tree, typos)
    found = _matching(_tsquery(query)) if query else literal(False)
    if kind == "word" and value in REGION_TERMS:
        found = or_(found, _with_all(SearchDocument.facets, [f"region:{REGION_TERMS[value]}"]))
    return found


def _parsed(tree, typos: dict[str, list[str]]):
    """(condition, ranking tsquery text or None, the terms a snippet marks) of the typed tree, each typo in it
    read as the terms it may mean."""
    if tree is None:
        return true(), None, frozenset()
    wanted = [node for node, negated in typed.leaves(tree) if not negated]
    ranked = [query for node in wanted if (query := _leaf_query(node, typos))]
    marked = set()
    for kind, value in wanted:
        if kind == "word":
            marked.update(typos.get(value, [value]))
        elif kind == "phrase":
            marked.update(value)
    return _condition(tree, typos), " | ".join(f"({q})" for q in ranked) or None, frozenset(marked)


def _grouped(counted) -> dict[str, dict[str, int]]:
    groups: dict[str, dict[str, int]] = {name: {} for name in FACETS}
    for value, count in sorted(counted):  # values as many documents have: in the order of their names
        name, _, value = value.partition(":")
        groups[name][value] = count
    return {name: facet_counts(values) for name, values in groups.items()}


def _found(condition, ranking: str | None, offset: int, limit: int, known):
    """One statement, so the matching documents are found (and their terms read) once: the counts of their
    facet values, and in a row of their own the keys of the page's documents and `known` (whether the
    typed words are in some document, asked in the same round trip)."""
    columns = [SearchDocument.id, SearchDocument.key, SearchDocument.date, SearchDocument.facets]
    if ranking:
        columns.append(func.ts_rank(RANK_WEIGHTS, SearchDocument.vector, _tsquery(ranking)).label("rank"))
    matched = select(*columns).where(condition).cte("matched")
    order = ("rank", "date", "id") if ranking else ("date", "id")  # best (or newest) first
    page = select(matched).order_by(*(matched.c[name].desc() for name in order)).offset(offset).limit(limit)
    page = page.subquery()
    keys = func.array_agg(aggregate_order_by(page.c.key, *(page.c[name].desc() for name in order)))
    facet = func.unnest(matched.c.facets).label("facet")
    counts = (
        select(facet, func.count(), null(), null()).select_from(matched).group_by(literal_column("facet"))
    )
    answer = select(null(), null(), select(keys).scalar_subquery(), known)
    return db.session.execute(union_all(counts, answer)).all()


def _query(tenant_id: int, tree, typos: dict[str, list[str]], chosen: tuple[str, ...]):
    """(condition, ranking tsquery text or None, the terms a snippet marks) of a search in the cluster."""
    matching, ranking, marked = _parsed(tree, typos)
    condition = all_of(SearchDocument.tenant_id == tenant_id, matching)
    if chosen:
        condition = all_of(condition, _with_all(SearchDocument.facets, list(chosen)))
    return condition, ranking, marked


def _answer(tenant_id: int, tree, typos, chosen, ranked, offset, limit, words) -> tuple[Found, list[str]]:
    """One page of what the tree finds, and those of `words` that no document has."""
    condition, ranking, marked = _query(tenant_id, tree, typos, chosen)
    rows = _found(condition, ranking if ranked else None, offset, limit, _in_documents(tenant_id, words))
    facets = _grouped((value, count) for value, count, _keys, _known in rows if value is not None)
    keys, known = next((keys, known) for value, _count, keys, known in rows if value is None)
    missing = [word for word, has in zip(words, known or [], strict=True) if not has]
    return Found(keys or [], sum(facets.get("type", {}).values()), facets, marked), missing


@dataclass(frozen=True)
class Counted:
    """What a search finds in all, the same on each of its pages and in either order."""

    typos: dict[str, list[str]]
    total: int
    facets: dict[str, dict[str, int]]


def _page(tenant_id: int, tree, chosen, counted: Counted, ranked: bool, offset: int, limit: int) -> Found:
    """One page of a search whose total, facet counts and typos are known: only its documents' keys are
    read, ranked (or sorted by date) as _found ranks them."""
    condition, ranking, marked = _query(tenant_id, tree, counted.typos, chosen)
    order = [SearchDocument.date.desc(), SearchDocument.id.desc()]
    if ranking and ranked:
        order.insert(0, func.ts_rank(RANK_WEIGHTS, SearchDocument.vector, _tsquery(ranking)).desc())
    statement = select(SearchDocument.key).where(condition).order_by(*order).offset(offset).limit(limit)
    return Found(list(db.session.scalars(statement)), counted.total, counted.facets, marked)


def _counted(tenant_id: int, text: str, chosen: tuple[str, ...]) -> tuple[tuple, Counted | None]:
    """The key of a search in the current version of the cluster's documents, and what it counted then."""
    entry = (tenant_id, _version(tenant_id), text, chosen)
    return entry, _counts.get(entry)


def _keep(entry: tuple, counted: Counted) -> None:
    if len(_counts) >= COUNTS_KEPT:
        _counts.clear()
    _counts[entry] = counted


def search(tenant_id: int, text: str, filters: dict[str, str], sort: str, offset: int, limit: int) -> Found:
    text = checked(text)
    widened = with_concepts(text) if text else ""  # the key too: the cluster's concepts change apart
    tree = typed.read(widened) if text else None
    chosen = tuple(f"{name}:{value}" for name, value in sorted(filters.items()) if name in FACETS and value)
    entry, counted = _counted(tenant_id, widened, chosen)
    ranked = sort != "date"
    if counted is not None:
        return _page(tenant_id, tree, chosen, counted, ranked, offset, limit)
    words = _long_words(text) if text else []
    found, missing = _answer(tenant_id, tree, {}, chosen, ranked, offset, limit, words)
    typos = {}
    if missing:
        # A long word no document has may be a typo: searched again with the terms one edit away from it. The
        # first search asked only which words are known, so most searches are one round trip.
        typos = _typos(tenant_id, missing)
        found, _ = _answer(tenant_id, tree, typos, chosen, ranked, offset, limit, [])
    _keep(entry, Counted(typos, found.total, found.facets))
    return found


def _any_of(among):
    choices = [
        _with_all(SearchDocument.facets, [f"{name}:{value}" for name, value in sorted(choice.items())])
        for choice in among
    ]
    return or_(*choices)


def candidates(
    tenant_id: int, terms, beginnings, fields, among, limit: int, postings: dict | None = None
) -> list[tuple[str, int]]:
    # `postings` is left alone: the database keeps what a batch of searches reads again in its own cache.
    letters = "".join(sorted({FIELD_WEIGHTS[name] for name in fields}))
    alternatives = [f"{_quoted(term)}:{letters}" for term in terms]
    alternatives += [f"{_quoted(start)}:*{letters}" for start in beginnings]
    if not alternatives:
        return []
    query = _tsquery(" | ".join(alternatives))
    rank = func.ts_rank(RANK_WEIGHTS, SearchDocument.vector, query)
    statement = (
        select(SearchDocument.key, SearchDocument.company_id)
        .where(SearchDocument.tenant_id == tenant_id, _any_of(among), _matching(query))
        .order_by(rank.desc(), SearchDocument.id)
        .limit(limit)
    )
    return [(key, company_id) for key, company_id in db.session.execute(statement)]


def statistics(tenant_id: int, terms) -> tuple[int, dict[str, int]]:
    terms = sorted(set(terms))
    documents = db.session.scalar(select(func.count()).where(SearchDocument.tenant_id == tenant_id))
    frequency = dict.fromkeys(terms, 0)
    if terms:
        for column in (SearchDocument.title_terms, SearchDocument.body_terms):
            term = func.unnest(column).label("term")
            having = (
                select(term, func.count())
                .where(
                    SearchDocument.tenant_id == tenant_id, column.op("&&", is_comparison=True)(_words(terms))
                )
                .group_by(literal_column("term"))
            )
            for found, count in db.session.execute(having):
                if found in frequency:
                    frequency[found] += count
    return documents, frequency


def _version(tenant_id: int) -> str | None:
    return db.session.scalar(select(SearchVersion.version).where(SearchVersion.tenant_id == tenant_id))


def remembered(tenant_id: int, key: str, compute):
    """`compute()` once per version of the cluster's documents (one row, changed with them)."""
    entry = (tenant_id, key, _version(tenant_id))
    if entry not in _remembered:
        if len(_remembered) >= REMEMBERED_VALUES:
            _remembered.clear()
        _remembered[entry] = compute()
    return _remembered[entry]


def healthy() -> bool:
    """The search tables answer."""
    try:
        with cross_tenant():
            db.session.execute(select(SearchDocument.id).limit(1))
    except SQLAlchemyError:
        db.session.rollback()
        log.exception("health: the search tables do not answer")
        return False
    return True


def warm_up() -> int:
    """Nothing to open: the database keeps the indexes (and its cache) for every server."""
    return 0
