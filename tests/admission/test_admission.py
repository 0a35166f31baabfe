"""A cluster's public page takes applications; its managers accept (an invitation) or decline them."""

import re

from sqlalchemy import select, update

from clusterhub.admission.models import Application
from clusterhub.extensions import db
from clusterhub.notifications.models import Notification
from tenants.context import cross_tenant
from tenants.models import Tenant
from tests.mailbox import plain_text

APPLICATION = {
    "company_name": "SIA Jaunā Skaņa",
    "registration_number": "40003123456",
    "website": "jaunaskana.lv",
    "contact_name": "Ērika Ķēniņa",
    "email": "Erika@JaunaSkana.lv",
    "phone": "+371 20000000",
    "motivation": "Mēs ierakstām skaņu filmām un meklējam partnerus eksportam.",
}


def _apply(visitor, slug="alfa", **changes):
    return visitor.submit(f"/join/{slug}", {**APPLICATION, **changes})


def _stored(app) -> list[tuple[str, int]]:
    with app.app_context(), cross_tenant():
        rows = db.session.execute(
            select(Application.company_name, Tenant.slug).join(Tenant, Tenant.id == Application.tenant_id)
        )
        return sorted(tuple(row) for row in rows)


def _set_tenant(app, slug: str, **values) -> None:
    with app.app_context():
        db.session.execute(update(Tenant).where(Tenant.slug == slug).values(**values))
        db.session.commit()


def _new_application_id(app) -> int:
    with app.app_context(), cross_tenant():
        return db.session.scalar(select(Application.id).where(Application.company_name == "SIA Jaunā Skaņa"))


def test_the_public_page_describes_the_cluster_and_the_standard_criteria(app, world, visitor):
    _set_tenant(app, "alfa", sector="Audiovizuālās tehnoloģijas", region="riga", description="Par mums")
    page = visitor.get("/join/alfa").get_data(as_text=True)
    assert "Alfa CANARYALFA klasteris" in page and "CANARYALFA vīzija" in page and "Par mums" in page
    assert "Audiovizuālās tehnoloģijas" in page and "Rīga" in page
    assert "can delegate at least one representative" in page and "meets each candidate in person" in page
    assert "CANARYBETA" not in page


def test_the_public_page_shows_the_clusters_own_criteria_as_markdown(app, world, visitor):
    _set_tenant(app, "alfa", admission_criteria="Uzņemam **filmu studijas**.\n\n<script>alert(1)</script>")
    page = visitor.get("/join/alfa").get_data(as_text=True)
    assert "<strong>filmu studijas</strong>" in page and "<script>alert" not in page
    assert "can delegate at least one representative" not in page


def test_an_unknown_or_inactive_cluster_has_no_admission_page(app, world, visitor):
    assert visitor.get("/join/nav-tada").status_code == 404
    _set_tenant(app, "beta", active=False)
    assert visitor.get("/join/beta").status_code == 404


def test_an_application_is_kept_in_its_cluster_and_the_managers_are_told(app, world, visitor, signed_in):
    response = _apply(visitor)
    assert response.status_code == 302 and response.location.endswith("/join/alfa/thanks")
    assert "has received your application" in visitor.get(response.location).get_data(as_text=True)
    assert _stored(app) == [
        ("SIA CANARYALFA Pieteicējs", "alfa"),
        ("SIA CANARYBETA Pieteicējs", "beta"),
        ("SIA Jaunā Skaņa", "alfa"),
    ]
    with app.app_context(), cross_tenant():
        stored = db.session.scalar(select(Application).where(Application.company_name == "SIA Jaunā Skaņa"))
        assert (stored.email, stored.website, stored.status) == (
            "erika@jaunaskana.lv",
            "https://jaunaskana.lv",
            "new",
        )
        told = db.session.scalars(select(Notification).where(Notification.kind == "application")).all()
        assert [n.user.email for n in told] == ["manager@alfa.lv"]
    mail = visitor.mails()[-1]
    assert mail["To"] == "manager@alfa.lv" and "SIA Jaunā Skaņa applied to join the cluster" in plain_text(
        mail
    )
    manager = signed_in("manager@alfa.lv")
    listing = manager.get("/c/alfa/manage/applications/").get_data(as_text=True)
    assert "SIA Jaunā Skaņa" in listing and "New (2)" in listing


def test_mistakes_are_shown_beside_the_fields_and_nothing_is_kept(app, world, visitor):
    response = _apply(
        visitor, company_name=" ", email="nav-epasts", website="nav adrese", phone="zvaniet", motivation=""
    )
    page = response.get_data(as_text=True)
    assert response.status_code == 200
    assert page.count("This field is required.") == 2
    assert "Invalid email address." in page
    assert "Write a web address such as www.example.lv." in page
    script = _apply(visitor, website="javascript://example.lv/%0Aalert(1)").get_data(as_text=True)
    assert "Write a web address such as www.example.lv." in script
    assert "Write the number in digits" in page
    assert 'aria-invalid="true"' in page
    assert len(_stored(app)) == 2


def test_a_robot_filling_the_trap_field_is_thanked_but_nothing_is_kept(app, world, visitor):
    response = _apply(visitor, fax="+371 666")
    assert response.status_code == 302 and response.location.endswith("/thanks")
    assert len(_stored(app)) == 2 and visitor.mails() == []


def test_closed_admissions_take_no_applications(app, world, visitor):
    _set_tenant(app, "alfa", admissions_open=False)
    page = visitor.get("/join/alfa").get_data(as_text=True)
    assert "not taking applications at the moment" in page and "Send the application" not in page
    response = visitor.post("/join/alfa", APPLICATION)
    assert response.status_code == 200 and "not taking applications" in response.get_data(as_text=True)
    assert len(_stored(app)) == 2
    _set_tenant(app, "beta", admission_criteria="Uzņemam dārzniekus.")
    clusters = visitor.get("/join/").get_data(as_text=True)
    assert "/join/beta" in clusters and "/join/alfa" not in clusters


def test_the_sign_in_page_leads_to_the_clusters_that_take_applications(app, world, visitor):
    for slug in ("alfa", "beta"):
        _set_tenant(app, slug, admission_criteria="Uzņemam ražotājus.")
    assert 'href="/join/"' in visitor.get("/login").get_data(as_text=True)
    page = visitor.get("/join/").get_data(as_text=True)
    assert 'href="/join/alfa"' in page and 'href="/join/beta"' in page


def test_a_cluster_is_listed_for_applicants_only_once_its_criteria_are_written(app, world, visitor):
    _set_tenant(app, "alfa", admission_criteria="Uzņemam ražotājus.")
    _set_tenant(app, "beta", admission_criteria="  ")
    page = visitor.get("/join/").get_data(as_text=True)
    assert 'href="/join/alfa"' in page and 'href="/join/beta"' not in page
    _set_tenant(app, "alfa", admission_criteria="")
    assert "No cluster is taking applications at the moment." in visitor.get("/join/").get_data(as_text=True)


def test_an_accepted_applicant_gets_an_invitation_that_works(app, world, visitor, make_visitor, signed_in):
    _apply(visitor)
    application_id = _new_application_id(app)
    manager = signed_in("manager@alfa.lv")
    path = f"/c/alfa/manage/applications/{application_id}/accept"
    assert "gets an invitation at erika@jaunaskana.lv" in manager.get(path).get_data(as_text=True)
    response = manager.post(path, {"language": "en"})
    assert response.status_code == 302
    mail = visitor.mails()[-1]
    assert mail["To"] == "erika@jaunaskana.lv" and "Alfa CANARYALFA klasteris" in mail["Subject"]
    link = re.search(r"http://clusterhub\.test(/invitation/\S+)", plain_text(mail)).group(1)
    detail = manager.get(f"/c/alfa/manage/applications/{application_id}").get_data(as_text=True)
    assert "accepted" in detail and "Invitation sent to erika@jaunaskana.lv" in detail
    newcomer = make_visitor()
    joined = newcomer.submit(
        link,
        {
            "name": "Ērika Ķēniņa",
            "password": "jauna-parole-123",
            "confirm": "jauna-parole-123",
            "language": "en",
        },
    )
    assert joined.status_code == 302 and joined.location.endswith("/c/alfa/")
    members = newcomer.get("/c/alfa/members").get_data(as_text=True)
    assert "Ērika Ķēniņa" in members and "SIA Jaunā Skaņa" in members
    assert "The invitation was accepted." in manager.get(
        f"/c/alfa/manage/applications/{application_id}"
    ).get_data(as_text=True)


def test_a_decline_needs_a_reason_and_mails_it_politely(app, world, visitor, signed_in):
    _apply(visitor)
    application_id = _new_application_id(app)
    manager = signed_in("manager@alfa.lv")
    path = f"/c/alfa/manage/applications/{application_id}/decline"
    without = manager.submit(path, {"reason": "   ", "language": "en"})
    assert without.status_code == 200 and "This field is required." in without.get_data(as_text=True)
    assert visitor.mails()[-1]["To"] == "manager@alfa.lv"  # only the managers' notice so far
    response = manager.post(path, {"reason": "Jūsu darbība nav saistīta ar klastera jomu.", "language": "en"})
    assert response.status_code == 302
    mail = visitor.mails()[-1]
    text = plain_text(mail)
    assert (
        mail["To"] == "erika@jaunaskana.lv"
        and "Your application to Alfa CANARYALFA klasteris" == mail["Subject"]
    )
    assert "Dear Ērika Ķēniņa" in text and "Thank you for your interest" in text
    assert "Jūsu darbība nav saistīta ar klastera jomu." in text
    listing = manager.get("/c/alfa/manage/applications/?status=declined").get_data(as_text=True)
    assert "SIA Jaunā Skaņa" in listing and "SIA CANARYALFA Pieteicējs" not in listing


def test_a_decided_application_cannot_be_decided_again(app, world, visitor, signed_in):
    _apply(visitor)
    application_id = _new_application_id(app)
    manager = signed_in("manager@alfa.lv")
    base = f"/c/alfa/manage/applications/{application_id}"
    manager.submit(f"{base}/decline", {"reason": "Nav atbilstības.", "language": "en"})
    mails = len(visitor.mails())
    for action, data in (
        ("accept", {"language": "en"}),
        ("decline", {"reason": "Vēlreiz.", "language": "en"}),
    ):
        response = manager.get(f"{base}/{action}", follow_redirects=True)
        assert "This application was declined already." in response.get_data(as_text=True)
        response = manager.post(f"{base}/{action}", data)
        assert response.status_code == 302 and response.location.endswith(base)
    assert len(visitor.mails()) == mails
    with app.app_context(), cross_tenant():
        stored = db.session.get(Application, application_id)
        assert (stored.status, stored.reason, stored.invitation_id) == ("declined", "Nav atbilstības.", None)


def test_accepting_someone_who_is_a_member_already_says_so(app, world, visitor, signed_in):
    _apply(visitor, email="member@alfa.lv")
    application_id = _new_application_id(app)
    manager = signed_in("manager@alfa.lv")
    response = manager.submit(
        f"/c/alfa/manage/applications/{application_id}/accept", {"language": "en"}, follow_redirects=True
    )
    assert "member@alfa.lv is a member of the cluster already" in response.get_data(as_text=True)
    assert "Accept and invite" in response.get_data(as_text=True)  # still waiting for a decision
    with app.app_context(), cross_tenant():
        assert db.session.get(Application, application_id).status == "new"


def test_managers_edit_the_criteria_and_close_admissions(app, world, visitor, signed_in):
    manager = signed_in("manager@alfa.lv")
    page = manager.get("/c/alfa/manage/applications/settings").get_data(as_text=True)
    assert "can delegate at least one representative" in page
    assert re.search(r'<input[^>]*\bchecked\b[^>]*name="admissions_open"', page)
    response = manager.post(
        "/c/alfa/manage/applications/settings", {"admission_criteria": "Tikai **AVT** uzņēmumi."}
    )
    assert response.status_code == 302
    page = visitor.get("/join/alfa").get_data(as_text=True)
    assert "<strong>AVT</strong>" in page and "not taking applications at the moment" in page
    assert "not taking applications" not in visitor.get("/join/beta").get_data(as_text=True)


def test_members_may_not_see_or_decide_applications(app, world, signed_in):
    member = signed_in("member@alfa.lv")
    application_id = world.managed_a["application"]
    for path in ("/", f"/{application_id}", f"/{application_id}/accept", "/settings"):
        assert member.get(f"/c/alfa/manage/applications{path}").status_code == 403
    other = signed_in("manager@beta.lv")
    assert other.get(f"/c/beta/manage/applications/{application_id}").status_code == 404
