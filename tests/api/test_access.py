"""Who the API lets in: a usable bearer token only, never a cookie; its cluster only; read or write."""

from datetime import timedelta

from clusterhub.clock import utcnow
from tests.conftest import World
from tests.factories import make_token

COMPANIES = "/api/v1/clusters/alfa/companies"


def bearer(secret: str) -> dict:
    return {"Authorization": f"Bearer {secret}"}


def test_a_member_token_lists_its_clusters_companies_and_nothing_of_another(app, world):
    client = app.test_client()
    response = client.get(COMPANIES, headers=bearer(make_token(app, "member@alfa.lv", "alfa")))
    assert response.status_code == 200
    names = [company["name"] for company in response.json["items"]]
    assert f"SIA {World.CANARY_A} Čiekurs" in names
    assert World.CANARY_B not in response.get_data(as_text=True)


def test_without_a_token_the_answer_is_401_problem_json_even_for_a_signed_in_browser(app, world, signed_in):
    browser = signed_in("member@alfa.lv")
    response = browser.client.get(COMPANIES)
    assert response.status_code == 401
    assert response.mimetype == "application/problem+json"
    assert response.headers["WWW-Authenticate"].startswith("Bearer")
    assert "Set-Cookie" not in response.headers


def test_a_token_of_another_cluster_finds_nothing_here(app, world):
    response = app.test_client().get(COMPANIES, headers=bearer(make_token(app, "member@beta.lv", "beta")))
    assert response.status_code == 404
    assert World.CANARY_A not in response.get_data(as_text=True)


def test_a_revoked_or_expired_or_made_up_token_is_refused(app, world, clock):
    secret = make_token(app, "member@alfa.lv", "alfa", days=30)
    client = app.test_client()
    assert client.get(COMPANIES, headers=bearer("chub_made-up")).status_code == 401
    clock.move_to(utcnow() + timedelta(days=31))
    assert client.get(COMPANIES, headers=bearer(secret)).status_code == 401


def test_a_read_token_cannot_write(app, world):
    secret = make_token(app, "member@alfa.lv", "alfa", access="read")
    response = app.test_client().post(
        "/api/v1/clusters/alfa/posts",
        json={"kind": "need", "category": "export", "title": "Eksports uz Vāciju"},
        headers=bearer(secret),
    )
    assert response.status_code == 403
    assert response.json["detail"] == "This token may only read."


def test_a_member_token_cannot_read_manager_resources_but_a_managers_can(app, world):
    client = app.test_client()
    member = bearer(make_token(app, "member@alfa.lv", "alfa"))
    manager = bearer(make_token(app, "manager@alfa.lv", "alfa"))
    assert client.get("/api/v1/clusters/alfa/manage/members", headers=member).status_code == 403
    answer = client.get("/api/v1/clusters/alfa/manage/members", headers=manager)
    assert answer.status_code == 200
    assert {member["segment"] for member in answer.json["items"]} <= {"new", "active", "reactivate"}


def test_reads_answer_an_etag_and_304_when_nothing_changed(app, world):
    client = app.test_client()
    token = bearer(make_token(app, "member@alfa.lv", "alfa"))
    first = client.get(COMPANIES, headers=token)
    again = client.get(COMPANIES, headers={**token, "If-None-Match": first.headers["ETag"]})
    assert again.status_code == 304
    assert again.get_data() == b""


def test_validation_errors_name_their_fields(app, world):
    secret = make_token(app, "member@alfa.lv", "alfa", access="write")
    response = app.test_client().post(
        "/api/v1/clusters/alfa/posts", json={"kind": "wish", "title": " "}, headers=bearer(secret)
    )
    assert response.status_code == 422
    assert response.mimetype == "application/problem+json"
    fields = {(error["field"], error["location"]) for error in response.json["errors"]}
    assert fields == {("kind", "json"), ("category", "json"), ("title", "json")}


def test_too_many_calls_answer_429_with_retry_after(app, world):
    app.config.update(RATE_LIMITS_ENABLED=True, RATE_LIMITS={**app.config["RATE_LIMITS"], "api": (2, 60)})
    client = app.test_client()
    token = bearer(make_token(app, "member@alfa.lv", "alfa"))
    statuses = [client.get(COMPANIES, headers=token).status_code for _ in range(3)]
    refused = client.get(COMPANIES, headers=token)
    assert statuses == [200, 200, 429]
    assert refused.mimetype == "application/problem+json"
    assert int(refused.headers["Retry-After"]) > 0


def test_pages_follow_the_cursor_without_repeating(app, world):
    client = app.test_client()
    token = bearer(make_token(app, "member@alfa.lv", "alfa"))
    first = client.get(COMPANIES, query_string={"limit": 1}, headers=token).json
    second = client.get(
        COMPANIES, query_string={"limit": 1, "cursor": first["next_cursor"]}, headers=token
    ).json
    assert first["items"][0]["id"] != second["items"][0]["id"]
    forged = client.get(COMPANIES, query_string={"cursor": "abc"}, headers=token)
    assert forged.status_code == 422


def test_a_nul_character_in_a_posts_text_is_refused_field_by_field(app, world):
    """PostgreSQL refuses NUL in any text: the API says so before it reaches the database."""
    secret = make_token(app, "member@alfa.lv", "alfa", access="write")
    need = {"kind": "need", "category": "export", "title": "Eksports\x00", "tags": ["a\x00"]}
    response = app.test_client().post("/api/v1/clusters/alfa/posts", json=need, headers=bearer(secret))
    assert response.status_code == 422
    assert {error["field"] for error in response.json["errors"]} == {"title", "tags.0"}
