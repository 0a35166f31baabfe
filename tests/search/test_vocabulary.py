"""Search understands the vocabulary: a word finds its concept's other forms, a region name its companies."""

import pytest

from clusterhub.extensions import db
from search.vocabulary.services import load_vocabulary
from tests.factories import make_profile, make_user
from tests.search.conftest import found

GRADER = "SIA Krāsas"
VALMIERA = "SIA Valmieras Koks"


@pytest.fixture
def cluster(app, alfa):
    with app.app_context():
        load_vocabulary()
        db.session.commit()
    make_user(app, "k@krasas.lv", "Kārlis", "alfa", "member", GRADER)
    make_user(app, "v@koks.lv", "Vija", "alfa", "member", VALMIERA)
    make_profile(app, "alfa", GRADER, region="riga", competences=["Krāsu korekcija", "Subtitri"])
    make_profile(app, "alfa", VALMIERA, region="vidzeme", competences=["Mēbeļu ražošana"])


@pytest.mark.parametrize("typed", ["subtitles", "captioning", "colour grading", "color correction"])
def test_an_english_word_finds_the_latvian_competence_of_its_concept(app, cluster, typed):
    assert found(app, "alfa", typed) == [GRADER]


def test_a_region_name_finds_the_companies_of_that_region(app, cluster):
    assert found(app, "alfa", "riga") == [GRADER]
    assert found(app, "alfa", "Vidzemē") == [VALMIERA]
    assert found(app, "alfa", "furniture vidzeme") == [VALMIERA]
    assert found(app, "alfa", "furniture riga") == []
