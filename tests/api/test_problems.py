"""Whatever goes wrong under /api/, the answer is problem details in JSON, never an HTML page."""

import pytest

from clusterhub.accounts.models import User
from clusterhub.extensions import db

PROBLEM = "application/problem+json"


@pytest.mark.own_app
def test_an_unexpected_error_and_a_race_answer_problem_json(app, world):
    app.config["PROPAGATE_EXCEPTIONS"] = False

    @app.route("/api/v1/broken")
    def broken():
        raise RuntimeError("boom")

    @app.route("/api/v1/race")
    def race():
        db.session.add(User(email="member@alfa.lv", name="Twin", password_hash="x", language="en"))
        db.session.commit()

    client = app.test_client()
    failed, raced = client.get("/api/v1/broken"), client.get("/api/v1/race")
    assert (failed.status_code, failed.mimetype) == (500, PROBLEM)
    assert "boom" not in failed.get_data(as_text=True)
    assert (raced.status_code, raced.mimetype) == (409, PROBLEM)


def test_unknown_addresses_and_methods_under_the_api_answer_problem_json(app, world):
    client = app.test_client()
    missing = client.get("/api/v1/clusters/alfa/nothing-here")
    refused = client.delete("/api/v1/clusters/alfa/companies")
    assert (missing.status_code, missing.mimetype, missing.json["status"]) == (404, PROBLEM, 404)
    assert (refused.status_code, refused.mimetype) == (405, PROBLEM)
    assert "GET" in refused.headers["Allow"]
    assert client.get("/c/alfa/nothing-here").mimetype == "text/html"
