"""Quarters and years: where they begin and end, in Rīga's calendar."""

from datetime import UTC, date, datetime

from clusterhub.clock import instant
from clusterhub.indicators.periods import Period


def test_a_day_falls_in_its_calendar_quarter():
    assert Period.containing(date(2025, 3, 31)) == Period(2025, 1)
    assert Period.containing(date(2025, 4, 1)) == Period(2025, 2)
    assert Period.containing(date(2025, 12, 31)) == Period(2025, 4)


def test_a_period_runs_from_its_first_day_up_to_the_first_day_after_it():
    assert (Period(2025, 1).start, Period(2025, 1).end) == (date(2025, 1, 1), date(2025, 4, 1))
    assert (Period(2025, 4).start, Period(2025, 4).end) == (date(2025, 10, 1), date(2026, 1, 1))
    assert (Period(2025).start, Period(2025).last_day) == (date(2025, 1, 1), date(2025, 12, 31))
    assert Period(2025).quarters == [Period(2025, q) for q in (1, 2, 3, 4)]


def test_a_running_period_is_reported_up_to_today():
    assert Period(2025, 3).until(date(2025, 8, 14)) == date(2025, 8, 15)
    assert Period(2025, 2).until(date(2025, 8, 14)) == date(2025, 7, 1)


def test_a_day_begins_at_midnight_in_riga():
    assert instant(date(2025, 4, 1)) == datetime(2025, 3, 31, 21, 0, tzinfo=UTC)  # summer time, UTC+3
    assert instant(date(2025, 1, 1)) == datetime(2024, 12, 31, 22, 0, tzinfo=UTC)  # winter time, UTC+2


def test_a_period_is_named_in_the_current_language(app):
    with app.test_request_context(headers={"Accept-Language": "en"}):
        assert Period(2025, 3).label() == "Q3 2025"
        assert Period(2025).label() == "2025"
