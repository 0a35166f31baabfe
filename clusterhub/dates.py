"""Dates and times as every page and e-mail writes them, in the reader's language.

Three forms only: a long date on its own ("2026. gada 3. decembris", "December 3, 2026"), a short date
that reads the same in any sentence ("03.12.2026", "3 Dec 2026": Latvian needs no case for it) and a
clock time ("14:30"). A stored moment is shown on the wall clock of the platform's zone (clusterhub.clock).
"""

from datetime import date, datetime, time
from functools import lru_cache

from babel.dates import format_date, format_time
from flask_babel import get_locale

from clusterhub.clock import local

PATTERNS = {
    "lv": {"long": "y. 'gada' d. MMMM", "short": "dd.MM.y", "month": "LLLL y", "time": "HH:mm"},
    "en": {"long": "MMMM d, y", "short": "d MMM y", "month": "LLLL y", "time": "HH:mm"},
}


def _pattern(form: str) -> tuple[str, str]:
    language = str(get_locale() or "lv")
    return PATTERNS.get(language, PATTERNS["en"])[form], language


def _on_the_wall(value: date | datetime) -> date | datetime:
    return local(value) if isinstance(value, datetime) else value


# Written once per day (or minute) and form: babel takes about 30 µs a date, and a list repeats a few days.
@lru_cache(maxsize=4096)
def _day(day: date, pattern: str, language: str) -> str:
    return format_date(day, pattern, locale=language)


@lru_cache(maxsize=2048)
def _minute(minute: time, pattern: str, language: str) -> str:
    return format_time(minute, pattern, locale=language)


def _date(value: date | datetime, form: str) -> str:
    day = _on_the_wall(value)
    return _day(day.date() if isinstance(day, datetime) else day, *_pattern(form))


def long_date(value: date | datetime) -> str:
    """A date on its own: "2026. gada 3. decembris"."""
    return _date(value, "long")


def short_date(value: date | datetime) -> str:
    """A date inside a sentence or a table: "03.12.2026"."""
    return _date(value, "short")


def month_of(value: date | datetime) -> str:
    """A month and its year: "decembris 2026"."""
    return _date(value, "month")


def clock_time(value: datetime) -> str:
    """The time of day on the platform's wall clock: "14:30"."""
    return _minute(_on_the_wall(value).time().replace(second=0, microsecond=0), *_pattern("time"))


def date_and_time(value: datetime) -> str:
    """A moment: "03.12.2026 14:30"."""
    return f"{short_date(value)} {clock_time(value)}"


FILTERS = {
    "long_date": long_date,
    "short_date": short_date,
    "month_of": month_of,
    "clock_time": clock_time,
    "date_and_time": date_and_time,
}


def init_app(app) -> None:
    """Give templates the date filters, and take away Flask-Babel's own so no page writes a fourth form."""
    for name in ("dateformat", "datetimeformat", "timeformat", "timedeltaformat"):
        app.jinja_env.filters.pop(name, None)
    app.jinja_env.filters.update(FILTERS)
