"""Platform admins read the audit log of every cluster, newest first, filtered by kind, person and days."""

from datetime import UTC, datetime

import pytest
from sqlalchemy import select

from clusterhub.accounts.models import User
from clusterhub.extensions import db
from clusterhub.labels import AUDIT_KINDS
from clusterhub.security.audit import KINDS, record
from clusterhub.security.models import AuditEvent
from tenants.models import Tenant
from tests.factories import make_tenant, make_user

ADMIN = "admin@clusterhub.lv"


def add_event(app, kind: str, subject: str, at: datetime, email: str | None = None, slug: str | None = None):
    """A committed audit event of `email` in cluster `slug`, recorded at `at` (UTC)."""
    with app.app_context():
        actor = db.session.scalar(select(User).where(User.email == email)) if email else None
        tenant_id = db.session.scalar(select(Tenant.id).where(Tenant.slug == slug)) if slug else None
        record(kind, subject, actor=actor, tenant_id=tenant_id).at = at
        db.session.commit()


@pytest.fixture
def admin(app, signed_in):
    make_user(app, ADMIN, "Ādolfs Administrators", is_admin=True)
    visitor = signed_in(ADMIN)
    return visitor


@pytest.fixture
def log(app, admin):
    """Events of two people in two clusters on three days (Rīga time is UTC+2 in winter)."""
    make_tenant(app, "alfa", "Alfa klasteris")
    make_tenant(app, "beta", "Beta klasteris")
    make_user(app, "ilze@alfa.lv", "Ilze Bērziņa", "alfa", "manager")
    make_user(app, "janis@beta.lv", "Jānis Ozols", "beta", "manager")
    add_event(
        app,
        "role_changed",
        "membership:7 role:manager",
        datetime(2026, 1, 10, 9, tzinfo=UTC),
        "ilze@alfa.lv",
        "alfa",
    )
    add_event(
        app, "rating_hidden", "rating:12", datetime(2026, 1, 11, 23, tzinfo=UTC), "janis@beta.lv", "beta"
    )
    add_event(app, "export", "companies.csv", datetime(2026, 1, 12, 8, tzinfo=UTC), "ilze@alfa.lv", "alfa")


def _subjects(page: str) -> list[str]:
    return [s for s in ("membership:7 role:manager", "rating:12", "companies.csv") if s in page]


def test_only_platform_admins_open_the_audit_log(app, world, make_visitor, signed_in, admin):
    assert make_visitor().get("/admin/audit").status_code == 302
    manager = signed_in("manager@alfa.lv")
    refused = manager.get("/admin/audit")
    assert refused.status_code == 403 and "platform administrators only" in refused.get_data(as_text=True)
    assert "/admin/audit" not in manager.get("/").get_data(as_text=True)
    assert 'href="/admin/audit"' in admin.get("/", follow_redirects=True).get_data(as_text=True)
    assert admin.get("/admin/audit").status_code == 200


def test_the_log_shows_every_clusters_events_newest_first_with_who_and_where(admin, log):
    page = admin.get("/admin/audit").get_data(as_text=True)
    assert _subjects(page) == ["membership:7 role:manager", "rating:12", "companies.csv"]
    assert page.index("companies.csv") < page.index("rating:12") < page.index("membership:7")
    for text in (
        "Role changed",
        "Rating hidden",
        "Export",
        "Ilze Bērziņa",
        "janis@beta.lv",
        "Beta klasteris",
    ):
        assert text in page


def test_the_log_is_filtered_by_kind_and_by_part_of_an_email(admin, log):
    hidden = admin.get("/admin/audit?kind=rating_hidden").get_data(as_text=True)
    assert _subjects(hidden) == ["rating:12"]
    ilze = admin.get("/admin/audit?person=ILZE@alfa").get_data(as_text=True)
    assert _subjects(ilze) == ["membership:7 role:manager", "companies.csv"]
    nobody = admin.get("/admin/audit?person=%25").get_data(as_text=True)  # % is a character, not a wildcard
    assert _subjects(nobody) == [] and "No events match these filters." in nobody
    control = admin.get("/admin/audit?person=ilze%01").get_data(as_text=True)
    assert 'id="person-errors"' in control and "Enter letters, digits or symbols only." in control


def test_the_days_of_the_range_are_riga_days_and_both_ends_count(admin, log):
    # 2026-01-11 23:00 UTC is already the 12th in Rīga.
    page = admin.get("/admin/audit?since=2026-01-12&until=2026-01-12").get_data(as_text=True)
    assert _subjects(page) == ["rating:12", "companies.csv"]
    page = admin.get("/admin/audit?since=2026-01-10&until=2026-01-11").get_data(as_text=True)
    assert _subjects(page) == ["membership:7 role:manager"]


def test_a_range_that_ends_before_it_starts_is_explained_beside_the_field(admin, log):
    response = admin.get("/admin/audit?since=2026-01-12&until=2026-01-10&kind=nonsense")
    page = response.get_data(as_text=True)
    assert response.status_code == 200
    assert 'id="until-errors"' in page and "The end date cannot be before the start date." in page
    # What is valid still applies: the start date, not the unknown kind.
    assert _subjects(page) == ["rating:12", "companies.csv"]


def test_the_pages_of_a_filtered_log_keep_the_filter(app, admin, log):
    app.config["PAGE_SIZE"] = 2
    for day in range(1, 4):
        add_event(
            app, "export", f"posts.csv:{day}", datetime(2026, 2, day, tzinfo=UTC), "ilze@alfa.lv", "alfa"
        )
    first = admin.get("/admin/audit?kind=export&person=ilze").get_data(as_text=True)
    assert "posts.csv:3" in first and "posts.csv:2" in first and "Page 1 of 2" in first
    assert "/admin/audit?page=2&amp;kind=export&amp;person=ilze" in first
    second = admin.get("/admin/audit?page=2&kind=export&person=ilze").get_data(as_text=True)
    assert _subjects(second) == ["companies.csv"] and "posts.csv:1" in second
    assert "There is nothing on this page." in admin.get("/admin/audit?page=9").get_data(as_text=True)


def test_an_event_of_a_deleted_person_or_outside_a_cluster_shows_a_dash(app, admin):
    add_event(app, "login_failed", "", datetime(2026, 3, 1, tzinfo=UTC))
    page = admin.get("/admin/audit?kind=login_failed").get_data(as_text=True)
    assert "Failed sign-in" in page and "<td>—</td>" in page


def test_an_empty_log_says_so(app, admin):
    with app.app_context():
        db.session.execute(AuditEvent.__table__.delete())  # the admin's own sign-in may be on it
        db.session.commit()
    assert "Nothing has been recorded yet." in admin.get("/admin/audit").get_data(as_text=True)


def test_every_kind_of_event_has_a_name():
    assert set(AUDIT_KINDS) == set(KINDS)
