"""The personal agenda of a participant, on the page and as an iCalendar file for calendar programs."""

from datetime import timedelta

from icalendar import Calendar
from sqlalchemy import select, update

from clusterhub.accounts.models import User
from clusterhub.demo.data import DEMO_PASSWORD
from clusterhub.events.models import Event
from clusterhub.extensions import db
from tenants.context import cross_tenant
from tests.conferences.meeting_helpers import (
    accept_now,
    agreed,
    change_conference,
    conference_slots,
    newcomer,
)
from tests.factories import make_meeting

ALFA = "SIA CANARYALFA Čiekurs"
BETA = "SIA CANARYBETA Dārzs"


def _agenda(signed_in, email: str, conference_id: int) -> str:
    visitor = signed_in(email)
    response = visitor.get(f"/events/{conference_id}/agenda")
    assert response.status_code == 200
    return response.get_data(as_text=True)


def _section(page: str, heading: str) -> str:
    """The part of the page from `heading` to the next heading (or the end of the content)."""
    start = page.index(f"<h2>{heading}</h2>")
    rest = page[start + 5 :]
    ends = [
        at for at in (rest.find("<h2>"), rest.find('<details class="closed'), rest.find("</main>")) if at >= 0
    ]
    return rest[: min(ends)]


def _calendar(signed_in, email: str, conference_id: int):
    visitor = signed_in(email)
    response = visitor.get(f"/events/{conference_id}/agenda.ics")
    assert response.status_code == 200
    return response, Calendar.from_ical(response.data)


def test_an_agreed_meeting_shows_in_both_agendas_with_its_time_and_table(app, world, signed_in):
    accept_now(app, world.meeting)
    for email, partner, cluster in (
        ("member@alfa.lv", BETA, "Beta CANARYBETA klasteris"),
        ("member@beta.lv", ALFA, "Alfa CANARYALFA klasteris"),
    ):
        agreed_part = _section(_agenda(signed_in, email, world.conference), "Agreed meetings")
        assert partner in agreed_part and cluster in agreed_part
        assert "Table 1" in agreed_part
        assert "10:00–10:30" in agreed_part  # Rīga time
        assert "Tiekamies pie kafijas" in agreed_part


def test_the_other_sides_contact_shows_only_if_they_agreed_to_show_it(app, world, signed_in):
    gamma = newcomer(app, world.conference, "beta", "Gamma", show_contact=True)
    agreed(app, gamma, world.participant_a, 1)
    accept_now(app, world.meeting)
    page = _agenda(signed_in, "member@alfa.lv", world.conference)
    assert "Persona Gamma" in page and "mailto:gamma@beta.lv" in page
    assert "Bruno CANARYBETA" not in page and "member@beta.lv" not in page


def test_requests_are_grouped_by_whose_answer_they_wait_for(app, world, signed_in):
    invitee = _agenda(signed_in, "member@beta.lv", world.conference)
    to_answer = _section(invitee, "Waiting for your answer")
    assert ALFA in to_answer and "Tiekamies pie kafijas" in to_answer
    for action in ("Accept", "Decline", "Propose another time"):
        assert action in to_answer
    assert "Waiting for their answer" not in invitee
    requester = _agenda(signed_in, "member@alfa.lv", world.conference)
    waiting = _section(requester, "Waiting for their answer")
    assert BETA in waiting and "Cancel the request" in waiting and "Accept" not in waiting
    assert "Waiting for your answer" not in requester


def test_declined_and_cancelled_meetings_are_folded_away(app, world, signed_in):
    gamma = newcomer(app, world.conference, "beta", "Gamma")
    make_meeting(app, world.participant_a, gamma, 2, status="declined")
    page = _agenda(signed_in, "member@alfa.lv", world.conference)
    folded = page[page.index('<details class="closed-meetings">') :]
    assert "1 declined or cancelled meeting" in folded and "SIA Gamma" in folded and "declined" in folded


def test_an_empty_agenda_points_to_the_matches_and_the_participants(app, world, signed_in):
    newcomer(app, world.conference, "beta", "Gamma")
    page = _agenda(signed_in, "gamma@beta.lv", world.conference)
    assert "No meetings yet." in page
    assert f'href="/events/{world.conference}/matches"' in page
    assert f'href="/events/{world.conference}/participants"' in page
    assert f'href="/events/{world.conference}/agenda.ics"' in page


def test_the_calendar_file_holds_the_conference_and_each_agreed_meeting(app, world, signed_in):
    first, second, *_ = conference_slots(app, world.conference)
    gamma = newcomer(app, world.conference, "beta", "Gamma")
    agreed(app, gamma, world.participant_a, 1)
    make_meeting(app, world.participant_a, world.participant_b, 2)  # pending: not in the calendar
    response, calendar = _calendar(signed_in, "member@alfa.lv", world.conference)
    assert response.headers["Content-Type"] == "text/calendar; charset=utf-8"
    assert response.headers["Content-Disposition"].startswith("attachment;")
    assert calendar["VERSION"] == "2.0" and calendar["METHOD"] == "PUBLISH" and calendar["PRODID"]
    events = calendar.walk("VEVENT")
    assert len(events) == 2
    conference, meeting = sorted(events, key=lambda event: event["DTSTART"].dt)
    assert str(conference["SUMMARY"]) == "Starpklasteru konference"
    assert str(meeting["SUMMARY"]) == "Meeting: SIA Gamma"
    assert meeting["DTSTART"].dt == second and meeting["DTSTART"].dt.utcoffset() == timedelta(0)
    assert meeting["DTEND"].dt == second + timedelta(minutes=30)
    assert str(meeting["LOCATION"]) == "Rīga, Kalnciema iela 1, table 1"
    assert "SIA Gamma" in str(meeting["DESCRIPTION"])
    assert all(event["DTSTAMP"] and event["UID"] for event in events)


def test_each_meeting_keeps_its_uid_so_a_new_import_updates_the_calendar(app, world, signed_in):
    accept_now(app, world.meeting)
    uids = [
        sorted(str(event["UID"]) for event in _calendar(signed_in, email, world.conference)[1].walk("VEVENT"))
        for email in ("member@alfa.lv", "member@alfa.lv", "member@beta.lv")
    ]
    assert uids[0] == uids[1] == uids[2]
    assert f"meeting-{world.meeting}@clusterhub.test" in uids[0]


def test_the_calendar_shows_the_other_side_to_each(app, world, signed_in):
    accept_now(app, world.meeting)
    for email, partner in (("member@alfa.lv", BETA), ("member@beta.lv", ALFA)):
        meetings = [
            event
            for event in _calendar(signed_in, email, world.conference)[1].walk("VEVENT")
            if str(event["UID"]).startswith("meeting-")
        ]
        assert [str(event["SUMMARY"]) for event in meetings] == [f"Meeting: {partner}"]


def test_only_registered_participants_have_an_agenda(world, signed_in):
    visitor = signed_in("manager@alfa.lv")
    assert visitor.get(f"/events/{world.conference}/agenda").status_code == 403
    assert visitor.get(f"/events/{world.conference}/agenda.ics").status_code == 403


BOOKED = "This time has meanwhile been booked"


def _answer_part(signed_in, email: str, conference_id: int) -> str:
    return _section(_agenda(signed_in, email, conference_id), "Waiting for your answer")


def test_a_request_for_a_time_since_booked_shows_as_conflicting_and_offers_another_time(
    app, world, signed_in
):
    # member@beta.lv agreed to meet Gamma in the very slot member@alfa.lv asked her for.
    agreed(app, newcomer(app, world.conference, "beta", "Gamma"), world.participant_b, 0)
    to_answer = _answer_part(signed_in, "member@beta.lv", world.conference)
    assert ALFA in to_answer and BOOKED in to_answer and "conflict" in to_answer
    assert "Accept" not in to_answer
    assert "Propose another time" in to_answer and "Decline" in to_answer
    waiting = _section(_agenda(signed_in, "member@alfa.lv", world.conference), "Waiting for their answer")
    assert BETA in waiting and BOOKED in waiting


def test_a_request_whose_slot_has_no_free_table_left_is_conflicting_too(app, world, signed_in):
    change_conference(app, world.conference, tables=1)
    agreed(
        app,
        newcomer(app, world.conference, "alfa", "Ilze"),
        newcomer(app, world.conference, "beta", "Juris"),
        0,
    )
    to_answer = _answer_part(signed_in, "member@beta.lv", world.conference)
    assert BOOKED in to_answer and "Accept" not in to_answer


def test_a_request_whose_time_is_still_free_can_be_accepted(app, world, signed_in):
    agreed(app, newcomer(app, world.conference, "beta", "Gamma"), world.participant_b, 1)
    to_answer = _answer_part(signed_in, "member@beta.lv", world.conference)
    assert "Accept" in to_answer and BOOKED not in to_answer and "conflict" not in to_answer


def test_a_conflicting_request_in_latvian(app, world, signed_in):
    agreed(app, newcomer(app, world.conference, "beta", "Gamma"), world.participant_b, 0)
    with app.app_context():
        db.session.execute(update(User).where(User.email == "member@beta.lv").values(language="lv"))
        db.session.commit()
    to_answer = _section(_agenda(signed_in, "member@beta.lv", world.conference), "Gaida Jūsu atbildi")
    assert "Šis laiks pa to laiku ir aizņemts" in to_answer and "laiks aizņemts" in to_answer
    assert "Piedāvāt citu laiku" in to_answer and "Pieņemt" not in to_answer


def test_the_demo_shows_a_request_whose_time_was_booked_meanwhile(app, demo, make_visitor):
    # SIA Žāvēti Augļi asked SIA Ēnu Teātris for slot 3; SIA Loģistika Kurzeme's meeting then took it.
    with app.app_context(), cross_tenant():
        forum = db.session.scalar(
            select(Event).where(Event.kind == "conference").order_by(Event.starts_at.desc())
        )
    visitor = make_visitor("lv")
    visitor.login("janis.ozols@avt.demo.lv", DEMO_PASSWORD)  # represents SIA Ēnu Teātris
    page = visitor.get(f"/events/{forum.id}/agenda").get_data(as_text=True)
    to_answer = _section(page, "Gaida Jūsu atbildi")
    assert "SIA Žāvēti Augļi" in to_answer and "Šis laiks pa to laiku ir aizņemts" in to_answer
