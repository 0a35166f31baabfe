"""Test data built through the same services the app and the CLI use."""

from sqlalchemy import select

from clusterhub.accounts.models import User
from clusterhub.accounts.services import create_user
from clusterhub.companies.services import company_or_none
from clusterhub.extensions import db
from clusterhub.invitations.services import invite
from tenants.context import tenant_scope
from tenants.models import Membership, Tenant
from tenants.services import add_member, create_tenant

PASSWORD = "correct-horse-battery"


def make_tenant(app, slug: str, name: str | None = None, **fields) -> int:
    """A committed cluster; returns its id."""
    with app.app_context():
        tenant = create_tenant(slug, name or f"Cluster {slug}", **fields)
        db.session.commit()
        return tenant.id


def make_user(
    app,
    email: str,
    name: str = "Test Person",
    tenant_slug: str | None = None,
    role: str = "member",
    company: str = "",
    language: str = "en",
    **flags,
) -> int:
    """A committed person (English-speaking unless told), maybe a member of one cluster; returns the id."""
    with app.app_context():
        user = create_user(email, name, PASSWORD, language=language, **flags)
        if tenant_slug:
            _join(user, tenant_slug, role, company)
        db.session.commit()
        return user.id


def add_to_cluster(app, user_id: int, tenant_slug: str, role: str = "member", company: str = "") -> None:
    """Make an existing person a member of another cluster too."""
    with app.app_context():
        _join(db.session.get(User, user_id), tenant_slug, role, company)
        db.session.commit()


def make_invitation(
    app, tenant_slug: str, email: str, inviter_id: int, role: str = "member", company: str = ""
) -> int:
    """A committed pending invitation; returns its id."""
    with app.app_context(), tenant_scope(_tenant(tenant_slug)):
        invitation = invite(email, role, company, db.session.get(User, inviter_id))
        db.session.commit()
        return invitation.id


def membership_id(app, user_id: int, tenant_slug: str) -> int:
    """The id of a person's membership of one cluster."""
    with app.app_context(), tenant_scope(_tenant(tenant_slug)):
        return db.session.scalar(select(Membership.id).where(Membership.user_id == user_id))


def _join(user, tenant_slug: str, role: str, company: str) -> None:
    with tenant_scope(_tenant(tenant_slug)):
        add_member(user, role, company_or_none(company))


def _tenant(slug: str) -> Tenant:
    return db.session.scalar(select(Tenant).where(Tenant.slug == slug))
