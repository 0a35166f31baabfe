"""Every profile and post tag is linked to the concept its words name, and keeps the words as typed."""

from sqlalchemy import select

from clusterhub.companies.models import CompanyTag
from clusterhub.extensions import db
from clusterhub.posts.models import PostTag
from search.vocabulary.models import Concept
from search.vocabulary.services import load_vocabulary
from tests.factories import make_post, make_profile, make_tenant, make_user
from tests.matching.test_pages import visitor_of
from tests.search.conftest import in_cluster
from tests.vocabulary.test_cluster_forms import AUTHOR, MANAGER, PAGE, STUDIO, alfa  # noqa: F401


def _links(app, slug: str, model) -> dict[str, str | None]:
    """Each tag of the cluster as typed, with the key of the concept it is linked to."""
    with in_cluster(app, slug):
        rows = db.session.execute(
            select(model.name, Concept.key).outerjoin(Concept, model.concept_id == Concept.id)
        )
        return dict(rows.all())


def test_profile_and_post_tags_name_their_concept_by_label_synonym_or_form(app, alfa):  # noqa: F811
    make_profile(app, "alfa", STUDIO, sectors=["PROGRAMMĒŠANA"], competences=["3d animation", "Multenes"])
    make_post(app, "alfa", "SIA Pasūtītājs", AUTHOR, "Vajag animāciju", tags=["Animācijas", "Čiekuri"])

    company_links = _links(app, "alfa", CompanyTag)
    assert company_links["3d animation"] == "animation-3d"
    assert company_links["Multenes"] is None
    assert company_links["PROGRAMMĒŠANA"] is not None
    assert _links(app, "alfa", PostTag) == {"Animācijas": "animation", "Čiekuri": None}


def test_merging_a_free_tag_into_a_concept_links_the_tags_that_use_it(app, alfa, make_visitor):  # noqa: F811
    make_post(app, "alfa", "SIA Pasūtītājs", AUTHOR, "Vajag multenes", tags=["multenes"])
    visitor_of(make_visitor, MANAGER).post(PAGE, {"words": "Multenes", "concept": "Animation"})

    assert _links(app, "alfa", PostTag) == {"multenes": "animation"}
    assert set(_links(app, "alfa", CompanyTag).items()) >= {("Multenes", "animation")}


def test_loading_the_vocabulary_links_tags_saved_before_it(app):
    make_tenant(app, "gamma")
    make_user(app, "g@gamma.lv", "Guna", "gamma", "member", "SIA Gamma")
    make_profile(app, "gamma", "SIA Gamma", competences=["Krāsu korekcija"])
    assert _links(app, "gamma", CompanyTag) == {"Krāsu korekcija": None}

    with app.app_context():
        load_vocabulary()
        db.session.commit()

    assert _links(app, "gamma", CompanyTag) == {"Krāsu korekcija": "colour-grading"}
