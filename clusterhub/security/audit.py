"""Record security-relevant events for platform admins; written in the transaction of the action itself."""

from flask import has_request_context, request
from flask_login import current_user

from clusterhub.extensions import db
from clusterhub.labels import AUDIT_KINDS
from clusterhub.security.models import AuditEvent
from tenants.context import current_tenant_id

# Every kind the log may hold: the kinds the admin page has a name for.
KINDS = tuple(AUDIT_KINDS)


def _signed_in_user():
    if has_request_context() and current_user.is_authenticated:
        return current_user._get_current_object()
    return None


def record(kind: str, subject: str = "", actor=None, tenant_id: int | None = None) -> AuditEvent:
    """Add one event to the session; `actor` defaults to the signed-in person, the cluster to the current one.

    `subject` names what was affected by kind and id only ("rating:12"), so the log holds no personal text.
    """
    if kind not in KINDS:
        raise ValueError(f"unknown audit event kind: {kind}")
    event = AuditEvent(
        kind=kind,
        subject=subject,
        actor=actor or _signed_in_user(),
        tenant_id=tenant_id if tenant_id is not None else current_tenant_id(),
        ip=(request.remote_addr or "") if has_request_context() else "",
    )
    db.session.add(event)
    return event
