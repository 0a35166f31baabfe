"""How typed words meet profiles and posts: Latvian letters, word endings, typos, what ranks first."""

import pytest

from search.query import QueryError, search
from tests.companies.helpers import add_company
from tests.search.conftest import add_post, found, in_cluster

ANIMATION_FORMS = ("animacija", "animācijas", "animāciju", "animācija")


def test_riga_typed_without_long_vowels_finds_riga_and_the_snippet_shows_it_as_written(app, alfa):
    add_company(app, "alfa", "SIA Noliktavas", description="Mūsu noliktava atrodas Rīgā, pie ostas.")
    assert found(app, "alfa", "riga") == ["SIA Noliktavas"]
    with in_cluster(app, "alfa"):
        [hit] = search("riga", {}).hits
        assert '">Rīgā</mark>' in hit.snippet


@pytest.mark.parametrize("typed", ANIMATION_FORMS)
def test_every_case_form_of_a_latvian_word_finds_all_the_others(app, alfa, typed):
    add_company(app, "alfa", "SIA Kadrs", competences=["3D animācija"])
    add_post(app, "Meklējam animācijas studiju")
    add_post(app, "Pasūtīsim animāciju reklāmai")
    add_post(app, "Animacija bez garumzīmēm")
    assert sorted(found(app, "alfa", typed)) == [
        "Animacija bez garumzīmēm",
        "Meklējam animācijas studiju",
        "Pasūtīsim animāciju reklāmai",
        "SIA Kadrs",
    ]


@pytest.mark.parametrize(("typed", "written"), [("partners", "partner"), ("process", "processes")])
def test_english_words_meet_in_singular_and_plural(app, alfa, typed, written):
    add_post(app, f"Looking for a {written}", body="Export to Finland.")
    add_post(app, "Unrelated offer", body="Printing services.")
    assert found(app, "alfa", typed) == [f"Looking for a {written}"]
    assert found(app, "alfa", written) == [f"Looking for a {written}"]


def test_one_typo_in_a_long_word_still_finds_it(app, alfa):
    add_company(app, "alfa", "SIA Kadrs", competences=["Animācija"])
    assert found(app, "alfa", "animcija") == ["SIA Kadrs"]
    assert found(app, "alfa", "animcja") == []  # two letters missing are two edits


def test_a_word_read_as_a_typo_is_taken_as_typed_once_a_document_has_it(app, alfa):
    # What a search found of a typo (its alike words, its counts) is kept only until the documents change.
    add_company(app, "alfa", "SIA Kadrs", competences=["Animācija"])
    assert found(app, "alfa", "animcija") == ["SIA Kadrs"]
    add_company(app, "alfa", "SIA Animcija", description="Uzņēmums ar dīvainu nosaukumu.")
    assert found(app, "alfa", "animcija") == ["SIA Animcija"]


def test_a_typo_beside_a_correctly_written_word_finds_what_has_both(app, alfa):
    add_company(app, "alfa", "SIA Kadrs", competences=["Animācija"], description="Studija Liepājā.")
    add_company(app, "alfa", "SIA Osta", description="Kravas pārvadājumi no Liepājas.")
    assert found(app, "alfa", "animcija Liepājā") == ["SIA Kadrs"]
    assert found(app, "alfa", "animcija -Liepājā") == []


def test_a_short_word_is_not_read_as_a_typo_of_another(app, alfa):
    # "wood" is one letter away from "wool", but words under five letters are taken as typed.
    add_company(app, "alfa", "SIA Aitas", description="Wool spinning and knitting.")
    assert found(app, "alfa", "wool") == ["SIA Aitas"]
    assert found(app, "alfa", "wood") == []


def test_a_company_named_for_the_word_ranks_above_one_that_only_mentions_it(app, alfa):
    add_company(app, "alfa", "SIA Metālapstrāde", description="Mūsu cehā metinātājiem palīdz robotika.")
    add_company(app, "alfa", "SIA Robotika", description="Ražojam iekārtas pārtikas rūpniecībai.")
    assert found(app, "alfa", "robotika") == ["SIA Robotika", "SIA Metālapstrāde"]


def test_a_competence_ranks_above_a_mention_in_the_description(app, alfa):
    add_company(app, "alfa", "SIA Pirmā", description="Reizēm darām arī lāzergriešanu pēc pasūtījuma.")
    add_company(app, "alfa", "SIA Otrā", competences=["Lāzergriešana"], description="Metāla detaļas.")
    assert found(app, "alfa", "lāzergriešana") == ["SIA Otrā", "SIA Pirmā"]


def test_a_post_title_ranks_above_a_mention_in_a_body(app, alfa):
    add_post(app, "Vajadzīgs tulkotājs", body="Līgumi un instrukcijas vācu valodā.")
    add_post(app, "Izstāde Hannoverē", body="Kopīgais stends; vajadzēs arī tulkotāju.")
    assert found(app, "alfa", "tulkotājs") == ["Vajadzīgs tulkotājs", "Izstāde Hannoverē"]


@pytest.mark.parametrize("typed", ["un", "the and of", "ar vai par"])
def test_a_query_of_only_common_words_is_refused_with_a_reason(app, alfa, typed):
    add_post(app, "Un the ar vai par")
    with in_cluster(app, "alfa"), pytest.raises(QueryError) as refused:
        search(typed, {})
    assert refused.value.args == ("only common words",)


def test_common_words_beside_real_ones_do_not_stop_a_match(app, alfa):
    add_post(app, "Partneris eksportam uz Somiju")
    assert found(app, "alfa", "partneris un eksports") == ["Partneris eksportam uz Somiju"]
