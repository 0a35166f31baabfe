"""Tag suggestions: the profile and post forms offer the vocabulary's names as members type, the cluster's
own words included, another cluster's never."""

import json

from tests.factories import make_profile, make_user
from tests.matching.test_pages import visitor_of
from tests.vocabulary.test_cluster_concepts import DRONES, NEW
from tests.vocabulary.test_cluster_forms import AUTHOR, MANAGER, alfa  # noqa: F401

SUGGESTIONS = "/c/{}/tags/suggestions"


def _suggested(visitor, typed: str, slug: str = "alfa") -> list[str]:
    response = visitor.get(SUGGESTIONS.format(slug), query_string={"q": typed})
    assert response.status_code == 200 and response.mimetype == "application/json"
    return json.loads(response.get_data(as_text=True))


def test_names_that_begin_with_the_typed_letters_are_suggested_in_either_language(app, alfa, make_visitor):  # noqa: F811
    member = visitor_of(make_visitor, AUTHOR)

    found = _suggested(member, "ANIMĀ")

    # Names that begin so first, the shortest first, compared with no case or accents.
    assert {"Animācija", "Animation"} <= set(found[:4])
    assert _suggested(member, "korekc")[0] == "Krāsu korekcija"  # a later word of a name
    assert _suggested(member, "a") == [] and _suggested(member, "") == []
    assert _suggested(member, "<b>x" * 100) == []


def test_a_clusters_own_concepts_are_suggested_in_that_cluster_only(app, alfa, make_visitor):  # noqa: F811
    make_user(app, "b@beta.lv", "Bruno", "beta", "member", "SIA Beta")
    visitor_of(make_visitor, MANAGER).post(NEW, DRONES)

    assert _suggested(visitor_of(make_visitor, AUTHOR), "zemūd") == ["Zemūdens filmēšana"]
    assert _suggested(visitor_of(make_visitor, "b@beta.lv"), "zemūd", "beta") == []
    assert (
        visitor_of(make_visitor, "b@beta.lv")
        .get(SUGGESTIONS.format("alfa"), query_string={"q": "zemūd"})
        .status_code
        == 404
    )


def test_the_post_and_profile_forms_load_the_script_and_mark_their_tag_fields(app, alfa, make_visitor):  # noqa: F811
    author, manager = visitor_of(make_visitor, AUTHOR), visitor_of(make_visitor, MANAGER)
    script = (
        '<script src="/static/tag-suggestions.js" data-suggestions="/c/alfa/tags/suggestions" defer></script>'
    )
    company_id = make_profile(app, "alfa", "SIA Pasūtītājs")

    for visitor, address in (
        (author, "/c/alfa/posts/new"),
        (manager, f"/c/alfa/companies/{company_id}/edit"),
    ):
        page = visitor.get(address).get_data(as_text=True)
        assert script in page and "data-tags" in page, address
        assert page.count("<script") == 1  # nothing inline: the strict policy allows only our own files
    served = author.get("/static/tag-suggestions.js")
    assert served.status_code == 200 and "data-tags" in served.get_data(as_text=True)
