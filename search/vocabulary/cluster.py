"""A cluster's own words for the vocabulary's concepts: its managers merge free tags into concepts, add
synonyms and add concepts of their own. Cluster data: another cluster never sees them."""

import re
from collections import Counter

from flask import g
from sqlalchemy import func, select

from clusterhub.collation import fold
from clusterhub.companies.directory import current_member_ids
from clusterhub.companies.models import CompanyTag
from clusterhub.extensions import db
from clusterhub.posts.models import PostTag
from search.analysis import terms
from search.hooks import rescore
from search.vocabulary.lookup import Known, concept_id_named, concept_named, vocabulary
from search.vocabulary.models import ClusterConcept, ClusterForm, Concept
from tenants.context import current_tenant_id


class VocabularyError(ValueError):
    """The words cannot be added; `reason` names why."""

    def __init__(self, reason: str):
        super().__init__(reason)
        self.reason = reason


def unmapped_tags(limit: int) -> list[tuple[str, int]]:
    """The members' sectors, competences and post tags that name no concept: (as written, how often),
    the most used first."""
    rows = [
        *db.session.execute(
            select(CompanyTag.key, func.min(CompanyTag.name), func.count())
            .where(CompanyTag.company_id.in_(current_member_ids()))
            .group_by(CompanyTag.key)
        ),
        *db.session.execute(select(PostTag.key, func.min(PostTag.name), func.count()).group_by(PostTag.key)),
    ]
    counts, names = Counter(), {}
    for key, name, count in rows:
        if not vocabulary().mentions(name):
            counts[key] += count
            names.setdefault(key, name)
    return [
        (names[key], count) for key, count in sorted(counts.items(), key=lambda pair: (-pair[1], pair[0]))
    ][:limit]


def _new_terms(words: str) -> str:
    """The search terms of words that are to name a concept in this cluster; refused when they are only
    common words or already name a concept."""
    analysed = " ".join(terms(words))
    if not analysed:
        raise VocabularyError("no_words")
    if tuple(analysed.split()) in vocabulary().forms:
        raise VocabularyError("known")
    return analysed


def _grown() -> None:
    db.session.flush()
    g.pop("vocabulary_of", None)  # the next lookup in this request reads the new words
    link_tags()
    # New words can link a need to companies it did not meet before, or a concept take words from another.
    rescore(current_tenant_id())


def add_form(words: str, concept_text: str) -> ClusterForm:
    """Make `words` one of the cluster's names of the concept called `concept_text`; flushes."""
    concept = concept_named(concept_text)
    if concept is None:
        raise VocabularyError("no_concept")
    form = ClusterForm(concept_id=concept.id, form=words.strip(), terms=_new_terms(words))
    db.session.add(form)
    _grown()
    return form


def _broader(text: str) -> Known | None:
    if not text.strip():
        return None
    broader = concept_named(text)
    if broader is None:
        raise VocabularyError("no_concept")
    return broader


def add_concept(label_lv: str, label_en: str, broader_text: str = "") -> Concept:
    """A new concept of this cluster only, named by its two labels, under the concept `broader_text` names
    (if any); flushes."""
    labels = {_new_terms(label): label.strip() for label in (label_lv, label_en)}
    broader = _broader(broader_text)
    number = db.session.scalar(select(func.count(ClusterConcept.id))) + 1
    slug = re.sub(r"[^a-z0-9]+", "-", fold(label_en)).strip("-")
    concept = Concept(
        # Unique on the platform: the cluster, then its own count; never digits only, as tag keys are.
        key=f"t{current_tenant_id()}-{number}-{slug}"[:80],
        kind=broader.kind if broader else "competence",
        label_lv=label_lv.strip(),
        label_en=label_en.strip(),
        broader_id=broader.id if broader else None,
    )
    db.session.add(ClusterConcept(concept=concept))
    db.session.add_all(ClusterForm(concept=concept, form=label, terms=key) for key, label in labels.items())
    _grown()
    return concept


def link_tags() -> None:
    """Link the tags that name no concept yet to the one they name now (the vocabulary grew); flushes.

    Within a cluster its own words count too; outside one (loading the shared vocabulary) only the
    shared vocabulary does, for every cluster's tags."""
    for model in (CompanyTag, PostTag):
        for tag in db.session.scalars(select(model).where(model.concept_id.is_(None))):
            # Set only when found: setting it to None again would queue the tag's company or post for
            # indexing and rescoring, every unlinked tag of the cluster at every change of the vocabulary.
            if (concept_id := concept_id_named(tag.name)) is not None:
                tag.concept_id = concept_id
    db.session.flush()


def cluster_forms() -> list[ClusterForm]:
    """The cluster's own words, newest first."""
    return list(db.session.scalars(select(ClusterForm).order_by(ClusterForm.id.desc())))


def cluster_concepts() -> list[Concept]:
    """The cluster's own concepts, newest first."""
    return list(db.session.scalars(select(Concept).join(ClusterConcept).order_by(ClusterConcept.id.desc())))
