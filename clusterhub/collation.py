"""Sort keys that order names the Latvian way in Python and in any database.

Latvian treats č ģ ķ ļ ņ š ž as letters of their own (C < Č < D) while ā ē ī ū differ from
a e i u only when the rest of the word is equal. The key is plain digits, so the database
orders it the same under any collation; a 0 ends the letters so a prefix sorts first.
"""

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
