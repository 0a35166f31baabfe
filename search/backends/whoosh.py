"""The embedded backend: a Whoosh index per cluster in a folder on local disk, a searcher per thread,
writers that wait their turn. Segments are written as separate files (not one compound file, which Whoosh
copies into memory when it opens it) and each segment's facet values are read once.

Only writers create an index: reading a cluster without one raises IndexMissing. A search that finds a
segment damaged leaves a mark in the folder, so `/healthz` and `flask check` say so until a rebuild.
"""

import fcntl
import logging
import sys
import tempfile
import threading
from array import array
from bisect import bisect_right
from collections import OrderedDict
from contextlib import contextmanager
from pathlib import Path
from weakref import WeakKeyDictionary

from flask import current_app
from sqlalchemy.exc import SQLAlchemyError
from whoosh import collectors, index
from whoosh.codec.whoosh3 import LENGTHS_COLUMN, _lenfield
from whoosh.matching import FilterMatcher, IntersectionMatcher, ListMatcher, NullMatcher
from whoosh.qparser import FieldsPlugin, MultifieldParser, OperatorsPlugin
from whoosh.query import And, Every, FuzzyTerm, Not, NullQuery, Or, Phrase, Prefix, Query, Term
from whoosh.util import make_binary_tree
from whoosh.writing import CLEAR, LockError

from search.analysis import words_by_term
from search.backends import ranking
from search.backends.base import (
    FUZZY_FROM,
    REGION_TERMS,
    Found,
    IndexMissing,
    IndexUnavailable,
    QueryError,
    checked,
    facet_counts,
    has_words,
    with_concepts,
)
from search.schema import FACETS, INDEX_NAME, SCHEMA, TEXT_FIELDS
from search.vocabulary.lookup import vocabulary

# A writer waits this long for another process's writer; after that its work stays in the outbox.
WRITE_TIMEOUT = 10.0
# Each open searcher holds a few files open; the least recently used ones are closed beyond this.
OPEN_SEARCHERS = 32
OPEN_ATTEMPTS = 5
# Under the interface's name: log filters and alerts follow one name whichever backend runs.
log = logging.getLogger("search.index")
_local = threading.local()
_remembered: WeakKeyDictionary = WeakKeyDictionary()
REMEMBERED_VALUES = 64
# Parsed queries (see parse): up to 40 KB each, the least recently used dropped beyond this.
_parsed: OrderedDict = OrderedDict()
PARSED_QUERIES = 128
# Scored postings kept per index version (see _terms_read): about 100 bytes each.
TERM_POSTINGS_KEPT = 200_000
# What is read once per segment (facet values and field lengths per field, filters, typo spellings): a few
# MB for the largest cluster.
REMEMBERED_SEGMENT_VALUES = 4096
# A cluster with this many documents (about 300 companies with their posts) has its most frequent words'
# postings read and its concept phrases found at a worker's start (warm_up): the first search of a common
# word or a concept there read thousands of postings. READ_AHEAD_TERMS per text field; in the bench's
# 5,000-company cluster about 0.6 million postings, within ranking.SEGMENT_POSTINGS_KEPT, and 4 s of CPU.
READ_AHEAD_DOCUMENTS = 1_500
READ_AHEAD_TERMS = 40
_of_segments: OrderedDict = OrderedDict()
# Phrases whose documents are kept per segment (see _Phrase): a worker's start finds those of the concepts'
# forms in a big cluster, about 5,400 per segment, most of them none (one shared value); 100 bytes each.
PHRASES_PER_SEGMENT = 20_000
# Separate segment files are read through the operating system's cache; a compound file is copied whole.
WRITER_OPTIONS = {"compound": False}
# Left in a cluster's index folder when a search found a damaged segment, so `/healthz` and `flask check`
# report it (also to other processes) until a rebuild replaces the index.
DAMAGED_MARK = "DAMAGED"


def cluster_dir(tenant_id: int) -> Path:
    return Path(current_app.config["INDEX_DIR"]) / f"cluster-{tenant_id}"


@contextmanager
def _creation_lock(folder: Path):
    with (folder / "create.lock").open("w") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        yield


def exists(tenant_id: int) -> bool:
    """True when the cluster's index is there, damaged or not (open_index would make a deleted one
    again, empty); judged by its table of contents without reading it."""
    folder = cluster_dir(tenant_id)
    if folder.exists() and not folder.is_dir():
        return True  # there, but not a folder: opening it fails and says why
    return any(folder.glob(f"_{INDEX_NAME}_*.toc"))


def open_index(tenant_id: int):
    """The cluster's index, created empty on first use (by one process even when several start at once)."""
    folder = cluster_dir(tenant_id)
    folder.mkdir(parents=True, exist_ok=True)
    for attempt in range(1, OPEN_ATTEMPTS + 1):
        try:
            return _open_or_create(folder)
        except FileNotFoundError:
            # A writer in another process committed between our listing of the folder and our reading
            # of the table of contents it showed, and deleted that one; the next listing has the new one.
            if attempt == OPEN_ATTEMPTS:
                raise


def _open_or_create(folder: Path):
    if not index.exists_in(folder, INDEX_NAME):
        with _creation_lock(folder):
            if not index.exists_in(folder, INDEX_NAME):
                return index.create_in(folder, SCHEMA, INDEX_NAME)
    return index.open_dir(folder, INDEX_NAME)


def is_marked_damaged(tenant_id: int) -> bool:
    """True when a search found the cluster's index damaged and no rebuild has replaced it since."""
    return (cluster_dir(tenant_id) / DAMAGED_MARK).exists()


def _mark_damaged(tenant_id: int) -> None:
    try:
        (cluster_dir(tenant_id) / DAMAGED_MARK).touch()
    except OSError:  # the folder itself is gone or read-only: the health check finds that anyway
        log.warning("search index of cluster %s: cannot leave the damage mark", tenant_id)


@contextmanager
def reading(tenant_id: int, passing: tuple[type[Exception], ...] = ()):
    """Read the cluster's index inside this block: a failure of Whoosh's (a damaged segment fails in
    whatever way its bytes lead to) becomes IndexUnavailable, and the index is marked damaged.
    Exceptions of the `passing` kinds (the caller's own) go through as they are."""
    try:
        yield
    except (IndexUnavailable, *passing):
        raise
    except Exception as error:  # Whoosh has no common base class for a damaged index.
        log.exception("search index of cluster %s failed while searching", tenant_id)
        _mark_damaged(tenant_id)
        raise IndexUnavailable(str(cluster_dir(tenant_id))) from error


def searcher(tenant_id: int):
    """This thread's searcher of the cluster's index, reopened only when the index has changed.

    A cluster without an index gets IndexMissing: creating an empty one here would turn a deleted
    index into silently empty results (only writers create an index)."""
    cache = _local.__dict__.setdefault("searchers", OrderedDict())
    folder = str(cluster_dir(tenant_id))
    if not exists(tenant_id):
        stale = cache.pop(folder, None)
        if stale is not None:
            stale.close()
        raise IndexMissing(folder)
    try:
        current = cache.pop(folder, None)
        # Not Searcher.refresh(): it keeps the readers of unchanged segments with their old deletions,
        # so an updated document would be found twice (old and new version) until the next reopen.
        up_to_date = current is not None and current.up_to_date()
        fresh = current if up_to_date else open_index(tenant_id).searcher()
        if fresh is not current:
            _lengths_in_memory(fresh)
    except Exception as error:  # Whoosh has no common base class for a damaged index.
        log.exception("search index of cluster %s cannot be read", tenant_id)
        raise IndexUnavailable(folder) from error
    if current is not None and current is not fresh:
        current.close()
    cache[folder] = fresh
    if len(cache) > OPEN_SEARCHERS:
        cache.popitem(last=False)[1].close()
    return fresh


def _lengths_in_memory(searcher) -> None:
    """Scoring reads every matching document's field lengths, and from separate segment files each read is a
    seek and a read of one byte; so each segment's length columns (a byte per document and text field) are
    read whole, once per segment, and the searcher's readers index them in memory."""
    for leaf, _offset in searcher.leaf_searchers():
        reader = leaf.reader()
        readers = getattr(getattr(reader, "_perdoc", None), "_readers", None)
        if readers is None or reader.is_closed:
            continue  # an empty index: nothing to score
        for name in TEXT_FIELDS:
            column = reader._perdoc._cached_reader(_lenfield(name), LENGTHS_COLUMN)
            if column is not None:
                readers[_lenfield(name)] = _segment_lengths(reader, name, column)


def _segment_lengths(reader, name: str, column) -> bytes:
    """The length bytes of one text field in one segment (Whoosh's column of one byte per document)."""
    return _of_segment(reader, ("lengths", name), lambda: column._dbfile.get(column._basepos, column._count))


def _of_segment(reader, key: tuple, compute):
    """`compute()` for one segment of an index, done once per segment and kept across index versions: a
    segment never changes after it is written (a deletion only hides documents, and hidden ones never match),
    so a new version of the index costs only the reading of its new segments."""
    segment = getattr(reader, "segment", lambda: None)()
    if segment is None:  # an empty index: no segment
        return compute()
    # Interned: every value kept for a segment has its id in its key, and Whoosh makes a new string each time.
    key = (sys.intern(segment.segment_id()), *key)
    if key not in _of_segments:
        _of_segments[key] = compute()
        if len(_of_segments) > REMEMBERED_SEGMENT_VALUES:
            _of_segments.popitem(last=False)
    _of_segments.move_to_end(key)
    return _of_segments[key]


def is_empty(tenant_id: int) -> bool:
    """True when the cluster's index holds no document at all."""
    return searcher(tenant_id).doc_count() == 0


def remembered(tenant_id: int, key: str, compute):
    """`compute()`, done once per version of the cluster's index."""
    return _remembered_by(searcher(tenant_id), key, compute)


def _remembered_by(searcher, key: str, compute):
    # The value lives as long as this searcher, which is replaced when the index changes.
    values = _remembered.setdefault(searcher, {})
    if key not in values:
        if len(values) >= REMEMBERED_VALUES:
            values.clear()
        values[key] = compute()
    return values[key]


def documents_matching(searcher, query) -> set[int]:
    """The documents `query` matches in this searcher's index version.

    Filters (this cluster, open offers…) repeat on every search; recomputing one costs more than the search,
    so each segment's part is kept (a document it hides since never matches the search anyway).
    Whoosh takes an empty set for "no filter": callers must not search with an empty one.
    """
    key = repr(query)

    def combine() -> set[int]:
        found = set()
        for leaf, offset in searcher.leaf_searchers():
            numbers = _of_segment(
                leaf.reader(), ("filter", key), lambda leaf=leaf: array("I", leaf.docs_for_query(query))
            )
            found.update(map(offset.__add__, numbers))
        return found

    return _remembered_by(searcher, key, combine)


def write(tenant_id: int, read_documents) -> dict[str, dict | None] | None:
    """Add or replace the documents `read_documents()` returns, delete the keys it gives None.

    They are read only once this writer holds the lock, so a writer that waited for another one
    cannot store an older version over the newer one stored meanwhile. Returns the documents;
    None if another writer kept the lock.
    """
    try:
        writer = open_index(tenant_id).writer(timeout=WRITE_TIMEOUT, delay=0.05, **WRITER_OPTIONS)
    except LockError:
        log.warning("search index of cluster %s is locked; the changes wait in the outbox", tenant_id)
        return None
    try:
        documents = read_documents()
        for key, document in documents.items():
            if document is None:
                writer.delete_by_term("key", key)
            else:
                writer.update_document(**document)
        writer.commit()
    finally:
        # Whoosh's own `with writer` keeps the lock when the commit itself fails, and every later write
        # of this cluster would then wait for a lock nobody gives back.
        if not writer.is_closed:
            writer.cancel()
    return documents


def _index_to_rebuild(tenant_id: int):
    # A damaged index cannot be opened; the rebuild replaces it whole anyway.
    try:
        return open_index(tenant_id)
    except Exception:  # Whoosh has no common base class for a damaged index.
        log.warning("search index of cluster %s cannot be read; it is created afresh", tenant_id)
        folder = cluster_dir(tenant_id)
        with _creation_lock(folder):
            return index.create_in(folder, SCHEMA, INDEX_NAME)


def replace_all(tenant_id: int, documents, processes: int = 1) -> int:
    """Swap the cluster's whole index for `documents` at once; searchers see the old one until then."""
    options = {"procs": processes, "limitmb": 256, "multisegment": True} if processes > 1 else {}
    writer = _index_to_rebuild(tenant_id).writer(
        timeout=WRITE_TIMEOUT * 6, delay=0.1, **WRITER_OPTIONS, **options
    )
    count = 0
    try:
        for document in documents:
            writer.add_document(**document)
            count += 1
    except BaseException:
        writer.cancel()
        raise
    writer.commit(mergetype=CLEAR)
    (cluster_dir(tenant_id) / DAMAGED_MARK).unlink(missing_ok=True)
    return count


def verify(tenant_id: int) -> None:
    """Read every term's postings and every stored document of the cluster's index (slow on a big one:
    for `flask check`); raises IndexUnavailable where a segment is damaged."""
    if not exists(tenant_id):
        raise IndexMissing(str(cluster_dir(tenant_id)))
    with reading(tenant_id), open_index(tenant_id).reader() as reader:
        for _ in reader.iter_postings():
            pass
        for _ in reader.all_stored_fields():
            pass


def document_counts(tenant_id: int) -> dict[str, int]:
    """How many documents of each type the cluster's index holds."""
    reader = searcher(tenant_id)
    return {
        kind: len(reader.search(Term("type", kind), limit=None, scored=False)) for kind in ("company", "post")
    }


def statistics(tenant_id: int, terms) -> tuple[int, dict[str, int]]:
    """How many documents the cluster's index holds, and in how many titles and bodies each term is."""
    with reading(tenant_id):
        reader = searcher(tenant_id)
        frequency = {
            term: reader.doc_frequency("body", term) + reader.doc_frequency("title", term) for term in terms
        }
        return reader.doc_count(), frequency


# NOT, and "-" at the start of a word, exclude it; a hyphen inside a word ("e-pasts") does not.
NOT_OPERATOR = r"(^|(?<=(\s|[()])))(NOT(?=\s)|-(?=[^\s-]))"


def _parser() -> MultifieldParser:
    parser = MultifieldParser(list(TEXT_FIELDS), SCHEMA)
    # No "field:" syntax: people search the texts, not the tenant, key or date fields.
    parser.remove_plugin_class(FieldsPlugin)
    parser.replace_plugin(OperatorsPlugin(Not=NOT_OPERATOR))
    return parser


def _unknown(term: str, searcher) -> bool:
    return all(searcher.doc_frequency(name, term) == 0 for name in TEXT_FIELDS)


class _Typo(FuzzyTerm):
    """A word read with one typo. The index's words one edit away are looked up once per segment (the query's
    matcher asks again in every segment, and the snippets' terms once more over all of them)."""

    def _btexts(self, ixreader):
        key = ("typo", self.fieldname, self.text, self.maxdist, self.prefixlength)
        words = set()
        for leaf, _offset in ixreader.leaf_readers():
            words.update(_of_segment(leaf, key, lambda leaf=leaf: self._within(leaf)))
        return sorted(words)

    def _within(self, reader) -> list[str]:
        """The segment's words one edit away with the same first letter, as Whoosh's Levenshtein automaton
        finds them, from the segment's words in memory: the automaton reads the words on disk a few at a
        time, a thousand reads for one typo in a big cluster."""
        if self.maxdist != 1 or self.prefixlength != 1:
            return list(super()._btexts(reader))
        starting = _lexicon(reader, self.fieldname).get(self.text[:1], ())
        return [word for word in starting if _one_edit(self.text, word)]


def _lexicon(reader, fieldname: str) -> dict[str, list[str]]:
    """{first letter: the field's words with it} in one segment (a few thousand words in a big cluster)."""

    def read() -> dict[str, list[str]]:
        found: dict[str, list[str]] = {}
        for word in reader.lexicon(fieldname):
            text = word.decode()
            found.setdefault(text[:1], []).append(text)
        return found

    return _of_segment(reader, ("lexicon", fieldname), read)


def _one_edit(typed: str, word: str) -> bool:
    """`word` is `typed` or `typed` with one letter changed, added or left out (Levenshtein distance ≤ 1)."""
    if len(typed) == len(word):
        return sum(1 for a, b in zip(typed, word, strict=True) if a != b) <= 1
    shorter, longer = sorted((typed, word), key=len)
    if len(longer) - len(shorter) != 1:
        return False
    for place, (a, b) in enumerate(zip(shorter, longer, strict=False)):
        if a != b:
            return shorter[place:] == longer[place + 1 :]
    return True


def _typos(text: str, searcher) -> frozenset[str]:
    """The typed words read with one typo: long words no field of this index version knows (found once per
    version and text)."""
    found = _remembered_by(searcher, "typos", dict)
    if text not in found:
        if len(found) >= PARSED_QUERIES:
            found.clear()
        found[text] = frozenset(
            term
            for term, word in words_by_term(text).items()
            if len(word) >= FUZZY_FROM and term.isalpha() and _unknown(term, searcher)
        )
    return found[text]


def _tolerate_typos(query, typos: frozenset[str]):
    def replace(node):
        if isinstance(node, Term) and node.fieldname in TEXT_FIELDS and node.text in typos:
            return _Typo(node.fieldname, node.text, boost=node.boost * 0.8, maxdist=1, prefixlength=1)
        return node

    return query.accept(replace)


def _with_regions(query):
    """A typed region name also finds the companies of that region."""

    def replace(node):
        # A typed word is a Term, or a FuzzyTerm when the index does not know it (see _tolerate_typos).
        if isinstance(node, Term | FuzzyTerm) and node.fieldname in TEXT_FIELDS and node.text in REGION_TERMS:
            return Or([node, Term("region", REGION_TERMS[node.text])])
        return node

    return query.accept(replace)


def parse(text: str, searcher):
    """The Whoosh query for what a person typed (empty text: every document), parsed once: the next page, the
    other order, every filter clicked and the first search after a posted need ask for the same text again,
    and Whoosh's parser takes longer over a concept's widened text than the search itself in a small
    cluster. The key is the widened text, so a changed vocabulary parses anew, and the words the index
    version does not know (read as typos). A parsed query holds nothing of an index version: what it reads
    of a segment (a phrase's documents, a typo's spellings) is kept per segment."""
    text = checked(text)
    if not text:
        return Every()
    widened = with_concepts(text)
    key = (text, widened, _typos(text, searcher))
    if key not in _parsed:
        _parsed[key] = _parsed_query(*key)
        if len(_parsed) > PARSED_QUERIES:
            _parsed.popitem(last=False)
    _parsed.move_to_end(key)
    return _parsed[key]


def _parsed_query(text: str, widened: str, typos: frozenset[str]):
    try:
        query = _parser().parse(widened)
    except Exception as error:  # Whoosh's parser fails on some odd input ('NOT NOT "[') with any exception.
        raise QueryError("syntax") from error
    if query is NullQuery:
        raise QueryError("only common words" if has_words(text) else "syntax")
    return _summing_in_arrays(_with_regions(_tolerate_typos(_phrases_remembered(query), typos)))


class _Phrase(Phrase):
    """A phrase whose documents are found once per segment. Checking the words' positions in every document
    that has them all is the dearest part of a search, and a concept's forms are phrases that every search
    naming the concept shares. A document's score is Whoosh's own for a phrase: the sum of its words' scores,
    with the index version's statistics."""

    def _documents(self, searcher) -> "_Marked":
        found = _of_segment(searcher.reader(), ("phrases",), dict)
        key = f"{self.fieldname} {self.slop} {' '.join(self.words)}"
        marked = found.get(key)
        if marked is None:
            if len(found) >= PHRASES_PER_SEGMENT:  # typed phrases beyond the concepts': all found again
                found.clear()
            marked = found[key] = _marked(self._found(searcher))
        return marked

    def _found(self, searcher) -> list[int]:
        found = ranking.phrase_documents(self.fieldname, self.words, searcher) if self.slop == 1 else None
        return list(super().matcher(searcher).all_ids()) if found is None else found

    def matcher(self, searcher, context=None):
        found = self._documents(searcher)
        if found.empty:
            return NullMatcher()
        words = [Term(self.fieldname, word).matcher(searcher, context) for word in self.words]
        return FilterMatcher(make_binary_tree(IntersectionMatcher, words), found, boost=self.boost)

    def scores(self, searcher, context, terms: dict) -> dict[int, float]:
        """{document: score} in one segment, as the matcher above scores them (search/backends/ranking.py)."""
        found = self._documents(searcher)
        if found.empty:
            return {}
        words = [ranking.term_scores(self.fieldname, word, searcher, context, terms) for word in self.words]
        having_all = found.among(set(words[0]).intersection(*words[1:]))
        if len(words) == 2:  # most forms of a concept: added as tree_total adds two, without a call each
            first, second = words
            totals = {docnum: first[docnum] + second[docnum] for docnum in having_all}
        else:
            totals = {docnum: ranking.tree_total([word[docnum] for word in words]) for docnum in having_all}
        if self.boost == 1.0:
            return totals
        return {docnum: total * self.boost for docnum, total in totals.items()}


def _phrases_remembered(query):
    def replace(node):
        if type(node) is Phrase:
            return _Phrase(node.fieldname, node.words, node.slop, node.boost, node.char_ranges)
        return node

    return query.accept(replace)


def _summing_in_arrays(query):
    """Every OR (a typed word is one over the six text fields) reads its parts' postings into an array of
    scores, instead of stepping a tree of union matchers document by document: a common word matches
    thousands of documents, and every match is scored for the facet counts anyway."""
    if isinstance(query, Or):
        query.matcher_type = Or.ARRAY_MATCHER
    for child in () if query.is_leaf() else query.children():
        _summing_in_arrays(child)
    return query


def _marked_terms(query, searcher) -> frozenset[str]:
    """The text terms a hit may show marked: those the query looks for (typos as the index spells them)."""
    found = set()

    def visit(node):
        if isinstance(node, Not):
            return
        if node.is_leaf():
            if node.field() in TEXT_FIELDS:
                found.update(text for _name, text in node.expanded_terms(searcher.reader(), phrases=True))
            return
        for child in node.children():
            visit(child)

    visit(query)
    return frozenset(text.decode() if isinstance(text, bytes) else text for text in found)


class _Matching(collectors.WrappingCollector):
    """Hands every matching document on to the ranking collector and keeps its number for the facet counts,
    which are then counted on whole sets at once (Whoosh's own facets cost several calls per document)."""

    def prepare(self, top_searcher, q, context):
        super().prepare(top_searcher, q, context)
        self.numbers = []

    def matches(self):
        return self.child.matches()

    def collect(self, sub_docnum):
        self.numbers.append(self.child.offset + sub_docnum)
        return self.child.collect(sub_docnum)

    def results(self):
        return self.child.results()


def _marked(numbers: list[int]) -> "_Marked":
    return _Marked(numbers) if numbers else _NONE


def _marks(numbers: list[int]) -> bytearray:
    """A set of document numbers as bytes, bit n standing for document n."""
    marks = bytearray((max(numbers, default=0) >> 3) + 1)
    for number in numbers:
        marks[number >> 3] |= 1 << (number & 7)
    return marks


def _bits(numbers: list[int]) -> int:
    """A set of document numbers as one integer, bit n standing for document n."""
    return int.from_bytes(_marks(numbers), "little")


class _Marked:
    """A set of document numbers that takes a bit per document of its segment (a set takes 30 bytes each)."""

    def __init__(self, numbers: list[int]):
        self.marks = _marks(numbers)
        self.empty = not numbers

    def __contains__(self, number: int) -> bool:
        place = number >> 3
        return place < len(self.marks) and bool(self.marks[place] >> (number & 7) & 1)

    def among(self, numbers) -> list[int]:
        """Those of `numbers` in the set: one call for thousands of documents, not one each."""
        marks, size = self.marks, len(self.marks) << 3
        return [number for number in numbers if number < size and marks[number >> 3] >> (number & 7) & 1]


_NONE = _Marked([])


def _segment_values(reader, name: str) -> dict[str, int]:
    """{value: its documents} of one facet field in one segment, read once per segment, as bits: a few KB
    per value in the largest cluster."""
    field = reader.schema[name]
    return _of_segment(
        reader,
        ("facet", name),
        lambda: {
            field.from_bytes(text): _bits(list(reader.postings(name, text).all_ids()))
            for text in reader.lexicon(name)
        },
    )


def _facet_values(searcher) -> dict[str, dict[str, int]]:
    """{facet: {value: its documents}} over the whole index version, in the order of the field's terms."""

    def combine():
        values = {name: {} for name in FACETS}
        for segment_searcher, offset in searcher.leaf_searchers():
            for name in FACETS:
                found = values[name]
                for value, bits in _segment_values(segment_searcher.reader(), name).items():
                    found[value] = found.get(value, 0) | bits << offset
        for name, found in values.items():
            values[name] = dict(sorted(found.items()))
        return values

    return _remembered_by(searcher, "facet values", combine)


def _lowest(bits: int) -> int:
    return (bits & -bits).bit_length()


def _counted(searcher, numbers: list[int]) -> dict[str, dict[str, int]]:
    """How many of the documents have each facet value, most first. Values as many documents have are in
    the order Whoosh's own facets gave them: the value whose first document comes first, first."""
    matched = _bits(numbers)
    facets = {}
    for name, values in _facet_values(searcher).items():
        shared = ((value, matched & bits) for value, bits in values.items())
        counted = [(_lowest(common), value, common.bit_count()) for value, common in shared if common]
        counted.sort(key=lambda found: found[0])  # stable: values of one document stay in term order
        facets[name] = facet_counts({value: count for _first, value, count in counted})
    return facets


def _any_of(choices) -> Or:
    return Or([And([Term(name, value) for name, value in sorted(choice.items())]) for choice in choices])


def search(tenant_id: int, text: str, filters: dict[str, str], sort: str, offset: int, limit: int) -> Found:
    """The documents of one results page, best (or newest) first, with the facet counts of all of them."""
    # The vocabulary that widens the query is read from the database: its errors are not the index's.
    with reading(tenant_id, passing=(QueryError, SQLAlchemyError)):
        return _search(tenant_id, text, filters, sort, offset, limit)


def _search(tenant_id: int, text: str, filters: dict[str, str], sort: str, offset: int, limit: int) -> Found:
    reader = searcher(tenant_id)
    query = parse(text, reader)
    chosen = [Term(name, value) for name, value in sorted(filters.items()) if name in FACETS and value]
    allowed = documents_matching(reader, And([Term("tenant", str(tenant_id)), *chosen]))
    if not allowed:  # Whoosh reads an empty filter as no filter at all.
        return Found([], 0, {}, frozenset())
    if sort == "date":
        best, numbers = _newest(reader, query, allowed, offset + limit)
    else:
        best, numbers = ranking.ranked(reader, query, allowed, offset + limit, _terms_read(reader))
    # Only the page's documents are read for their keys.
    keys = _keys(reader, best[offset : offset + limit])
    return Found(keys, len(numbers), _counted(reader, numbers), _marked_terms(query, reader))


def _keys(searcher, numbers: list[int]) -> list[str]:
    """The stored keys of these documents. A document's stored fields never change in its segment, so the
    keys read are kept per segment: a new index version would otherwise read each segment's table of stored
    fields again (all its documents' offsets) for the page's hits."""
    leaves = searcher.leaf_searchers()
    offsets = [offset for _leaf, offset in leaves]
    keys = []
    for number in numbers:
        leaf, offset = leaves[bisect_right(offsets, number) - 1]
        known = _of_segment(leaf.reader(), ("keys",), dict)
        if number - offset not in known:
            known[number - offset] = leaf.stored_fields(number - offset)["key"]
        keys.append(known[number - offset])
    return keys


def _terms_read(reader) -> dict:
    """The scored postings of the terms this index version's searches have read, per segment (see
    ranking.ranked). Reading and scoring them is most of a search's cost, and the next page, the other order,
    a filter clicked and every search naming the same concept ask for the same terms again."""
    read = _remembered_by(reader, "terms read", dict)
    if sum(len(scores) for terms in read.values() for scores in terms.values()) > TERM_POSTINGS_KEPT:
        read.clear()  # the big cluster's every bench query keeps about 140,000
    return read


def _newest(reader, query, allowed: set[int], limit: int) -> tuple[list[int], list[int]]:
    """The newest `limit` of the documents `query` matches among `allowed`, and all of them."""
    matching = _Matching(collectors.SortingCollector("date", limit=limit, reverse=True))
    # No terms=True: snippets mark the query's terms themselves (search/query.py).
    collector = collectors.FilterCollector(matching, allowed)
    reader.search_with_collector(query, collector)
    return [hit.docnum for hit in collector.results()], matching.numbers


class _Summed(ListMatcher):
    """An Or of terms as Whoosh's array matcher gives it: each document's scores summed in the order of
    the terms, and the best term's quality bound (not the sum's) as its own, which the union around it
    decides on; so the same documents are found, with the same scores."""

    def __init__(self, ids, scores, quality: float):
        super().__init__(ids, weights=scores)
        self._quality = quality

    def max_quality(self):
        return self._quality

    def replace(self, minquality=0):
        return self


class _AnyTerm(Query):
    """`Or(terms)` scored from postings read once: a batch asks for the same concept terms again and again,
    and reading and scoring their postings is most of a search's cost."""

    def __init__(self, terms: list[Term], postings: dict):
        self.terms_asked = terms
        self.postings = postings

    def matcher(self, searcher, context=None):
        if len(self.terms_asked) < 2:  # Or reads one term as the term itself
            return Or(self.terms_asked).matcher(searcher, context)
        sums: dict[int, float] = {}
        quality = 0.0
        for term in self.terms_asked:
            ids, scores, best = self._read(term, searcher, context)
            quality = max(quality, best)
            for docnum, score in zip(ids, scores, strict=True):
                sums[docnum] = sums.get(docnum, 0.0) + score
        found = sorted(docnum for docnum, total in sums.items() if total > 0)
        return _Summed(found, [sums[docnum] for docnum in found], quality) if found else NullMatcher()

    def estimate_size(self, ixreader):
        # A union around it arranges its parts by their size, as it would the Or.
        return Or(self.terms_asked).estimate_size(ixreader)

    def _read(self, term: Term, searcher, context) -> tuple:
        # Scores depend on the whole index's statistics: kept per searcher and segment.
        key = (searcher.get_parent(), searcher.reader(), term.fieldname, term.text)
        if key not in self.postings:
            matcher = term.matcher(searcher, context)
            ids, scores = array("i"), array("d")
            best = matcher.max_quality() if matcher.is_active() else 0.0
            while matcher.is_active():
                ids.append(matcher.id())
                scores.append(matcher.score())
                matcher.next()
            self.postings[key] = ids, scores, best
        return self.postings[key]


def candidates(
    tenant_id: int, terms, beginnings, fields, among, limit: int, postings: dict | None = None
) -> list[tuple[str, int]]:
    """(key, company id) of the documents `among` with a term or a word beginning in `fields`, best first.

    `postings` keeps the terms' scored postings for a batch of searches (a fresh one for each without)."""
    exact = _AnyTerm(
        [Term(name, term) for term in terms for name in fields], {} if postings is None else postings
    )
    query = Or([exact, *(Prefix(name, start) for start in beginnings for name in fields)])
    with reading(tenant_id):
        reader = searcher(tenant_id)
        allowed = documents_matching(reader, And([Term("tenant", str(tenant_id)), _any_of(among)]))
        if not allowed:  # Whoosh reads an empty filter as no filter at all.
            return []
        # No block-quality skipping: every posting is read anyway, and asking each of the hundreds of
        # term matchers whether it supports skipping costs a fifth of the search.
        hits = reader.search(query, limit=limit, filter=allowed, optimize=False)
        return [(hit["key"], int(hit["company"])) for hit in hits]


def _cluster_ids() -> list[int]:
    folders = Path(current_app.config["INDEX_DIR"]).glob("cluster-*")
    return sorted(
        tenant_id
        for tenant_id in (int(f.name.removeprefix("cluster-")) for f in folders)
        if exists(tenant_id)
    )


def healthy() -> bool:
    """The index folder takes new files and every index there opens with all its segments."""
    folder = Path(current_app.config["INDEX_DIR"])
    if not writable(folder):
        log.error("health: the index folder is not writable")
        return False
    try:
        # Not open_index: it would create an index for a cluster that has none yet. A writer swapping
        # segments at this very moment can fail one check; monitors wait for a second.
        for cluster in folder.glob("cluster-*"):
            if any(cluster.glob("*.toc")):
                index.open_dir(cluster, INDEX_NAME).reader().close()
    except Exception:  # Whoosh has no common base class for a damaged index.
        log.exception("health: a search index cannot be opened")
        return False
    return True


def writable(folder: Path) -> bool:
    """True when files can be created in `folder` (made when missing)."""
    try:
        folder.mkdir(parents=True, exist_ok=True)
        with tempfile.TemporaryFile(dir=folder):
            return True
    except OSError:
        return False


def warm_up() -> int:
    """Open every cluster's index and count its facets once, and read ahead what a big cluster's first
    searches would read (_read_ahead), so that no member's first search pays for them."""
    warmed, phrases = 0, None
    for tenant_id in _cluster_ids():
        try:
            search(tenant_id, "", {}, "relevance", 0, 1)
            with reading(tenant_id):
                opened = searcher(tenant_id)
                if opened.doc_count() >= READ_AHEAD_DOCUMENTS:
                    phrases = _concept_phrases() if phrases is None else phrases  # none for small clusters
                    _read_ahead(opened, phrases)
        except IndexUnavailable:
            continue  # health and `search status` report it
        warmed += 1
    return warmed


def _read_ahead(opened, phrases: set[_Phrase]) -> None:
    """What a big cluster's first searches would read: its most frequent words' postings, the documents of
    the concepts' phrases, and the words of each text field (for typos)."""
    ranking.read_ahead(opened, TEXT_FIELDS, READ_AHEAD_TERMS)
    for leaf, _offset in opened.leaf_searchers():
        for phrase in phrases:
            phrase._documents(leaf)
        for name in TEXT_FIELDS:
            _lexicon(leaf.reader(), name)


def _concept_phrases() -> set[_Phrase]:
    """The phrases a search naming a concept of the shared vocabulary is widened to: its forms of two words
    or more, in every text field."""
    phrases = set()

    def visit(node):
        if isinstance(node, _Phrase):
            phrases.add(node)
        for child in () if node.is_leaf() else node.children():
            visit(child)

    for forms in vocabulary().written_of.values():
        several = [form for form in forms if " " in form.strip()]
        if several:
            visit(_phrases_remembered(_parser().parse(" OR ".join(f'"{form}"' for form in several))))
    return phrases
