"""The search page's ranking for the Whoosh backend: every matching document with its score, computed part
by part of the query as {document: score} per segment, instead of stepping Whoosh's tree of matchers
document by document (a call or ten per posting, and most of a search's cost).

The scores are Whoosh's own to the last bit, so the same documents come out in the same order: a term's
postings are scored with its scorer's formula on the same weights and field lengths, and the parts are
added up in the order Whoosh's matchers add them (an OR's array in the order of its parts, an AND's
weighted tree, a phrase's binary tree). A part this module does not know is stepped through Whoosh's own
matcher. A term that a query names more than once (a typed word also in a concept's phrases) is read once.
"""

import heapq
from bisect import bisect_right

from whoosh.codec.whoosh3 import W3LeafMatcher, _lenfield
from whoosh.matching import FilterMatcher
from whoosh.query import And, Or, Term
from whoosh.scoring import BM25FScorer
from whoosh.util.numeric import byte_to_length

# Whoosh keeps a field's length as one byte per document; the length each byte stands for.
LENGTHS = [byte_to_length(number) for number in range(256)]


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
        terms[key] = _read(Term(fieldname, text).matcher(searcher, context), searcher, fieldname)
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


def _read(matcher, searcher, fieldname: str) -> dict[int, float]:
    """A term's postings with their scores, a block of postings at a time when they are plain BM25F ones
    (the segment's deleted documents left out, as the matcher Whoosh wraps around them does)."""
    postings, deleted = matcher, ()
    if type(matcher) is FilterMatcher and matcher._exclude:
        postings, deleted = matcher.child, matcher._ids
    scorer = getattr(postings, "scorer", None)
    lengths = getattr(searcher.reader(), "_perdoc", None)
    lengths = getattr(lengths, "_readers", {}).get(_lenfield(fieldname))
    # The field's lengths are bytes in memory once the searcher is opened (whoosh.py: _lengths_in_memory).
    if type(postings) is not W3LeafMatcher or type(scorer) is not BM25FScorer or type(lengths) is not bytes:
        return _stepped(matcher)
    score = scorer._score
    # A term's postings have few different (weight, length) pairs: each is scored once.
    known: dict[tuple, float] = {}
    found = {}
    while postings.is_active():
        postings.id(), postings.weight()  # they read the block's ids and weights
        for docnum, weight in zip(postings._ids, postings._weights, strict=True):
            if docnum not in deleted:
                pair = (weight, lengths[docnum])
                if pair not in known:
                    known[pair] = score(weight, LENGTHS[pair[1]])
                found[docnum] = known[pair]
        postings._next_block()
    return found


def _summed(parts: list[dict[int, float]], boost: float) -> dict[int, float]:
    """An OR as Whoosh's array matcher scores it: each part's score times the boost added in the order of
    the parts (starting from 0), and only documents whose sum is above zero matched."""
    if boost != 1.0:
        parts = [{docnum: score * boost for docnum, score in part.items()} for part in parts]
    sums = dict(parts[0])
    for part in parts[1:]:
        shared = part.keys() & sums.keys()
        for docnum in shared:
            sums[docnum] += part[docnum]
        sums.update({docnum: part[docnum] for docnum in part.keys() - shared})
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
