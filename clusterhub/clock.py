"""The one clock: every "now" and "today" in ClusterHub comes from here.

Times are stored and compared in UTC; a "day" is a day on the wall in the platform's time zone
(`TIME_ZONE`, Europe/Riga by default), so a need posted at 00:30 in Rīga on 1 April belongs to April on
every page, whatever zone the server runs in. Tests freeze this clock with time-machine.
"""

from datetime import UTC, date, datetime, time
from zoneinfo import ZoneInfo

from flask import current_app, has_app_context

DEFAULT_ZONE = "Europe/Riga"


def zone() -> ZoneInfo:
    """The platform's time zone: the app's setting, or Rīga outside an app."""
    name = current_app.config.get("TIME_ZONE", DEFAULT_ZONE) if has_app_context() else DEFAULT_ZONE
    return ZoneInfo(name)


def utcnow() -> datetime:
    """The current time, timezone-aware, in UTC."""
    return datetime.now(UTC)


def local_today() -> date:
    """Today's date on the wall in the platform's time zone."""
    return utcnow().astimezone(zone()).date()


def instant(day: date) -> datetime:
    """Midnight at the start of `day` in the platform's zone, as the UTC moment timestamps compare with."""
    return datetime.combine(day, time(), zone()).astimezone(UTC)


def local(moment: datetime) -> datetime:
    """A stored UTC moment as the time on the wall in the platform's zone."""
    return moment.astimezone(zone())
