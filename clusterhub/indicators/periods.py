"""Reporting periods: a quarter or a whole calendar year, in the cluster's own (Latvian) calendar."""

from dataclasses import dataclass
from datetime import date, timedelta

from flask_babel import gettext as _

# Quarters follow the calendar on the wall (clusterhub.clock): a need posted on 31 March at 23:59 in Rīga
# belongs to Q1 although the database stores it as 21:59 UTC.


@dataclass(frozen=True)
class Period:
    """A quarter (1–4) of a year, or the whole year when `quarter` is None."""

    year: int
    quarter: int | None = None

    @classmethod
    def containing(cls, day: date) -> "Period":
        """The quarter `day` falls in."""
        return cls(day.year, (day.month + 2) // 3)

    @property
    def start(self) -> date:
        """The first day of the period."""
        return date(self.year, 1 if self.quarter is None else 3 * self.quarter - 2, 1)

    @property
    def end(self) -> date:
        """The first day after the period (periods are half-open: start <= day < end)."""
        if self.quarter in (None, 4):
            return date(self.year + 1, 1, 1)
        return date(self.year, 3 * self.quarter + 1, 1)

    @property
    def last_day(self) -> date:
        return self.end - timedelta(days=1)

    def until(self, today: date) -> date:
        """The first day not reported on: the period's end, or tomorrow while the period is running."""
        return min(self.end, today + timedelta(days=1))

    @property
    def previous(self) -> "Period":
        """The quarter before this one."""
        return Period(self.year - 1, 4) if self.quarter == 1 else Period(self.year, self.quarter - 1)

    @property
    def quarters(self) -> list["Period"]:
        """The quarters the period is made of."""
        return [self] if self.quarter else [Period(self.year, q) for q in range(1, 5)]

    def label(self) -> str:
        """The period's name in the current language: Q3 2026, or 2026 for a year."""
        if self.quarter is None:
            return str(self.year)
        return _("Q%(quarter)s %(year)s", quarter=self.quarter, year=self.year)
