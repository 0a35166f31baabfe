"""Role changes, hidden and restored ratings and every download of member data land on the audit log."""

from sqlalchemy import select
from sqlalchemy.orm import aliased

from clusterhub.accounts.models import User
from clusterhub.clock import local_today
from clusterhub.extensions import db
from clusterhub.security.models import AuditEvent
from tenants.models import Tenant


def logged(app, kind: str) -> list[tuple]:
    """The events of one kind as (person's e-mail, cluster slug, subject), oldest first."""
    actor = aliased(User)
    statement = (
        select(actor.email, Tenant.slug, AuditEvent.subject)
        .select_from(AuditEvent)
        .outerjoin(actor, AuditEvent.actor)
        .outerjoin(Tenant, AuditEvent.tenant)
        .where(AuditEvent.kind == kind)
        .order_by(AuditEvent.id)
    )
    with app.app_context():
        return [tuple(row) for row in db.session.execute(statement)]


def test_a_role_change_is_logged_with_the_membership_and_the_new_role(app, world, signed_in):
    manager = signed_in("manager@alfa.lv")
    path = f"/c/alfa/members/{world.membership_a}/role"
    assert manager.submit(path, {"role": "member"}).status_code == 302  # no change: nothing to log
    assert logged(app, "role_changed") == []
    assert manager.submit(path, {"role": "manager"}).status_code == 302
    assert logged(app, "role_changed") == [
        ("manager@alfa.lv", "alfa", f"membership:{world.membership_a} role:manager")
    ]


def test_hiding_a_rating_and_showing_it_again_are_logged(app, world, signed_in):
    manager = signed_in("manager@alfa.lv")
    rating = world.rating_a
    assert manager.submit(f"/c/alfa/ratings/{rating}/hide", {"reason": "Aizskarošs."}).status_code == 302
    assert manager.submit(f"/c/alfa/ratings/{rating}/show", {"note": ""}).status_code == 302
    assert logged(app, "rating_hidden") == [("manager@alfa.lv", "alfa", f"rating:{rating}")]
    assert logged(app, "rating_restored") == [("manager@alfa.lv", "alfa", f"rating:{rating}")]


def test_dismissing_reports_about_a_shown_rating_restores_nothing(app, world, signed_in):
    member = signed_in("member@alfa.lv")
    member.submit(f"/c/alfa/ratings/{world.rating_a}/flag", {"reason": "Nekad nav bijis."})
    manager = signed_in("manager@alfa.lv")
    assert manager.submit(f"/c/alfa/ratings/{world.rating_a}/show", {"note": ""}).status_code == 302
    assert logged(app, "rating_restored") == []


EXPORTS = [
    ("manager@alfa.lv", "/c/alfa/manage/export/companies.csv", "alfa", "companies.csv"),
    ("manager@alfa.lv", "/c/alfa/manage/export/posts.csv", "alfa", "posts.csv"),
    (
        "manager@alfa.lv",
        f"/c/alfa/manage/indicators/{local_today().year}/indicators.csv",
        "alfa",
        f"indicators.csv:{local_today().year}",
    ),
    ("organiser@clusterhub.lv", "/events/{conference}/participants.csv", None, "participants.csv"),
    ("organiser@clusterhub.lv", "/events/{conference}/meetings.csv", None, "meetings.csv"),
    ("organiser@clusterhub.lv", "/events/{conference}/meetings.xlsx", None, "meetings.xlsx"),
    ("member@alfa.lv", "/events/{conference}/agenda.ics", None, "agenda.ics"),
]


def test_every_download_of_member_data_is_logged(app, world, signed_in):
    expected = []
    for email, path, slug, name in EXPORTS:
        visitor = signed_in(email)
        assert visitor.get(path.format(conference=world.conference)).status_code == 200, path
        expected.append((email, slug, name if slug else f"conference:{world.conference}:{name}"))
    assert logged(app, "export") == expected


def test_a_refused_download_logs_nothing(app, world, signed_in):
    member = signed_in("member@alfa.lv")
    assert member.get("/c/alfa/manage/export/companies.csv").status_code == 403
    assert member.get(f"/events/{world.conference}/participants.csv").status_code == 403
    assert logged(app, "export") == []
