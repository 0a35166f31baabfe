"""Inviting people into the current cluster and accepting invitations (each link works once)."""

from datetime import timedelta

from flask import current_app, has_request_context, url_for
from itsdangerous import BadSignature, URLSafeSerializer
from sqlalchemy import select, update

from clusterhub.accounts.models import User, normalise_email
from clusterhub.clock import utcnow
from clusterhub.companies.services import company_or_none
from clusterhub.extensions import db
from clusterhub.invitations.models import Invitation
from clusterhub.mail import send_mail
from clusterhub.navigation import path_for
from tenants.context import tenant_scope
from tenants.models import Membership, Tenant
from tenants.services import add_member

_SALT = "invitation"


class InvitationError(ValueError):
    """The invitation cannot be made or used; `reason` is one of the keys of REASONS in the views."""

    def __init__(self, reason: str):
        super().__init__(reason)
        self.reason = reason


def _serializer() -> URLSafeSerializer:
    return URLSafeSerializer(current_app.config["SECRET_KEY"], salt=_SALT)


def invite(email: str, role: str, company_name: str, invited_by: User | None) -> Invitation:
    """Invite `email` into the current cluster; an earlier pending invitation for it is revoked."""
    email = normalise_email(email)
    already_member = select(Membership.id).join(Membership.user).where(User.email == email)
    if db.session.scalar(already_member) is not None:
        raise InvitationError("member")
    db.session.execute(
        update(Invitation)
        .where(Invitation.email == email, Invitation.accepted_at.is_(None), Invitation.revoked_at.is_(None))
        .values(revoked_at=utcnow())
    )
    invitation = new_invitation(email, role, company_name, invited_by)
    db.session.add(invitation)
    db.session.flush()
    return invitation


def new_invitation(email: str, role: str, company_name: str, invited_by: User | None) -> Invitation:
    """An invitation into the current cluster, good for the configured number of days (not added yet)."""
    days = current_app.config["INVITATION_DAYS"]
    return Invitation(
        email=email,
        role=role,
        company_name=company_name.strip(),
        invited_by=invited_by,
        expires_at=utcnow() + timedelta(days=days),
    )


def invitation_token(invitation: Invitation) -> str:
    """The signed token of the e-mailed link."""
    return _serializer().dumps({"t": invitation.tenant_id, "i": invitation.id})


def invitation_from_token(token: str) -> Invitation:
    """The pending invitation behind a link; raises InvitationError if it is unusable."""
    try:
        data = _serializer().loads(token)
    except BadSignature:
        raise InvitationError("invalid") from None
    tenant = db.session.get(Tenant, data.get("t"))
    if tenant is None or not tenant.active:
        raise InvitationError("invalid")
    with tenant_scope(tenant):
        invitation = db.session.get(Invitation, data.get("i"))
    if invitation is None:
        raise InvitationError("invalid")
    if invitation.status != "pending":
        raise InvitationError(invitation.status)
    return invitation


def accept(invitation: Invitation, user: User) -> Membership:
    """Use the invitation for `user`; a second use, even at the same moment, fails."""
    if user.email != invitation.email:
        raise InvitationError("other_user")
    with tenant_scope(invitation.tenant):
        claimed = db.session.execute(
            update(Invitation)
            .where(Invitation.id == invitation.id, Invitation.accepted_at.is_(None))
            .values(accepted_at=utcnow())
            .execution_options(synchronize_session=False)
        )
        if claimed.rowcount != 1:
            raise InvitationError("accepted")
        return add_member(user, invitation.role, company_or_none(invitation.company_name))


def revoke(invitation: Invitation) -> None:
    """Stop a pending invitation's link from working."""
    if invitation.status == "pending":
        invitation.revoked_at = utcnow()


def _link(token: str) -> str:
    # A command (an admin appointing a manager) has no request to take the site's address from.
    if has_request_context():
        return url_for("accounts.accept_invitation", token=token, _external=True)
    return current_app.config["SITE_URL"].rstrip("/") + path_for("accounts.accept_invitation", token=token)


def send_invitation(invitation: Invitation, language: str) -> None:
    """E-mail the invitation link; after the commit, so a rollback sends nothing."""
    send_mail(
        invitation.email,
        language,
        "invitation",
        invitation=invitation,
        link=_link(invitation_token(invitation)),
        days=current_app.config["INVITATION_DAYS"],
    )
