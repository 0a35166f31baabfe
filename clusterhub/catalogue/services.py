"""The cluster's service catalogue: keeping it, recording uses, collecting feedback, publishing reports."""

from datetime import date, datetime

from sqlalchemy import Select, func, select
from sqlalchemy.orm import selectinload

from clusterhub.accounts.models import User
from clusterhub.catalogue.models import FeedbackReport, Service, ServiceFeedback, ServiceUse
from clusterhub.collation import latvian_sort_key
from clusterhub.companies.directory import is_current_member
from clusterhub.companies.models import Company
from clusterhub.extensions import db
from clusterhub.navigation import path_for
from clusterhub.notifications.services import notify, people_of


class CatalogueError(ValueError):
    """The action is not allowed; `reason` names why."""

    def __init__(self, reason: str):
        super().__init__(reason)
        self.reason = reason


def catalogue(include_retired: bool = False) -> list[Service]:
    """The cluster's services in Latvian alphabetical order; retired ones only when asked for."""
    statement = select(Service)
    if not include_retired:
        statement = statement.where(Service.active)
    return sorted(db.session.scalars(statement), key=lambda service: latvian_sort_key(service.name))


def save_service(service: Service | None, name: str, kind: str, description: str) -> Service:
    """Add a service to the catalogue (`service` None) or change one; names are unique in the cluster."""
    name = " ".join(name.split())
    clash = select(Service.id).where(Service.name == name)
    if service is not None:
        clash = clash.where(Service.id != service.id)
    if db.session.scalar(clash) is not None:
        raise CatalogueError("name_taken")
    if service is None:
        service = Service()
        db.session.add(service)
    service.name, service.kind, service.description = name, kind, description.strip()
    db.session.flush()
    return service


def set_active(service: Service, active: bool) -> None:
    """Retire a service (it keeps its uses and feedback) or offer it again."""
    service.active = active
    db.session.flush()


def _refusal_to_record(service: Service, company: Company | None, used_on: date, today: date) -> str | None:
    if company is None:
        return "no_company"
    if not service.active:
        return "retired"
    if used_on > today:
        return "future"
    if not is_current_member(company.id):
        return "not_member"
    recorded = select(ServiceUse.id).where(
        ServiceUse.service_id == service.id,
        ServiceUse.company_id == company.id,
        ServiceUse.used_on == used_on,
    )
    if db.session.scalar(recorded) is not None:
        return "duplicate"
    return None


def record_use(
    service: Service, company: Company | None, used_on: date, recorder: User, today: date
) -> ServiceUse:
    """Record that `company` used `service` on `used_on`; the company's people are asked for feedback.

    The person who recorded it is asked in the app only: they are on the platform already.
    """
    reason = _refusal_to_record(service, company, used_on, today)
    if reason:
        raise CatalogueError(reason)
    use = ServiceUse(service=service, company=company, used_on=used_on, recorded_by_id=recorder.id)
    db.session.add(use)
    db.session.flush()
    notify(
        people_of(company.id),
        "feedback_request",
        {"service": service.name},
        path_for("catalogue.feedback", use_id=use.id),
        mailed=lambda user: user.id != recorder.id,
    )
    return use


def remove_use(use: ServiceUse) -> None:
    """Take back a use recorded by mistake, with its feedback."""
    db.session.delete(use)
    db.session.flush()


def use_counts() -> dict[int, int]:
    """How many uses each service has had, by service id."""
    statement = select(ServiceUse.service_id, func.count(ServiceUse.id)).group_by(ServiceUse.service_id)
    return {service_id: count for service_id, count in db.session.execute(statement)}


def uses_of_service(service: Service) -> Select:
    """Every use of a service, the latest first, with the company and the feedback."""
    return (
        select(ServiceUse)
        .where(ServiceUse.service_id == service.id)
        .options(selectinload(ServiceUse.company), selectinload(ServiceUse.feedback))
        .order_by(ServiceUse.used_on.desc(), ServiceUse.id.desc())
    )


def uses_by_company(service: Service, company_id: int) -> list[ServiceUse]:
    """A company's uses of one service, the latest first."""
    return list(db.session.scalars(uses_of_service(service).where(ServiceUse.company_id == company_id)))


def awaiting_feedback(company_id: int) -> Select:
    """A company's uses that nobody of the company has given feedback on yet, the latest first."""
    return (
        select(ServiceUse)
        .where(ServiceUse.company_id == company_id, ~ServiceUse.feedback.has())
        .options(selectinload(ServiceUse.service))
        .order_by(ServiceUse.used_on.desc(), ServiceUse.id.desc())
    )


def may_give_feedback(use: ServiceUse, company: Company | None) -> bool:
    """Only the people of the company that used the service speak for it."""
    return company is not None and company.id == use.company_id


def give_feedback(
    use: ServiceUse, company: Company | None, author: User, score: int, worked: str, change: str
) -> ServiceFeedback:
    """The company's feedback on a use: given once, changed by its people afterwards."""
    if not may_give_feedback(use, company):
        raise CatalogueError("not_yours")
    values = {"author_id": author.id, "score": score, "worked": worked.strip(), "change": change.strip()}
    if use.feedback is None:
        # Added at once: a backref alone does not put it in the session.
        db.session.add(ServiceFeedback(use=use, **values))
    else:
        for name, value in values.items():
            setattr(use.feedback, name, value)
    db.session.flush()
    return use.feedback


def published_report(year: int, quarter: int) -> FeedbackReport | None:
    """The publication of a quarter's report, if the manager has published it."""
    return db.session.scalar(
        select(FeedbackReport).where(FeedbackReport.year == year, FeedbackReport.quarter == quarter)
    )


def published_reports() -> list[FeedbackReport]:
    """The quarters members can read, newest first."""
    statement = select(FeedbackReport).order_by(FeedbackReport.year.desc(), FeedbackReport.quarter.desc())
    return list(db.session.scalars(statement))


def publish(
    year: int, quarter: int, publisher: User, now: datetime, running: bool, preliminary: bool
) -> FeedbackReport:
    """Show a quarter's report to the members (once); while the quarter runs only as a preliminary report,
    which the manager must ask for, because its figures still change."""
    if published_report(year, quarter) is not None:
        raise CatalogueError("published")
    if running and not preliminary:
        raise CatalogueError("running")
    report = FeedbackReport(year=year, quarter=quarter, published_at=now, published_by_id=publisher.id)
    db.session.add(report)
    db.session.flush()
    return report


def withdraw_report(year: int, quarter: int) -> None:
    """Take a quarter's report back from the members; it can be published again later."""
    report = published_report(year, quarter)
    if report is None:
        raise CatalogueError("not_published")
    db.session.delete(report)
