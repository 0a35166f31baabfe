"""The host's shortlist of a visit: members of the invited clusters apply, the host picks within each
cluster's quota, picked and not picked companies are told, only picked companies meet the delegation;
and the host changes the delegation's description, logged and told to the invited clusters."""

import html
import re

import pytest
from sqlalchemy import event, select

from clusterhub.companies.models import Company
from clusterhub.conferences.models import Participant
from clusterhub.extensions import db
from clusterhub.security.models import AuditEvent
from tenants.context import cross_tenant
from tests.conferences.nomination_helpers import add_companies, close_registration, notifications
from tests.conferences.test_visits import DELEGATION, _create, _tenant_id, _visit_form
from tests.factories import make_participant, make_user

# Beta's quota is 2 (tests/conferences/test_visits.py): three of its companies apply.
APPLICANTS = {"member@beta.lv": None, "ilze@beta.lv": "SIA Ilzenes Koks", "juris@beta.lv": "SIA Jura Galdi"}


def visit_with_applicants(app, signed_in) -> int:
    """The world's host (manager@alfa.lv) plans a visit; three companies of cluster B apply."""
    for email, company in APPLICANTS.items():
        if company:
            make_user(app, email, email.split("@")[0].title(), "beta", "member", company)
    visit = _create(app, signed_in)
    for email in APPLICANTS:
        applicant = signed_in(email)
        applicant.get("/c/beta/conferences")
        assert applicant.post(f"/c/beta/conferences/{visit}/request").status_code == 302
    return visit


@pytest.fixture
def visit(app, world, signed_in):
    return visit_with_applicants(app, signed_in)


def _applications(app, visit: int) -> dict[str, tuple[int, str]]:
    """Company name -> (participant id, status) on the visit's lists, the delegation left out."""
    with app.app_context(), cross_tenant():
        rows = db.session.execute(
            select(Company.name, Participant.id, Participant.status)
            .join(Participant.company)
            .where(Participant.event_id == visit, Company.name != DELEGATION)
        )
        return {name: (participant_id, status) for name, participant_id, status in rows}


def _clusters(page: str) -> list[str]:
    """Each invited cluster's part of the shortlist page, by cluster name."""
    return re.findall(r'<section aria-labelledby="cluster-.*?</section>', page, re.DOTALL)


def _pick(host, visit: int, participant_id: int):
    host.get(f"/events/{visit}/shortlist")
    return host.post(f"/events/{visit}/shortlist/{participant_id}/pick", follow_redirects=True)


def test_the_host_picks_within_each_clusters_quota_and_both_sides_are_told(app, visit, signed_in):
    host = signed_in("manager@alfa.lv")
    # The host heard of each application.
    told = notifications(app, "alfa", "manager@alfa.lv", "visit_application")
    assert len(told) == 3 and told[0][1] == f"/events/{visit}/shortlist"
    alfa, beta = _clusters(host.get(f"/events/{visit}/shortlist").get_data(as_text=True))
    assert "0 of 2 places taken" in beta and beta.count(">Pick<") == 3
    assert "SIA Ilzenes Koks" in beta and "No company of this cluster is picked yet." in beta
    assert "No company of this cluster has applied yet." in alfa and "0 of 0 places taken" in alfa

    applied = _applications(app, visit)
    first, second, third = sorted(applied)
    assert "is picked and was told to register" in _pick(host, visit, applied[first][0]).get_data(
        as_text=True
    )
    _pick(host, visit, applied[second][0])
    page = html.unescape(_pick(host, visit, applied[third][0]).get_data(as_text=True))
    assert "All the cluster's places at this conference are taken" in page
    assert "2 of 2 places taken" in page and ">Pick<" not in page
    assert [status for _, status in map(_applications(app, visit).get, (first, second, third))] == [
        "nominated",
        "nominated",
        "requested",
    ]

    # The third is not picked: asked first, then told.
    path = f"/events/{visit}/shortlist/{applied[third][0]}/remove"
    assert "Turn down the application of" in html.unescape(host.get(path).get_data(as_text=True))
    assert _applications(app, visit)[third][1] == "requested"
    assert host.post(path).status_code == 302
    assert third not in _applications(app, visit)

    picked_mail = [mail for mail in host.mails() if mail["Subject"].startswith("Your company is picked for")]
    not_picked = [mail for mail in host.mails() if "was not picked" in mail["Subject"]]
    assert len(picked_mail) == 2 and len(not_picked) == 1
    [(params, link)] = notifications(app, "beta", "juris@beta.lv", "visit_not_picked")
    assert third == "SIA Jura Galdi" and link == "/c/beta/conferences"
    [(params, link)] = notifications(app, "beta", "ilze@beta.lv", "visit_picked")
    assert link == f"/events/{visit}/register" and "deadline" in params


def test_picked_companies_meet_the_delegation_and_the_others_cannot(app, visit, signed_in):
    host = signed_in("manager@alfa.lv")
    applied = _applications(app, visit)
    _pick(host, visit, applied["SIA Ilzenes Koks"][0])
    answers = {"seeks": "Pircējus", "offers": "Ozolkoka galdi", "consent": "y"}
    with app.app_context(), cross_tenant():
        delegation = db.session.scalar(
            select(Participant.id)
            .join(Company)
            .where(Participant.event_id == visit, Company.name == DELEGATION)
        )
    picked, waiting = signed_in("ilze@beta.lv"), signed_in("juris@beta.lv")
    picked.get(f"/events/{visit}")
    assert "The host picked your company: register now" in picked.last_page
    waiting.get(f"/events/{visit}")
    assert "The host picked your company" not in waiting.last_page
    assert picked.submit(f"/events/{visit}/register", answers).status_code == 302
    assert waiting.get(f"/events/{visit}/register").status_code == 403
    meeting = f"/events/{visit}/meetings/new?with={delegation}"
    slot = re.search(r'<option value="(\d[^"]+)"', picked.get(meeting).get_data(as_text=True)).group(1)
    assert picked.post(meeting, {"slot": slot}).status_code == 302
    assert waiting.get(meeting).status_code == 403
    assert "SIA Ilzenes Koks" in host.get(f"/events/{visit}/agenda").get_data(as_text=True)
    # Taken off the shortlist after registering: its meeting request is cancelled and the place is free.
    host.get(f"/events/{visit}/shortlist/{applied['SIA Ilzenes Koks'][0]}/remove")
    assert "its meetings still to come are cancelled" in host.last_page
    host.post(f"/events/{visit}/shortlist/{applied['SIA Ilzenes Koks'][0]}/remove")
    assert "0 of 2 places taken" in host.get(f"/events/{visit}/shortlist").get_data(as_text=True)
    assert picked.get(f"/events/{visit}/agenda").status_code == 403


def test_only_the_host_keeps_the_shortlist_and_only_of_its_own_visit(app, visit, world, signed_in):
    applied = _applications(app, visit)
    some = applied["SIA Ilzenes Koks"][0]
    for email in ("manager@beta.lv", "member@beta.lv"):
        visitor = signed_in(email)
        assert visitor.get(f"/events/{visit}/shortlist").status_code == 403
        assert visitor.get(f"/events/{visit}/delegation").status_code == 403
        visitor.get(f"/events/{visit}")
        assert visitor.post(f"/events/{visit}/shortlist/{some}/pick").status_code == 403
    # A conference has no shortlist; another event's participant is not found on this one's.
    organiser = signed_in("organiser@clusterhub.lv")
    assert organiser.get(f"/events/{world.conference}/shortlist").status_code == 404
    host = signed_in("manager@alfa.lv")
    host.get(f"/events/{visit}/shortlist")
    assert host.post(f"/events/{visit}/shortlist/{world.request_a}/pick").status_code == 404
    assert host.get(f"/events/{visit}/shortlist/{world.request_a}/remove").status_code == 404
    assert _applications(app, visit)["SIA Ilzenes Koks"][1] == "requested"


def test_after_the_deadline_nobody_is_picked(app, visit, signed_in):
    close_registration(app, visit)
    host = signed_in("manager@alfa.lv")
    page = html.unescape(
        _pick(host, visit, _applications(app, visit)["SIA Ilzenes Koks"][0]).get_data(as_text=True)
    )
    assert "Registration for this conference has closed." in page and ">Pick<" not in page


def test_the_host_changes_the_delegation_and_the_invited_clusters_are_told(app, visit, signed_in):
    host = signed_in("manager@alfa.lv")
    form = host.get(f"/events/{visit}/delegation").get_data(as_text=True)
    assert DELEGATION in form and "Masīvkoka galdi" in form
    changed = {
        "delegation": "Zviedrijas mēbeļu pircēju delegācija",
        "about": "Seši iepircēji no Stokholmas",
        "interests": "Biroja krēsli un galdi",
        "tags": "mēbeles, birojs",
    }
    assert host.submit(f"/events/{visit}/delegation", changed).status_code == 302
    page = signed_in("member@beta.lv").get(f"/events/{visit}").get_data(as_text=True)
    assert "Zviedrijas mēbeļu pircēju delegācija" in page and "Biroja krēsli" in page and "birojs" in page
    assert DELEGATION not in page
    # The invited cluster's managers and the applicants are told; the host is not.
    for email in ("manager@beta.lv", "member@beta.lv", "ilze@beta.lv"):
        [(_, link)] = notifications(app, "beta", email, "visit_changed")
        assert link == f"/events/{visit}"
    assert notifications(app, "alfa", "manager@alfa.lv", "visit_changed") == []
    # Saving it unchanged tells nobody again; a change of the dates is told as well.
    host.submit(f"/events/{visit}/delegation", changed, follow_redirects=True)
    assert "Nothing was changed." in host.last_page
    later = _visit_form(app) | {"venue": "Liepāja, Ostas iela 5"}
    alfa = _tenant_id(app, "alfa")
    assert (
        host.submit(
            f"/events/{visit}/edit", later | {f"invite_{alfa}": "y", f"quota_{alfa}": "1"}
        ).status_code
        == 302
    )
    assert len(notifications(app, "beta", "manager@beta.lv", "visit_changed")) == 2
    with app.app_context():
        logged = db.session.execute(
            select(AuditEvent.subject, AuditEvent.tenant_id).where(AuditEvent.kind == "visit_changed")
        ).all()
    assert logged == [(f"event:{visit}:delegation", alfa), (f"event:{visit}:plan", alfa)]


def test_a_delegation_without_a_name_or_interests_is_refused_beside_the_fields(app, visit, signed_in):
    host = signed_in("manager@alfa.lv")
    response = host.submit(f"/events/{visit}/delegation", {"delegation": " ", "about": "", "interests": ""})
    assert response.status_code == 200
    assert host.last_page.count('class="field has-errors"') == 2
    assert DELEGATION in host.get(f"/events/{visit}").get_data(as_text=True)


def _statements(app, visitor, path: str) -> int:
    """How many SQL statements a page runs."""
    run = []
    with app.app_context():
        engine = db.engine
    listener = lambda *args: run.append(args[2])  # noqa: E731
    event.listen(engine, "before_cursor_execute", listener)
    try:
        assert visitor.get(path).status_code == 200
    finally:
        event.remove(engine, "before_cursor_execute", listener)
    return len(run)


def test_the_shortlist_reads_the_same_few_statements_however_many_apply(app, visit, signed_in):
    host = signed_in("manager@alfa.lv")
    path = f"/events/{visit}/shortlist"
    host.get(path)
    few = _statements(app, host, path)
    names = [f"SIA Pieteicējs {number}" for number in range(12)]
    add_companies(app, "beta", names)
    for name in names:
        make_participant(app, visit, "beta", name, status="requested")
    assert _statements(app, host, path) == few
    assert host.last_page.count(">Pick<") == 15
