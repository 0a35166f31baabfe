"""A person's private calendar address: their clusters' events and their conference meetings, fetched by a
calendar program without signing in; made anew, stopped, and silent about clusters the person left."""

import re

import pytest
from icalendar import Calendar
from sqlalchemy import select

from clusterhub.conferences.models import Meeting
from clusterhub.extensions import db
from clusterhub.feeds.models import CalendarFeed
from tenants.context import cross_tenant, tenant_scope
from tenants.models import Membership, Tenant
from tests.conftest import World

ALFA_EVENT = f"{World.CANARY_A} sapulce"
BETA_EVENT = f"{World.CANARY_B} sapulce"
CONFERENCE = "Starpklasteru konference"


def _new_address(visitor) -> str:
    visitor.get("/account")  # the account page holds the form
    page = visitor.post("/account/calendar").get_data(as_text=True)
    return re.search(r'value="http://clusterhub\.test(/calendar/[^"]+\.ics)"', page).group(1)


def _summaries(response) -> list[str]:
    assert response.status_code == 200 and response.mimetype == "text/calendar"
    return [str(entry["summary"]) for entry in Calendar.from_ical(response.data).walk("VEVENT")]


@pytest.fixture
def member(world, signed_in):
    return signed_in("member@alfa.lv")


def test_the_feed_holds_the_persons_cluster_events_and_conference_without_a_session(
    app, world, member, visitor
):
    path = _new_address(member)
    summaries = _summaries(visitor.get(path))  # a calendar program: no cookie at all
    assert f"{ALFA_EVENT} (Alfa {World.CANARY_A} klasteris)" in summaries
    assert CONFERENCE in summaries
    assert not any(summary.startswith("Meeting:") for summary in summaries)  # the request is not accepted
    assert not any(BETA_EVENT in summary for summary in summaries)


def test_an_accepted_conference_meeting_is_in_the_feed(app, world, member, visitor):
    with app.app_context(), cross_tenant():
        meeting = db.session.get(Meeting, world.meeting)
        meeting.status, meeting.table_no = "accepted", 1
        db.session.commit()
    summaries = _summaries(visitor.get(_new_address(member)))
    assert f"Meeting: SIA {World.CANARY_B} Dārzs" in summaries


def test_only_a_hash_of_the_secret_is_stored(app, world, member):
    token = _new_address(member).removeprefix("/calendar/").removesuffix(".ics")
    with app.app_context():
        stored = db.session.scalar(select(CalendarFeed.token_hash))
    assert token not in stored and len(stored) == 64


def test_a_new_address_replaces_the_old_and_a_stopped_one_works_no_more(app, world, member, visitor):
    old = _new_address(member)
    assert "You have an address since" in member.get("/account").get_data(as_text=True)
    new = _new_address(member)
    assert visitor.get(old).status_code == 404 and visitor.get(new).status_code == 200
    question = member.get("/account/calendar/revoke").get_data(as_text=True)
    assert "Stop your calendar address?" in question and visitor.get(new).status_code == 200
    member.post("/account/calendar/revoke")
    assert visitor.get(new).status_code == 404
    assert "Make my calendar address" in member.get("/account").get_data(as_text=True)


def test_a_cluster_the_person_left_drops_out_of_the_feed(app, world, member, visitor):
    path = _new_address(member)
    with app.app_context():
        alfa = db.session.scalar(select(Tenant).where(Tenant.slug == "alfa"))
        with tenant_scope(alfa):
            db.session.delete(
                db.session.scalar(select(Membership).where(Membership.user_id == world.member_a))
            )
            db.session.commit()
    summaries = _summaries(visitor.get(path))
    assert summaries == []


def test_a_made_up_address_is_not_found(app, world, visitor):
    assert visitor.get("/calendar/not-a-valid-token.ics").status_code == 404
