"""Deleting a person's account and a company's profile: what is erased, what stays with the company."""

from datetime import date

from flask import current_app
from flask_babel import force_locale
from flask_babel import gettext as _
from sqlalchemy import delete, func, select, update
from werkzeug.security import check_password_hash

from clusterhub.accounts.models import FailedLogin, SignIn, User
from clusterhub.accounts.sessions import end_sessions
from clusterhub.admission.models import Application
from clusterhub.clock import utcnow
from clusterhub.companies.models import Company, CompanyChange, CompanyMembership, ContactPerson
from clusterhub.events.models import Event
from clusterhub.extensions import db
from clusterhub.invitations.models import Invitation
from clusterhub.members.services import end_membership
from clusterhub.news.models import DigestDelivery
from clusterhub.notifications.models import Notification
from clusterhub.security import audit
from tenants.context import cross_tenant, tenant_scope
from tenants.models import Membership, Tenant

# Stored where a password hash would be: no password ever matches it.
UNUSABLE_PASSWORD = "!deleted"
# The profile fields a deleted company keeps empty; its name becomes a placeholder.
ERASED_TEXT = (
    "description",
    "website",
    "infrastructure",
    "development_directions",
    "partnership_interests",
    "other_clusters",
)


class PrivacyError(ValueError):
    """A deletion was refused; `reason` names why (the view says it in the person's language)."""

    def __init__(self, reason: str, clusters: list[str] | None = None):
        super().__init__(reason)
        self.reason = reason
        self.clusters = clusters or []


def password_matches(user: User, password: str) -> bool:
    """Whether `password` is the person's current password."""
    return check_password_hash(user.password_hash, password or "")


def _in_platform_language(text) -> str:
    # A placeholder is stored once for every reader, so in the platform's language, not the deleter's.
    with force_locale(current_app.config["BABEL_DEFAULT_LOCALE"]):
        return str(text())


def former_member_name() -> str:
    """The name a deleted person's account keeps."""
    return _in_platform_language(lambda: _("Former member"))


def deleted_company_name() -> str:
    """The name a deleted company keeps, so its posts and ratings still read as a company's."""
    return _in_platform_language(lambda: _("Deleted company"))


def placeholder_email(user: User) -> str:
    """A unique address that can never receive mail (.invalid is reserved, RFC 2606)."""
    return f"deleted-{user.id}@invalid"


# A person


def clusters_left_without_manager(user: User) -> list[Tenant]:
    """The clusters where the person is the only manager: they would have nobody to run them."""
    with cross_tenant():
        managed = db.session.scalars(
            select(Membership).where(Membership.user_id == user.id, Membership.role == "manager")
        ).all()
        return [
            membership.tenant
            for membership in managed
            if db.session.scalar(
                select(func.count(Membership.id)).where(
                    Membership.tenant_id == membership.tenant_id,
                    Membership.role == "manager",
                    Membership.id != membership.id,
                )
            )
            == 0
        ]


def upcoming_conferences_organised(user: User) -> list[Event]:
    """Conferences the person organises that have not ended: nobody else could run them."""
    now = utcnow()
    with cross_tenant():
        return list(
            db.session.scalars(
                select(Event).where(
                    Event.organiser_id == user.id,
                    func.coalesce(Event.ends_at, Event.starts_at) >= now,
                )
            )
        )


def check_account_deletable(user: User) -> None:
    """Raise PrivacyError when deleting the account would leave a cluster or a conference unrun."""
    orphaned = clusters_left_without_manager(user)
    if orphaned:
        raise PrivacyError("last_manager", [tenant.name for tenant in orphaned])
    conferences = upcoming_conferences_organised(user)
    if conferences:
        raise PrivacyError("organiser", [event.title for event in conferences])


def _erase_traces_elsewhere(user: User, email: str) -> None:
    """Rows that hold the person's e-mail or only concern them, wherever they are."""
    for model in (Membership, Notification, DigestDelivery):
        db.session.execute(delete(model).where(model.user_id == user.id))
    db.session.execute(delete(SignIn).where(SignIn.user_id == user.id))
    db.session.execute(delete(FailedLogin).where(FailedLogin.email == email))
    db.session.execute(delete(ContactPerson).where(ContactPerson.email == email))
    placeholder = placeholder_email(user)
    db.session.execute(update(Invitation).where(Invitation.email == email).values(email=placeholder))
    db.session.execute(
        update(Application)
        .where(Application.email == email)
        .values(email=placeholder, contact_name=former_member_name(), phone="")
    )


def delete_account(user: User) -> None:
    """Erase a person's personal data; what they wrote stays with their company under a placeholder name.

    The row itself stays (posts, ratings and messages point to it), with a placeholder name and e-mail,
    no usable password, and every other signed-in session of it ended.
    """
    check_account_deletable(user)
    email = user.email
    with cross_tenant():
        _erase_traces_elsewhere(user, email)
    user.name = former_member_name()
    user.email = placeholder_email(user)
    user.password_hash = UNUSABLE_PASSWORD
    user.active = False
    user.is_admin = user.is_organiser = user.match_emails = False
    user.deleted_at = utcnow()
    end_sessions(user)
    audit.record("account_deleted", f"user:{user.id}", actor=user)
    db.session.flush()


# A company


def represented_in(user: User, company: Company) -> list[Tenant]:
    """The clusters where the person represents the company."""
    with cross_tenant():
        return list(
            db.session.scalars(
                select(Tenant)
                .join(Membership, Membership.tenant_id == Tenant.id)
                .where(Membership.user_id == user.id, Membership.company_id == company.id)
                .order_by(Tenant.name_sort)
            )
        )


def represented_companies(user: User) -> list[Company]:
    """The companies the person represents in any of their clusters."""
    with cross_tenant():
        return list(
            db.session.scalars(
                select(Company)
                .join(Membership, Membership.company_id == Company.id)
                .where(Membership.user_id == user.id)
                .distinct()
                .order_by(Company.name_sort)
            )
        )


def company_for(user: User, company_id: int) -> Company | None:
    """The company if the person represents it somewhere and it is not deleted; None otherwise."""
    with cross_tenant():
        company = db.session.scalar(
            select(Company)
            .join(Membership, Membership.company_id == Company.id)
            .where(Company.id == company_id, Membership.user_id == user.id, Company.deleted_at.is_(None))
        )
    return company


def current_links(company: Company) -> list[CompanyMembership]:
    """The company's memberships of clusters it has not left."""
    with cross_tenant():
        return list(
            db.session.scalars(
                select(CompanyMembership).where(
                    CompanyMembership.company_id == company.id, CompanyMembership.is_current
                )
            )
        )


def clusters_represented_by_others(user: User, company: Company) -> list[Tenant]:
    """Clusters the company is still a member of where this person does not speak for it."""
    mine = {tenant.id for tenant in represented_in(user, company)}
    return [link.tenant for link in current_links(company) if link.tenant_id not in mine]


def _erase_profile(company: Company) -> None:
    for field in ERASED_TEXT:
        setattr(company, field, "")
    company.name = deleted_company_name()
    company.registration_number = company.size = company.region = None
    company.logo = company.logo_type = None
    company.tags.clear()
    company.roles.clear()
    company.contacts.clear()
    # The change history holds every earlier value of the profile.
    db.session.execute(delete(CompanyChange).where(CompanyChange.company_id == company.id))
    company.deleted_at = utcnow()


def delete_company(company: Company, user: User, today: date) -> None:
    """Take the company out of the clusters it is still in (all represented by `user`) and erase its profile.

    Its posts, threads and ratings stay in the clusters' history, under the placeholder name.
    """
    others = clusters_represented_by_others(user, company)
    if others:
        raise PrivacyError("other_clusters", [tenant.name for tenant in others])
    for link in current_links(company):
        with tenant_scope(link.tenant):
            end_membership(link, "left", user, today)
    with cross_tenant():
        _erase_profile(company)
        audit.record("company_deleted", f"company:{company.id}", actor=user)
        db.session.flush()
