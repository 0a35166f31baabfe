"""Joint incoming visits: a host cluster's manager plans one with a delegation and invites a related
cluster; its members apply and the host picks them (tests/conferences/test_shortlist.py); a picked company
registers and asks the delegation for a meeting, which the host accepts; a cluster that is not invited
sees nothing of it."""

import re
from datetime import timedelta

from sqlalchemy import select, update

from clusterhub.accounts.models import User
from clusterhub.clock import local_today
from clusterhub.companies.models import Company
from clusterhub.conferences.models import EventCluster, Meeting, Participant
from clusterhub.conferences.scoping import conference_scope
from clusterhub.events.models import Event
from clusterhub.extensions import db
from tenants.context import cross_tenant
from tenants.models import Tenant
from tests.factories import make_tenant, make_user

DELEGATION = "Norvēģijas mēbeļu pircēju delegācija"


def _tenant_id(app, slug: str) -> int:
    with app.app_context():
        return db.session.scalar(select(Tenant.id).where(Tenant.slug == slug))


def _visit_form(app) -> dict:
    day = (local_today() + timedelta(days=20)).isoformat()
    deadline = (local_today() + timedelta(days=10)).isoformat()
    beta = _tenant_id(app, "beta")
    return {
        "host": str(_tenant_id(app, "alfa")),
        "kind": "visit",
        "title": "Norvēģu mēbeļu pircēji Rīgā",
        "description": "Vizīte pie ražotājiem un tikšanās",
        "venue": "Rīga, Kalnciema iela 1",
        "starts_at": f"{day}T09:00",
        "ends_at": f"{day}T17:00",
        "registration_closes_at": f"{deadline}T17:00",
        "slot_minutes": "30",
        "tables": "2",
        "windows": f"{day} 10:00-12:00",
        "delegation": DELEGATION,
        "about": "Pieci iepircēji no Oslo un Bergenas",
        "interests": "Masīvkoka galdi un krēsli viesnīcām",
        "tags": "mēbeles, masīvkoks",
        f"invite_{beta}": "y",
        f"quota_{beta}": "2",
    }


def _create(app, signed_in) -> int:
    host = signed_in("manager@alfa.lv")
    response = host.submit("/events/delegations/new", _visit_form(app))
    assert response.status_code == 302, host.last_page
    return int(response.headers["Location"].rsplit("/", 1)[1])


def test_a_visit_goes_from_invitation_to_a_meeting_with_the_delegation(app, world, signed_in):
    visit = _create(app, signed_in)
    with app.app_context(), cross_tenant():
        event = db.session.get(Event, visit)
        assert (event.kind, event.host_tenant_id, event.tenant_id) == ("visit", _tenant_id(app, "alfa"), None)
        quotas = {
            i.tenant.slug: i.quota
            for i in db.session.scalars(select(EventCluster).where(EventCluster.event_id == visit))
        }
        assert quotas == {"alfa": 1, "beta": 2}  # the host's one place is the delegation's
    host = signed_in("manager@alfa.lv")
    page = host.get(f"/events/{visit}").get_data(as_text=True)
    assert DELEGATION in page and "Masīvkoka galdi" in page and "masīvkoks" in page and "Visit" in page

    # A member of the invited cluster applies; the host (not its cluster's managers) picks it; it registers.
    member = signed_in("member@beta.lv")
    assert "Norvēģu mēbeļu pircēji Rīgā" in member.get("/c/beta/conferences").get_data(as_text=True)
    assert member.post(f"/c/beta/conferences/{visit}/request").status_code == 302
    with app.app_context(), cross_tenant():
        asked = db.session.scalar(
            select(Participant).where(Participant.event_id == visit, Participant.status == "requested")
        )
    manager = signed_in("manager@beta.lv")
    manager.get(f"/c/beta/manage/conferences/{visit}")
    manager.post(f"/c/beta/manage/conferences/{visit}/participants/{asked.id}/approve", follow_redirects=True)
    assert "The host cluster picks the companies" in manager.last_page
    host.get(f"/events/{visit}/shortlist")
    assert host.post(f"/events/{visit}/shortlist/{asked.id}/pick").status_code == 302
    response = member.submit(
        f"/events/{visit}/register", {"seeks": "Pircējus", "offers": "Ozolkoka galdi", "consent": "y"}
    )
    assert response.status_code == 302, member.last_page

    # The company asks the delegation for a meeting; the host accepts.
    with app.app_context(), cross_tenant():
        delegation = db.session.scalar(
            select(Participant).join(Company).where(Participant.event_id == visit, Company.name == DELEGATION)
        )
    page = member.get(f"/events/{visit}").get_data(as_text=True)
    assert f"/events/{visit}/meetings/new?with={delegation.id}" in page
    form = member.get(f"/events/{visit}/meetings/new?with={delegation.id}").get_data(as_text=True)
    slot = re.search(r'<option value="(\d[^"]+)"', form).group(1)
    response = member.post(f"/events/{visit}/meetings/new?with={delegation.id}", {"slot": slot})
    assert response.status_code == 302, member.last_page
    with app.app_context(), cross_tenant(), conference_scope(visit, whole=True):
        meeting = db.session.scalar(select(Meeting).where(Meeting.event_id == visit))
    host.get(f"/events/{visit}/agenda")
    assert host.post(f"/events/{visit}/meetings/{meeting.id}/accept").status_code == 302
    with app.app_context(), cross_tenant(), conference_scope(visit, whole=True):
        assert db.session.get(Meeting, meeting.id).status == "accepted"
    assert DELEGATION in member.get(f"/events/{visit}/agenda").get_data(as_text=True)


def test_a_cluster_not_invited_sees_nothing_of_the_visit_and_the_card_is_in_no_directory(
    app, world, signed_in
):
    visit = _create(app, signed_in)
    make_tenant(app, "gamma", "Gamma klasteris")
    make_user(app, "member@gamma.lv", "Gints", "gamma", "member", "SIA Gamma")
    outsider = signed_in("member@gamma.lv")
    assert outsider.get(f"/events/{visit}").status_code == 403
    assert "Norvēģu" not in outsider.get("/events/").get_data(as_text=True)
    assert "Norvēģu" not in outsider.get("/c/gamma/conferences").get_data(as_text=True)
    host = signed_in("manager@alfa.lv")
    assert DELEGATION not in host.get("/c/alfa/companies?q=Norv").get_data(as_text=True)
    # The conference criterion keeps the visit's rows apart from the world's conference.
    with app.app_context(), cross_tenant(), conference_scope(world.conference, whole=True):
        assert all(p.event_id == world.conference for p in db.session.scalars(select(Participant)))


def test_deleting_a_visit_removes_the_delegations_card(app, world, signed_in):
    visit = _create(app, signed_in)
    host = signed_in("manager@alfa.lv")
    assert host.submit(f"/events/{visit}/delete").status_code == 302
    with app.app_context(), cross_tenant():
        assert db.session.scalar(select(Company).where(Company.name == DELEGATION)) is None


def test_only_a_clusters_managers_host_and_only_for_their_own_cluster(app, world, signed_in):
    member = signed_in("member@alfa.lv")
    assert member.get("/events/delegations/new").status_code == 403
    host = signed_in("manager@alfa.lv")
    page = host.get("/events/delegations/new?host=alfa").get_data(as_text=True)
    assert "Host cluster" in page and "The delegation" in page
    alfa = _tenant_id(app, "alfa")
    full = {**_visit_form(app), f"invite_{alfa}": "y", f"quota_{alfa}": "1000"}
    assert host.submit("/events/delegations/new", full).status_code == 200
    assert "At most 999: one more place is the delegation" in host.last_page
    response = host.submit(
        "/events/delegations/new", {**_visit_form(app), "host": str(_tenant_id(app, "beta"))}
    )
    assert response.status_code == 200 and "Not a valid choice" in host.last_page
    with app.app_context(), cross_tenant():
        assert db.session.scalar(select(Event).where(Event.kind == "visit")) is None


def test_the_host_sees_the_visit_in_latvian_with_its_kind(app, world, signed_in):
    visit = _create(app, signed_in)
    with app.app_context():
        db.session.execute(update(User).where(User.email == "manager@alfa.lv").values(language="lv"))
        db.session.commit()
    host = signed_in("manager@alfa.lv", "lv")
    page = host.get(f"/events/{visit}").get_data(as_text=True)
    assert "Vizīte" in page and "Ko delegācija meklē" in page
    assert "Vizīte" in host.get("/events/").get_data(as_text=True)
    assert "Vizīte vai tirdzniecības misija" in host.get("/c/alfa/").get_data(as_text=True)


def test_the_visits_pages_work_for_the_host_and_an_invited_member(app, world, signed_in):
    visit = _create(app, signed_in)
    host = signed_in("manager@alfa.lv")
    for path in (
        f"/c/alfa/manage/conferences/{visit}",
        "/c/alfa/conferences",
        f"/events/{visit}/participants",
        f"/events/{visit}/matches",
        f"/events/{visit}/report",
        f"/events/{visit}/edit",
    ):
        assert host.get(path).status_code == 200, path
    assert f"/events/{visit}/register" not in host.get(f"/events/{visit}").get_data(as_text=True)
    assert host.get(f"/events/{visit}/register").status_code in (403, 404)
    places = host.get(f"/c/alfa/manage/conferences/{visit}").get_data(as_text=True)
    assert "1 of 1 place taken" in places and "one place is the delegation's" in places
    response = host.submit(
        f"/events/{visit}/edit",
        {
            **_visit_form(app),
            f"invite_{_tenant_id(app, 'alfa')}": "y",
            f"quota_{_tenant_id(app, 'alfa')}": "1",
        },
    )
    assert response.status_code == 302, host.last_page
    member = signed_in("member@beta.lv")
    assert member.get(f"/events/{visit}").status_code == 200
    page = member.get("/c/beta/conferences").get_data(as_text=True)
    assert "Norvēģu mēbeļu pircēji Rīgā" in page and "Visit" in page
