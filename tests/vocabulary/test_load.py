"""`flask vocabulary load` writes NACE and the thesaurus into the database, and again without duplicates."""

from sqlalchemy import func, select

from clusterhub.extensions import db
from search.vocabulary.lookup import vocabulary
from search.vocabulary.models import Concept, ConceptForm


def _counts() -> tuple[int, int]:
    concepts = db.session.scalar(select(func.count(Concept.id)))
    return concepts, db.session.scalar(select(func.count(ConceptForm.id)))


def test_loading_twice_gives_the_same_concepts_and_forms(app, runner):
    first = runner.invoke(args=["vocabulary", "load"])
    assert first.exit_code == 0 and "concepts are loaded" in first.output
    with app.app_context():
        loaded = _counts()
    assert runner.invoke(args=["vocabulary", "load"]).exit_code == 0
    with app.app_context():
        assert _counts() == loaded
        assert loaded[0] >= 250


def test_nace_divisions_carry_their_official_names_and_sit_under_their_section(app, runner):
    runner.invoke(args=["vocabulary", "load"])
    with app.app_context():
        division = db.session.scalar(select(Concept).where(Concept.key == "nace-62"))
        section = db.session.get(Concept, division.broader_id)
        assert division.code == "62"
        assert division.label_lv == "Datorprogrammēšana, konsultēšana un saistītas darbības"
        assert division.label_en == "Computer programming, consultancy and related activities"
        assert (section.code, section.label_lv) == ("J", "Informācijas un komunikācijas pakalpojumi")


def test_a_concept_is_found_by_its_labels_and_synonyms_in_either_language(app, runner):
    runner.invoke(args=["vocabulary", "load"])
    with app.app_context():
        words = vocabulary()
        for text in ("Subtitri", "subtitrēšanu", "English subtitles", "closed captioning"):
            assert [m.concept for m in words.mentions(text)] == ["subtitling"], text
        assert [m.written for m in words.mentions("Vajag krāsu korekciju un 3D animāciju")] == [
            "krāsu korekciju",
            "3D animāciju",
        ]
        assert words.concepts["animation-3d"].broader == "animation"
        assert words.label("subtitling", "lv") == "Subtitrēšana"
