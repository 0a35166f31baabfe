"""Managers plan events and record who came; members see them and say their company will attend."""

import re
from datetime import UTC, datetime

from sqlalchemy import select

from clusterhub.events.models import Event
from clusterhub.extensions import db
from tenants.context import cross_tenant

EVENT = {
    "kind": "member_meeting",
    "title": "Pavasara biedru sapulce",
    "description": "**Darba kārtība**: jaunie biedri",
    "venue": "Rīga, Brīvības iela 1",
    "starts_at": "2030-03-14T16:00",
    "ends_at": "2030-03-14T18:30",
    "presentations": "y",
}


def _events(app) -> list[Event]:
    with app.app_context(), cross_tenant():
        return list(db.session.scalars(select(Event).order_by(Event.id)))


def _add(visitor, **changes):
    visitor.login("manager@alfa.lv")
    return visitor.submit("/c/alfa/manage/events/new", {**EVENT, **changes})


def test_a_manager_adds_an_event_in_riga_time_and_members_see_it(app, world, visitor, signed_in):
    response = _add(visitor)
    assert response.status_code == 302
    event = _events(app)[-1]
    # 16:00 in Rīga in March (winter time, UTC+2) is 14:00 UTC.
    assert event.starts_at == datetime(2030, 3, 14, 14, 0, tzinfo=UTC)
    assert event.presentations and event.kind == "member_meeting"
    member = signed_in("member@alfa.lv")
    listing = member.get("/c/alfa/events").get_data(as_text=True)
    assert "Pavasara biedru sapulce" in listing and "4:00" in listing
    page = member.get(f"/c/alfa/events/{event.id}").get_data(as_text=True)
    assert "<strong>Darba kārtība</strong>" in page and "Rīga, Brīvības iela 1" in page
    assert "6:30" in page and "New members may present their company at this event." in page


def test_an_event_cannot_end_before_it_starts(app, world, visitor):
    before = len(_events(app))
    response = _add(visitor, ends_at="2030-03-14T15:00")
    assert response.status_code == 200
    assert re.search(r'id="ends_at-errors">\s*<li>The end cannot be before the start.', visitor.last_page)
    assert len(_events(app)) == before


def test_an_event_needs_a_title_and_a_start(app, world, visitor):
    response = _add(visitor, title="  ", starts_at="")
    assert response.status_code == 200
    assert re.search(r'id="title-errors">\s*<li>This field is required.', visitor.last_page)
    assert re.search(r'id="starts_at-errors">\s*<li>This field is required.', visitor.last_page)


def test_a_manager_edits_an_event_and_the_form_shows_riga_time(app, world, visitor):
    event_id = world.managed_a["event"]
    visitor.login("manager@alfa.lv")
    form = visitor.get(f"/c/alfa/manage/events/{event_id}/edit").get_data(as_text=True)
    assert "CANARYALFA sapulce" in form
    response = visitor.post(
        f"/c/alfa/manage/events/{event_id}/edit", {**EVENT, "title": "Rudens sapulce", "ends_at": ""}
    )
    assert response.status_code == 302
    edited = next(e for e in _events(app) if e.id == event_id)
    assert edited.title == "Rudens sapulce" and edited.ends_at is None
    again = visitor.get(f"/c/alfa/manage/events/{event_id}/edit").get_data(as_text=True)
    assert 'value="2030-03-14T16:00"' in again


def test_a_member_says_the_company_will_attend_and_withdraws(app, world, visitor):
    event_id = world.managed_a["event"]
    visitor.login("manager@alfa.lv")  # manager@alfa.lv's company has not answered yet
    page = visitor.get(f"/c/alfa/events/{event_id}").get_data(as_text=True)
    assert "We will attend" in page and "SIA CANARYALFA Ābele" not in page
    visitor.post(f"/c/alfa/events/{event_id}/attend")
    page = visitor.get(f"/c/alfa/events/{event_id}").get_data(as_text=True)
    assert "Your company will attend." in page and "SIA CANARYALFA Ābele" in page
    visitor.post(f"/c/alfa/events/{event_id}/withdraw")
    page = visitor.get(f"/c/alfa/events/{event_id}").get_data(as_text=True)
    assert "We will attend" in page and "SIA CANARYALFA Ābele" not in page


def test_a_past_event_shows_who_attended_and_takes_no_more_answers(app, world, visitor):
    _add(visitor, starts_at="2020-05-01T10:00", ends_at="")
    event = _events(app)[-1]
    visitor.get(f"/c/alfa/events/{event.id}")
    response = visitor.post(f"/c/alfa/events/{event.id}/attend", follow_redirects=True)
    page = response.get_data(as_text=True)
    assert "This event has started already" in page and "Companies that attended" in page
    assert "We will attend" not in page
    listing = visitor.get("/c/alfa/events").get_data(as_text=True)
    assert listing.index("Pavasara biedru sapulce") > listing.index("Past")


def test_a_manager_records_attendance_by_ticking_companies(app, world, visitor):
    event_id = world.managed_a["event"]
    visitor.login("manager@alfa.lv")
    form = visitor.get(f"/c/alfa/manage/events/{event_id}/attendance").get_data(as_text=True)
    ticked = re.findall(r'<input checked [^>]*value="(\d+)"', form)
    assert ticked == [str(world.company_a)]  # member@alfa.lv's company said it would come
    manager_company = re.search(r'value="(\d+)"> <label for="companies-\d+">SIA CANARYALFA Ābele', form)
    response = visitor.post(
        f"/c/alfa/manage/events/{event_id}/attendance", {"companies": [manager_company.group(1)]}
    )
    assert response.status_code == 302
    page = visitor.get(f"/c/alfa/events/{event_id}").get_data(as_text=True)
    assert "SIA CANARYALFA Ābele" in page and "SIA CANARYALFA Čiekurs" not in page


def test_attendance_refuses_a_company_that_is_not_on_the_list(app, world, visitor):
    event_id = world.managed_a["event"]
    visitor.login("manager@alfa.lv")
    visitor.get(f"/c/alfa/manage/events/{event_id}/attendance")
    response = visitor.post(f"/c/alfa/manage/events/{event_id}/attendance", {"companies": [world.company_b]})
    assert response.status_code == 200 and "is not a valid choice" in visitor.last_page


def test_deleting_an_event_asks_first(app, world, visitor):
    event_id = world.managed_a["event"]
    visitor.login("manager@alfa.lv")
    question = visitor.get(f"/c/alfa/manage/events/{event_id}/delete").get_data(as_text=True)
    assert "Its attendance (1 company) is deleted with it." in question
    assert visitor.post(f"/c/alfa/manage/events/{event_id}/delete").status_code == 302
    assert event_id not in [e.id for e in _events(app)]
    assert visitor.get(f"/c/alfa/events/{event_id}").status_code == 404


def test_members_see_events_but_not_the_managers_tools(app, world, visitor):
    visitor.login("member@alfa.lv")
    assert 'href="/c/alfa/events"' in visitor.get("/c/alfa/").get_data(as_text=True)
    assert visitor.get("/c/alfa/manage/events").status_code == 403
    assert visitor.get("/c/alfa/manage/events/new").status_code == 403


def test_the_managers_list_shows_every_event_with_its_tools(app, world, visitor):
    visitor.login("manager@alfa.lv")
    page = visitor.get("/c/alfa/manage/events").get_data(as_text=True)
    event_id = world.managed_a["event"]
    assert "CANARYALFA sapulce" in page and f"/c/alfa/manage/events/{event_id}/attendance" in page
    assert 'href="/c/alfa/manage/onboarding"' in page  # the managers' sub-navigation


def test_a_mistyped_time_is_explained_beside_the_field(app, world, visitor):
    _add(visitor, starts_at="14.03.2030", ends_at="0001-01-01T00:30")
    assert re.search(r'id="starts_at-errors">\s*<li>Enter a date and a time', visitor.last_page)
    assert re.search(r'id="ends_at-errors">\s*<li>Enter a year between 2000 and 2100.', visitor.last_page)
