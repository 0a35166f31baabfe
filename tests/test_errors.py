"""Errors end on a clean page in the visitor's language, never a traceback."""

import pytest

from clusterhub.accounts.models import User
from clusterhub.extensions import db


@pytest.mark.own_app
def test_a_race_on_a_unique_row_is_a_clean_409_and_nothing_half_written(app, world, visitor):
    @app.route("/race")
    def race():
        db.session.add(User(email="member@alfa.lv", name="Twin", password_hash="x", language="en"))
        db.session.commit()

    response = visitor.get("/race")
    assert response.status_code == 409
    assert "Someone else saved the same thing" in response.get_data(as_text=True)


@pytest.mark.own_app
def test_an_unexpected_error_shows_the_friendly_500_page(app, visitor):
    app.config["PROPAGATE_EXCEPTIONS"] = False

    @app.route("/broken")
    def broken():
        raise RuntimeError("boom")

    response = visitor.get("/broken")
    assert response.status_code == 500
    assert "Something went wrong" in response.get_data(as_text=True) and "boom" not in response.get_data(
        as_text=True
    )
