"""Nobody and no table is ever booked twice in one slot: not one after the other, not at the same moment."""

import pytest
from sqlalchemy import select
from sqlalchemy.exc import IntegrityError

from clusterhub.accounts.models import User
from clusterhub.conferences.meetings import services as meetings
from clusterhub.conferences.models import Meeting, MeetingSeat, Participant
from clusterhub.events.models import Event
from clusterhub.extensions import db
from tenants.context import cross_tenant
from tests.conferences.meeting_helpers import (
    BUSY,
    FULL,
    accept_now,
    agreed,
    at_the_same_moment,
    change_conference,
    conference_slots,
    meeting_row,
    newcomer,
    seats,
)
from tests.factories import make_meeting


def _free(app, conference_id: int, *participant_ids: int):
    with app.app_context(), cross_tenant():
        participants = [db.session.get(Participant, pid) for pid in participant_ids]
        return meetings.free_slots(db.session.get(Event, conference_id), *participants)


def _accepting(app, meeting_id: int, participant_id: int):
    """A job for a thread: accept in an app context and a database session of its own, as a request would."""

    def job():
        with app.app_context(), cross_tenant():
            meeting = db.session.get(Meeting, meeting_id)
            try:
                meetings.accept(meeting, db.session.get(Participant, participant_id))
            except meetings.BookingError as error:
                db.session.rollback()
                return error.reason
            db.session.commit()
            return "accepted"

    return job


def test_free_slots_leave_out_the_times_either_person_has_an_agreed_meeting(app, world):
    first, second, third, fourth = conference_slots(app, world.conference)
    gamma, delta = (
        newcomer(app, world.conference, "beta", "Gamma"),
        newcomer(app, world.conference, "alfa", "Delta"),
    )
    assert _free(app, world.conference, world.participant_a, gamma) == [first, second, third, fourth]
    accept_now(app, world.meeting)
    agreed(app, gamma, delta, 2)
    assert _free(app, world.conference, world.participant_a, gamma) == [second, fourth]
    # A pending request takes nobody's time: both may still be asked for it.
    make_meeting(app, delta, world.participant_b, 1)
    assert _free(app, world.conference, delta, world.participant_b) == [second, fourth]


def test_free_slots_leave_out_a_time_when_every_table_is_taken(app, world):
    change_conference(app, world.conference, tables=1)
    first, *later = conference_slots(app, world.conference)
    gamma, delta = (
        newcomer(app, world.conference, "beta", "Gamma"),
        newcomer(app, world.conference, "alfa", "Delta"),
    )
    agreed(app, gamma, delta, 0)
    assert _free(app, world.conference, world.participant_a, world.participant_b) == later


def test_the_database_refuses_a_second_seat_for_a_person_in_one_slot(app, world):
    accept_now(app, world.meeting)
    with app.app_context(), cross_tenant():
        seat = db.session.scalar(select(MeetingSeat).limit(1))
        db.session.add(
            MeetingSeat(
                meeting_id=seat.meeting_id,
                event_id=seat.event_id,
                user_id=seat.user_id,
                starts_at=seat.starts_at,
            )
        )
        with pytest.raises(IntegrityError):
            db.session.flush()
        db.session.rollback()


def test_the_database_refuses_a_second_accepted_meeting_at_one_table(app, world):
    accept_now(app, world.meeting)
    gamma, delta = (
        newcomer(app, world.conference, "beta", "Gamma"),
        newcomer(app, world.conference, "alfa", "Delta"),
    )
    other = make_meeting(app, gamma, delta, 0)
    with app.app_context(), cross_tenant():
        meeting = db.session.get(Meeting, other)
        meeting.status, meeting.table_no = "accepted", 1
        with pytest.raises(IntegrityError):
            db.session.flush()
        db.session.rollback()
    assert meeting_row(app, other).status == "pending"


def test_when_every_table_is_taken_accepting_is_refused(app, world):
    change_conference(app, world.conference, tables=1)
    gamma, delta = (
        newcomer(app, world.conference, "beta", "Gamma"),
        newcomer(app, world.conference, "alfa", "Delta"),
    )
    agreed(app, gamma, delta, 0)
    assert _accepting(app, world.meeting, world.participant_b)() == "full"
    assert meeting_row(app, world.meeting).status == "pending"


def test_the_refusals_read_clearly(app, world, signed_in):
    change_conference(app, world.conference, tables=1)
    gamma, delta = (
        newcomer(app, world.conference, "beta", "Gamma"),
        newcomer(app, world.conference, "alfa", "Delta"),
    )
    agreed(app, gamma, delta, 0)
    visitor = signed_in("member@beta.lv")
    response = visitor.post(f"/events/{world.conference}/meetings/{world.meeting}/accept")
    assert FULL in visitor.get(response.location).get_data(as_text=True)
    busy = make_meeting(app, gamma, world.participant_b, 1)
    agreed(app, world.participant_b, delta, 1)
    response = visitor.post(f"/events/{world.conference}/meetings/{busy}/accept")
    assert BUSY in visitor.get(response.location).get_data(as_text=True)


@pytest.mark.parametrize("at_other_tables", [False, True], ids=["same table", "different tables"])
def test_two_invitees_accepting_meetings_with_one_person_at_the_same_moment_book_it_once(
    app, world, monkeypatch, at_other_tables
):
    # A asked B (world.meeting) and C for the first slot; B and C accept at the same moment. At the same
    # table the table's index refuses the second; at different tables the person's seat does.
    gamma = newcomer(app, world.conference, "beta", "Gamma")
    with_gamma = make_meeting(app, world.participant_a, gamma, 0)
    results = at_the_same_moment(
        monkeypatch,
        [_accepting(app, world.meeting, world.participant_b), _accepting(app, with_gamma, gamma)],
        {world.meeting: [1], with_gamma: [2]} if at_other_tables else None,
    )
    assert sorted(results) == ["accepted", "busy"]
    won, lost = (world.meeting, with_gamma) if results[0] == "accepted" else (with_gamma, world.meeting)
    assert meeting_row(app, won).status == "accepted"
    assert (meeting_row(app, lost).status, meeting_row(app, lost).table_no) == ("pending", None)
    booked = seats(app, world.conference)
    assert [email for email, _, _ in booked].count("member@alfa.lv") == 1
    assert {meeting for _, _, meeting in booked} == {won} and len(booked) == 2


def test_two_pairs_accepting_the_last_table_at_the_same_moment_book_it_once(app, world, monkeypatch):
    change_conference(app, world.conference, tables=2)
    gamma, delta = (
        newcomer(app, world.conference, "beta", "Gamma"),
        newcomer(app, world.conference, "alfa", "Delta"),
    )
    epsilon, zeta = (
        newcomer(app, world.conference, "beta", "Epsilon"),
        newcomer(app, world.conference, "alfa", "Zeta"),
    )
    agreed(app, epsilon, zeta, 0)  # table 1 is taken: one table is left in the first slot
    second_pair = make_meeting(app, gamma, delta, 0)
    results = at_the_same_moment(
        monkeypatch,
        [_accepting(app, world.meeting, world.participant_b), _accepting(app, second_pair, delta)],
    )
    assert sorted(results) == ["accepted", "full"]
    won, lost = (world.meeting, second_pair) if results[0] == "accepted" else (second_pair, world.meeting)
    assert (meeting_row(app, won).status, meeting_row(app, won).table_no) == ("accepted", 2)
    assert meeting_row(app, lost).status == "pending"
    assert {meeting for _, _, meeting in seats(app, world.conference)} == {won, meeting_row_id(app, epsilon)}


def meeting_row_id(app, participant_id: int) -> int:
    """The id of the accepted meeting a participant asked for."""
    with app.app_context(), cross_tenant():
        return db.session.scalar(
            select(Meeting.id).where(Meeting.requester_id == participant_id, Meeting.status == "accepted")
        )


def test_two_invitees_accepting_through_the_pages_at_the_same_moment_book_the_person_once(
    app, world, make_visitor, monkeypatch
):
    gamma = newcomer(app, world.conference, "beta", "Gamma")
    with_gamma = make_meeting(app, world.participant_a, gamma, 0)
    visitors = {}
    for email in ("member@beta.lv", "gamma@beta.lv"):
        visitors[email] = make_visitor()
        visitors[email].login(email)
        visitors[email].get(f"/events/{world.conference}/agenda")  # the page with the Accept button

    def clicking(email: str, meeting_id: int):
        def job():
            visitor = visitors[email]
            response = visitor.post(f"/events/{world.conference}/meetings/{meeting_id}/accept")
            return visitor.get(response.location).get_data(as_text=True)

        return job

    pages = at_the_same_moment(
        monkeypatch, [clicking("member@beta.lv", world.meeting), clicking("gamma@beta.lv", with_gamma)]
    )
    assert sorted(BUSY in page for page in pages) == [False, True]
    assert sorted(meeting_row(app, m).status for m in (world.meeting, with_gamma)) == ["accepted", "pending"]
    with app.app_context(), cross_tenant():
        person = db.session.scalar(select(User.id).where(User.email == "member@alfa.lv"))
        assert len(db.session.scalars(select(MeetingSeat).where(MeetingSeat.user_id == person)).all()) == 1
