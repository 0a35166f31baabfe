"""The quarterly feedback report: per service, how often it was used, by whom, and how the members rated it.

Plain functions of their arguments, so tests can feed hand-made data with known answers. A quarter is
counted by the day of use (ServiceUse.used_on): Q1 is 1 January to 31 March, and so on (indicators' Period).
"""

from dataclasses import dataclass, field
from datetime import date

from sqlalchemy import and_, case, distinct, extract, func, or_, select

from clusterhub.catalogue.models import FeedbackReport, Service, ServiceFeedback, ServiceUse
from clusterhub.clock import instant
from clusterhub.collation import latvian_sort_key
from clusterhub.extensions import db
from clusterhub.indicators.periods import Period

# The programme this platform reports to started long after this; earlier years are typing mistakes.
FIRST_YEAR = 2000
# A member "rates it 4 or 5" when its scores for the service in the quarter average at least this.
SATISFIED = 4


@dataclass
class ServiceSummary:
    """One service's quarter: uses, companies, answers, the average score and the members' words."""

    service: Service
    uses: int
    companies: int
    answers: int  # uses with feedback
    average: float | None  # of all answers
    rated_by: int  # companies that answered at least once
    satisfied: int  # of those, companies whose answers average 4 or more
    worked: list[str] = field(default_factory=list)
    change: list[str] = field(default_factory=list)


@dataclass
class QuarterReport:
    year: int
    quarter: int
    services: list[ServiceSummary]  # the services used in the quarter, by name
    unused: list[Service]  # services on offer during the quarter that nobody used

    @property
    def uses(self) -> int:
        return sum(summary.uses for summary in self.services)


@dataclass(frozen=True)
class QuarterRow:
    """A line of the quarter chooser."""

    year: int
    quarter: int
    uses: int
    published: bool


def is_reportable(year: int, quarter: int, today: date) -> bool:
    """A real quarter that has begun by `today` (later ones have nothing to report)."""
    return (
        quarter in (1, 2, 3, 4) and FIRST_YEAR <= year and (year, quarter) <= _key(Period.containing(today))
    )


def is_running(year: int, quarter: int, today: date) -> bool:
    """True while the quarter has not ended: its report is preliminary, its figures still change."""
    return today < Period(year, quarter).end


def _key(period: Period) -> tuple[int, int]:
    return period.year, period.quarter


def _counts(in_quarter) -> dict[int, tuple]:
    statement = (
        select(
            ServiceUse.service_id,
            func.count(ServiceUse.id),
            func.count(distinct(ServiceUse.company_id)),
            func.count(ServiceFeedback.id),
            func.avg(ServiceFeedback.score),
        )
        .outerjoin(ServiceUse.feedback)
        .where(in_quarter)
        .group_by(ServiceUse.service_id)
    )
    return {row[0]: row[1:] for row in db.session.execute(statement)}


def _satisfaction(in_quarter) -> dict[int, tuple[int, int]]:
    """Per service: (companies that answered, companies whose answers average SATISFIED or more)."""
    per_company = (
        select(ServiceUse.service_id, func.avg(ServiceFeedback.score).label("mean"))
        .join(ServiceUse.feedback)
        .where(in_quarter)
        .group_by(ServiceUse.service_id, ServiceUse.company_id)
        .subquery()
    )
    statement = select(
        per_company.c.service_id,
        func.count(),
        func.sum(case((per_company.c.mean >= SATISFIED, 1), else_=0)),
    ).group_by(per_company.c.service_id)
    return {service_id: (rated, satisfied) for service_id, rated, satisfied in db.session.execute(statement)}


def _quotes(in_quarter) -> list[tuple[int, str, str]]:
    statement = (
        select(ServiceUse.service_id, ServiceFeedback.worked, ServiceFeedback.change)
        .join(ServiceUse.feedback)
        .where(in_quarter, or_(ServiceFeedback.worked != "", ServiceFeedback.change != ""))
        .order_by(ServiceUse.used_on, ServiceFeedback.id)
    )
    return list(db.session.execute(statement))


def _services(used_ids, period: Period) -> list[Service]:
    # A service on offer during the quarter: created by its end and not retired; it may have gone unused.
    created_by_then = Service.created_at < instant(period.end)
    statement = select(Service).where(or_(Service.id.in_(used_ids), and_(Service.active, created_by_then)))
    return sorted(db.session.scalars(statement), key=lambda service: latvian_sort_key(service.name))


def _summary(service: Service, counts: tuple, satisfaction: tuple[int, int]) -> ServiceSummary:
    uses, companies, answers, average = counts
    rated_by, satisfied = satisfaction
    # PostgreSQL's avg() is a Decimal, SQLite's a float.
    average = None if average is None else float(average)
    return ServiceSummary(service, uses, companies, answers, average, rated_by, int(satisfied))


def quarter_report(year: int, quarter: int) -> QuarterReport:
    """The feedback report of one quarter of the current cluster."""
    period = Period(year, quarter)
    in_quarter = ServiceUse.used_on.between(period.start, period.last_day)
    counts, satisfaction = _counts(in_quarter), _satisfaction(in_quarter)
    services = _services(counts.keys(), period)
    summaries = {
        service.id: _summary(service, counts[service.id], satisfaction.get(service.id, (0, 0)))
        for service in services
        if service.id in counts
    }
    for service_id, worked, change in _quotes(in_quarter):
        if worked:
            summaries[service_id].worked.append(worked)
        if change:
            summaries[service_id].change.append(change)
    unused = [service for service in services if service.id not in counts]
    return QuarterReport(year, quarter, list(summaries.values()), unused)


def quarters(today: date) -> list[QuarterRow]:
    """Every quarter from the first recorded use to the current one, newest first, with uses and whether
    its report is published."""
    year, month = extract("year", ServiceUse.used_on), extract("month", ServiceUse.used_on)
    uses: dict[tuple[int, int], int] = {}
    for used_year, used_month, count in db.session.execute(
        select(year, month, func.count(ServiceUse.id)).group_by(year, month)
    ):
        key = _key(Period.containing(date(int(used_year), int(used_month), 1)))
        uses[key] = uses.get(key, 0) + count
    published = {(y, q) for y, q in db.session.execute(select(FeedbackReport.year, FeedbackReport.quarter))}
    current = _key(Period.containing(today))
    key = min([current, *uses])
    rows = []
    while key <= current:
        rows.append(QuarterRow(*key, uses.get(key, 0), key in published))
        key = (key[0] + 1, 1) if key[1] == 4 else (key[0], key[1] + 1)
    return rows[::-1]
