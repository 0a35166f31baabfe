"""The search page's sector and competence filters count concepts: two spellings of one are one value."""

from clusterhub.extensions import db
from search.vocabulary.services import load_vocabulary
from tests.factories import make_profile, make_user
from tests.search.conftest import add_post
from tests.search.test_page import page, result_names
from tests.search.test_page_facets import facet_link

IT = "Computer programming, consultancy and related activities"


def test_sector_and_competence_filters_count_concepts_not_spellings(app, alfa, signed_in):
    with app.app_context():
        load_vocabulary()
        db.session.commit()
    profiles = {
        "SIA Kods": {"sectors": ["IT"], "competences": ["Animation", "Multenes"]},
        "SIA Programmas": {"sectors": ["Informācijas tehnoloģijas"], "competences": ["animācija"]},
        "SIA Skaņa": {"sectors": ["Mūzika"], "competences": ["multenes"]},
    }
    for number, (name, profile) in enumerate(profiles.items()):
        make_user(app, f"studio{number}@alfa.lv", "Pārstāvis", "alfa", "member", name)
        make_profile(app, "alfa", name, description="Studija ar pieredzi.", **profile)
    add_post(app, "Studija meklē animatorus", tags=["animācijas", "Animation"])
    visitor = signed_in("studio0@alfa.lv")

    _, body = page(visitor, q="studija")

    assert facet_link(body, "/c/alfa/search?q=studija&amp;sector=nace-62", IT, 2)
    assert facet_link(body, "/c/alfa/search?q=studija&amp;competence=animation", "Animation", 3)
    assert body.count("competence=animation") == 1  # one value, not one per spelling
    assert '</span> Multenes <span class="count">(2)</span>' in body  # a free tag, by its key
    _, chosen = page(visitor, q="studija", competence="animation")
    assert sorted(result_names(chosen)) == ["SIA Kods", "SIA Programmas", "Studija meklē animatorus"]
