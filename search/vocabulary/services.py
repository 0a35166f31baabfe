"""Loading the shared vocabulary from its data files into the database, again and again alike."""

import json
import re
from pathlib import Path

from sqlalchemy import select

from clusterhub.extensions import db
from search.analysis import terms
from search.vocabulary.cluster import link_tags
from search.vocabulary.lookup import forget
from search.vocabulary.models import Concept, ConceptForm
from tenants.context import cross_tenant

DATA = Path(__file__).parent / "data"
WORD = re.compile(r"\w+")


def _nace_entries():
    sections = json.loads((DATA / "nace.json").read_text(encoding="utf-8"))["sections"]
    for section in sections:
        yield dict(key=f"nace-{section['code']}", kind="sector", **_plain(section))
        for division in section["divisions"]:
            yield dict(
                key=f"nace-{division['code']}",
                kind="sector",
                broader=f"nace-{section['code']}",
                **_plain(division),
            )


def _plain(item: dict) -> dict:
    return {"code": item["code"], "lv": item["lv"], "en": item["en"], "also": item.get("also", [])}


def _thesaurus_entries():
    industries = json.loads((DATA / "thesaurus.json").read_text(encoding="utf-8"))["industries"]
    for industry in industries:
        for concept in industry["concepts"]:
            yield dict(kind="competence", code=None, **concept)


def entries() -> list[dict]:
    """Every concept of the data files (key, kind, code, lv, en, also, broader), NACE first."""
    return [*_nace_entries(), *_thesaurus_entries()]


def _forms(entry: dict) -> dict[str, str]:
    # The same words written twice (a label repeated among the synonyms) are one form.
    found: dict[str, str] = {}
    for form in (entry["lv"], entry["en"], *entry.get("also", ())):
        analysed = terms(form)
        # Analysis drops short words: "e-veikals" would become "veikals" and name every shop.
        if len(analysed) > 1 or len(analysed) == len(WORD.findall(form)):
            found.setdefault(" ".join(analysed), form)
    return found


def _store(concept: Concept, entry: dict) -> None:
    concept.kind, concept.code = entry["kind"], entry["code"]
    concept.label_lv, concept.label_en = entry["lv"], entry["en"]
    wanted = _forms(entry)
    concept.forms = [form for form in concept.forms if form.terms in wanted]
    kept = {form.terms for form in concept.forms}
    concept.forms += [ConceptForm(form=form, terms=key) for key, form in wanted.items() if key not in kept]


def load_vocabulary() -> int:
    """Writes the data files' concepts into the database (adding, updating, never duplicating); flushes."""
    stored = {concept.key: concept for concept in db.session.scalars(select(Concept))}
    listed = entries()
    for entry in listed:
        concept = stored.get(entry["key"])
        if concept is None:
            concept = stored[entry["key"]] = Concept(key=entry["key"])
            db.session.add(concept)
        _store(concept, entry)
    db.session.flush()
    for entry in listed:
        broader = stored.get(entry.get("broader", ""))
        stored[entry["key"]].broader_id = broader.id if broader else None
    db.session.flush()
    forget()
    with cross_tenant():
        link_tags()
    return len(listed)
