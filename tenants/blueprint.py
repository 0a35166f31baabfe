"""Cluster pages: /c/<tenant_slug>/…, resolved once per request and open to members only."""

from flask import Blueprint, abort, g
from flask_login import current_user
from sqlalchemy import select

from clusterhub.extensions import db, login_manager
from tenants.context import set_tenant
from tenants.models import Tenant
from tenants.services import my_memberships


def _resolve_tenant(endpoint, values) -> None:
    slug = values.pop("tenant_slug", None) if values else None
    # A member's cluster is among the clusters the switcher lists anyway; any other is read, so that a
    # visitor is sent to sign in and a stranger gets 404 as before.
    own = next((membership for membership in my_memberships() if membership.tenant.slug == slug), None)
    active = select(Tenant).where(Tenant.slug == slug, Tenant.active.is_(True))
    tenant = own.tenant if own else db.session.scalar(active)
    if tenant is None:
        abort(404)
    set_tenant(tenant)
    g.membership = own


def _keep_tenant_in_urls(endpoint, values) -> None:
    if "tenant_slug" not in values and g.get("tenant") is not None:
        values["tenant_slug"] = g.tenant.slug


def _members_only():
    if not current_user.is_authenticated:
        return login_manager.unauthorized()
    # The person's membership of THIS cluster, found when the address was resolved.
    if g.membership is None:
        set_tenant(None)  # the 404 page must not name the cluster: a non-member must not learn it exists
        abort(404)
    return None


class TenantBlueprint(Blueprint):
    """A feature's blueprint whose every route lives inside one cluster."""

    def __init__(self, name: str, import_name: str, url_prefix: str = ""):
        super().__init__(name, import_name, url_prefix="/c/<tenant_slug>" + url_prefix)
        self.url_value_preprocessor(_resolve_tenant)
        self.url_defaults(_keep_tenant_in_urls)
        self.before_request(_members_only)
