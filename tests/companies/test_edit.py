"""Editing a profile: who may, what is checked, and the change history that records every change."""

from sqlalchemy import select

from clusterhub.clock import local_today
from clusterhub.companies import services
from clusterhub.companies.models import AdmissionRequest, Company, CompanyChange
from clusterhub.extensions import db
from tenants.context import cross_tenant
from tests.companies.helpers import add_company, admit_elsewhere, edit_profile, form_values


def _company(app, company_id: int) -> dict:
    """What is stored for a company, read outside any request."""
    with app.app_context(), cross_tenant():
        company = db.session.get(Company, company_id)
        return {
            "name": company.name,
            "registration_number": company.registration_number,
            "website": company.website,
            "sectors": company.tag_names("sector"),
            "roles": company.role_names,
            "contacts": [(person.name, person.email) for person in company.contacts],
            "changes": db.session.scalar(
                select(db.func.count(CompanyChange.id)).where(CompanyChange.company_id == company_id)
            ),
        }


def test_a_representative_edits_their_company(app, world, visitor):
    visitor.login("member@alfa.lv")
    response = edit_profile(
        visitor,
        "alfa",
        world.company_a,
        description="Kokapstrāde kopš 1995. gada",
        size="medium",
        region="riga",
        sectors="Kokapstrāde, Mēbeles",
        competences="CNC, Lāzergriešana",
        roles=["producer", "distributor"],
    )
    assert response.status_code == 302 and response.location.endswith(f"/c/alfa/companies/{world.company_a}")
    page = visitor.get(response.location).get_data(as_text=True)
    assert "The profile was saved." in page
    for text in (
        "Kokapstrāde kopš 1995. gada",
        "Medium",
        "Rīga",
        "Mēbeles",
        "Lāzergriešana",
        "Producer, Distributor",
    ):
        assert text in page


def test_other_members_get_403_on_edit_pages(app, world, signed_in):
    abele = add_company(app, "alfa", "SIA CANARYALFA Ābele")
    for email, company in (("colleague@alfa.lv", world.company_a), ("member@alfa.lv", abele)):
        visitor = signed_in(email)
        for suffix in ("/edit", "/logo", "/history"):
            assert visitor.get(f"/c/alfa/companies/{company}{suffix}").status_code == 403, (email, suffix)
        assert visitor.post(f"/c/alfa/companies/{company}/edit", {"name": "Pārņemts"}).status_code == 403
    assert _company(app, abele)["name"] == "SIA CANARYALFA Ābele"
    assert _company(app, world.company_a)["name"] == "SIA CANARYALFA Čiekurs"


def test_a_manager_edits_any_profile_of_the_cluster_and_the_member_since_date(app, world, visitor):
    visitor.login("manager@alfa.lv")
    response = edit_profile(
        visitor, "alfa", world.company_a, website="www.ciekurs.lv", member_since="2016-09-01"
    )
    assert response.status_code == 302
    assert _company(app, world.company_a)["website"] == "https://www.ciekurs.lv"
    assert "September 1, 2016" in visitor.get(response.location).get_data(as_text=True)


def test_only_managers_see_the_member_since_field(app, world, visitor):
    visitor.login("member@alfa.lv")
    page = visitor.get(f"/c/alfa/companies/{world.company_a}/edit").get_data(as_text=True)
    assert 'name="member_since"' not in page
    edit_profile(visitor, "alfa", world.company_a, member_since="2000-01-01")
    assert "January 1, 2000" not in visitor.get(f"/c/alfa/companies/{world.company_a}").get_data(as_text=True)


def test_a_member_since_date_in_the_future_is_refused(app, world, visitor):
    visitor.login("manager@alfa.lv")
    page = edit_profile(visitor, "alfa", world.company_a, member_since="2999-01-01").get_data(as_text=True)
    assert "The date cannot be in the future." in page


def test_saving_an_unchanged_profile_keeps_tags_and_roles_and_logs_nothing(app, world, visitor):
    visitor.login("member@alfa.lv")
    before = _company(app, world.company_a)
    assert edit_profile(visitor, "alfa", world.company_a).status_code == 302
    after = _company(app, world.company_a)
    assert after == before
    assert after["sectors"] == ["CANARYALFA nozare"] and after["roles"] == ["producer"]


def test_tags_are_entered_comma_separated_and_kept_once(app, world, visitor):
    visitor.login("member@alfa.lv")
    edit_profile(
        visitor, "alfa", world.company_a, sectors="Mēbeles, mēbeles ,, Kokapstrāde,  CANARYALFA nozare"
    )
    assert sorted(_company(app, world.company_a)["sectors"]) == [
        "CANARYALFA nozare",
        "Kokapstrāde",
        "Mēbeles",
    ]


def test_a_too_long_tag_is_refused_beside_the_field(app, world, visitor):
    visitor.login("member@alfa.lv")
    page = edit_profile(visitor, "alfa", world.company_a, competences="CNC, " + "x" * 101).get_data(
        as_text=True
    )
    assert 'id="competences-errors"' in page and "at most 100 characters" in page


def test_contact_people_are_added_changed_and_removed(app, world, visitor):
    visitor.login("member@alfa.lv")
    edit_profile(
        visitor,
        "alfa",
        world.company_a,
        **{
            "contacts-0-name": "Anna Ozola",
            "contacts-0-email": "anna@ciekurs.lv",
            "contacts-1-name": "Pēteris Kalns",
            "contacts-1-phone": "+371 2611 1111",
        },
    )
    assert _company(app, world.company_a)["contacts"] == [
        ("Anna Ozola", "anna@ciekurs.lv"),
        ("Pēteris Kalns", ""),
    ]
    edit_profile(visitor, "alfa", world.company_a, **{"contacts-0-name": "", "contacts-0-email": ""})
    assert _company(app, world.company_a)["contacts"] == [("Pēteris Kalns", "")]


def test_a_contact_without_a_name_or_with_a_bad_email_is_refused(app, world, visitor):
    visitor.login("member@alfa.lv")
    page = edit_profile(
        visitor,
        "alfa",
        world.company_a,
        **{
            "contacts-0-email": "anna@ciekurs.lv",
            "contacts-1-name": "Anna",
            "contacts-1-email": "nav-epasts",
        },
    ).get_data(as_text=True)
    assert 'id="contacts-0-name-errors"' in page and "Give the contact person&#39;s name." in page
    assert 'id="contacts-1-email-errors"' in page
    assert _company(app, world.company_a)["contacts"] == []


def test_a_website_must_be_a_web_address(app, world, visitor):
    visitor.login("member@alfa.lv")
    page = edit_profile(visitor, "alfa", world.company_a, website="javascript:alert(1)").get_data(
        as_text=True
    )
    assert 'id="website-errors"' in page
    assert _company(app, world.company_a)["website"] == ""


def test_a_registration_number_of_another_member_here_is_refused_beside_the_field(app, world, visitor):
    add_company(app, "alfa", "Cits Uzņēmums", registration_number="40003000001")
    visitor.login("member@alfa.lv")
    page = edit_profile(visitor, "alfa", world.company_a, registration_number="4000 3000 001").get_data(
        as_text=True
    )
    assert 'id="registration_number-errors"' in page
    assert "Another company on the platform has this registration number." in page
    assert "Cits" not in page
    assert _company(app, world.company_a)["registration_number"] is None


def test_another_clusters_number_in_the_profile_asks_that_company_and_names_nobody(app, world, signed_in):
    beta_id = add_company(app, "beta", "SIA CANARYBETA Svešs", registration_number="40003000002")
    member = signed_in("member@alfa.lv")
    response = edit_profile(
        member, "alfa", world.company_a, registration_number="40003000002", description="Jauns apraksts"
    )
    assert response.status_code == 302  # saved, like a free number, not refused beside the field
    page = member.get(response.headers["Location"]).get_data(as_text=True)
    assert "The profile was saved." in page and "That company has been asked to join the cluster" in page
    assert "CANARYBETA" not in page and "Svešs" not in page
    saved = _company(app, world.company_a)
    assert saved["registration_number"] is None  # the number stays the other company's
    with app.app_context(), cross_tenant():
        company_a = db.session.get(Company, world.company_a)
        assert company_a.description == "Jauns apraksts"
        requests = db.session.scalars(select(AdmissionRequest)).all()
        assert [(r.company_id, r.tenant.slug, r.status) for r in requests] == [(beta_id, "alfa", "waiting")]
        assert db.session.get(Company, beta_id).name == "SIA CANARYBETA Svešs"
    # Its own representatives answer, as for an import row naming it.
    assert member.get(f"/c/alfa/companies/{beta_id}").status_code == 404


def test_the_database_still_refuses_a_duplicate_number_that_slips_past_the_check(
    app, world, visitor, monkeypatch
):
    add_company(app, "alfa", "Cits Uzņēmums", registration_number="40003000001")
    monkeypatch.setattr(
        services, "_refuse_clashes", lambda company, values: None
    )  # as if saved at the same time
    visitor.login("member@alfa.lv")
    response = edit_profile(
        visitor, "alfa", world.company_a, registration_number="40003000001", description="X"
    )
    assert response.status_code == 200
    assert "Another company on the platform has this registration number." in response.get_data(as_text=True)
    assert _company(app, world.company_a)["registration_number"] is None


def test_companies_without_a_registration_number_do_not_clash(app, world, visitor):
    add_company(app, "alfa", "Bez Numura")
    visitor.login("member@alfa.lv")
    assert edit_profile(visitor, "alfa", world.company_a, registration_number=" ").status_code == 302


def test_a_name_of_another_member_company_is_refused(app, world, visitor):
    visitor.login("member@alfa.lv")
    page = edit_profile(visitor, "alfa", world.company_a, name="sia canaryalfa ābele").get_data(as_text=True)
    assert 'id="name-errors"' in page and "Another member company of this cluster has this name." in page


def test_the_change_history_records_who_changed_what_and_when(app, world, visitor):
    visitor.login("member@alfa.lv")
    edit_profile(visitor, "alfa", world.company_a, region="latgale", sectors="CANARYALFA nozare, Mēbeles")
    page = visitor.get(f"/c/alfa/companies/{world.company_a}/history").get_data(as_text=True)
    assert "Andris CANARYALFA" in page
    assert "Region" in page and "Kurzeme" in page and "Latgale" in page
    assert "Sectors" in page and "CANARYALFA nozare, Mēbeles" in page
    assert str(local_today().year) in page
    with app.app_context(), cross_tenant():
        change = db.session.scalars(select(CompanyChange).order_by(CompanyChange.id.desc())).first()
        assert change.user_id == world.member_a
        assert change.changes["region"] == ["kurzeme", "latgale"]


def test_the_history_does_not_name_people_of_another_cluster(app, world, signed_in):
    admit_elsewhere(app, world.company_a, "beta")
    outsider = signed_in("manager@beta.lv")
    edit_profile(outsider, "beta", world.company_a, other_clusters="Kokrūpniecības federācija")
    reader = signed_in("member@alfa.lv")
    page = reader.get(f"/c/alfa/companies/{world.company_a}/history").get_data(as_text=True)
    assert "Kokrūpniecības federācija" in page and "someone from another cluster" in page
    assert "CANARYBETA" not in page


def test_a_form_sent_without_fields_is_shown_again_with_errors(app, world, visitor):
    visitor.login("member@alfa.lv")
    visitor.get(f"/c/alfa/companies/{world.company_a}/edit")
    response = visitor.post(f"/c/alfa/companies/{world.company_a}/edit")
    assert response.status_code == 200 and "The profile was not saved." in response.get_data(as_text=True)
    assert _company(app, world.company_a)["changes"] == 1  # only the world's own profile


def test_the_edit_page_starts_from_the_current_profile(app, world, visitor):
    visitor.login("member@alfa.lv")
    values = form_values(visitor.get(f"/c/alfa/companies/{world.company_a}/edit").get_data(as_text=True))
    assert values["name"] == "SIA CANARYALFA Čiekurs"
    assert values["region"] == "kurzeme" and values["roles"] == ["producer"]
    assert values["sectors"] == "CANARYALFA nozare" and values["description"] == "CANARYALFA apraksts"
