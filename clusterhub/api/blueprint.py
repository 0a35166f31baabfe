"""API blueprints: /api/v1/clusters/<tenant_slug>/…, entered with a bearer token, never with a cookie.

Each request is resolved once, before any view: the token (401 without a usable one), its cluster (404 when
the address names another one: a token never learns whether another cluster exists), its person's membership
there now, then the same scoping, role checks and rate limits as the cluster's pages.
"""

from functools import wraps

from flask import abort, g, request
from flask_login import AnonymousUserMixin
from flask_smorest import Blueprint
from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from werkzeug.exceptions import HTTPException

from clusterhub.api import problems, tokens
from clusterhub.extensions import db
from clusterhub.security import limits
from tenants.context import set_tenant
from tenants.models import Tenant

PREFIX = "/api/v1"
CLUSTER_PREFIX = PREFIX + "/clusters/<tenant_slug>"
READING = ("GET", "HEAD", "OPTIONS")
BEARER = "Bearer "
MANAGERS_ONLY = "This resource is for the cluster's managers only."


def _unauthorized(detail: str):
    abort(problems.problem(401, detail, headers={"WWW-Authenticate": 'Bearer realm="ClusterHub API"'}))


def _no_cookie_user(endpoint, values) -> None:
    # Before any before_request hook reads current_user: a browser's session cookie never signs in here.
    g._login_user = AnonymousUserMixin()
    g.api_slug = values.pop("tenant_slug", None) if values else None


def _keep_slug_in_urls(endpoint, values) -> None:
    if "tenant_slug" not in values and g.get("tenant") is not None:
        values["tenant_slug"] = g.tenant.slug


def _token_from_header() -> tokens.ApiToken:
    header = request.headers.get("Authorization", "")
    if not header.startswith(BEARER):
        _unauthorized("Send a personal access token: Authorization: Bearer <token>.")
    token = tokens.token_of(header[len(BEARER) :].strip())
    if token is None or not tokens.usable(token) or not token.user.is_active:
        _unauthorized("The token is unknown, revoked or expired.")
    return token


def _authenticate() -> None:
    """The token's person in the token's cluster, or a problem answer."""
    token = _token_from_header()
    tenant = db.session.scalar(select(Tenant).where(Tenant.slug == g.api_slug, Tenant.active.is_(True)))
    if tenant is None or tenant.id != token.tenant_id:
        abort(404)
    membership = tokens.membership_of(token)
    if membership is None:
        abort(404)  # the person left the cluster: the token reaches nothing there any more
    set_tenant(tenant)
    g.membership, g.api_token, g._login_user = membership, token, token.user
    limits.check("api", f"token:{token.id}")
    if request.method not in READING and not token.writes:
        abort(403, "This token may only read.")
    tokens.note_use(token)
    # Committed apart from the view's work, like a page's rate-limit count: a refused request still counts.
    db.session.commit()


def manager_only(view):
    """Let only the cluster's managers in, as the managers' pages do."""

    @wraps(view)
    def guarded(*args, **kwargs):
        if not g.membership.is_manager:
            abort(403, MANAGERS_ONLY)
        return view(*args, **kwargs)

    guarded.access = "manager"
    return guarded


def cluster_blueprint(name: str, import_name: str, description: str) -> Blueprint:
    """A blueprint of cluster resources, documented under its own tag."""
    blueprint = Blueprint(name, import_name, url_prefix=CLUSTER_PREFIX, description=description)
    blueprint.url_value_preprocessor(_no_cookie_user)
    blueprint.url_defaults(_keep_slug_in_urls)
    blueprint.before_request(_authenticate)
    blueprint.register_error_handler(HTTPException, problems.from_http_exception)
    blueprint.register_error_handler(IntegrityError, problems.from_conflict)
    return blueprint
