"""Rate limits: counted in the database across worker processes, a 429 page in the person's language."""

import re
import threading

import pytest
from sqlalchemy import func, select

from clusterhub import create_app
from clusterhub.extensions import db
from clusterhub.security import limits
from clusterhub.security.limits import RateLimited, check
from clusterhub.security.models import AuditEvent, RateCount
from tests.conftest import app_config
from tests.factories import PASSWORD, make_tenant, make_user

LOW = {
    "login": (3, 600),
    "password_reset": (10, 3600),
    "password_reset_email": (2, 3600),
    "reauthentication": (3, 600),
    "invitations": (2, 3600),
    "posting": (2, 3600),
    "applications": (2, 3600),
}
WRONG = {"email": "member@alfa.lv", "password": "guess-guess-guess"}


@pytest.fixture
def low_limits(app):
    app.config.update(RATE_LIMITS_ENABLED=True, RATE_LIMITS=LOW)


def _rows(app, statement):
    with app.app_context():
        return db.session.execute(statement).all()


def _refused_events(app) -> list[str]:
    return [
        row.subject for row in _rows(app, select(AuditEvent.subject).where(AuditEvent.kind == "rate_limited"))
    ]


def test_sign_in_attempts_beyond_the_limit_get_a_429_page_that_says_how_long_to_wait(
    app, person, visitor, low_limits
):
    for _ in range(3):
        assert visitor.submit("/login", WRONG).status_code == 200
    response = visitor.submit("/login", {"email": "member@alfa.lv", "password": PASSWORD})
    assert response.status_code == 429
    page = response.get_data(as_text=True)
    retry_after = int(response.headers["Retry-After"])  # the fixed window ends within its 10 minutes
    assert 0 < retry_after <= 600 and "Too many requests" in page
    assert re.search(r"Wait \d+ minutes? and try again", page)
    assert "frame-ancestors" in response.headers["Content-Security-Policy"]
    assert visitor.get("/").status_code == 302  # still signed out


def test_the_429_page_speaks_the_visitors_language(app, person, make_visitor, low_limits):
    latvian = make_visitor("lv")
    for _ in range(4):
        response = latvian.submit("/login", WRONG)
    assert response.status_code == 429
    page = response.get_data(as_text=True)
    assert '<html lang="lv">' in page and "Too many requests" not in page


def test_only_sent_forms_count_not_opening_the_page(app, person, visitor, low_limits):
    for _ in range(10):
        assert visitor.get("/login").status_code == 200
    assert visitor.submit("/login", {"email": "member@alfa.lv", "password": PASSWORD}).status_code == 302


def test_one_address_passing_the_limit_does_not_lock_out_another(app, make_visitor, low_limits):
    make_user(app, "manager@alfa.lv")
    attacker = make_visitor()
    for _ in range(4):
        attacker.submit("/login", WRONG)
    other = make_visitor()
    other.client.environ_base["REMOTE_ADDR"] = "192.0.2.7"
    assert other.submit("/login", {"email": "manager@alfa.lv", "password": PASSWORD}).status_code == 302


def test_passing_a_limit_is_audited_once_per_window_without_personal_data(app, person, visitor, low_limits):
    for _ in range(6):
        visitor.submit("/login", WRONG)
    assert _refused_events(app) == ["limit:login"]


def test_a_new_window_allows_again(app, person, visitor, low_limits, monkeypatch):
    for _ in range(4):
        visitor.submit("/login", WRONG)
    later = limits._now() + 601
    monkeypatch.setattr(limits, "_now", lambda: later)
    assert visitor.submit("/login", {"email": "member@alfa.lv", "password": PASSWORD}).status_code == 302


def test_worker_processes_share_the_count(app, person, visitor, low_limits, migrated_url, tmp_path):
    """A second app on the same database stands for another gunicorn worker."""
    other = create_app({**app_config(migrated_url, tmp_path / "other"), "RATE_LIMITS_ENABLED": True})
    other.config["RATE_LIMITS"] = LOW
    with other.test_request_context("/login", environ_base={"REMOTE_ADDR": "127.0.0.1"}):
        for _ in range(3):
            check("login", limits.by_address())
    assert visitor.submit("/login", {"email": "member@alfa.lv", "password": PASSWORD}).status_code == 429


def test_simultaneous_hits_are_counted_exactly(app, low_limits):
    allowed, refused = [], []

    def hit():
        with app.test_request_context("/login"):
            try:
                check("applications", "ip:198.51.100.1")
            except RateLimited:
                refused.append(1)
            else:
                allowed.append(1)

    threads = [threading.Thread(target=hit) for _ in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert (len(allowed), len(refused)) == (2, 6)
    assert _rows(app, select(RateCount.hits))[0].hits == 8


def test_posting_is_limited_per_person(app, world, signed_in, low_limits):
    member = signed_in("member@alfa.lv")
    for _ in range(2):
        assert member.submit(f"/c/alfa/threads/{world.thread_a}", {"body": "Labdien!"}).status_code == 302
    assert member.submit(f"/c/alfa/threads/{world.thread_a}", {"body": "Vēlreiz"}).status_code == 429
    assert member.submit(f"/c/alfa/companies/{world.company_b}/rate", {}).status_code == 429
    colleague = signed_in("manager@alfa.lv")
    assert colleague.submit(f"/c/alfa/threads/{world.thread_a}", {"body": "Atbilde"}).status_code == 302


def test_invitations_are_limited_per_manager(app, visitor, low_limits):
    make_tenant(app, "alfa")
    make_user(app, "manager@alfa.lv", "Māra", "alfa", "manager")
    visitor.login("manager@alfa.lv")
    for number in range(3):
        response = visitor.submit(
            "/c/alfa/manage/invitations/",
            {"email": f"new{number}@alfa.lv", "role": "member", "company_name": "", "language": "en"},
        )
    assert response.status_code == 429
    assert len(visitor.mails()) == 2


def test_reset_mails_to_one_address_are_limited_whoever_asks(app, person, make_visitor, low_limits):
    for number in range(3):
        asker = make_visitor()
        asker.client.environ_base["REMOTE_ADDR"] = f"192.0.2.{number + 1}"
        response = asker.submit("/reset", {"email": "member@alfa.lv"})
    assert response.status_code == 429
    assert len(asker.mails()) == 2
    keys = [row.key for row in _rows(app, select(RateCount.key))]
    assert not any("member@alfa.lv" in key for key in keys)  # the e-mail is kept hashed only


def test_switched_off_limits_count_nothing(app, person, visitor):
    for _ in range(5):
        visitor.submit("/login", WRONG)
    assert _rows(app, select(func.count()).select_from(RateCount))[0][0] == 0
