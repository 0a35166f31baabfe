"""Every API route, walked with tokens, as the isolation matrix and the IDOR sweep walk the pages.

The routes come from the app's URL map (tests/routes.py fills their arguments), so a new API route is walked
without a word here: a token for cluster A never sees or changes cluster B's data, with B's ids in A's
addresses nothing is found, a member's token gets 403 from manager resources, a read token cannot write.
"""

import pytest

from tests.api.test_access import bearer
from tests.conftest import World
from tests.factories import make_token
from tests.routes import ARGUMENTS, route_path
from tests.test_idor import CANARY_EVENT, OUTSIDER, PRIVATE_A, Foreign
from tests.test_isolation import SHOWN_TO_PARTICIPANTS

API = "/api/v1/clusters/"
METHODS = ("GET", "POST", "PATCH")
# Changing a post comes after reading everything, and closing it last of all.
ORDER = {"GET": 0, "PATCH": 1, "POST": 2}
TOKENS = {
    "member_a": ("member@alfa.lv", "alfa", "write"),
    "manager_a": ("manager@alfa.lv", "alfa", "write"),
    "reader_a": ("member@alfa.lv", "alfa", "read"),
    "member_b": ("member@beta.lv", "beta", "write"),
}
# What cluster A's own people get where the feature itself says no, with the reason.
OVERRIDES = {
    # story_a awaits company_a's approval: only published stories are in the API.
    ("api_content.get_stories", "GET"): {404},
    # manager@alfa.lv's company only asked to go to the conference: it has no agenda there.
    ("api_conferences.agenda", "GET", "manager_a"): {404},
}


def api_routes(app) -> list[tuple]:
    found = [
        (rule, method)
        for rule in app.url_map.iter_rules()
        if rule.rule.startswith(API)
        for method in sorted(rule.methods & set(METHODS))
    ]
    return sorted(found, key=lambda pair: (ORDER[pair[1]], pair[0].endpoint.endswith("close")))


def call(client, method: str, path: str, secret: str):
    return client.open(path, method=method, json={} if method != "GET" else None, headers=bearer(secret))


def _expected(persona: str, rule, method: str) -> set[int]:
    for key in ((rule.endpoint, method, persona), (rule.endpoint, method)):
        if key in OVERRIDES:
            return OVERRIDES[key]
    if persona == "member_b":
        return {404}
    if persona == "reader_a" and method != "GET":
        return {403}
    if "/manage/" in rule.rule:
        return {403} if persona in ("member_a", "reader_a") else {200}
    if method == "GET":
        return {200}
    # Sent with an empty body: a post's creation misses its fields, a change of nothing changes nothing.
    return {422} if rule.endpoint == "api_posts.create" else {200}


@pytest.mark.parametrize("persona", TOKENS)
def test_no_api_route_leaks_across_clusters(app, world, persona):
    email, slug, access = TOKENS[persona]
    secret = make_token(app, email, slug, access)
    client = app.test_client()
    foreign = World.CANARY_A if persona == "member_b" else World.CANARY_B
    walked = api_routes(app)
    assert len(walked) > 15
    for rule, method in walked:
        path = route_path(rule, world)
        response = call(client, method, path, secret)
        where = f"{persona} {method} {path}"
        assert response.mimetype in ("application/json", "application/problem+json"), where
        body = response.get_data(as_text=True)
        if "/conferences/" in rule.rule:
            # A meeting names the other participant's company, as the conference's agenda page does.
            for text in SHOWN_TO_PARTICIPANTS[foreign]:
                body = body.replace(text, "")
        assert foreign not in body, f"{where} shows another cluster's data"
        assert response.status_code in _expected(persona, rule, method), f"{where}: {response.status_code}"


def _id_names(rule) -> set[str]:
    return set(rule.arguments) - {"tenant_slug"}


@pytest.mark.parametrize("email", ["manager@alfa.lv", "member@alfa.lv"])
def test_another_clusters_ids_are_not_found_through_the_api(app, world, email):
    foreign = Foreign(app, world)
    secret = make_token(app, email, "alfa", "write")
    client = app.test_client()
    for rule, method in api_routes(app):
        own = {name: ARGUMENTS[name](world) for name in rule.arguments}
        for name in sorted(_id_names(rule)):
            path = rule.build({**own, name: foreign.ids[name]})[1]
            response = call(client, method, path, secret)
            body = response.get_data(as_text=True)
            assert response.status_code == 404, f"{email} {method} {path}: {response.status_code}"
            assert World.CANARY_B not in body and CANARY_EVENT not in body, f"{method} {path} shows B's data"


# API routes whose object only its own company's people (or, for a conference, its registered person) reach.
PARTIES_ONLY = {"api_posts.update", "api_posts.close", "api_conferences.agenda"}


def test_another_companys_objects_are_refused_to_a_member_through_the_api(app, world):
    Foreign(app, world)
    secret = make_token(app, OUTSIDER, "alfa", "write")
    client = app.test_client()
    for rule, method in api_routes(app):
        if not _id_names(rule):
            continue
        path = route_path(rule, world)
        response = call(client, method, path, secret)
        where = f"{OUTSIDER} {method} {path}: {response.status_code}"
        if rule.endpoint in PARTIES_ONLY:
            assert response.status_code in (403, 404), where
            assert not any(text in response.get_data(as_text=True) for text in PRIVATE_A), where
        else:
            assert response.status_code < 500, where
