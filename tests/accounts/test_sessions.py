"""Sessions live on the server: signing out ends them for good, and the account page ends any of them."""

import re

from sqlalchemy import func, select

from clusterhub.accounts.models import UserSession
from clusterhub.extensions import db
from tests.conftest import PERSON as EMAIL
from tests.factories import PASSWORD, make_user

COOKIES = ("session", "remember_token")
DOMAIN = "clusterhub.test"  # the tests' SERVER_NAME


def _sign_in(make_visitor, agent: str = "Firefox on Linux"):
    visitor = make_visitor()
    visitor.client.environ_base["HTTP_USER_AGENT"] = agent
    visitor.submit("/login", {"email": EMAIL, "password": PASSWORD, "remember": "y"})
    return visitor


def _copied(visitor, make_visitor, only: tuple[str, ...] = COOKIES):
    """Another browser holding a copy of the first one's cookies."""
    thief = make_visitor()
    for name in only:
        thief.client.set_cookie(name, visitor.client.get_cookie(name, domain=DOMAIN).value, domain=DOMAIN)
    return thief


def _signed_in(visitor) -> bool:
    return visitor.get("/account").status_code == 200


def test_signing_out_ends_the_session_and_the_remember_cookie_for_good(app, person, make_visitor):
    laptop = _sign_in(make_visitor)
    session_copy = _copied(laptop, make_visitor, ("session",))
    remember_copy = _copied(laptop, make_visitor, ("remember_token",))
    assert _signed_in(session_copy) and _signed_in(remember_copy)
    laptop.post("/logout")
    assert not _signed_in(laptop)
    assert not _signed_in(session_copy) and not _signed_in(remember_copy)


def test_each_sign_in_gets_a_remember_cookie_of_its_own(app, person, make_visitor):
    first, second = _sign_in(make_visitor), _sign_in(make_visitor)
    tokens = {visitor.client.get_cookie("remember_token", domain=DOMAIN).value for visitor in (first, second)}
    assert len(tokens) == 2


def test_the_account_page_lists_the_browsers_and_ends_another_one(app, person, make_visitor):
    laptop, phone = _sign_in(make_visitor, "Firefox on Linux"), _sign_in(make_visitor, "Safari on iPhone")
    page = laptop.get("/account").get_data(as_text=True)
    assert "Firefox on Linux" in page and "Safari on iPhone" in page and "(this browser)" in page
    with app.app_context():
        phone_id = db.session.scalar(select(UserSession.id).where(UserSession.browser == "Safari on iPhone"))
    response = laptop.post(f"/account/sessions/{phone_id}/end")
    assert response.status_code == 302
    assert not _signed_in(phone) and _signed_in(laptop)
    assert "Safari on iPhone" not in laptop.get("/account").get_data(as_text=True)


def test_nobody_ends_another_persons_session(app, person, make_visitor, signed_in):
    _sign_in(make_visitor)
    with app.app_context():
        theirs = db.session.scalar(select(UserSession.id))
    make_user(app, "other@example.lv", "Cits Cilvēks")
    other = signed_in("other@example.lv")
    other.get("/account")
    assert other.post(f"/account/sessions/{theirs}/end").status_code == 404
    with app.app_context():
        assert db.session.scalar(select(func.count(UserSession.id)).where(UserSession.id == theirs)) == 1


def test_a_new_password_ends_every_other_session_but_this_one(app, person, make_visitor):
    laptop, phone = _sign_in(make_visitor), _sign_in(make_visitor)
    laptop.submit(
        "/account/password",
        {"current_password": PASSWORD, "password": "jauna-parole-123", "confirm": "jauna-parole-123"},
    )
    assert _signed_in(laptop) and not _signed_in(phone)
    assert len(re.findall("Sign this browser out", laptop.get("/account").get_data(as_text=True))) == 1


def _session_cookie_sent(response) -> bool:
    return any(cookie.startswith("session=") for cookie in response.headers.getlist("Set-Cookie"))


def test_a_page_that_changes_nothing_does_not_send_the_session_cookie_back(app, person, make_visitor):
    """Otherwise a stylesheet still under way while a form's answer added a message put the old cookie back,
    and the message ("… will not be suggested again.") never showed."""
    laptop = _sign_in(make_visitor)
    laptop.get("/account")
    assert not _session_cookie_sent(laptop.get("/account"))
    assert not _session_cookie_sent(laptop.get("/static/clusterhub.css"))


def test_a_signed_in_browser_keeps_its_session_while_it_is_used(app, person, make_visitor, clock):
    """The cookie's expiry still rolls on: it is sent again whenever the server notes the browser was seen."""
    laptop = _sign_in(make_visitor)
    lifetime = app.config["PERMANENT_SESSION_LIFETIME"]
    for _ in range(3):
        clock.shift(lifetime * 0.6)
        assert _session_cookie_sent(laptop.get("/account"))
    clock.shift(lifetime * 0.6)
    assert _signed_in(laptop)
