"""A cluster's own words for the vocabulary's concepts: its managers merge free tags into concepts and add
synonyms. Cluster data: another cluster never sees them."""

from collections import Counter

from flask import g
from sqlalchemy import func, select

from clusterhub.companies.directory import current_member_ids
from clusterhub.companies.models import CompanyTag
from clusterhub.extensions import db
from clusterhub.posts.models import PostTag
from search.analysis import terms
from search.vocabulary.lookup import concept_id_named, concept_named, vocabulary
from search.vocabulary.models import ClusterForm


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


def add_form(words: str, concept_text: str) -> ClusterForm:
    """Make `words` one of the cluster's names of the concept called `concept_text`; flushes."""
    analysed = " ".join(terms(words))
    if not analysed:
        raise VocabularyError("no_words")
    concept = concept_named(concept_text)
    if concept is None:
        raise VocabularyError("no_concept")
    if tuple(analysed.split()) in vocabulary().forms:
        raise VocabularyError("known")
    form = ClusterForm(concept_id=concept.id, form=words.strip(), terms=analysed)
    db.session.add(form)
    db.session.flush()
    g.pop("vocabulary_of", None)  # the next lookup in this request reads the new word
    link_tags()
    return form


def link_tags() -> None:
    """Link the tags that name no concept yet to the one they name now (the vocabulary grew); flushes.

    Within a cluster its own words count too; outside one (loading the shared vocabulary) only the
    shared vocabulary does, for every cluster's tags."""
    for model in (CompanyTag, PostTag):
        for tag in db.session.scalars(select(model).where(model.concept_id.is_(None))):
            tag.concept_id = concept_id_named(tag.name)
    db.session.flush()


def cluster_forms() -> list[ClusterForm]:
    """The cluster's own words, newest first."""
    return list(db.session.scalars(select(ClusterForm).order_by(ClusterForm.id.desc())))
