"""The search page's ranking for the Whoosh backend: every matching document with its score, computed part
by part of the query as {document: score} per segment, instead of stepping Whoosh's tree of matchers
document by document (a call or ten per posting, and most of a search's cost).

The scores are Whoosh's own to the last bit, so the same documents come out in the same order: a term's
postings are scored with its scorer's formula on the same weights and field lengths, and the parts are
added up in the order Whoosh's matchers add them (an OR's array in the order of its parts, an AND's
weighted tree, a phrase's binary tree). A part this module does not know is stepped through Whoosh's own
matcher. A term that a query names more than once (a typed word also in a concept's phrases) is read once.

A term's postings in a segment never change once it is written (a deletion only hides documents), but its
scores do with every new version of the index (the document count and average field lengths are the whole
index's): so each segment's postings of a term are kept as read, across versions, and scored again with the
version's statistics, each different (weight, length) pair once. A posted need adds a small segment; the
first search after it reads only that segment's postings.
"""

import heapq
import sys
from array import array
from bisect import bisect_left, bisect_right
from collections import OrderedDict

from whoosh.codec.whoosh3 import W3LeafMatcher, _lenfield
from whoosh.matching import FilterMatcher
from whoosh.query import And, Or, Term
from whoosh.scoring import BM25F
from whoosh.util.numeric import byte_to_length

# Whoosh keeps a field's length as one byte per document; the length each byte stands for.
LENGTHS = [byte_to_length(number) for number in range(256)]
# Postings kept per segment (see _postings): 8 bytes each; every bench query of the big cluster reads about
# 140,000.
SEGMENT_POSTINGS_KEPT = 1_000_000
# {(segment id, field, term): (document numbers, the pair of each, the pairs' weights, their length bytes)}
_segment_postings: OrderedDict = OrderedDict()
_postings_kept = [0]


def ranked(searcher, query, allowed: set[int], limit: int, read: dict) -> tuple[list[int], list[int]]:
    """The best `limit` of the documents `query` matches among `allowed` (best first, the earlier document
    first among equals, as Whoosh's TopCollector orders them), and all of them in index order.

    `read` ({segment offset: terms}, see `scores`) keeps the terms read for the next search of this index
    version: a term's scores depend on the version's statistics only, not on the query."""
    context = searcher.context()
    found: dict[int, float] = {}
    for leaf, offset in searcher.leaf_searchers():
        scored = scores(query, leaf, context, read.setdefault(offset, {}))
        found.update({offset + docnum: score for docnum, score in scored.items()} if offset else scored)
    matching = sorted(found.keys() & allowed)
    if len(matching) <= limit:
        return sorted(matching, key=lambda number: -found[number]), matching
    # Only the documents scoring at least the limit-th best score need ordering.
    lowest = heapq.nlargest(limit, [found[number] for number in matching])[-1]
    best = [number for number in matching if found[number] >= lowest]
    return sorted(best, key=lambda number: -found[number])[:limit], matching


def scores(node, searcher, context, terms: dict) -> dict[int, float]:
    """{document: score} of what `node` matches in one segment; `terms` keeps the terms read in it."""
    kind = type(node)
    parts = getattr(node, "subqueries", ())
    if kind in (Or, And) and len(parts) == 1:  # Whoosh reads a one-part OR or AND as that part, boost unused
        return scores(parts[0], searcher, context, terms)
    if kind is Or and node.matcher_type == Or.ARRAY_MATCHER and parts:
        return _summed([scores(part, searcher, context, terms) for part in parts], node.boost)
    if kind is And and parts:
        return _intersected(node, searcher, context, terms)
    if kind is Term and not node.minquality:
        return term_scores(node.fieldname, node.text, searcher, context, terms, node.boost)
    if hasattr(node, "scores"):  # a query of ours that knows how Whoosh scores it (search/backends/whoosh.py)
        return node.scores(searcher, context, terms)
    return _stepped(node.matcher(searcher, context))


def term_scores(fieldname: str, text, searcher, context, terms: dict, boost: float = 1.0) -> dict[int, float]:
    key = (fieldname, text)
    if key not in terms:
        terms[key] = _scored(fieldname, text, searcher, context)
    found = terms[key]
    # Whoosh wraps a boosted term's matcher in one that multiplies its scores.
    return found if boost == 1.0 else {docnum: score * boost for docnum, score in found.items()}


def tree_total(values: list[float]) -> float:
    """The sum of `values` added up as Whoosh's make_binary_tree pairs them: first half + second half."""
    if len(values) < 3:  # one value, or two added
        return sum(values[1:], values[0])
    half = len(values) // 2
    return tree_total(values[:half]) + tree_total(values[half:])


def _stepped(matcher) -> dict[int, float]:
    found = {}
    while matcher.is_active():
        found[matcher.id()] = matcher.score()
        matcher.next()
    return found


def _scored(fieldname: str, text, searcher, context) -> dict[int, float]:
    """A term's postings in one segment with their scores, as its matcher scores them: the segment's postings
    as kept (_postings), each (weight, length) pair scored once with this version's BM25F scorer, the
    segment's deleted documents left out (as the matcher Whoosh wraps around them does)."""
    kept = _postings(fieldname, text, searcher)
    weighting = searcher.weighting if context is None else context.weighting
    if kept is None or not searcher.schema[fieldname].scorable or type(weighting) is not BM25F:
        return _stepped(Term(fieldname, text).matcher(searcher, context))
    numbers, pair_of, weights, lengths = kept
    if not numbers:
        return {}
    score = weighting.scorer(searcher, fieldname, _as_bytes(searcher, fieldname, text))._score
    scores = [score(weight, LENGTHS[length]) for weight, length in zip(weights, lengths, strict=True)]
    found = dict(zip(numbers, map(scores.__getitem__, pair_of), strict=True))
    for number in searcher.reader().deleted_docs_set.intersection(found):
        del found[number]
    return found


def _as_bytes(searcher, fieldname: str, text) -> bytes:
    return searcher.schema[fieldname].to_bytes(text)


def _postings(fieldname: str, text, searcher) -> tuple | None:
    """(document numbers, the pair of each, the pairs' weights and length bytes) of a term's postings in one
    segment, deleted documents included, read once per segment and kept across index versions (within a
    bound, the least recently used dropped); None when they are not plain postings with lengths in memory."""
    reader = searcher.reader()
    segment = getattr(reader, "segment", lambda: None)()
    lengths = getattr(getattr(reader, "_perdoc", None), "_readers", {}).get(_lenfield(fieldname))
    # The field's lengths are bytes in memory once the searcher is opened (whoosh.py: _lengths_in_memory).
    if segment is None or type(lengths) is not bytes:
        return None
    key = (sys.intern(segment.segment_id()), fieldname, text)
    if key not in _segment_postings:
        read = _read(reader, fieldname, _as_bytes(searcher, fieldname, text), lengths)
        if read is None:
            return None
        _keep(key, read)
    _segment_postings.move_to_end(key)
    return _segment_postings[key]


def read_ahead(searcher, fieldnames, per_field: int) -> int:
    """Read the postings of each field's `per_field` most frequent terms in every segment, as the first search
    of each would (a worker's start); returns how many. They are the longest to read, and most searches
    name one of them."""
    read = 0
    for leaf, _offset in searcher.leaf_searchers():
        for fieldname in fieldnames:
            field = leaf.schema[fieldname]
            for _weight, text in leaf.reader().most_frequent_terms(fieldname, per_field):
                kept = _postings(fieldname, field.from_bytes(text), leaf)
                read += len(kept[0]) if kept else 0
    return read


def phrase_documents(fieldname: str, words, searcher) -> list[int] | None:
    """The documents of one segment where `words` stand one after another in the field, as Whoosh's phrase
    query with slop 1 finds them (deleted documents included); None when the postings are not plain ones.

    Only the documents having every word (from the kept postings, which scoring the phrase reads anyway) have
    their positions read, a block of postings at a time: Whoosh's span matchers cost tens of calls per such
    document, and a concept's forms are hundreds of phrases."""
    reader = searcher.reader()
    texts = [_as_bytes(searcher, fieldname, word) for word in words]
    if any((fieldname, text) not in reader for text in texts):
        return []
    kept = [_postings(fieldname, word, searcher) for word in words]
    if any(postings is None for postings in kept):
        return None
    having_all = set(kept[0][0]).intersection(*(postings[0] for postings in kept[1:]))
    starts: dict[int, set[int]] = {}
    for place, text in enumerate(texts):
        if not having_all:
            return []
        at = _positions(reader, fieldname, text, sorted(having_all))
        if at is None:
            return None
        shifted = {number: {position - place for position in positions} for number, positions in at.items()}
        starts = shifted if not place else {number: starts[number] & shifted[number] for number in having_all}
        having_all = {number for number, found in starts.items() if found}
    return sorted(having_all)


def _positions(reader, fieldname: str, text: bytes, wanted: list[int]) -> dict[int, list[int]] | None:
    """{document: the term's positions in it} for `wanted` (sorted, all having the term)."""
    postings = reader.postings(fieldname, text)
    if type(postings) is FilterMatcher:
        postings = postings.child
    if type(postings) is not W3LeafMatcher:
        return None
    decode = reader.schema[fieldname].format.decode_positions
    found, place = {}, 0
    while place < len(wanted) and postings.is_active():
        if postings.block_max_id() >= wanted[place]:
            postings.id(), postings.value()  # they read the block's ids and values
            ids, values = postings._ids, postings._values
            while place < len(wanted) and wanted[place] <= postings.block_max_id():
                found[wanted[place]] = decode(values[bisect_left(ids, wanted[place])])
                place += 1
        postings._next_block()
    return found


def _keep(key: tuple, read: tuple) -> None:
    _segment_postings[key] = read
    _postings_kept[0] += len(read[0])
    while _postings_kept[0] > SEGMENT_POSTINGS_KEPT and len(_segment_postings) > 1:
        _postings_kept[0] -= len(_segment_postings.popitem(last=False)[1][0])


def _read(reader, fieldname: str, text: bytes, lengths: bytes) -> tuple | None:
    """A term's postings in one segment read a block at a time, each as the index of its (weight, length)
    pair; the pairs as two arrays (a tuple each took ten times the room)."""
    if (fieldname, text) not in reader:
        return array("i"), array("I"), array("d"), b""
    postings = reader.postings(fieldname, text)
    if type(postings) is FilterMatcher:  # the segment's deletions: left out when scored
        postings = postings.child
    if type(postings) is not W3LeafMatcher:
        return None
    numbers, pair_of, known = array("i"), array("I"), {}
    while postings.is_active():
        postings.id(), postings.weight()  # they read the block's ids and weights
        numbers.fromlist(list(postings._ids))  # a block's ids come as a tuple or an array of any width
        for docnum, weight in zip(postings._ids, postings._weights, strict=True):
            pair_of.append(known.setdefault((weight, lengths[docnum]), len(known)))
        postings._next_block()
    return numbers, pair_of, array("d", [weight for weight, _ in known]), bytes(length for _, length in known)


def _summed(parts: list[dict[int, float]], boost: float) -> dict[int, float]:
    """An OR as Whoosh's array matcher scores it: each part's score times the boost added in the order of
    the parts (starting from 0), and only documents whose sum is above zero matched."""
    # Each score times the boost as it is added (times 1.0 is exact): no boosted copy of each part first.
    sums = {docnum: score * boost for docnum, score in parts[0].items()}
    for part in parts[1:]:
        shared = part.keys() & sums.keys()
        for docnum in shared:
            sums[docnum] += part[docnum] * boost
        sums.update({docnum: part[docnum] * boost for docnum in part.keys() - shared})
    # Scored terms and phrases are all above zero: looking for a sum that is not is cheaper than copying all.
    if not sums or min(sums.values()) > 0:
        return sums
    return {docnum: total for docnum, total in sums.items() if total > 0}


def _intersected(node, searcher, context, terms: dict) -> dict[int, float]:
    """An AND as Whoosh scores it: its parts joined two at a time in a weighted tree (the largest estimated
    parts first, ties in their order), each join's score the sum of its two sides."""
    reader = searcher.reader()
    parts = [
        (0 - part.estimate_size(reader), scores(part, searcher, context, terms)) for part in node.subqueries
    ]
    parts.sort(key=lambda part: part[0])
    while len(parts) > 1:
        (first_weight, first), (second_weight, second) = parts.pop(0), parts.pop(0)
        joined = {docnum: score + second[docnum] for docnum, score in first.items() if docnum in second}
        weight = first_weight + second_weight
        parts.insert(bisect_right([part[0] for part in parts], weight), (weight, joined))
    found = parts[0][1]
    return found if node.boost == 1.0 else {docnum: score * node.boost for docnum, score in found.items()}
