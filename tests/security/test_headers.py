"""Every response carries the security headers; cookies and sign-ins last as the settings say."""

import re
from datetime import timedelta

import pytest
from itsdangerous import TimestampSigner

from clusterhub import ROOT
from clusterhub.config import from_environment
from tests.conftest import PERSON as EMAIL
from tests.factories import PASSWORD

PAGES = {
    "a form page": "/login",
    "a redirect": "/account",
    "a page that is not there": "/no-such-page",
    "a static file": "/static/clusterhub.css",
}


def _csp_directives(response) -> dict[str, str]:
    policy = response.headers["Content-Security-Policy"]
    return dict(part.strip().split(" ", 1) for part in policy.split(";"))


@pytest.mark.parametrize("path", PAGES.values(), ids=PAGES.keys())
def test_every_kind_of_response_carries_the_security_headers(app, visitor, path):
    response = visitor.get(path)
    csp = _csp_directives(response)
    assert csp["frame-ancestors"] == "'none'" and csp["script-src"] == "'self'"
    assert "unsafe-inline" not in response.headers["Content-Security-Policy"]
    assert response.headers["X-Content-Type-Options"] == "nosniff"
    assert response.headers["X-Frame-Options"] == "DENY"
    assert response.headers["Referrer-Policy"] == "same-origin"


def test_signed_in_pages_carry_them_too(app, person, visitor):
    visitor.login(EMAIL)
    response = visitor.get("/account")
    assert (
        response.status_code == 200
        and "frame-ancestors 'none'" in response.headers["Content-Security-Policy"]
    )


def test_browsers_are_told_to_keep_to_https_only_when_served_over_https(app, visitor):
    assert "Strict-Transport-Security" not in visitor.get("/login").headers
    secure = visitor.client.get("/login", base_url="https://clusterhub.test")
    assert secure.headers["Strict-Transport-Security"].startswith("max-age=")


def test_no_template_carries_inline_script_or_style_that_the_policy_would_block():
    inline = re.compile(r"<script(?![^>]*\bsrc=)|<style|\sstyle=|\son[a-z]+=|javascript:", re.IGNORECASE)
    offenders = [
        str(path.relative_to(ROOT))
        for path in (ROOT / "templates").rglob("*.html")
        if inline.search(path.read_text(encoding="utf-8"))
    ]
    assert offenders == []


def test_the_https_setting_makes_the_session_and_remember_cookies_secure(app, person, visitor, monkeypatch):
    monkeypatch.setenv("CLUSTERHUB_SECURE_COOKIES", "1")
    settings = from_environment(app.instance_path)
    assert settings["SESSION_COOKIE_SECURE"] and settings["REMEMBER_COOKIE_SECURE"]
    app.config.update(SESSION_COOKIE_SECURE=True, REMEMBER_COOKIE_SECURE=True)
    response = visitor.submit("/login", {"email": EMAIL, "password": PASSWORD, "remember": "y"})
    cookies = {c.split("=", 1)[0]: c for c in response.headers.getlist("Set-Cookie")}
    assert "; Secure" in cookies["session"] and "; Secure" in cookies["remember_token"]


def test_session_and_remember_lifetimes_come_from_the_environment(app, monkeypatch):
    monkeypatch.setenv("CLUSTERHUB_SESSION_HOURS", "3")
    monkeypatch.setenv("CLUSTERHUB_REMEMBER_DAYS", "7")
    settings = from_environment(app.instance_path)
    assert settings["PERMANENT_SESSION_LIFETIME"] == timedelta(hours=3)
    assert settings["REMEMBER_COOKIE_DURATION"] == timedelta(days=7)


def test_a_sign_in_ends_after_the_session_lifetime_without_a_visit(app, person, visitor, monkeypatch):
    app.config["PERMANENT_SESSION_LIFETIME"] = timedelta(hours=2)
    response = visitor.login(EMAIL)
    session_cookie = next(c for c in response.headers.getlist("Set-Cookie") if c.startswith("session="))
    assert "Expires=" in session_cookie  # not a browser-session cookie that lives as long as the browser
    assert visitor.get("/account").status_code == 200
    later = TimestampSigner.get_timestamp
    monkeypatch.setattr(TimestampSigner, "get_timestamp", lambda self: later(self) + 2 * 3600 + 60)
    assert visitor.get("/account").status_code == 302
