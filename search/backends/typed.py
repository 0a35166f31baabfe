"""What a person typed, read as a tree of terms for a backend without a query parser of its own (PostgreSQL).

It reads what Whoosh's parser reads on the search page: words (all of them must match), "phrases in
quotes", OR between words (binding closer than the words around it), NOT or a minus before a word,
brackets, and `word*` for a beginning. Words go through the analyzer of search/analysis.py, so
"animāciju" looks for the term "animacij" as a document's text is indexed.

A node is ("word", term), ("phrase", [terms]), ("prefix", start), ("and" | "or", [nodes]) or ("not", node).
"""

import re

from clusterhub.collation import fold
from search.analysis import terms
from search.backends.base import QueryError, has_words

TOKEN = re.compile(r'"(?P<phrase>[^"]*)"?|(?P<open>\()|(?P<close>\))|(?P<word>[^\s()"]+)')
# A minus starts an exclusion only before a letter or digit: "-" alone, or "e-pasts", are words.
EXCLUDED = re.compile(r"-(?=[^\s-])")


def _tokens(text: str) -> list[tuple[str, str]]:
    found = []
    for match in TOKEN.finditer(text):
        kind = match.lastgroup
        value = match.group(kind)
        if kind == "word" and value in ("AND", "OR", "NOT"):
            kind = value
        elif kind == "word" and EXCLUDED.match(value):
            found.append(("NOT", "-"))
            value = value[1:]
        found.append((kind, value))
    return found


def _word(value: str):
    if value.endswith("*") and len(value) > 1:
        start = terms_of_prefix(value.rstrip("*"))
        return ("prefix", start) if start else None
    found = terms(value)
    if not found:
        return None
    if len(found) == 1:
        return ("word", found[0])
    return ("and", [("word", term) for term in found])


def terms_of_prefix(value: str) -> str:
    """A typed beginning as the index spells it (folded, not stemmed: it is not a whole word)."""
    words = re.findall(r"\w+", fold(value))
    return words[0] if words else ""


class _Reader:
    def __init__(self, tokens):
        self.tokens = tokens
        self.at = 0

    def _peek(self) -> str | None:
        return self.tokens[self.at][0] if self.at < len(self.tokens) else None

    def _take(self) -> tuple[str, str]:
        self.at += 1
        return self.tokens[self.at - 1]

    def group(self, inside: bool = False):
        """Words one after another: all must match."""
        items = []
        while (kind := self._peek()) is not None:
            if kind == "close":
                self._take()
                if inside:
                    break
                continue  # a bracket closed that was never opened
            if kind in ("AND", "OR"):
                self._take()  # AND is what words do anyway; an OR with nothing before it joins nothing
                continue
            if (item := self.either()) is not None:
                items.append(item)
        return _joined("and", items)

    def either(self):
        items = [self.unary()]
        while self._peek() == "OR":
            self._take()
            items.append(self.unary())
        return _joined("or", [item for item in items if item is not None])

    def unary(self):
        kind = self._peek()
        if kind is None or kind in ("close", "OR", "AND"):
            return None
        if kind == "NOT":
            self._take()
            inner = self.unary()
            return ("not", inner) if inner is not None else None
        kind, value = self._take()
        if kind == "open":
            return self.group(inside=True)
        if kind == "phrase":
            found = terms(value)
            return ("phrase", found) if len(found) > 1 else (("word", found[0]) if found else None)
        return _word(value)


def _joined(kind: str, items: list):
    if not items:
        return None
    return items[0] if len(items) == 1 else (kind, items)


def read(text: str):
    """The tree of what was typed; QueryError when nothing in it can be searched for."""
    tree = _Reader(_tokens(text)).group()
    if tree is None:
        words = [value for kind, value in _tokens(text) if kind in ("word", "phrase")]
        raise QueryError("only common words" if has_words(" ".join(words)) else "syntax")
    return tree


def leaves(tree, negated: bool = False):
    """(node, negated) for each word, phrase and beginning of the tree."""
    kind, value = tree
    if kind in ("and", "or"):
        for item in value:
            yield from leaves(item, negated)
    elif kind == "not":
        yield from leaves(value, not negated)
    else:
        yield tree, negated
