"""Platform administrators run the platform in the browser: clusters, their first managers, people's
platform roles and figures across clusters; every action is on the audit log, and nobody else gets in."""

import re
from datetime import timedelta

import pytest
from sqlalchemy import select

from clusterhub.accounts.models import User
from clusterhub.clock import utcnow
from clusterhub.extensions import db
from clusterhub.security.models import AuditEvent
from tenants.context import cross_tenant
from tenants.models import Membership, Tenant
from tests.factories import make_post, make_tenant, make_user
from tests.mailbox import plain_text
from tests.routes import ARGUMENTS, all_routes

ADMIN = "admin@clusterhub.lv"


@pytest.fixture
def admin(app, signed_in):
    make_user(app, ADMIN, "Ādolfs Administrators", is_admin=True)
    return signed_in(ADMIN)


def _audited(app, kind: str) -> list[tuple[str, str | None]]:
    """(subject, actor's e-mail) of each audit event of `kind`."""
    with app.app_context():
        events = db.session.scalars(select(AuditEvent).where(AuditEvent.kind == kind))
        return [(event.subject, event.actor.email if event.actor else None) for event in events]


def _tenant(app, slug: str) -> Tenant | None:
    with app.app_context():
        tenant = db.session.scalar(select(Tenant).where(Tenant.slug == slug))
        db.session.expunge_all()
        return tenant


def _role_in(app, email: str, slug: str) -> str | None:
    with app.app_context(), cross_tenant():
        return db.session.scalar(
            select(Membership.role)
            .join(Membership.user)
            .join(Membership.tenant)
            .where(User.email == email, Tenant.slug == slug)
        )


def test_an_admin_in_no_cluster_starts_on_the_administration_page(app, admin):
    page = admin.get("/", follow_redirects=True).get_data(as_text=True)
    assert "Platform administration" in page and "not in any cluster" not in page
    for link in ("/admin/clusters", "/admin/people", "/admin/figures", "/admin/audit"):
        assert f'href="{link}"' in page


def test_every_admin_page_refuses_an_organiser_and_a_cluster_manager(app, world, signed_in):
    for email in ("organiser@clusterhub.lv", "manager@alfa.lv"):
        visitor = signed_in(email)
        for rule, method in all_routes(app):
            if rule.rule.startswith("/admin"):
                path = rule.build({name: ARGUMENTS[name](world) for name in rule.arguments})[1]
                response = visitor.get(path) if method == "GET" else visitor.post(path)
                assert response.status_code == 403, f"{email} {method} {path}"
    assert _tenant(app, "alfa").active


def test_an_admin_creates_a_cluster_and_is_asked_for_its_first_manager(app, admin):
    response = admin.submit(
        "/admin/clusters/new",
        {
            "name": "Kokrūpniecības klasteris",
            "slug": "koks",
            "vision": "Koks ir nākotne",
            "admission_criteria": "",
        },
    )
    assert response.headers["Location"] == "/admin/clusters/koks/manager"
    assert _tenant(app, "koks").name == "Kokrūpniecības klasteris"
    assert _audited(app, "cluster_created") == [(f"cluster:{_tenant(app, 'koks').id}", ADMIN)]
    listed = admin.get("/admin/clusters").get_data(as_text=True)
    assert "Kokrūpniecības klasteris" in listed and "/c/koks/" in listed


def test_a_taken_or_malformed_address_is_refused_beside_the_field(app, admin):
    make_tenant(app, "koks", "Koks")
    taken = admin.submit("/admin/clusters/new", {"name": "Cits", "slug": "koks"}).get_data(as_text=True)
    assert "Another cluster has this address." in taken
    malformed = admin.submit("/admin/clusters/new", {"name": "Cits", "slug": "Ne Tā"}).get_data(as_text=True)
    assert "Use lowercase letters, digits and single hyphens." in malformed
    assert len(_audited(app, "cluster_created")) == 1  # the one the test made; the refused forms made none


def test_an_admin_renames_moves_and_writes_the_criteria_of_a_cluster(app, admin):
    make_tenant(app, "koks", "Koks")
    response = admin.submit(
        "/admin/clusters/koks/edit",
        {
            "name": "Koka klasteris",
            "slug": "koka-klasteris",
            "vision": "Jauna vīzija",
            "admission_criteria": "- ražotājs",
        },
    )
    assert response.status_code == 302
    tenant = _tenant(app, "koka-klasteris")
    assert (tenant.name, tenant.vision, tenant.admission_criteria) == (
        "Koka klasteris",
        "Jauna vīzija",
        "- ražotājs",
    )
    assert _tenant(app, "koks") is None
    assert _audited(app, "cluster_changed") == [(f"cluster:{tenant.id}", ADMIN)]


def test_closing_a_cluster_asks_first_and_shuts_its_pages(app, world, admin, signed_in):
    question = admin.get("/admin/clusters/alfa/deactivate").get_data(as_text=True)
    assert "Close Alfa" in question and _tenant(app, "alfa").active
    admin.post("/admin/clusters/alfa/deactivate")
    assert not _tenant(app, "alfa").active
    assert signed_in("member@alfa.lv").get("/c/alfa/").status_code == 404
    assert "Closed" in admin.get("/admin/clusters").get_data(as_text=True)
    admin.submit("/admin/clusters/alfa/reactivate")
    assert _tenant(app, "alfa").active
    closed, opened = _audited(app, "cluster_deactivated"), _audited(app, "cluster_reactivated")
    assert closed == opened == [(f"cluster:{_tenant(app, 'alfa').id}", ADMIN)]


def test_a_member_with_an_account_is_made_manager_at_once(app, world, admin):
    admin.submit("/admin/clusters/alfa/manager", {"email": "member@alfa.lv", "language": "en"})
    assert _role_in(app, "member@alfa.lv", "alfa") == "manager"
    assert _audited(app, "manager_appointed") == [(f"user:{world.member_a}", ADMIN)]


def test_a_person_of_another_cluster_is_added_as_manager(app, world, admin):
    admin.submit("/admin/clusters/alfa/manager", {"email": "member@beta.lv", "language": "en"})
    assert _role_in(app, "member@alfa.lv", "alfa") == "member"
    assert _role_in(app, "member@beta.lv", "alfa") == "manager"
    assert _role_in(app, "member@beta.lv", "beta") == "member"


def test_a_new_person_is_invited_as_the_first_manager(app, admin, make_visitor):
    make_tenant(app, "koks", "Koks")
    response = admin.submit("/admin/clusters/koks/manager", {"email": "Ilze@Koks.lv", "language": "lv"})
    assert response.status_code == 302
    mail = admin.mails()[-1]
    assert mail["To"] == "ilze@koks.lv"
    link = re.search(r"http://clusterhub\.test(/invitation/\S+)", plain_text(mail)).group(1)
    assert "Koks" in plain_text(mail)
    form = {
        "name": "Ilze Koka",
        "password": "jauna-parole-123",
        "confirm": "jauna-parole-123",
        "language": "lv",
    }
    assert make_visitor().submit(link, form).status_code == 302
    assert _role_in(app, "ilze@koks.lv", "koks") == "manager"
    assert len(_audited(app, "manager_invited")) == 1


def test_people_are_found_by_name_or_email_a_page_at_a_time(app, admin):
    app.config["PAGE_SIZE"] = 2
    for number in range(3):
        make_user(app, f"janis{number}@example.lv", f"Jānis Ozols {number}")
    make_user(app, "ilze@example.lv", "Ilze Bērziņa")
    by_name = admin.get("/admin/people?q=oZoLs").get_data(as_text=True)
    assert "Jānis Ozols 0" in by_name and "Jānis Ozols 1" in by_name and "Ilze" not in by_name
    assert "/admin/people?page=2&amp;q=oZoLs" in by_name
    assert "Jānis Ozols 2" in admin.get("/admin/people?q=oZoLs&page=2").get_data(as_text=True)
    assert "Ilze Bērziņa" in admin.get("/admin/people?q=ILZE@example").get_data(as_text=True)
    assert "Nobody matches." in admin.get("/admin/people?q=nav").get_data(as_text=True)


def test_an_admin_grants_and_removes_platform_roles_but_not_the_last_admin(app, world, admin):
    admin.submit(f"/admin/people/{world.member_a}", {"role": "organiser", "granted": "yes"})
    admin.submit(f"/admin/people/{world.member_a}", {"role": "admin", "granted": "yes"})
    with app.app_context():
        person = db.session.get(User, world.member_a)
        assert person.is_organiser and person.is_admin
    admin.submit(f"/admin/people/{world.member_a}", {"role": "admin", "granted": "no"})
    with app.app_context():
        own_id = db.session.scalar(select(User.id).where(User.email == ADMIN))
        assert not db.session.get(User, world.member_a).is_admin
    page = admin.submit(f"/admin/people/{own_id}", {"role": "admin", "granted": "no"}, follow_redirects=True)
    assert "is the last platform administrator" in page.get_data(as_text=True)
    with app.app_context():
        assert db.session.get(User, own_id).is_admin
    subjects = [subject for subject, _ in _audited(app, "platform_role_granted")]
    assert subjects == [f"user:{world.member_a} role:organiser", f"user:{world.member_a} role:admin"]
    assert _audited(app, "platform_role_removed") == [(f"user:{world.member_a} role:admin", ADMIN)]


def test_the_figures_compare_this_quarter_with_the_last_for_every_cluster(app, admin, clock):
    make_tenant(app, "koks", "Koka klasteris")
    make_user(app, "ilze@koks.lv", "Ilze", "koks", "manager", "SIA Kokmaiz")
    now = utcnow()
    clock.move_to(now - timedelta(days=100))
    make_post(app, "koks", "SIA Kokmaiz", "ilze@koks.lv", "Meklējam kokvedēju")
    clock.move_to(now)
    make_post(app, "koks", "SIA Kokmaiz", "ilze@koks.lv", "Meklējam zāģētavu")
    make_post(app, "koks", "SIA Kokmaiz", "ilze@koks.lv", "Piedāvājam skaidas", kind="offer")
    page = admin.get("/admin/figures").get_data(as_text=True)
    row = re.search(r"<tr><th scope=\"row\">Koka klasteris</th>(.*?)</tr>", page, re.S).group(1)
    cells = [" ".join(cell.split()) for cell in re.findall(r"<td[^>]*>(.*?)</td>", row, re.S)]
    # new, active, to be re-activated; then needs this quarter (the last one in brackets), matches, …
    assert cells[:4] == ["1", "0", "0", '1 <span class="muted">(1)</span>']
    assert "All clusters" in page
