"""The token pages: a person's own tokens on the account page, a cluster's integration tokens for managers."""

from flask import Blueprint, abort, flash, make_response, redirect, render_template, url_for
from flask_babel import gettext as _
from flask_login import current_user, login_required
from sqlalchemy import select

from clusterhub.api.forms import PersonalTokenForm, RevokeForm, TokenForm
from clusterhub.api.models import ApiToken
from clusterhub.api.tokens import create_token, integration_tokens, personal_tokens, revoke
from clusterhub.clock import utcnow
from clusterhub.extensions import db
from tenants.access import manager_required
from tenants.blueprint import TenantBlueprint
from tenants.context import cross_tenant, current_tenant
from tenants.models import Membership, Tenant

bp = Blueprint("api_tokens", __name__, url_prefix="/account/api-tokens")
cluster_bp = TenantBlueprint("cluster_api_tokens", __name__, "/manage/api-tokens")


def _my_clusters() -> list[Tenant]:
    with cross_tenant():
        return list(
            db.session.scalars(
                select(Tenant)
                .join(Membership, Membership.tenant_id == Tenant.id)
                .where(Membership.user_id == current_user.id, Tenant.active.is_(True))
                .order_by(Tenant.name_sort)
            )
        )


def _shown_once(template: str, secret: str | None, **context):
    """The token page; after a token was made, 201 with its secret, never kept by a cache or a proxy.

    No redirect after this POST: the secret would have to wait somewhere for the next page to show it."""
    response = make_response(render_template(template, secret=secret, **context), 201 if secret else 200)
    response.headers["Cache-Control"] = "no-store"
    return response


@bp.route("", methods=["GET", "POST"])
@login_required
def index():
    clusters = _my_clusters()
    form = PersonalTokenForm(clusters)
    secret = None
    if form.validate_on_submit():
        tenant = next(tenant for tenant in clusters if tenant.id == form.cluster.data)
        _token, secret = create_token(
            current_user._get_current_object(), tenant, form.name.data, form.access.data, int(form.days.data)
        )
        db.session.commit()
        form = PersonalTokenForm(clusters, formdata=None)
    context = {"form": form, "tokens": personal_tokens(current_user), "clusters": clusters, "now": utcnow()}
    return _shown_once("api/tokens.html", secret, **context)


def _revoke_page(token: ApiToken, form: RevokeForm, back: str):
    if form.confirmed.data != "yes":
        return render_template("api/revoke.html", form=form, token=token, back=back)
    revoke(token, current_user._get_current_object())
    db.session.commit()
    flash(_("The token “%(name)s” was revoked: it no longer works.", name=token.name), "success")
    return redirect(back)


@bp.route("/revoke", methods=["POST"])
@login_required
def revoke_personal():
    """Ask, then revoke one of the person's own tokens; another person's token is not found."""
    form = RevokeForm()
    if not form.validate_on_submit():
        return redirect(url_for(".index"))
    token = next((token for token in personal_tokens(current_user) if token.id == form.token.data), None)
    if token is None:
        abort(404)
    return _revoke_page(token, form, url_for(".index"))


@cluster_bp.route("", methods=["GET", "POST"])
@manager_required
def manage():
    form = TokenForm()
    secret = None
    if form.validate_on_submit():
        _token, secret = create_token(
            current_user._get_current_object(),
            current_tenant._get_current_object(),
            form.name.data,
            form.access.data,
            int(form.days.data),
            integration=True,
        )
        db.session.commit()
        form = TokenForm(formdata=None)
    return _shown_once("api/manage_tokens.html", secret, form=form, tokens=integration_tokens(), now=utcnow())


@cluster_bp.route("/revoke", methods=["POST"])
@manager_required
def revoke_integration():
    """Ask, then revoke one of the cluster's integration tokens (any manager may)."""
    form = RevokeForm()
    if not form.validate_on_submit():
        return redirect(url_for(".manage"))
    token = next((token for token in integration_tokens() if token.id == form.token.data), None)
    if token is None:
        abort(404)
    return _revoke_page(token, form, url_for(".manage"))
