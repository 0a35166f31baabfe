"""Sort keys that order names the Latvian way in Python and in any database.

Latvian treats č ģ ķ ļ ņ š ž as letters of their own (C < Č < D) while ā ē ī ū differ from
a e i u only when the rest of the word is equal. The key is plain digits, so the database
orders it the same under any collation; a 0 ends the letters so a prefix sorts first.
"""

import re
import unicodedata
from functools import lru_cache

from sqlalchemy.orm import validates

_ALPHABET = "aābcčdeēfgģhiījkķlļmnņoprsštuūvzž"
_SECONDARY = {"ā": "a", "ē": "e", "ī": "i", "ū": "u"}
_PRIMARY: dict[str, int] = {}
for _letter in _ALPHABET:
    if _letter not in _SECONDARY:
        _PRIMARY[_letter] = len(_PRIMARY) + 40
_FOREIGN = {"q": "k", "w": "v", "x": "ks", "y": "i"}


@lru_cache(maxsize=4096)
def _primary(char: str) -> str:
    base = _SECONDARY.get(char, char)
    if base in _PRIMARY:
        return f"{_PRIMARY[base]:02d}"
    if base.isdigit():
        return f"1{base}"
    decomposed = unicodedata.normalize("NFD", base)[0]
    if decomposed in _PRIMARY:
        return f"{_PRIMARY[decomposed]:02d}"
    return "20"


# An import compares each of its names several times; a sort key is a pure function of the text.
@lru_cache(maxsize=65536)
def latvian_sort_key(text: str) -> str:
    """A digit string whose plain order is Latvian alphabetical order of `text`."""
    folded = "".join(_FOREIGN.get(c, c) for c in text.casefold() if c.isalnum())
    primary = "".join(_primary(c) for c in folded)
    secondary = "".join("1" if c in _SECONDARY else "0" for c in folded)
    return f"{primary}0{secondary}"


def fold(text: str) -> str:
    """Lower case without accents, spaces kept: "RĪGA", "Rīga" and "riga" all become "riga"."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(char for char in decomposed if not unicodedata.combining(char))


def keeps_sort_key(source: str, target: str, key=latvian_sort_key):
    """A model validator that stores key(source) in `target` whenever `source` is set."""

    @validates(source)
    def _keep(self, attribute, value):
        setattr(self, target, key(value))
        return value

    return _keep


# Legal forms written before (or after, with a comma) a company's name: "SIA Koks", "Koks, SIA". The
# directory orders companies by the rest, so "AS Rīgas Kinostudija" stands under R.
LEGAL_FORMS = (
    "sia",
    "as",
    "ik",
    "zs",
    "ps",
    "ks",
    "kb",
    "vsia",
    "pas",
    "biedrība",
    "nodibinājums",
    "fonds",
    "uab",
    "oü",
    "ab",
    "ltd",
    "llc",
)
_FORM = "|".join(LEGAL_FORMS)
_PREFIX = re.compile(rf"^\s*({_FORM})\.?\s+(?=\S)", re.IGNORECASE)
_SUFFIX = re.compile(rf"(?<=\S),?\s+({_FORM})\.?\s*$", re.IGNORECASE)


def split_legal_form(name: str) -> tuple[str, str]:
    """(the name without its legal form, the legal form or ""): "SIA Koks" → ("Koks", "SIA")."""
    for pattern in (_PREFIX, _SUFFIX):
        found = pattern.search(name)
        if found and (rest := (name[: found.start()] + name[found.end() :]).strip()):
            return rest, found.group(1)
    return name, ""


def company_sort_key(name: str) -> str:
    """A company's key: its name without the legal form in Latvian order, then the legal form.

    The directory sorts by it ("AS Rīgas Kinostudija" under R), and it tells companies apart: "SIA Koks"
    and "Koks, SIA" are one company, "SIA Koks" and "AS Koks" two.
    """
    rest, form = split_legal_form(name)
    # A name without a legal form keeps its plain key, and sorts before the same name with one.
    return latvian_sort_key(rest) + (latvian_sort_key(form) if form else "")
