"""Notification e-mails follow committed actions only, in the reader's language."""

import pytest
from flask import g

from clusterhub.extensions import db
from clusterhub.notifications.services import notify, people_of
from tenants.blueprint import TenantBlueprint
from tests.factories import membership_id


def test_managers_are_told_by_mail_when_a_rating_is_reported(app, world, visitor):
    visitor.login("colleague@alfa.lv")
    visitor.submit(f"/c/alfa/ratings/{world.rating_a}/flag", {"reason": "Nepatiesi apgalvojumi"})
    to_managers = [m for m in visitor.mails() if m["To"] == "manager@alfa.lv"]
    assert len(to_managers) == 1
    assert "was reported and waits for your decision" in to_managers[0].get_content()
    assert f"/c/alfa/ratings/{world.rating_a}/history" in to_managers[0].get_content()


@pytest.fixture
def rollback_app(app):
    bp = TenantBlueprint("rollback", __name__, "/rollback")

    @bp.route("/", methods=["GET"])
    def notify_then_fail():
        # A service notified, then the action failed: the view rolls back instead of committing.
        notify(people_of(g.membership.company_id), "rating", {"company": "X"}, "/")
        db.session.rollback()
        return "rolled back"

    app.register_blueprint(bp)
    return app


@pytest.mark.own_app
def test_no_mail_leaves_for_an_action_that_was_rolled_back(rollback_app, world, visitor):
    assert membership_id(rollback_app, world.member_a, "alfa")
    visitor.login("member@alfa.lv")
    before = len(visitor.mails())
    assert visitor.get("/c/alfa/rollback/").status_code == 200
    assert len(visitor.mails()) == before
