"""A cluster's managers merge free tags into concepts; the merge counts in that cluster only."""

import pytest

from clusterhub import create_app
from clusterhub.extensions import db
from clusterhub.posts.models import Post
from search.matching.candidates import for_post
from search.vocabulary.cluster import add_form
from search.vocabulary.lookup import vocabulary
from search.vocabulary.services import load_vocabulary
from tests.factories import make_post, make_profile, make_tenant, make_user
from tests.matching.test_pages import visitor_of
from tests.search.conftest import in_cluster

MANAGER = "vaditaja@alfa.lv"
AUTHOR = "anna@alfa.lv"
STUDIO = "SIA Multene"
PAGE = "/c/alfa/manage/vocabulary"


@pytest.fixture
def alfa(app):
    with app.app_context():
        load_vocabulary()
        db.session.commit()
    for slug in ("alfa", "beta"):
        make_tenant(app, slug)
    make_user(app, MANAGER, "Vadītāja", "alfa", "manager")
    make_user(app, AUTHOR, "Anna", "alfa", "member", "SIA Pasūtītājs")
    make_user(app, "m@multene.lv", "Māris", "alfa", "member", STUDIO)
    make_profile(app, "alfa", STUDIO, competences=["Multenes", "3D animācija"])
    make_profile(app, "alfa", "SIA Pasūtītājs", competences=["Multenes"])


def test_tags_that_name_no_concept_are_listed_by_frequency_and_can_be_merged(app, alfa, make_visitor):
    manager = visitor_of(make_visitor, MANAGER)
    page = manager.get(PAGE).get_data(as_text=True)
    assert "Multenes" in page and "3D animācija</td>" not in page
    assert f'href="{PAGE}?words=Multenes"' in page

    refused = manager.post(PAGE, {"words": "Multenes", "concept": "Nekas tāds"}).get_data(as_text=True)
    assert "No concept is called so." in refused

    merged = manager.post(PAGE, {"words": "Multenes", "concept": "Animation"}, follow_redirects=True)
    assert "now names the concept Animation in this cluster" in merged.get_data(as_text=True)
    assert "Multenes</td>" not in manager.get(PAGE).get_data(as_text=True)


def test_a_merged_tag_matches_as_its_concept_in_its_cluster_only(app, alfa, make_visitor):
    visitor_of(make_visitor, MANAGER).post(PAGE, {"words": "kustīgās bildes", "concept": "Animācija"})
    need = make_post(app, "alfa", "SIA Pasūtītājs", AUTHOR, "Vajadzīgas kustīgās bildes", body="Reklāmai.")
    with in_cluster(app, "alfa"):
        assert [s.company.name for s in for_post(db.session.get(Post, need))] == [STUDIO]
    with in_cluster(app, "beta"):
        assert vocabulary().mentions("kustīgās bildes") == []


def test_a_merge_rescores_the_needs_posted_before_it(app, alfa, make_visitor):
    make_user(app, "b@bildes.lv", "Baiba", "alfa", "member", "SIA Bildes")
    make_profile(app, "alfa", "SIA Bildes", competences=["Bildes"])
    need = make_post(app, "alfa", "SIA Pasūtītājs", AUTHOR, "Vajag kustīgās bildes")
    author = visitor_of(make_visitor, AUTHOR)
    page = author.get(f"/c/alfa/posts/{need}").get_data(as_text=True)
    assert "SIA Bildes" in page and STUDIO not in page

    visitor_of(make_visitor, MANAGER).post(PAGE, {"words": "kustīgās bildes", "concept": "Animācija"})
    # The words now name animation, which the studio makes; a company of pictures alone answers no more.
    page = author.get(f"/c/alfa/posts/{need}").get_data(as_text=True)
    assert STUDIO in page and "SIA Bildes" not in page


def test_a_word_merged_on_another_application_server_is_used_here_at_once(app, alfa, store):
    with in_cluster(app, "alfa"):
        assert vocabulary().mentions("kustīgās bildes") == []  # this server has read alfa's vocabulary before
    other_server = create_app(dict(app.config))
    try:
        with in_cluster(other_server, "alfa"):
            add_form("kustīgās bildes", "Animācija")
            db.session.commit()
    finally:
        store.release(other_server)  # its connections closed, so the next test's database can be put back
    with in_cluster(app, "alfa"):
        assert [mention.written for mention in vocabulary().mentions("kustīgās bildes")] == ["kustīgās bildes"]
    with in_cluster(app, "beta"):
        assert vocabulary().mentions("kustīgās bildes") == []


def test_members_cannot_open_the_vocabulary_page(app, alfa, make_visitor):
    assert visitor_of(make_visitor, AUTHOR).get(PAGE).status_code == 403
