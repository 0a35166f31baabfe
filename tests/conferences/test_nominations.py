"""Cluster side of a conference: members ask to go, managers nominate and approve within the quota and
before the deadline, and withdraw."""

import threading
from datetime import timedelta

import pytest
from sqlalchemy import select

from clusterhub.accounts.models import User
from clusterhub.clock import utcnow
from clusterhub.companies.models import Company
from clusterhub.conferences.models import Meeting
from clusterhub.conferences.nominations import services as nominations
from clusterhub.conferences.nominations.services import NominationError
from clusterhub.events.models import Event
from clusterhub.extensions import db
from tenants.context import cross_tenant, tenant_scope
from tenants.models import Tenant
from tests.conferences.nomination_helpers import (
    add_companies,
    close_registration,
    company_id,
    listed,
    make_former,
    notifications,
)
from tests.factories import make_conference, make_participant, make_user

ABELE = "SIA CANARYALFA Ābele"
CIEKURS = "SIA CANARYALFA Čiekurs"
FULL = "places at this conference are taken"
CLOSED = "Registration for this conference has closed."


def _manage(world) -> str:
    return f"/c/alfa/manage/conferences/{world.conference}"


def test_members_see_their_clusters_conferences_with_their_companys_status(app, world, signed_in):
    make_conference(app, "organiser@clusterhub.lv", {"beta": 10}, title="Tikai Betai")
    member = signed_in("member@alfa.lv")
    page = member.get("/c/alfa/conferences").get_data(as_text=True)
    assert "Starpklasteru konference" in page and "Tikai Betai" not in page
    assert "Your company: Registered" in page and "Registration closes" in page
    assert "Ask to go" not in page and "Nominate companies" not in page
    assert 'href="/c/alfa/conferences"' in member.get("/c/alfa/events").get_data(as_text=True)
    manager = signed_in("manager@alfa.lv")
    page = manager.get("/c/alfa/conferences").get_data(as_text=True)
    assert "Your company: Asked to go" in page and f"{_manage(world)}" in page


def test_a_member_asks_to_go_and_the_managers_are_told(app, world, signed_in):
    make_user(app, "third@alfa.lv", "Trešā", "alfa", "member", "SIA Trešais")
    third = signed_in("third@alfa.lv")
    assert "Ask to go" in third.get("/c/alfa/conferences").get_data(as_text=True)
    response = third.post(f"/c/alfa/conferences/{world.conference}/request")
    assert response.status_code == 302
    page = third.get(response.location).get_data(as_text=True)
    assert "Your request is sent" in page and "Your company: Asked to go" in page
    [(params, link)] = notifications(app, "alfa", "manager@alfa.lv", "conference_request")
    assert params == {"company": "SIA Trešais", "event": "Starpklasteru konference"} and link == _manage(
        world
    )
    assert listed(app, world.conference, "alfa")["SIA Trešais"].status == "requested"


@pytest.mark.parametrize(
    ("email", "company", "message"),
    [
        ("manager@alfa.lv", None, "list for this conference already"),
        ("nobody@alfa.lv", "", "does not represent a member company"),
    ],
)
def test_asking_twice_or_without_a_company_is_refused(app, world, signed_in, email, company, message):
    if company is not None:
        make_user(app, email, "Bez uzņēmuma", "alfa", "member", company)
    visitor = signed_in(email)
    response = visitor.post(f"/c/alfa/conferences/{world.conference}/request")
    assert response.status_code == 302
    assert message in visitor.get(response.location).get_data(as_text=True)
    assert len(listed(app, world.conference, "alfa")) == 2


def test_the_eleventh_nomination_is_refused(app, world, signed_in):
    names = [f"SIA Biedrs {n:02d}" for n in range(1, 11)]
    add_companies(app, "alfa", names)
    manager = signed_in("manager@alfa.lv")
    # Čiekurs is registered already, so nine more fill the quota of ten; the request does not count.
    for name in names[:9]:
        response = manager.submit(_manage(world), {"company": company_id(app, "alfa", name)})
        assert response.status_code == 302, name
    page = manager.get(_manage(world)).get_data(as_text=True)
    assert "10 of 10 places taken" in page and "places are taken. Withdraw a company" in page
    response = manager.post(_manage(world), {"company": company_id(app, "alfa", names[9])})
    assert response.status_code == 200 and FULL in response.get_data(as_text=True)
    assert 'id="company-errors"' in response.get_data(as_text=True)
    going = [p for p in listed(app, world.conference, "alfa").values() if p.status != "requested"]
    assert len(going) == 10


def test_nominating_tells_the_companys_people_to_register(app, world, signed_in):
    make_user(app, "third@alfa.lv", "Trešā", "alfa", "member", "SIA Trešais", language="lv")
    manager = signed_in("manager@alfa.lv")
    page = manager.get(_manage(world)).get_data(as_text=True)
    assert "SIA Trešais" in page and f'<option value="{world.company_a}"' not in page
    response = manager.post(_manage(world), {"company": company_id(app, "alfa", "SIA Trešais")})
    assert response.status_code == 302
    [(params, link)] = notifications(app, "alfa", "third@alfa.lv", "conference_nominated")
    assert link == f"/events/{world.conference}/register" and params["event"] == "Starpklasteru konference"
    assert manager.mails()[-1]["To"] == "third@alfa.lv"


def test_approving_a_request_nominates_the_company_and_tells_it(app, world, signed_in):
    manager = signed_in("manager@alfa.lv")
    assert "Approve" in manager.get(_manage(world)).get_data(as_text=True)
    response = manager.post(f"{_manage(world)}/participants/{world.request_a}/approve")
    assert response.status_code == 302
    assert "is nominated and was told to register" in manager.get(response.location).get_data(as_text=True)
    assert listed(app, world.conference, "alfa")[ABELE].status == "nominated"
    [(_, link)] = notifications(app, "alfa", "manager@alfa.lv", "conference_nominated")
    assert link == f"/events/{world.conference}/register"


def test_approving_beyond_the_quota_is_refused(app, world, signed_in):
    conference = make_conference(app, "organiser@clusterhub.lv", {"alfa": 1}, title="Maza konference")
    make_participant(app, conference, "alfa", CIEKURS, "member@alfa.lv")
    request = make_participant(app, conference, "alfa", ABELE, "manager@alfa.lv", status="requested")
    manager = signed_in("manager@alfa.lv")
    page = manager.get(f"/c/alfa/manage/conferences/{conference}").get_data(as_text=True)
    assert "1 of 1 place taken" in page and "Approve" not in page
    response = manager.post(f"/c/alfa/manage/conferences/{conference}/participants/{request}/approve")
    assert FULL in manager.get(response.location).get_data(as_text=True)
    assert listed(app, conference, "alfa")[ABELE].status == "requested"
    assert notifications(app, "alfa", "manager@alfa.lv", "conference_nominated") == []


def test_nothing_is_asked_nominated_or_approved_after_the_deadline(app, world, signed_in):
    make_user(app, "third@alfa.lv", "Trešā", "alfa", "member", "SIA Trešais")
    close_registration(app, world.conference)
    third = signed_in("third@alfa.lv")
    page = third.get("/c/alfa/conferences").get_data(as_text=True)
    assert "Registration has closed." in page and "Ask to go" not in page
    response = third.post(f"/c/alfa/conferences/{world.conference}/request")
    assert CLOSED in third.get(response.location).get_data(as_text=True)
    manager = signed_in("manager@alfa.lv")
    response = manager.post(_manage(world), {"company": company_id(app, "alfa", "SIA Trešais")})
    assert response.status_code == 200 and CLOSED in response.get_data(as_text=True)
    response = manager.post(f"{_manage(world)}/participants/{world.request_a}/approve")
    assert CLOSED in manager.get(response.location).get_data(as_text=True)
    assert set(listed(app, world.conference, "alfa")) == {CIEKURS, ABELE}
    assert listed(app, world.conference, "alfa")[ABELE].status == "requested"
    # Managers may still take a company off the list.
    response = manager.submit(f"{_manage(world)}/participants/{world.request_a}/withdraw")
    assert response.status_code == 302 and set(listed(app, world.conference, "alfa")) == {CIEKURS}


def test_a_former_member_company_cannot_be_nominated(app, world, signed_in):
    add_companies(app, "alfa", ["SIA Bijušais"])
    former = make_former(app, "alfa", "SIA Bijušais")
    manager = signed_in("manager@alfa.lv")
    assert "SIA Bijušais" not in manager.get(_manage(world)).get_data(as_text=True)
    response = manager.post(_manage(world), {"company": former})
    assert response.status_code == 200 and "Not a valid choice" in response.get_data(as_text=True)
    with app.app_context(), tenant_scope(db.session.scalar(select(Tenant).where(Tenant.slug == "alfa"))):
        invited = nominations.invitation(world.conference)
        manager_user = db.session.scalar(select(User).where(User.email == "manager@alfa.lv"))
        with pytest.raises(NominationError, match="former"):
            nominations.nominate(invited, db.session.get(Company, former), manager_user, utcnow())
    assert "SIA Bijušais" not in listed(app, world.conference, "alfa")


def test_a_request_of_a_company_that_left_is_not_approved(app, world, signed_in):
    make_former(app, "alfa", ABELE)
    manager = signed_in("manager@alfa.lv")
    response = manager.post(f"{_manage(world)}/participants/{world.request_a}/approve")
    assert "current member companies" in manager.get(response.location).get_data(as_text=True)
    assert listed(app, world.conference, "alfa")[ABELE].status == "requested"


def _nominate_in_thread(
    app, conference_id: int, name: str, locked: threading.Event, results: list, hold=None
):
    """Nominate in a session of its own; `hold` keeps the transaction open until the other thread tried."""
    with app.app_context():
        alfa = db.session.scalar(select(Tenant).where(Tenant.slug == "alfa"))
        with tenant_scope(alfa):
            invited = nominations.invitation(conference_id)
            company = db.session.scalar(select(Company).where(Company.name == name))
            manager = db.session.scalar(select(User).where(User.email == "manager@alfa.lv"))
            try:
                if hold is None:
                    locked.wait(10)
                nominations.nominate(invited, company, manager, utcnow())
                if hold is not None:
                    locked.set()
                    hold.wait(1)  # the other nomination is waiting for the lock by now
                db.session.commit()
                results.append("nominated")
            except NominationError as error:
                db.session.rollback()
                results.append(error.reason)


def test_two_managers_nominating_at_the_same_moment_never_exceed_the_quota(app, world):
    conference = make_conference(app, "organiser@clusterhub.lv", {"alfa": 1}, title="Viena vieta")
    add_companies(app, "alfa", ["SIA Pirmais", "SIA Otrais"])
    locked, never, results = threading.Event(), threading.Event(), []
    first = threading.Thread(
        target=_nominate_in_thread, args=(app, conference, "SIA Pirmais", locked, results, never)
    )
    second = threading.Thread(
        target=_nominate_in_thread, args=(app, conference, "SIA Otrais", locked, results)
    )
    first.start()
    second.start()
    first.join(20)
    second.join(20)
    assert sorted(results) == ["full", "nominated"]
    assert list(listed(app, conference, "alfa")) == ["SIA Pirmais"]


def test_manager_pages_are_for_managers_only(app, world, signed_in):
    member = signed_in("member@alfa.lv")
    assert member.get(_manage(world)).status_code == 403
    assert member.post(f"{_manage(world)}/participants/{world.request_a}/approve").status_code == 403
    assert member.get(f"{_manage(world)}/participants/{world.request_a}/withdraw").status_code == 403
    assert member.post(f"{_manage(world)}/participants/{world.request_a}/withdraw").status_code == 403
    assert listed(app, world.conference, "alfa")[ABELE].status == "requested"


def test_another_clusters_manager_sees_only_their_own_list(app, world, signed_in):
    manager_b = signed_in("manager@beta.lv")
    page = manager_b.get(f"/c/beta/manage/conferences/{world.conference}").get_data(as_text=True)
    assert "SIA CANARYBETA Dārzs" in page and "CANARYALFA" not in page
    assert "1 of 10 places taken" in page
    # Cluster A's request is not found through cluster B's pages.
    base = f"/c/beta/manage/conferences/{world.conference}/participants/{world.request_a}"
    assert manager_b.get(f"{base}/withdraw").status_code == 404
    assert manager_b.post(f"{base}/approve").status_code == 404


def test_a_conference_that_did_not_invite_the_cluster_is_not_found(app, world, signed_in):
    other = make_conference(app, "organiser@clusterhub.lv", {"beta": 10}, title="Tikai Betai")
    manager = signed_in("manager@alfa.lv")
    assert manager.get(f"/c/alfa/manage/conferences/{other}").status_code == 404
    assert manager.post(f"/c/alfa/conferences/{other}/request").status_code == 404


def test_withdrawing_a_registration_asks_first_and_cancels_its_meetings(app, world, signed_in):
    manager = signed_in("manager@alfa.lv")
    path = f"{_manage(world)}/participants/{world.participant_a}/withdraw"
    page = manager.get(path).get_data(as_text=True)
    assert (
        "Withdraw the registration of SIA CANARYALFA Čiekurs" in page and "Its 1 meeting is cancelled" in page
    )
    response = manager.post(path)
    assert response.status_code == 302
    assert "list for this conference." in manager.get(response.location).get_data(as_text=True)
    assert CIEKURS not in listed(app, world.conference, "alfa")
    with app.app_context(), cross_tenant():
        assert db.session.get(Meeting, world.meeting) is None
    # The other side, in cluster B, is told the meeting is off.
    [(params, _)] = notifications(app, "beta", "member@beta.lv", "meeting_cancelled")
    assert params["company"] == CIEKURS


def test_declining_a_request_removes_it(app, world, signed_in):
    manager = signed_in("manager@alfa.lv")
    path = f"{_manage(world)}/participants/{world.request_a}/withdraw"
    assert "Decline the request of SIA CANARYALFA Ābele" in manager.get(path).get_data(as_text=True)
    manager.post(path)
    assert ABELE not in listed(app, world.conference, "alfa")
    assert "No member has asked to go." in manager.get(_manage(world)).get_data(as_text=True)


def test_after_the_conference_nobody_is_taken_off_the_list(app, world, signed_in):
    with app.app_context(), cross_tenant():
        event = db.session.get(Event, world.conference)
        event.starts_at, event.ends_at = utcnow() - timedelta(days=2), utcnow() - timedelta(days=1)
        db.session.commit()
    manager = signed_in("manager@alfa.lv")
    path = f"{_manage(world)}/participants/{world.participant_a}/withdraw"
    response = manager.post(path, follow_redirects=True)
    assert "The conference is over" in response.get_data(as_text=True)
    assert CIEKURS in listed(app, world.conference, "alfa")
    with app.app_context(), cross_tenant():
        assert db.session.get(Meeting, world.meeting) is not None
