"""A cluster's script posts a need through the API; people see it on the board and in search; the script
reads the companies suggested for it."""

from tests.api.test_access import bearer
from tests.conftest import World
from tests.factories import make_token

POSTS = "/api/v1/clusters/alfa/posts"


def test_a_need_posted_through_the_api_is_on_the_board_in_search_and_has_matches(app, world, signed_in):
    client = app.test_client()
    token = bearer(make_token(app, "manager@alfa.lv", "alfa", access="write"))
    need = {
        "kind": "need",
        "category": "research",
        "title": "Meklējam partneri pētniecībai",
        "body": "Vajadzīga palīdzība ar jaunu produktu.",
        "tags": [f"{World.CANARY_A} kompetence"],
        "regions": ["kurzeme"],
    }
    created = client.post(POSTS, json=need, headers=token)
    assert created.status_code == 201
    post = created.json
    assert post["company"]["name"] == f"SIA {World.CANARY_A} Ābele"
    assert post["created_at"].endswith("Z") and post["status"] == "open"

    member = signed_in("member@alfa.lv")
    assert "Meklējam partneri pētniecībai" in member.get("/c/alfa/posts").get_data(as_text=True)
    found = member.get("/c/alfa/search", query_string={"q": "pētniecībai"}).get_data(as_text=True)
    assert f"/c/alfa/posts/{post['id']}" in found

    matches = client.get(f"{POSTS}/{post['id']}/matches", headers=token)
    assert matches.status_code == 200
    suggested = {item["company"]["name"]: item for item in matches.json["items"]}
    assert f"SIA {World.CANARY_A} Čiekurs" in suggested
    assert suggested[f"SIA {World.CANARY_A} Čiekurs"]["reasons"]


def test_a_post_is_changed_and_closed_by_its_own_company_only(app, world):
    client = app.test_client()
    mine = bearer(make_token(app, "member@alfa.lv", "alfa", access="write"))
    others = bearer(make_token(app, "colleague@alfa.lv", "alfa", access="write"))
    post_id = world.post_a
    changed = client.patch(f"{POSTS}/{post_id}", json={"title": "Jauns virsraksts"}, headers=mine)
    assert changed.status_code == 200
    assert changed.json["title"] == "Jauns virsraksts"
    assert changed.json["category"] == "export"
    assert client.post(f"{POSTS}/{post_id}/close", headers=others).status_code == 403
    closed = client.post(f"{POSTS}/{post_id}/close", headers=mine)
    assert closed.json["status"] == "fulfilled"
    assert client.post(f"{POSTS}/{post_id}/close", headers=mine).status_code == 409
