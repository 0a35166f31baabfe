"""Matching on concepts and close words, across Latvian and English, and only on substance."""

import pytest

from search.matching import rules
from search.matching.candidates import _concept_terms
from search.vocabulary.lookup import vocabulary
from tests.factories import make_post, make_profile, make_tenant, make_user
from tests.matching.test_pages import suggestions, visitor_of

CLUSTER = "rada"
PRODUCER = "anna@producenti.lv"
POST = "SIA Kadri"
GRADER = "SIA Krāsas"
SETS = "SIA Skatuve"
ROLES_ONLY = "SIA Izplatītāji"


@pytest.fixture
def cluster(app):
    make_tenant(app, CLUSTER, "Radošo industriju klasteris")
    make_user(app, PRODUCER, "Anna Liepa", CLUSTER, "member", POST, language="lv")
    for email, company in (("k@krasas.lv", GRADER), ("s@skatuve.lv", SETS), ("i@izpl.lv", ROLES_ONLY)):
        make_user(app, email, "Biedrs", CLUSTER, "member", company)
    make_profile(app, CLUSTER, POST, roles=["producer"], region="riga", competences=["Filmu producēšana"])
    make_profile(
        app,
        CLUSTER,
        GRADER,
        region="riga",
        roles=["resource_holder"],
        competences=["Krāsu korekcija", "Subtitri"],
    )
    make_profile(app, CLUSTER, SETS, region="kurzeme", competences=["scenogrāfija", "butaforija"])
    # A distributor complements a producer in the value chain, but offers nothing the needs ask for.
    make_profile(app, CLUSTER, ROLES_ONLY, region="riga", roles=["distributor"], competences=["Grāmatvedība"])


def test_an_english_need_finds_the_latvian_competences_of_the_same_concepts(app, cluster):
    need = make_post(app, CLUSTER, POST, PRODUCER, "Colour grading and subtitles", body="For a documentary.")
    assert list(suggestions(app, need)) == [GRADER]


def test_a_derived_word_finds_the_competence(app, cluster):
    need = make_post(app, CLUSTER, POST, PRODUCER, "Vajadzīgi scenogrāfi", body="Filmai vēsturiskā vidē.")
    assert list(suggestions(app, need)) == [SETS]


def test_roles_and_region_alone_make_no_suggestion_and_the_same_region_earns_its_points(
    app, cluster, make_visitor
):
    need = make_post(app, CLUSTER, POST, PRODUCER, "Meklējam subtitrēšanu", body="Angļu un krievu valodā.")
    assert ROLES_ONLY not in suggestions(app, need)
    page = visitor_of(make_visitor, PRODUCER).get(f"/c/{CLUSTER}/matches").get_data(as_text=True)
    assert ROLES_ONLY not in page
    assert "reģions: 10 no 10" in page


def test_the_explanation_names_the_concept_in_the_readers_language(app, cluster, make_visitor):
    need = make_post(app, CLUSTER, POST, PRODUCER, "Subtitles for a film", body="English and Russian.")
    page = visitor_of(make_visitor, PRODUCER).get(f"/c/{CLUSTER}/posts/{need}").get_data(as_text=True)
    assert "Viņu kompetence „Subtitri” ↔" in page
    assert "Jūsu vārdi „Subtitles” (jēdziens: Subtitrēšana)" in page


def test_the_words_asked_for_many_concepts_do_not_depend_on_the_order_they_come_in(app):
    # Only the first words are asked of the index, and each process sees a set of concepts in another
    # order: the same company must get the same candidates from every worker process.
    with app.test_request_context():
        concepts = sorted(vocabulary().concepts)[:40]
        asked = _concept_terms(concepts)
        assert len(asked) == rules.MAX_CONCEPT_TERMS
        assert _concept_terms(list(reversed(concepts))) == asked
