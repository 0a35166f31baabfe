"""Conference data stays inside its conference and the visitor's part in it, the way clusters are kept apart.

The world's conference (A) invites alfa and beta; member@alfa.lv asked member@beta.lv to meet. A second
conference (B), organised by someone else, invites beta and gamma, where member@beta.lv has an accepted
meeting with a gamma company.
"""

from dataclasses import dataclass

import pytest
from sqlalchemy import select

from clusterhub.companies.models import Company
from clusterhub.conferences.models import Meeting, MeetingSeat, MeetingWindow
from clusterhub.conferences.scoping import conference_scope
from clusterhub.extensions import db
from tenants.context import cross_tenant, tenant_scope
from tenants.models import Tenant
from tenants.scoping import TenantScopeError
from tests.conferences.meeting_helpers import agreed, newcomer
from tests.factories import make_conference, make_meeting, make_participant, make_tenant, make_user


@dataclass(frozen=True)
class Second:
    conference: int
    beta: int  # member@beta.lv's participation in B
    gamma: int
    meeting: int  # accepted, beta with gamma
    inner: int  # a meeting of A between two other participants


@pytest.fixture
def second(app, world) -> Second:
    make_tenant(app, "gamma", "Gamma klasteris")
    make_user(app, "other.organiser@clusterhub.lv", "Otto Organizators", is_organiser=True)
    conference = make_conference(
        app, "other.organiser@clusterhub.lv", {"beta": 5, "gamma": 5}, title="Otrā konference"
    )
    beta = make_participant(app, conference, "beta", "SIA CANARYBETA Dārzs", "member@beta.lv")
    gamma = newcomer(app, conference, "gamma", "Gints")
    meeting = agreed(app, beta, gamma, 0)
    inner = make_meeting(
        app, newcomer(app, world.conference, "alfa", "Ilze"), newcomer(app, world.conference, "beta", "Juris")
    )
    return Second(conference, beta, gamma, meeting, inner)


def _ids(model) -> set[int]:
    return set(db.session.scalars(select(model.id)))


def _tenant(slug: str) -> Tenant:
    with cross_tenant():
        return db.session.scalar(select(Tenant).where(Tenant.slug == slug))


def test_inside_a_cluster_meetings_windows_and_seats_are_only_those_it_takes_part_in(app, world, second):
    with app.app_context():
        with tenant_scope(_tenant("alfa")):
            assert _ids(Meeting) == {world.meeting, second.inner}
            assert {w.event_id for w in db.session.scalars(select(MeetingWindow))} == {world.conference}
            assert _ids(MeetingSeat) == set()
        with tenant_scope(_tenant("gamma")):
            assert _ids(Meeting) == {second.meeting}
            assert {s.meeting_id for s in db.session.scalars(select(MeetingSeat))} == {second.meeting}
        with tenant_scope(_tenant("beta")):
            assert _ids(Meeting) == {world.meeting, second.inner, second.meeting}


def test_a_query_for_meetings_outside_any_cluster_or_conference_is_refused(app, world):
    with app.app_context():
        for model in (Meeting, MeetingWindow, MeetingSeat):
            with pytest.raises(TenantScopeError):
                db.session.scalars(select(model)).all()


def test_on_a_conference_a_participant_finds_only_their_own_meetings_of_it(app, world, second):
    with app.app_context(), cross_tenant():
        participant = db.session.get(Meeting, world.meeting).requester
        with conference_scope(world.conference, participant):
            assert _ids(Meeting) == {world.meeting}
            # Even read across clusters, the conference's criterion stays.
            assert db.session.scalar(select(Meeting).where(Meeting.id == second.meeting)) is None
            assert {w.event_id for w in db.session.scalars(select(MeetingWindow))} == {world.conference}


def test_an_organiser_finds_every_meeting_of_their_conference_and_none_of_another(app, world, second):
    with app.app_context():
        with conference_scope(world.conference, whole=True):
            assert _ids(Meeting) == {world.meeting, second.inner}
        with conference_scope(second.conference, whole=True):
            assert _ids(Meeting) == {second.meeting}
            assert {s.meeting_id for s in db.session.scalars(select(MeetingSeat))} == {second.meeting}


def test_a_visitor_of_a_conference_without_a_registration_finds_no_meetings(app, world, second):
    with app.app_context(), conference_scope(world.conference):
        assert _ids(Meeting) == set()
        assert _ids(MeetingSeat) == set()


def test_other_cluster_data_on_a_conference_is_refused_unless_read_on_purpose(app, world):
    with app.app_context(), conference_scope(world.conference, whole=True):
        with pytest.raises(TenantScopeError):
            db.session.scalars(select(Company)).all()
        with cross_tenant():
            assert db.session.scalars(select(Company)).all()


@pytest.mark.parametrize("action", ["accept", "decline", "propose", "cancel"])
def test_a_meeting_of_another_conference_is_not_found_through_this_ones_pages(
    app, world, second, signed_in, action
):
    # member@beta.lv takes part in both conferences and may answer B's meeting on B's pages only.
    visitor = signed_in("member@beta.lv")
    # Neither another conference's meeting nor one of this conference she is no side of.
    for crafted in (second.meeting, second.inner):
        assert visitor.post(f"/events/{world.conference}/meetings/{crafted}/{action}").status_code == 404


def test_an_organiser_sees_only_their_own_conference(app, world, second, signed_in):
    visitor = signed_in("organiser@clusterhub.lv")
    assert visitor.get(f"/events/{second.conference}/report").status_code == 403
    assert visitor.get(f"/events/{second.conference}/meetings.csv").status_code == 403
    listed = visitor.get(f"/events/{world.conference}/meetings.csv").get_data(as_text=True)
    assert "SIA Ilze" in listed and "SIA Gints" not in listed
