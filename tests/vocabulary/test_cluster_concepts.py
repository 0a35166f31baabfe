"""Managers add concepts of their own cluster; another cluster never sees them."""

from sqlalchemy import select

from clusterhub.companies.models import CompanyTag
from clusterhub.extensions import db
from search.vocabulary.lookup import vocabulary
from tests.factories import make_profile, make_user
from tests.matching.test_pages import visitor_of
from tests.search.conftest import in_cluster
from tests.vocabulary.test_cluster_forms import MANAGER, PAGE, STUDIO, alfa  # noqa: F401

NEW = PAGE + "/concepts"
DRONES = {"label_lv": "Zemūdens filmēšana", "label_en": "Underwater filming", "broader": "Film production"}


def _linked(app, slug: str, name: str) -> str | None:
    with in_cluster(app, slug):
        tag = db.session.scalar(select(CompanyTag).where(CompanyTag.name == name))
        return vocabulary().key_of.get(tag.concept_id)


def test_a_manager_adds_a_concept_that_tags_in_either_language_name(app, alfa, make_visitor):  # noqa: F811
    make_profile(app, "alfa", STUDIO, competences=["zemūdens filmēšanu", "3D animācija"])
    manager = visitor_of(make_visitor, MANAGER)

    added = manager.post(NEW, DRONES, follow_redirects=True).get_data(as_text=True)

    assert "The concept Underwater filming is added for this cluster." in added
    assert "<li>Zemūdens filmēšana / Underwater filming</li>" in added
    key = _linked(app, "alfa", "zemūdens filmēšanu")  # the tag is linked, its words kept as typed
    assert key is not None
    with in_cluster(app, "alfa"):
        assert [m.concept for m in vocabulary().mentions("Meklējam underwater filming pakalpojumu")] == [key]
        assert vocabulary().concepts[key].broader == "film-production"


def test_a_clusters_concept_is_never_seen_by_another_cluster(app, alfa, make_visitor):  # noqa: F811
    make_user(app, "vaditajs@beta.lv", "Vadītājs", "beta", "manager", "SIA Beta")
    make_profile(app, "beta", "SIA Beta", competences=["Underwater filming"])
    visitor_of(make_visitor, MANAGER).post(NEW, DRONES)

    assert _linked(app, "beta", "Underwater filming") is None
    with in_cluster(app, "beta"):
        assert vocabulary().mentions("Zemūdens filmēšana") == []
        assert "Underwater filming" not in {known.label_en for known in vocabulary().concepts.values()}
    with app.app_context():
        assert vocabulary().mentions("Underwater filming") == []  # nor the shared vocabulary
    beta_manager = visitor_of(make_visitor, "vaditajs@beta.lv")
    assert beta_manager.post(NEW.replace("alfa", "beta"), DRONES).status_code == 302  # beta may add its own
    beta_page = beta_manager.get(PAGE.replace("alfa", "beta")).get_data(as_text=True)
    assert beta_page.count("<li>Zemūdens filmēšana / Underwater filming</li>") == 1
    with in_cluster(app, "alfa"):
        alfa_key = vocabulary().mentions("Underwater filming")[0].concept
    assert _linked(app, "beta", "Underwater filming") not in (None, alfa_key)  # a concept of beta's own


def test_words_that_already_name_a_concept_or_an_unknown_broader_one_are_refused(app, alfa, make_visitor):  # noqa: F811
    manager = visitor_of(make_visitor, MANAGER)

    known = manager.post(NEW, {**DRONES, "label_en": "3D animation"}).get_data(as_text=True)
    unknown = manager.post(NEW, {**DRONES, "broader": "Nekas tāds"}).get_data(as_text=True)
    empty = manager.post(NEW, {"label_lv": "", "label_en": "Underwater filming"})

    assert "These words already name a concept." in known
    assert "No concept is called so." in unknown
    assert empty.status_code == 200 and "This field is required." in empty.get_data(as_text=True)
    with in_cluster(app, "alfa"):
        assert vocabulary().mentions("Zemūdens filmēšana") == []
