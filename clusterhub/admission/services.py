"""Applications to join a cluster: taken on its public page, then accepted or declined by a manager."""

from sqlalchemy import Select, func, select, update

from clusterhub.accounts.models import User
from clusterhub.admission.models import STATUSES, Application
from clusterhub.clock import utcnow
from clusterhub.extensions import db
from clusterhub.invitations.models import Invitation
from clusterhub.invitations.services import InvitationError, invite
from clusterhub.navigation import path_for
from clusterhub.notifications.services import managers, notify
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
    # A conditional UPDATE, so that two managers deciding at the same moment cannot both succeed.
    decided = db.session.execute(
        update(Application)
        .where(Application.id == application.id, Application.status == "new")
        .values(status=status, reason=reason, decided_by_id=manager.id, decided_at=utcnow())
        .execution_options(synchronize_session=False)
    )
    if decided.rowcount != 1:
        raise AdmissionError("decided")
    db.session.expire(application)


def accept(application: Application, manager: User) -> Invitation:
    """Accept the application: its contact person is invited as a member, for the applicant company."""
    _decide(application, "accepted", manager)
    try:
        invitation = invite(application.email, "member", application.company_name, manager)
    except InvitationError as error:
        raise AdmissionError(error.reason) from None
    application.invitation = invitation
    db.session.flush()
    return invitation


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
