"""A nominated company's representative registers for the conference: answers, interests, what to show,
and consent."""

from tests.conferences.nomination_helpers import close_registration, listed, notifications
from tests.factories import make_conference, make_participant, make_profile, make_tenant, make_user

ABELE = "SIA CANARYALFA Ābele"
CIEKURS = "SIA CANARYALFA Čiekurs"
ANSWERS = {"seeks": "Meklējam kravu pārvadātāju", "offers": "Ābolu sulas ražošana", "consent": "y"}


def _register(world) -> str:
    return f"/events/{world.conference}/register"


def _nominate_abele(app, world, signed_in):
    manager = signed_in("manager@alfa.lv")
    manager.post(f"/c/alfa/manage/conferences/{world.conference}/participants/{world.request_a}/approve")
    return manager


def test_from_request_to_registration(app, world, signed_in):
    make_user(app, "third@alfa.lv", "Trešā", "alfa", "member", "SIA Trešais")
    third = signed_in("third@alfa.lv")
    third.post(f"/c/alfa/conferences/{world.conference}/request")
    [(_, link)] = notifications(app, "alfa", "manager@alfa.lv", "conference_request")
    manager = signed_in("manager@alfa.lv")
    page = manager.get(link).get_data(as_text=True)
    requested = listed(app, world.conference, "alfa")["SIA Trešais"]
    assert "SIA Trešais" in page and "Approve" in page
    manager.post(f"{link}/participants/{requested.id}/approve")
    [(_, link)] = notifications(app, "alfa", "third@alfa.lv", "conference_nominated")
    assert link == _register(world)
    page = third.get(link).get_data(as_text=True)
    assert "Register for Starpklasteru konference" in page and "SIA Trešais" in page
    assert "name, cluster, sectors and these answers to the other participants" in page
    response = third.post(
        link, {**ANSWERS, "interests": ["CANARYBETA nozare"], "show_website": "y", "show_contact": "y"}
    )
    assert response.status_code == 302
    registered = listed(app, world.conference, "alfa")["SIA Trešais"]
    assert registered.status == "registered" and registered.consented_at is not None
    assert registered.user.email == "third@alfa.lv"
    assert (registered.seeks, registered.offers) == (ANSWERS["seeks"], ANSWERS["offers"])
    assert registered.interest_names == ["CANARYBETA nozare"]
    assert registered.show_website and registered.show_contact and not registered.show_region
    assert "Your company: Registered" in third.get("/c/alfa/conferences").get_data(as_text=True)


def test_the_sectors_offered_are_those_of_the_invited_clusters_current_members(app, world, signed_in):
    make_tenant(app, "gamma", "Gamma klasteris")
    make_user(app, "g@gamma.lv", "Gints", "gamma", "member", "SIA Gamma")
    make_profile(app, "gamma", "SIA Gamma", sectors=["Neaicināta nozare"])
    make_profile(app, "alfa", ABELE, sectors=["Dārzkopība", "CANARYBETA nozare"])
    _nominate_abele(app, world, signed_in)
    page = signed_in("manager@alfa.lv").get(_register(world)).get_data(as_text=True)
    for sector in ("CANARYALFA nozare", "CANARYBETA nozare", "Dārzkopība"):
        assert f'value="{sector}"' in page, sector
    assert page.count('value="CANARYBETA nozare"') == 1 and "Neaicināta nozare" not in page


def test_registering_without_consent_is_refused_beside_the_checkbox(app, world, signed_in):
    manager = _nominate_abele(app, world, signed_in)
    manager.get(_register(world))
    response = manager.post(_register(world), {**ANSWERS, "consent": ""})
    page = response.get_data(as_text=True)
    assert response.status_code == 200 and 'id="consent-errors"' in page
    assert "tick the box to register" in page
    assert listed(app, world.conference, "alfa")[ABELE].status == "nominated"


def test_seeks_and_offers_are_required(app, world, signed_in):
    manager = _nominate_abele(app, world, signed_in)
    manager.get(_register(world))
    page = manager.post(_register(world), {"consent": "y"}).get_data(as_text=True)
    assert 'id="seeks-errors"' in page and 'id="offers-errors"' in page
    assert listed(app, world.conference, "alfa")[ABELE].status == "nominated"


def test_registering_after_the_deadline_is_refused(app, world, signed_in):
    manager = _nominate_abele(app, world, signed_in)
    close_registration(app, world.conference)
    page = manager.get(_register(world)).get_data(as_text=True)
    assert "Registration for this conference has closed." in page and "consent" not in page
    response = manager.post(_register(world), ANSWERS)
    assert response.status_code == 200
    assert listed(app, world.conference, "alfa")[ABELE].status == "nominated"


def test_the_registered_person_changes_the_answers_and_the_consent_stays(app, world, signed_in):
    member = signed_in("member@alfa.lv")
    before = listed(app, world.conference, "alfa")[CIEKURS]
    page = member.get(_register(world)).get_data(as_text=True)
    assert "Save the registration" in page and "Meklējam loģistikas partneri eksportam" in page
    assert member.post(_register(world), {**ANSWERS, "show_region": "y"}).status_code == 302
    after = listed(app, world.conference, "alfa")[CIEKURS]
    assert after.seeks == ANSWERS["seeks"] and after.show_region
    assert after.consented_at == before.consented_at and after.status == "registered"
    # Consent is what registering means: taking it back is refused, the registration stays.
    response = member.post(_register(world), {**ANSWERS, "consent": ""})
    assert response.status_code == 200 and 'id="consent-errors"' in response.get_data(as_text=True)
    assert listed(app, world.conference, "alfa")[CIEKURS].status == "registered"


def test_a_colleague_cannot_take_over_the_registration(app, world, signed_in):
    make_user(app, "colleague2@alfa.lv", "Kolēģe", "alfa", "member", CIEKURS)
    colleague = signed_in("colleague2@alfa.lv")
    page = colleague.get(_register(world)).get_data(as_text=True)
    assert "A colleague registered your company" in page and "Save the registration" not in page
    colleague.post(_register(world), ANSWERS)
    assert listed(app, world.conference, "alfa")[CIEKURS].user.email == "member@alfa.lv"


def test_people_of_other_companies_and_clusters_get_403(app, world, signed_in):
    make_tenant(app, "gamma", "Gamma klasteris")
    make_user(app, "g@gamma.lv", "Gints", "gamma", "member", "SIA Gamma")
    make_user(app, "third@alfa.lv", "Trešā", "alfa", "member", "SIA Trešais")
    # manager@alfa.lv's company only asked; third@alfa.lv's company is not listed; member@beta.lv's company
    # is registered for Beta, but that does not let them register Alfa's nominated company.
    for email in ("manager@alfa.lv", "third@alfa.lv", "g@gamma.lv"):
        visitor = signed_in(email)
        assert visitor.get(_register(world)).status_code == 403, email
        assert visitor.post(_register(world), ANSWERS).status_code == 403, email
    assert "Ask your cluster" in signed_in("third@alfa.lv").get(_register(world)).get_data(as_text=True)


def test_a_company_registers_only_where_its_own_cluster_nominated_it(app, world, signed_in):
    conference = make_conference(app, "organiser@clusterhub.lv", {"alfa": 10, "beta": 10}, title="Otrā")
    make_participant(app, conference, "beta", "SIA CANARYBETA Dārzs", status="nominated")
    member_b = signed_in("member@beta.lv")
    assert member_b.get(f"/events/{conference}/register").status_code == 200
    member_a = signed_in("member@alfa.lv")
    assert member_a.get(f"/events/{conference}/register").status_code == 403
