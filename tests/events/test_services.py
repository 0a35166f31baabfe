"""Upcoming and past events, "we will attend", and the attendance managers record, on hand-made data."""

from datetime import timedelta

import pytest
from sqlalchemy import select

from clusterhub.events.models import EventAttendance
from clusterhub.events.services import (
    EventError,
    attendance_choices,
    attending,
    next_presentation_event,
    past_events,
    record_attendance,
    upcoming_events,
    will_attend,
    withdraw,
)
from clusterhub.extensions import db
from tests.events.conftest import NOW, TODAY

HOUR = timedelta(hours=1)


def _titles(statement) -> list[str]:
    return [event.title for event in db.session.scalars(statement)]


def test_an_event_is_upcoming_until_the_moment_it_starts(cluster):
    cluster.event("Started a second ago", NOW - timedelta(seconds=1))
    cluster.event("Starts now", NOW)
    cluster.event("Next week", NOW + 7 * 24 * HOUR)
    cluster.event("Last month", NOW - 30 * 24 * HOUR)
    assert _titles(upcoming_events(NOW)) == ["Starts now", "Next week"]
    assert _titles(past_events(NOW)) == ["Started a second ago", "Last month"]


def test_the_kit_points_to_the_soonest_upcoming_event_open_to_presentations(cluster):
    cluster.event("Breakfast, no presentations", NOW + HOUR)
    cluster.event("Past meeting", NOW - HOUR, presentations=True)
    cluster.event("Autumn meeting", NOW + 90 * 24 * HOUR, presentations=True)
    cluster.event("Spring meeting", NOW + 30 * 24 * HOUR, presentations=True)
    assert next_presentation_event(NOW).title == "Spring meeting"


def test_without_such_an_event_there_is_none_to_point_to(cluster):
    cluster.event("Breakfast", NOW + HOUR)
    cluster.event("Past meeting", NOW - HOUR, presentations=True)
    assert next_presentation_event(NOW) is None


def test_a_member_says_it_will_attend_once_and_can_withdraw(cluster):
    firm = cluster.member("SIA Ābele")
    event = cluster.event("Meeting", NOW + HOUR)
    will_attend(event, firm, NOW)
    will_attend(event, firm, NOW)
    assert [c.name for c in attending(event)] == ["SIA Ābele"]
    withdraw(event, firm, NOW)
    assert attending(event) == []
    assert db.session.scalar(select(EventAttendance.id)) is None


def test_once_an_event_has_started_members_no_longer_answer_for_it(cluster):
    firm = cluster.member("SIA Ābele")
    event = cluster.event("Meeting", NOW - HOUR)
    with pytest.raises(EventError) as refused:
        will_attend(event, firm, NOW)
    assert refused.value.reason == "started"
    record_attendance(event, [firm.id])
    with pytest.raises(EventError):
        withdraw(event, firm, NOW)
    assert [c.name for c in attending(event)] == ["SIA Ābele"]


def test_recording_attendance_keeps_those_who_came_and_drops_those_who_did_not(cluster):
    came, stayed_away, walked_in = (cluster.member(name) for name in ("SIA Ābele", "SIA Bērzs", "SIA Cērps"))
    event = cluster.event("Meeting", NOW + HOUR)
    will_attend(event, came, NOW)
    will_attend(event, stayed_away, NOW)
    kept = event.attendances[0]
    record_attendance(event, [came.id, walked_in.id])
    assert [c.name for c in attending(event)] == ["SIA Ābele", "SIA Cērps"]
    assert kept in event.attendances  # the "we will attend" row of a company that came stays as it was


def test_managers_tick_current_members_and_those_already_recorded(cluster):
    cluster.member("SIA Ābele")
    gone_before = cluster.member("SIA Bērzs", left_on=TODAY - timedelta(days=400))
    gone_after = cluster.member("SIA Cērps", left_on=TODAY)
    event = cluster.event("Last year's meeting", NOW - 200 * 24 * HOUR)
    record_attendance(event, [gone_after.id])
    names = [company.name for company in attendance_choices(event)]
    assert names == ["SIA Ābele", "SIA Cērps"]
    assert gone_before.name not in names
