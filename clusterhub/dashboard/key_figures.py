"""The cluster's key figures at the top of a manager's overview; each opens the page behind it."""

from collections import Counter
from dataclasses import dataclass
from datetime import date

from sqlalchemy import func, select

from clusterhub.catalogue.models import ServiceFeedback, ServiceUse
from clusterhub.dashboard.needs import Span, waiting_and_answered
from clusterhub.extensions import db
from clusterhub.indicators.periods import Period
from clusterhub.members.segments import members_per_segment

ANSWERED_MONTHS = 12


@dataclass
class KeyFigures:
    segments: Counter
    waiting_needs: int
    posts: int  # in the last ANSWERED_MONTHS months
    answered: int
    feedback: int  # answers about services used this quarter
    quarter: Period

    @property
    def answered_percent(self) -> int | None:
        return round(100 * self.answered / self.posts) if self.posts else None


def _feedback_in(period: Period) -> int:
    return db.session.scalar(
        select(func.count(ServiceFeedback.id))
        .join(ServiceFeedback.use)
        .where(ServiceUse.used_on.between(period.start, period.last_day))
    )


def key_figures(today: date) -> KeyFigures:
    """Members by segment, needs waiting for an answer, the answered share and this quarter's feedback."""
    waiting, _, _ = waiting_and_answered(Span(today, None))
    _, posts, answered = waiting_and_answered(Span(today, ANSWERED_MONTHS))
    quarter = Period.containing(today)
    return KeyFigures(members_per_segment(today), waiting, posts, answered, _feedback_in(quarter), quarter)
