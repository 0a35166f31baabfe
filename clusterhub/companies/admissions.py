"""Admitting a company that is a member of other clusters: a request its own representatives decide.

Registration numbers are public in Latvia, so naming one must not let a cluster take a company over:
until the company accepts, the asking cluster sees nothing of it beyond its own import row.
"""

from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import joinedload

from clusterhub.accounts.models import User
from clusterhub.clock import utcnow
from clusterhub.companies.models import AdmissionRequest, Company, CompanyMembership
from clusterhub.companies.services import NumberElsewhere, admit_company, update_profile
from clusterhub.db import decide_once
from clusterhub.extensions import db
from clusterhub.navigation import path_for
from clusterhub.notifications.services import notify
from clusterhub.security import audit
from tenants.context import cross_tenant, current_tenant, tenant_scope
from tenants.models import Membership


class AdmissionRequestError(ValueError):
    """The request was decided already (by another representative, or at the same moment)."""


def _subject(admission: AdmissionRequest) -> str:
    return f"company:{admission.company_id} admission:{admission.id}"


def _tell_representatives(admissions: list[AdmissionRequest]) -> None:
    # The companies' people are in other clusters: each is told inside the cluster where they represent it.
    by_company = {admission.company_id: admission for admission in admissions}
    with cross_tenant():
        memberships = db.session.scalars(
            select(Membership)
            .where(Membership.company_id.in_(by_company))
            .options(joinedload(Membership.tenant), joinedload(Membership.user))
        ).all()
        for membership in memberships:
            link = path_for(
                "companies.admissions", tenant_slug=membership.tenant.slug, company_id=membership.company_id
            )
            params = {"cluster": current_tenant.name}
            notify([membership.user], "admission_request", params, link, tenant_id=membership.tenant_id)


def request_admissions(asked: dict[Company, date | None], user: User | None) -> None:
    """Ask companies of other clusters to join the current cluster, each `asked[company]` as member since
    (one waiting request per company: one already waiting is kept). A few queries for any number of them."""
    ids = [company.id for company in asked]
    waiting = {
        admission.company_id: admission
        for admission in db.session.scalars(
            select(AdmissionRequest).where(
                AdmissionRequest.company_id.in_(ids), AdmissionRequest.status == "waiting"
            )
        )
    }
    new = []
    for company, member_since in asked.items():
        if company.id not in waiting:
            admission = AdmissionRequest(company=company, requested_by_id=user.id if user else None)
            admission.member_since = member_since
            db.session.add(admission)
            new.append(admission)
    db.session.flush()
    for admission in new:
        audit.record("admission_requested", _subject(admission), actor=user)
    if new:
        _tell_representatives(new)


def save_profile(company: Company, user: User, values: dict) -> bool:
    """`update_profile`, except that the registration number of a company that is not a member of this
    cluster is not taken: that company is asked to join instead, as an import row naming it would be, and
    the rest is saved. True when it was asked. The answer never names it."""
    try:
        update_profile(company, user, values)
    except NumberElsewhere as elsewhere:
        update_profile(
            company, user, {key: value for key, value in values.items() if key != "registration_number"}
        )
        request_admissions({elsewhere.company: None}, user)
        return True
    return False


def waiting_for(company: Company) -> list[AdmissionRequest]:
    """The requests of other clusters waiting for this company's answer, oldest first."""
    with cross_tenant():
        return list(
            db.session.scalars(
                select(AdmissionRequest)
                .where(AdmissionRequest.company_id == company.id, AdmissionRequest.status == "waiting")
                .options(joinedload(AdmissionRequest.tenant))
                .order_by(AdmissionRequest.created_at, AdmissionRequest.id)
            )
        )


def _tell_requester(admission: AdmissionRequest, kind: str) -> None:
    requester = db.session.get(User, admission.requested_by_id) if admission.requested_by_id else None
    if requester is not None:
        # The directory, where an accepted company now is: the requester may be a member who gave its number
        # in a profile, to whom the import page is closed.
        link = path_for("companies.index")
        notify([requester], kind, {"company": admission.company.name}, link)


def decide(admission: AdmissionRequest, person: User, accepted: bool) -> None:
    """The company's representative accepts or refuses; a second decision, even at the same moment, fails."""
    status = "accepted" if accepted else "refused"
    values = {"status": status, "decided_by_id": person.id, "decided_at": utcnow()}
    with tenant_scope(admission.tenant):
        if not decide_once(AdmissionRequest, admission.id, "waiting", **values):
            raise AdmissionRequestError(admission.id)
        member = select(CompanyMembership.id).where(CompanyMembership.company_id == admission.company_id)
        if accepted and db.session.scalar(member) is None:
            admit_company(admission.company, admission.member_since)
        audit.record(f"admission_{status}", _subject(admission), actor=person)
        _tell_requester(admission, f"admission_{status}")
    db.session.expire(admission)
