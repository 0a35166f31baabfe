"""Asking a participant of another cluster for a meeting, and answering it: accept, decline, move, cancel."""

from datetime import timedelta

from clusterhub.clock import utcnow
from tests.conferences.meeting_helpers import (
    accept_now,
    agreed,
    change_conference,
    conference_slots,
    meeting_row,
    newcomer,
    notifications,
    participant_tenant,
    seats,
)
from tests.factories import make_conference, make_meeting, make_participant, make_user
from tests.mailbox import plain_text

ALFA = "SIA CANARYALFA Čiekurs"
BETA = "SIA CANARYBETA Dārzs"


def _meeting_url(world, action: str, meeting_id: int | None = None) -> str:
    return f"/events/{world.conference}/meetings/{meeting_id or world.meeting}/{action}"


def _flashed(visitor, response) -> str:
    return visitor.get(response.location).get_data(as_text=True)


def test_the_request_page_offers_the_times_free_for_both_in_riga_time(app, world, signed_in):
    gamma = newcomer(app, world.conference, "beta", "Gamma")
    visitor = signed_in("member@alfa.lv")
    page = visitor.get(f"/events/{world.conference}/meetings/new?with={gamma}").get_data(as_text=True)
    assert "Request a meeting with SIA Gamma" in page
    for wall_clock in ("10:00–10:30", "11:30–12:00"):
        assert wall_clock in page
    assert "Send the request" in page


def test_a_request_waits_for_the_other_side_and_tells_both(app, world, signed_in):
    gamma = newcomer(app, world.conference, "beta", "Gamma")
    second = conference_slots(app, world.conference)[1]
    visitor = signed_in("member@alfa.lv")
    response = visitor.submit(
        f"/events/{world.conference}/meetings/new?with={gamma}",
        {"slot": second.isoformat(), "message": "Par iepakojumu"},
    )
    assert response.status_code == 302 and response.location.endswith(f"/events/{world.conference}/agenda")
    assert "Your request was sent to SIA Gamma." in _flashed(visitor, response)
    told = notifications(app)
    assert told == [
        ("member@alfa.lv", "meeting_request_sent", "SIA Gamma", participant_tenant(app, world.participant_a)),
        ("gamma@beta.lv", "meeting_requested", ALFA, participant_tenant(app, gamma)),
    ]
    mails = {mail["To"]: plain_text(mail) for mail in visitor.mails()}
    assert "You asked SIA Gamma to meet" in mails["member@alfa.lv"]
    assert f"{ALFA} asks to meet you" in mails["gamma@beta.lv"]
    assert f"/events/{world.conference}/agenda" in mails["gamma@beta.lv"]


def test_without_a_chosen_participant_the_request_starts_in_the_directory(world, signed_in):
    visitor = signed_in("member@alfa.lv")
    response = visitor.get(f"/events/{world.conference}/meetings/new")
    assert response.status_code == 302
    assert response.location.endswith(f"/events/{world.conference}/participants")


def test_only_other_registered_participants_of_the_conference_can_be_asked(app, world, signed_in):
    other_conference = make_conference(app, "organiser@clusterhub.lv", {"beta": 5}, title="Cita konference")
    make_user(app, "delta@beta.lv", "Delta", "beta", "member", "SIA Delta")
    elsewhere = make_participant(app, other_conference, "beta", "SIA Delta", "delta@beta.lv")
    visitor = signed_in("member@alfa.lv")
    for participant in (world.participant_a, world.request_a, elsewhere, 999999):
        assert visitor.get(f"/events/{world.conference}/meetings/new?with={participant}").status_code == 404


def test_a_second_request_to_the_same_company_is_refused_while_one_waits(app, world, signed_in):
    second = conference_slots(app, world.conference)[1]
    visitor = signed_in("member@beta.lv")
    page = visitor.submit(
        f"/events/{world.conference}/meetings/new?with={world.participant_a}", {"slot": second.isoformat()}
    ).get_data(as_text=True)
    assert "You have an unanswered meeting request with them already" in page
    assert notifications(app) == []


def test_an_empty_form_asks_for_a_time(app, world, signed_in):
    gamma = newcomer(app, world.conference, "beta", "Gamma")
    visitor = signed_in("member@alfa.lv")
    visitor.get(f"/events/{world.conference}/meetings/new?with={gamma}")
    response = visitor.post(f"/events/{world.conference}/meetings/new?with={gamma}", {"slot": ""})
    assert response.status_code == 200
    assert "This field is required." in response.get_data(as_text=True)
    assert notifications(app) == []


def test_a_time_that_is_no_longer_free_is_refused_beside_the_field(app, world, signed_in):
    gamma = newcomer(app, world.conference, "beta", "Gamma")
    first = conference_slots(app, world.conference)[0]
    visitor = signed_in("member@alfa.lv")
    visitor.get(f"/events/{world.conference}/meetings/new?with={gamma}")
    accept_now(app, world.meeting)  # meanwhile A and B agreed to meet then
    page = visitor.post(
        f"/events/{world.conference}/meetings/new?with={gamma}", {"slot": first.isoformat()}
    ).get_data(as_text=True)
    assert "That time is no longer free for both of you. Choose another one." in page
    assert notifications(app, "meeting_request") == []


def test_when_no_time_is_free_for_both_the_page_says_so(app, world, signed_in):
    change_conference(app, world.conference, slot_minutes=120)  # one slot only: 10:00-12:00
    gamma = newcomer(app, world.conference, "beta", "Gamma")
    accept_now(app, world.meeting)
    visitor = signed_in("member@alfa.lv")
    page = visitor.get(f"/events/{world.conference}/meetings/new?with={gamma}").get_data(as_text=True)
    assert "No meeting time is free for both of you any more." in page
    assert "Send the request" not in page


def test_after_the_conference_no_meeting_is_arranged(app, world, signed_in):
    gamma = newcomer(app, world.conference, "beta", "Gamma")
    change_conference(
        app,
        world.conference,
        starts_at=utcnow() - timedelta(days=2),
        ends_at=utcnow() - timedelta(days=1),
        registration_closes_at=utcnow() - timedelta(days=9),
    )
    visitor = signed_in("member@alfa.lv")
    response = visitor.get(f"/events/{world.conference}/meetings/new?with={gamma}")
    assert response.status_code == 302
    assert "The conference is over" in _flashed(visitor, response)
    invitee = signed_in("member@beta.lv")
    response = invitee.post(_meeting_url(world, "accept"))
    assert "The conference is over" in _flashed(invitee, response)
    assert meeting_row(app, world.meeting).status == "pending"


def test_the_invitee_accepts_and_gets_the_lowest_free_table(app, world, signed_in):
    gamma, delta = (
        newcomer(app, world.conference, "beta", "Gamma"),
        newcomer(app, world.conference, "alfa", "Delta"),
    )
    agreed(app, gamma, delta, 0)  # table 1 of the first slot is taken
    visitor = signed_in("member@beta.lv")
    response = visitor.post(_meeting_url(world, "accept"))
    assert response.status_code == 302
    assert "The meeting is agreed." in _flashed(visitor, response)
    row = meeting_row(app, world.meeting)
    assert (row.status, row.table_no) == ("accepted", 2)
    first = conference_slots(app, world.conference)[0]
    assert [seat for seat in seats(app, world.conference) if seat[2] == world.meeting] == [
        ("member@alfa.lv", first, world.meeting),
        ("member@beta.lv", first, world.meeting),
    ]


def test_both_sides_are_told_of_an_agreed_meeting_each_naming_the_other(app, world, signed_in):
    visitor = signed_in("member@beta.lv")
    visitor.post(_meeting_url(world, "accept"))
    assert notifications(app) == [
        ("member@beta.lv", "meeting_accepted", ALFA, participant_tenant(app, world.participant_b)),
        ("member@alfa.lv", "meeting_accepted", BETA, participant_tenant(app, world.participant_a)),
    ]
    mails = {mail["To"]: plain_text(mail) for mail in visitor.mails()}
    assert (
        f"Meeting with {BETA}" in mails["member@alfa.lv"] and "table 1, is agreed" in mails["member@alfa.lv"]
    )
    assert f"Meeting with {ALFA}" in mails["member@beta.lv"]


def test_the_side_that_proposed_the_time_cannot_answer_it(app, world, signed_in):
    visitor = signed_in("member@alfa.lv")
    for action in ("accept", "decline"):
        response = visitor.post(_meeting_url(world, action))
        assert response.status_code == 302
        assert "You proposed this time: the other participant answers it." in _flashed(visitor, response)
    response = visitor.get(_meeting_url(world, "propose"))
    assert response.status_code == 302
    assert meeting_row(app, world.meeting).status == "pending"
    assert notifications(app) == []


def test_the_invitee_declines_and_both_are_told(app, world, signed_in):
    visitor = signed_in("member@beta.lv")
    response = visitor.post(_meeting_url(world, "decline"))
    assert "You declined the meeting." in _flashed(visitor, response)
    assert meeting_row(app, world.meeting).status == "declined"
    assert [(email, kind) for email, kind, *_ in notifications(app)] == [
        ("member@beta.lv", "meeting_decline_sent"),
        ("member@alfa.lv", "meeting_declined"),
    ]
    assert {mail["To"] for mail in visitor.mails()} == {"member@alfa.lv", "member@beta.lv"}
    again = visitor.post(_meeting_url(world, "accept"))
    assert "This meeting has been answered already." in _flashed(visitor, again)
    assert meeting_row(app, world.meeting).status == "declined"


def test_the_invitee_proposes_another_time_and_then_the_requester_answers(app, world, signed_in):
    first, _, third, _ = conference_slots(app, world.conference)
    invitee = signed_in("member@beta.lv")
    page = invitee.get(_meeting_url(world, "propose")).get_data(as_text=True)
    assert f'value="{first.isoformat()}"' not in page  # the time already proposed is not offered again
    response = invitee.post(_meeting_url(world, "propose"), {"slot": third.isoformat()})
    assert response.status_code == 302
    assert "Your proposal was sent" in _flashed(invitee, response)
    row = meeting_row(app, world.meeting)
    assert (row.status, row.starts_at, row.proposed_by_id) == ("pending", third, world.participant_b)
    assert [(email, kind) for email, kind, *_ in notifications(app)] == [
        ("member@beta.lv", "meeting_proposal_sent"),
        ("member@alfa.lv", "meeting_proposed"),
    ]
    refused = invitee.post(_meeting_url(world, "accept"))
    assert "You proposed this time" in _flashed(invitee, refused)
    requester = signed_in("member@alfa.lv")
    requester.post(_meeting_url(world, "accept"))
    assert meeting_row(app, world.meeting).status == "accepted"
    assert {seat[1] for seat in seats(app, world.conference)} == {third}


def test_cancelling_asks_first_then_frees_the_time_and_the_table(app, world, signed_in):
    invitee = signed_in("member@beta.lv")
    invitee.post(_meeting_url(world, "accept"))
    requester = signed_in("member@alfa.lv")
    question = requester.get(_meeting_url(world, "cancel")).get_data(as_text=True)
    assert f"Cancel the meeting with {BETA}" in question
    assert meeting_row(app, world.meeting).status == "accepted"
    response = requester.post(_meeting_url(world, "cancel"))
    assert "The meeting is cancelled." in _flashed(requester, response)
    row = meeting_row(app, world.meeting)
    assert (row.status, row.table_no) == ("cancelled", None)
    assert seats(app, world.conference) == []
    assert [(email, kind) for email, kind, *_ in notifications(app)][-2:] == [
        ("member@alfa.lv", "meeting_cancelled"),
        ("member@beta.lv", "meeting_cancelled"),
    ]
    again = requester.get(_meeting_url(world, "cancel"))
    assert "This meeting was declined or cancelled already." in _flashed(requester, again)


def test_the_requester_withdraws_a_request_still_waiting(app, world, signed_in):
    requester = signed_in("member@alfa.lv")
    page = requester.get(_meeting_url(world, "cancel")).get_data(as_text=True)
    assert f"Withdraw the meeting request with {BETA}" in page
    requester.post(_meeting_url(world, "cancel"))
    assert meeting_row(app, world.meeting).status == "cancelled"


def test_only_the_two_sides_find_a_meeting(app, world, signed_in):
    newcomer(app, world.conference, "beta", "Gamma")
    outsider = signed_in("gamma@beta.lv")
    for action in ("propose", "cancel"):
        assert outsider.get(_meeting_url(world, action)).status_code == 404
    for action in ("accept", "decline"):
        assert outsider.post(_meeting_url(world, action)).status_code == 404
    assert meeting_row(app, world.meeting).status == "pending"


def test_a_meeting_is_not_found_under_another_conference(app, world, signed_in):
    other = make_conference(app, "organiser@clusterhub.lv", {"alfa": 5, "beta": 5}, title="Cita konference")
    make_participant(app, other, "beta", BETA, "member@beta.lv")
    visitor = signed_in("member@beta.lv")
    assert visitor.post(f"/events/{other}/meetings/{world.meeting}/accept").status_code == 404
    assert meeting_row(app, world.meeting).status == "pending"


def test_a_person_busy_in_that_slot_cannot_accept_another_meeting_then(app, world, signed_in):
    gamma = newcomer(app, world.conference, "beta", "Gamma")
    other = make_meeting(app, gamma, world.participant_a, 0)  # Gamma also asks A for the first slot
    agreed_first = signed_in("member@beta.lv")
    agreed_first.post(_meeting_url(world, "accept"))
    late = signed_in("member@alfa.lv")
    response = late.post(_meeting_url(world, "accept", other))
    assert "You or they already have a meeting at that time." in _flashed(late, response)
    assert meeting_row(app, other).status == "pending"
