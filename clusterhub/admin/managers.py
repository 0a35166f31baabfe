"""Appointing a cluster's manager: a person already on the platform at once, anyone else by invitation."""

from sqlalchemy import select

from clusterhub.accounts.models import User
from clusterhub.accounts.services import find_user
from clusterhub.extensions import db
from clusterhub.invitations.models import Invitation
from clusterhub.invitations.services import invite
from clusterhub.security import audit
from tenants.context import tenant_scope
from tenants.models import Membership, Tenant
from tenants.services import add_member, change_role


def appoint_manager(tenant: Tenant, email: str, appointed_by: User | None) -> Membership | Invitation:
    """Make the person with `email` a manager of `tenant`: promote them if they are a member, add them if
    they have an account, otherwise invite them as manager (the caller e-mails the invitation after the
    commit). Returns the membership or the invitation; both are on the audit log."""
    user = find_user(email)
    with tenant_scope(tenant):
        if user is None:
            appointed = invite(email, "manager", "", appointed_by)
            audit.record("manager_invited", f"invitation:{appointed.id}", tenant_id=tenant.id)
            return appointed
        appointed = db.session.scalar(select(Membership).where(Membership.user_id == user.id))
        if appointed is None:
            appointed = add_member(user, "manager")
        else:
            change_role(appointed, "manager")
        audit.record("manager_appointed", f"user:{user.id}", tenant_id=tenant.id)
        return appointed
