"""How text becomes search terms, the same for documents and queries, Latvian and English alike.

Words are folded (no case, no accents: "Rīga" and "riga" meet), stop words dropped, then stemmed:
English plurals and -ing/-ed first, then a light Latvian ending stripper, so "animācijas",
"animāciju" and "animācija" all become "animacij" and "partners" and "partner" meet too. Porter's
later steps are left out on purpose: they take Latvian words for English ones ("izvēli" → "izve").
"""

from functools import lru_cache

from whoosh.analysis import Filter, RegexTokenizer, StopFilter

from clusterhub.collation import fold

STOP_WORDS = frozenset(
    # Latvian, folded: conjunctions, prepositions, pronouns that every text has.
    "un vai ar par uz no kas ir ka lai ari bet pie pec lidz mes musu jus jusu to ta tas so sis ko kur"
    " kad jau vel nav tikai loti gan caur starp ne ja tad bija bus var esam vairak neka katru visa"
    # English.
    " a an and or of for to in on with we our is are by at from as be this that the its us you"
    " your".split()
)
# Nominal and adjectival endings after folding (ā → a, ē → e …), longest first.
LATVIAN_ENDINGS = (
    "ajiem",
    "ajam",
    "ajai",
    "ajos",
    "ajas",
    "iem",
    "ais",
    "am",
    "em",
    "im",
    "as",
    "es",
    "is",
    "us",
    "os",
    "ai",
    "ei",
    "o",
    "a",
    "e",
    "i",
    "u",
    "s",
)
SHORTEST_STEM = 3


ENGLISH_ENDINGS = (("sses", "ss"), ("ies", "i"), ("ing", ""), ("ed", ""))


def english_stem(word: str) -> str:
    """Plural and -ing/-ed endings of English words ("processes" → "process"; "-y" becomes "-i")."""
    for ending, replacement in ENGLISH_ENDINGS:
        stem = word[: -len(ending)] + replacement
        if word.endswith(ending) and len(stem) >= SHORTEST_STEM and any(c in "aeiou" for c in stem):
            return stem
    if word.endswith("s") and not word.endswith(("ss", "us", "is")):
        return word[:-1]
    if word.endswith("y"):
        return word[:-1] + "i"
    return word


def latvian_stem(word: str) -> str:
    """Strip one Latvian case ending, keeping at least three letters."""
    for ending in LATVIAN_ENDINGS:
        if word.endswith(ending) and len(word) - len(ending) >= SHORTEST_STEM:
            return word[: -len(ending)]
    return word


@lru_cache(maxsize=50_000)
def stem(word: str) -> str:
    """The term a folded word is indexed under."""
    if not word.isalpha():
        return word
    return latvian_stem(english_stem(word))


# Words come back in text after text (and in every snippet of a results page): each is folded once.
folded_word = lru_cache(maxsize=100_000)(fold)


class FoldFilter(Filter):
    """Lower case without accents; the token keeps its place in the original text for highlights."""

    def __call__(self, tokens):
        for token in tokens:
            token.text = folded_word(token.text)
            yield token


class StemFilter(Filter):
    """Stems indexed and query words alike (Whoosh's own StemFilter is tied to one language)."""

    def __call__(self, tokens):
        for token in tokens:
            if not token.stopped:
                token.text = stem(token.text)
            yield token


def analyzer():
    """The analyzer of every text field."""
    return RegexTokenizer() | FoldFilter() | StopFilter(stoplist=STOP_WORDS, minsize=2) | StemFilter()


ANALYZER = analyzer()


def terms(text: str) -> list[str]:
    """The distinct search terms of a text, in the order they first appear."""
    return list(dict.fromkeys(token.text for token in ANALYZER(text)))


@lru_cache(maxsize=4096)
def words_by_term(text: str) -> dict[str, str]:
    """Each search term of a text with the first word in it that produced it, as written.

    Remembered per text: matching analyses the same profiles for need after need. Do not change the result.
    """
    found: dict[str, str] = {}
    for token in ANALYZER(text, chars=True, keeporiginal=True):
        found.setdefault(token.text, token.original)
    return found


def _trigrams(term: str) -> set[str]:
    padded = f"  {term} "
    return {padded[i : i + 3] for i in range(len(padded) - 2)}


@lru_cache(maxsize=100_000)
def likeness(one: str, other: str) -> float:
    """How alike two search terms are, 0 to 1 (Dice over letter trigrams; the start weighs more).

    "scenograf" (scenogrāfi) and "scenografij" (scenogrāfija) are close, a derived form rather than an
    inflection; "animacij" and "animator" are not.
    """
    if one == other:
        return 1.0
    first, second = _trigrams(one), _trigrams(other)
    return 2 * len(first & second) / (len(first) + len(second))
