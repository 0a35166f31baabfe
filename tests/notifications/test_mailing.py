"""Notification e-mails follow committed actions only, in the reader's language."""

from datetime import UTC, datetime

import pytest
from flask import g
from flask_babel import force_locale

from clusterhub.accounts.models import User
from clusterhub.extensions import db
from clusterhub.notifications.models import Notification
from clusterhub.notifications.services import MESSAGES, notify, people_of, subject_of
from tenants.blueprint import TenantBlueprint
from tests.factories import membership_id
from tests.mailbox import plain_text


def test_managers_are_told_by_mail_when_a_rating_is_reported(app, world, visitor):
    visitor.login("colleague@alfa.lv")
    visitor.submit(f"/c/alfa/ratings/{world.rating_a}/flag", {"reason": "Nepatiesi apgalvojumi"})
    to_managers = [m for m in visitor.mails() if m["To"] == "manager@alfa.lv"]
    assert len(to_managers) == 1
    assert "was reported and waits for your decision" in plain_text(to_managers[0])
    assert f"/c/alfa/ratings/{world.rating_a}/history" in plain_text(to_managers[0])


def test_a_reply_mail_says_who_wrote_in_its_subject_in_the_readers_language(app, world, make_visitor):
    with app.app_context():
        db.session.get(User, world.manager_a).language = "lv"
        db.session.commit()
    poster = make_visitor()
    poster.login("member@alfa.lv")
    poster.submit(f"/c/alfa/threads/{world.thread_a}", {"body": "Paldies, sazināsimies."})
    mail = poster.mails()[-1]
    assert mail["To"] == "manager@alfa.lv"
    assert mail["Subject"] == "Jauns ziņojums no SIA CANARYALFA Čiekurs"
    # The same text as HTML too, its address a link.
    html = mail.get_body(("html",)).get_content()
    assert "SIA CANARYALFA Čiekurs Jums rakstīja" in plain_text(mail)
    assert f'<a href="http://clusterhub.test/c/alfa/threads/{world.thread_a}">' in html


EVERY_PARAMETER = {
    "company": "SIA Tests",
    "title": "Eksports",
    "subject": "Projekts",
    "event": "Forums",
    "author": "Ilze",
    "service": "Apmācība",
    "quota": 3,
    "cluster": "Alfa",
    "person": "Pēteris",
    "score": 80,
    "table": 2,
    "when": datetime(2027, 1, 21, 8, 0, tzinfo=UTC).isoformat(),
    "deadline": datetime(2027, 1, 14, 15, 0, tzinfo=UTC).isoformat(),
}


def test_every_kind_of_notification_mail_has_its_own_subject_in_both_languages(app):
    subjects = {}
    with app.test_request_context():
        for language in ("lv", "en"):
            with force_locale(language):
                subjects[language] = [
                    subject_of(Notification(kind=kind, params=EVERY_PARAMETER)) for kind in MESSAGES
                ]
    for language, written in subjects.items():
        assert len(set(written)) == len(MESSAGES), language
    assert all(lv != en for lv, en in zip(subjects["lv"], subjects["en"], strict=True))
    assert "Jauns ziņojums no SIA Tests" in subjects["lv"]


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
