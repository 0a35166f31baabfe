"""The concepts a text speaks of, found in memory: the shared vocabulary is read from the database once
per app, a cluster's own words for its concepts once per request (they change while the app runs).

A concept is found where the analysed words of one of its forms stand together in the text, so
"Krāsu korekcija", "krāsu korekciju" and "colour grading" all name `colour-grading`. The longest form
wins where forms overlap ("3D animācija" is `animation-3d`, not also `animation`).
"""

from dataclasses import dataclass

from flask import current_app, g
from flask_babel import get_locale
from sqlalchemy import func, select

from clusterhub.extensions import db
from search.analysis import ANALYZER
from search.analysis import terms as text_terms
from search.vocabulary.models import ClusterConcept, ClusterForm, Concept, ConceptForm
from tenants.context import current_tenant_id

# A concept named through a broader or narrower one answers a need less well than the concept itself.
# Concepts that merely share a broader one ("2D animācija", "3D animācija") do not meet: under a wide
# concept such as education nearly everything would.
RELATED = 0.6
# Texts analysed for concepts are kept this many at most (profiles come back need after need).
REMEMBERED_TEXTS = 20_000
CLUSTER_CONCEPTS = ClusterConcept.__table__


@dataclass(frozen=True)
class Known:
    """What matching and search need of a concept."""

    id: int
    key: str
    kind: str
    label_lv: str
    label_en: str
    broader: str | None

    def label(self, language: str) -> str:
        return self.label_lv if language == "lv" else self.label_en


@dataclass(frozen=True)
class Mention:
    """A concept found in a text: the words as written there, and their search terms."""

    concept: str
    written: str
    terms: tuple[str, ...]


class Vocabulary:
    """Concepts with their forms, looked up by search terms."""

    def __init__(
        self, concepts: dict[str, Known], forms: dict[tuple[str, ...], str], written: dict[str, list]
    ):
        self.concepts = concepts
        self.forms = forms
        self.written_of = written  # a concept's forms as the vocabulary writes them
        self.longest = max((len(terms) for terms in forms), default=0)
        self.forms_of: dict[str, list[tuple[str, ...]]] = {}
        for terms, key in forms.items():
            self.forms_of.setdefault(key, []).append(terms)
        self.terms_of = {key: set().union(*found) for key, found in self.forms_of.items()}
        self.key_of = {known.id: key for key, known in concepts.items()}
        self._found: dict[str, list[Mention]] = {}

    def mentions(self, text: str) -> list[Mention]:
        """The concepts named in `text`, in the order they appear."""
        if text not in self._found:
            if len(self._found) > REMEMBERED_TEXTS:
                self._found.clear()
            self._found[text] = self._scan(text or "")
        return self._found[text]

    def _scan(self, text: str) -> list[Mention]:
        tokens = [(t.text, t.startchar, t.endchar) for t in ANALYZER(text, chars=True) if not t.stopped]
        found, start = [], 0
        while start < len(tokens):
            for size in range(min(self.longest, len(tokens) - start), 0, -1):
                words = tokens[start : start + size]
                key = self.forms.get(tuple(term for term, _, _ in words))
                if key:
                    written = text[words[0][1] : words[-1][2]]
                    found.append(Mention(key, written, tuple(term for term, _, _ in words)))
                    start += size
                    break
            else:
                start += 1
        return found

    def closeness(self, wanted: str, offered: str) -> float:
        """1 for the same concept, RELATED when one is directly broader than the other, else 0."""
        if wanted == offered:
            return 1.0
        if wanted in self.concepts and offered in self.concepts:
            if self.concepts[offered].broader == wanted or self.concepts[wanted].broader == offered:
                return RELATED
        return 0.0

    def related(self, key: str) -> set[str]:
        """The concept, its broader concept and its narrower ones."""
        known = self.concepts.get(key)
        found = {key, known.broader} if known and known.broader else {key}
        return found | {other.key for other in self.concepts.values() if other.broader == key}

    def label(self, key: str, language: str) -> str:
        known = self.concepts.get(key)
        return known.label(language) if known else key


def _known(rows, keys: dict[int, str]) -> dict[str, Known]:
    return {
        row.key: Known(row.id, row.key, row.kind, row.label_lv, row.label_en, keys.get(row.broader_id))
        for row in rows
    }


def _concepts():
    return select(
        Concept.id, Concept.key, Concept.kind, Concept.label_lv, Concept.label_en, Concept.broader_id
    )


def _read() -> Vocabulary:
    # The clusters' own concepts are left out (read through the plain table, which no cluster scopes).
    rows = db.session.execute(
        _concepts().where(Concept.id.not_in(select(CLUSTER_CONCEPTS.c.concept_id)))
    ).all()
    keys = {row.id: row.key for row in rows}
    concepts = _known(rows, keys)
    forms: dict[tuple[str, ...], str] = {}
    written: dict[str, list[str]] = {}
    for concept_id, form, terms in db.session.execute(
        select(ConceptForm.concept_id, ConceptForm.form, ConceptForm.terms).order_by(ConceptForm.id)
    ):
        # A form two concepts share names the first; the data files avoid such forms.
        forms.setdefault(tuple(terms.split()), keys[concept_id])
        written.setdefault(keys[concept_id], []).append(form)
    return Vocabulary(concepts, forms, written)


def _stored_version() -> tuple:
    # `flask vocabulary load` in another process changes what this one remembers; tags are linked to
    # concept ids, so a remembered id must still be there.
    return tuple(db.session.execute(select(func.count(ConceptForm.id), func.max(ConceptForm.id))).one())


def _shared() -> Vocabulary:
    if "vocabulary_checked" not in g:
        g.vocabulary_checked = True
        if current_app.extensions.get("vocabulary_version") != _stored_version():
            forget()
    if "vocabulary" not in current_app.extensions:
        current_app.extensions["vocabulary_version"] = _stored_version()
        current_app.extensions["vocabulary"] = _read()
    return current_app.extensions["vocabulary"]


def _cluster_concepts(shared: Vocabulary) -> dict[str, Known]:
    """The shared concepts and the current cluster's own ones."""
    rows = db.session.execute(_concepts().join(ClusterConcept, ClusterConcept.concept_id == Concept.id)).all()
    if not rows:
        return shared.concepts
    keys = {known.id: key for key, known in shared.concepts.items()} | {row.id: row.key for row in rows}
    return shared.concepts | _known(rows, keys)


def _with_cluster_forms(shared: Vocabulary) -> Vocabulary:
    rows = db.session.execute(
        select(Concept.key, ClusterForm.form, ClusterForm.terms).join(Concept).order_by(ClusterForm.id)
    ).all()
    if not rows:
        return shared
    forms, written = dict(shared.forms), {key: list(found) for key, found in shared.written_of.items()}
    for key, form, terms in rows:
        forms.setdefault(tuple(terms.split()), key)
        written.setdefault(key, []).append(form)
    return Vocabulary(_cluster_concepts(shared), forms, written)


def vocabulary() -> Vocabulary:
    """The shared vocabulary with the current cluster's own words (`forget()` after loading a new one)."""
    if current_tenant_id() is None:
        return _shared()
    if g.get("vocabulary_of") != current_tenant_id():
        g.vocabulary, g.vocabulary_of = _with_cluster_forms(_shared()), current_tenant_id()
    return g.vocabulary


def concept_named(text: str) -> Known | None:
    """The concept whose label, synonym or form `text` is, whole (folded and stemmed), or None."""
    found = vocabulary().mentions(text)
    if len(found) == 1 and found[0].terms == tuple(text_terms(text)):
        return vocabulary().concepts.get(found[0].concept)
    return None


def concept_id_named(text: str) -> int | None:
    """The id of the concept `text` names whole, or None: what a tag is linked to."""
    known = concept_named(text)
    return known.id if known else None


def tag_value(tag, words: Vocabulary | None = None) -> str:
    """What a company's or a post's tag is counted as: its concept's key, or (naming none) its own key,
    which is digits and so never a concept's key. `words`: the vocabulary, for a caller of many tags."""
    return (words if words is not None else vocabulary()).key_of.get(tag.concept_id, tag.key)


def counted_name(value: str, written: str) -> str:
    """How a counted tag value is shown: its concept's label in the reader's language, or as written."""
    known = vocabulary().concepts.get(value)
    return known.label(get_locale().language) if known else written


def forget() -> None:
    """The vocabulary changed: read it again when next needed."""
    current_app.extensions.pop("vocabulary", None)
    g.pop("vocabulary_of", None)
