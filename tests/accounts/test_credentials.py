"""Changing the password or e-mail asks for the current password, ends other sessions and is audited."""

import re

from sqlalchemy import select

from clusterhub.extensions import db
from clusterhub.security.models import AuditEvent
from tests.conftest import PERSON as EMAIL
from tests.factories import PASSWORD, make_user
from tests.mailbox import plain_text

NEW_PASSWORD = "a-brand-new-secret"


def _audit(app) -> list[tuple[str, str]]:
    with app.app_context():
        return [tuple(row) for row in db.session.execute(select(AuditEvent.kind, AuditEvent.subject))]


def _change_password(visitor, current=PASSWORD, new=NEW_PASSWORD):
    return visitor.submit("/account/password", {"current_password": current, "password": new, "confirm": new})


def _signs_in(make_visitor, email, password) -> bool:
    return make_visitor().submit("/login", {"email": email, "password": password}).status_code == 302


def test_the_settings_page_links_to_both_changes(app, person, visitor):
    visitor.login(EMAIL)
    page = visitor.get("/account").get_data(as_text=True)
    assert 'href="/account/password"' in page and 'href="/account/email"' in page


def test_both_pages_are_for_signed_in_people_only(app, visitor):
    for path in ("/account/password", "/account/email"):
        assert "/login?next=" in visitor.get(path).location


def test_a_wrong_current_password_changes_nothing(app, person, visitor, make_visitor):
    visitor.login(EMAIL)
    response = _change_password(visitor, current="not-my-password")
    assert response.status_code == 200
    assert "This is not your current password." in response.get_data(as_text=True)
    assert _signs_in(make_visitor, EMAIL, PASSWORD)
    assert ("password_changed", f"user:{person}") not in _audit(app)


def test_a_new_password_signs_out_every_other_device_but_this_one(
    app, person, visitor, make_visitor, signed_in
):
    phone = signed_in(EMAIL)
    visitor.login(EMAIL)
    response = _change_password(visitor)
    assert response.status_code == 302 and response.location.endswith("/account")
    assert visitor.get("/account").status_code == 200
    assert phone.get("/account").status_code == 302
    assert _signs_in(make_visitor, EMAIL, NEW_PASSWORD) and not _signs_in(make_visitor, EMAIL, PASSWORD)
    [mail] = visitor.mails()
    assert mail["To"] == EMAIL and mail["Subject"] == "Your ClusterHub password was changed"
    assert ("password_changed", f"user:{person}") in _audit(app)


def test_a_kept_sign_in_on_another_computer_ends_too(app, person, visitor, make_visitor):
    laptop = make_visitor()
    laptop.submit("/login", {"email": EMAIL, "password": PASSWORD, "remember": "y"})
    laptop.client.delete_cookie("session", domain="clusterhub.test")  # the browser was closed
    assert laptop.get("/account").status_code == 200  # the remember cookie signs it in again
    laptop.client.delete_cookie("session", domain="clusterhub.test")
    visitor.login(EMAIL)
    _change_password(visitor)
    assert laptop.get("/account").status_code == 302


def test_this_browsers_kept_sign_in_survives_its_own_password_change(app, person, visitor):
    visitor.submit("/login", {"email": EMAIL, "password": PASSWORD, "remember": "y"})
    _change_password(visitor)
    visitor.client.delete_cookie("session", domain="clusterhub.test")
    assert visitor.get("/account").status_code == 200


def test_a_password_reset_signs_out_other_devices(app, person, visitor, signed_in):
    phone = signed_in(EMAIL)
    visitor.submit("/reset", {"email": EMAIL})
    link = plain_text(visitor.mails()[-1]).split("http://clusterhub.test", 1)[1].split()[0]
    assert visitor.submit(link, {"password": NEW_PASSWORD, "confirm": NEW_PASSWORD}).status_code == 302
    assert visitor.get("/account").status_code == 200
    assert phone.get("/account").status_code == 302


SENT = "We have sent a link to {email}. Your sign-in e-mail changes when you open it."


def _link(mail) -> str:
    return re.search(r"https?://[^/\s]+(/account/email/\S+)", plain_text(mail)).group(1)


def test_a_new_email_needs_the_password_and_a_link_sent_to_it_then_tells_the_old_address(
    app, person, visitor, make_visitor
):
    visitor.login(EMAIL)
    refused = visitor.submit("/account/email", {"email": "andris@example.lv", "current_password": "nope"})
    assert "This is not your current password." in refused.get_data(as_text=True)
    response = visitor.submit("/account/email", {"email": " Andris@Example.lv", "current_password": PASSWORD})
    assert response.status_code == 302
    assert SENT.format(email="andris@example.lv") in visitor.get("/account").get_data(as_text=True)
    assert _signs_in(make_visitor, EMAIL, PASSWORD)  # nothing changes before the link is opened
    [confirmation] = visitor.mails()
    assert confirmation["To"] == "andris@example.lv"
    response = visitor.submit(_link(confirmation))
    assert response.status_code == 302
    assert "From now on you sign in with andris@example.lv." in visitor.get("/account").get_data(as_text=True)
    assert _signs_in(make_visitor, "andris@example.lv", PASSWORD) and not _signs_in(
        make_visitor, EMAIL, PASSWORD
    )
    mail = visitor.mails()[-1]
    assert mail["To"] == EMAIL and "andris@example.lv" in plain_text(mail)
    assert ("email_changed", f"user:{person}") in _audit(app)
    assert "invalid, used or expired" in visitor.submit(_link(confirmation), follow_redirects=True).get_data(
        as_text=True
    )


def test_an_email_someone_else_uses_gets_the_same_answer_and_changes_nothing(
    app, person, visitor, make_visitor
):
    make_user(app, "taken@alfa.lv")
    visitor.login(EMAIL)
    response = visitor.submit("/account/email", {"email": "taken@alfa.lv", "current_password": PASSWORD})
    assert response.status_code == 302
    assert SENT.format(email="taken@alfa.lv") in visitor.get("/account").get_data(as_text=True)
    assert visitor.mails() == []
    assert _signs_in(make_visitor, EMAIL, PASSWORD)


def test_sign_ins_and_failures_are_audited_by_id_never_by_address(app, person, visitor, make_visitor):
    make_visitor().submit("/login", {"email": EMAIL, "password": "wrong-wrong-wrong"})
    make_visitor().submit("/login", {"email": "nobody@alfa.lv", "password": "wrong-wrong-wrong"})
    visitor.login(EMAIL)
    assert sorted(_audit(app)) == [
        ("login", f"user:{person}"),
        ("login_failed", ""),
        ("login_failed", f"user:{person}"),
    ]
