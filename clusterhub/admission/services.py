"""Applications to join a cluster: taken on its public page, then accepted or declined by a manager."""

from sqlalchemy import Select, func, or_, select

from clusterhub.accounts.models import User
from clusterhub.admission.models import STATUSES, Application, RepresentationRequest
from clusterhub.clock import utcnow
from clusterhub.collation import company_sort_key
from clusterhub.companies.models import Company
from clusterhub.db import decide_once
from clusterhub.extensions import db
from clusterhub.invitations.models import Invitation
from clusterhub.invitations.services import InvitationError, invite
from clusterhub.navigation import path_for
from clusterhub.notifications.services import managers, notify, people_of
from clusterhub.security import audit
from tenants.models import Tenant

APPLICATION_FIELDS = (
    "company_name",
    "registration_number",
    "website",
    "contact_name",
    "email",
    "phone",
    "motivation",
)


class AdmissionError(ValueError):
    """The application cannot be taken or decided; `reason` is "closed", "decided" or "member"."""

    def __init__(self, reason: str):
        super().__init__(reason)
        self.reason = reason


def apply(tenant: Tenant, details: dict[str, str]) -> Application:
    """Store an application to the current cluster (APPLICATION_FIELDS) and tell its managers."""
    if not tenant.admissions_open:
        raise AdmissionError("closed")
    application = Application(**{name: details.get(name) or "" for name in APPLICATION_FIELDS})
    db.session.add(application)
    db.session.flush()
    link = path_for("applications.detail", application_id=application.id)
    notify(managers(), "application", {"company": application.company_name}, link)
    return application


def _decide(application: Application, status: str, manager: User, reason: str = "") -> None:
    values = {"status": status, "reason": reason, "decided_by_id": manager.id, "decided_at": utcnow()}
    if not decide_once(Application, application.id, "new", **values):
        raise AdmissionError("decided")
    db.session.expire(application)


def named_member(application: Application) -> Company | None:
    """The member company the application names, by its folded name ("sia  BOB" is "SIA Bob") or
    registration number: an applicant becomes its representative only if its own representatives agree."""
    condition = Company.name_sort == company_sort_key(" ".join(application.company_name.split()))
    number = "".join(application.registration_number.split())
    if number:
        condition = or_(condition, Company.registration_number == number)
    return db.session.scalars(select(Company).where(condition).order_by(Company.id)).first()


def _invite(application: Application, company_name: str, inviter: User) -> Invitation:
    try:
        invitation = invite(application.email, "member", company_name, inviter)
    except InvitationError as error:
        raise AdmissionError(error.reason) from None
    application.invitation = invitation
    db.session.flush()
    return invitation


def _ask_representatives(application: Application, company: Company) -> None:
    request = RepresentationRequest(application=application, company_id=company.id)
    db.session.add(request)
    db.session.flush()
    audit.record("representation_requested", f"company:{company.id} application:{application.id}")
    link = path_for("companies.representation", company_id=company.id)
    notify(people_of(company.id), "representation_request", {"person": application.contact_name}, link)


def accept(application: Application, manager: User) -> Invitation | None:
    """Accept the application: its contact person is invited as a member, for the applicant company.

    When that company is a member already, its representatives are asked first (None: no invitation yet).
    """
    _decide(application, "accepted", manager)
    company = named_member(application)
    if company is not None:
        _ask_representatives(application, company)
        return None
    return _invite(application, application.company_name, manager)


def waiting_representation(company: Company) -> list[RepresentationRequest]:
    """The accepted applicants waiting for the company's answer, oldest first."""
    return list(
        db.session.scalars(
            select(RepresentationRequest)
            .where(RepresentationRequest.company_id == company.id, RepresentationRequest.status == "waiting")
            .order_by(RepresentationRequest.created_at, RepresentationRequest.id)
        )
    )


def decide_representation(
    request: RepresentationRequest, company: Company, person: User, accepted: bool
) -> Invitation | None:
    """A representative lets the applicant represent the company (the invitation, sent after the commit)
    or refuses; the managers are told. A second decision, even at the same moment, raises AdmissionError."""
    status = "accepted" if accepted else "refused"
    values = {"status": status, "decided_by_id": person.id, "decided_at": utcnow()}
    if not decide_once(RepresentationRequest, request.id, "waiting", **values):
        raise AdmissionError("decided")
    application = request.application
    audit.record(
        f"representation_{status}", f"company:{company.id} application:{application.id}", actor=person
    )
    link = path_for("applications.detail", application_id=application.id)
    notify(
        managers(),
        f"representation_{status}",
        {"company": company.name, "person": application.contact_name},
        link,
    )
    return _invite(application, company.name, person) if accepted else None


def decline(application: Application, manager: User, reason: str) -> None:
    """Decline the application with the reason the applicant will be told."""
    _decide(application, "declined", manager, reason.strip())


def applications(status: str | None) -> Select:
    """The current cluster's applications of one status (all when None), newest first."""
    statement = select(Application).order_by(Application.created_at.desc(), Application.id.desc())
    return statement.where(Application.status == status) if status else statement


def counts() -> dict[str, int]:
    """How many applications of the current cluster have each status."""
    rows = db.session.execute(
        select(Application.status, func.count(Application.id)).group_by(Application.status)
    )
    return dict.fromkeys(STATUSES, 0) | {status: count for status, count in rows}


def change_settings(tenant: Tenant, criteria: str, admissions_open: bool) -> None:
    """The admission criteria shown on the public page, and whether it takes applications."""
    tenant.admission_criteria = criteria.strip()
    tenant.admissions_open = admissions_open
