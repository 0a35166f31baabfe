"""Password reset by e-mail: one answer for every address, links that work once."""

import re

from clusterhub.accounts.services import find_user
from clusterhub.extensions import db
from tests.factories import PASSWORD
from tests.mailbox import plain_text

SAME_ANSWER = "If an account exists for that address"


def _link(mail) -> str:
    return re.search(r"http://clusterhub\.test(/reset/\S+)", plain_text(mail)).group(1)


def test_known_and_unknown_addresses_get_the_same_answer_and_only_the_known_one_a_mail(app, world, visitor):
    known = visitor.submit("/reset", {"email": "member@alfa.lv"}, follow_redirects=True)
    unknown = visitor.submit("/reset", {"email": "nobody@alfa.lv"}, follow_redirects=True)
    assert SAME_ANSWER in known.get_data(as_text=True) and SAME_ANSWER in unknown.get_data(as_text=True)
    mails = visitor.mails()
    assert [m["To"] for m in mails] == ["member@alfa.lv"]


def test_reset_link_sets_a_new_password_and_works_once(app, world, visitor, make_visitor):
    visitor.submit("/reset", {"email": "member@alfa.lv"})
    link = _link(visitor.mails()[-1])
    response = visitor.submit(link, {"password": "a-brand-new-secret", "confirm": "a-brand-new-secret"})
    assert response.status_code == 302
    assert (
        make_visitor().submit("/login", {"email": "member@alfa.lv", "password": PASSWORD}).status_code == 200
    )
    make_visitor().login("member@alfa.lv", "a-brand-new-secret")
    again = make_visitor().get(link, follow_redirects=True).get_data(as_text=True)
    assert "invalid, used or expired" in again


def test_mismatched_new_passwords_are_shown_next_to_the_field(app, world, visitor):
    visitor.submit("/reset", {"email": "member@alfa.lv"})
    page = visitor.submit(_link(visitor.mails()[-1]), {"password": "a-brand-new-secret", "confirm": "other"})
    assert 'id="confirm-errors"' in page.get_data(as_text=True)
    assert "The passwords do not match." in page.get_data(as_text=True)


def test_a_forged_reset_link_is_refused(app, world, visitor):
    page = visitor.get("/reset/forged-token", follow_redirects=True).get_data(as_text=True)
    assert "invalid, used or expired" in page


def test_the_reset_mail_speaks_the_persons_language(app, world, visitor):
    with app.app_context():
        find_user("member@alfa.lv").language = "en"
        db.session.commit()
    visitor.submit("/reset", {"email": "member@alfa.lv"})
    assert visitor.mails()[-1]["Subject"] == "Choose a new ClusterHub password"
