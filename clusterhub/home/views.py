"""The start page (what needs attention in a person's clusters, or the page their role starts on) and the
language switch."""

from flask import Blueprint, redirect, render_template, session, url_for
from flask_login import current_user, login_required

from clusterhub.accounts.forms import LanguageForm
from clusterhub.clock import utcnow
from clusterhub.extensions import db
from clusterhub.home.services import needs_attention
from clusterhub.navigation import safe_next
from clusterhub.notifications.services import text_of
from tenants.services import memberships_of

bp = Blueprint("home", __name__)


def _landing(user) -> str | None:
    """Where a person in no cluster starts: an organiser at their conferences, an admin at the platform's
    administration."""
    if user.is_organiser:
        return url_for("conferences.index")
    if user.is_admin:
        return url_for("admin.index")
    return None


@bp.route("/")
@login_required
def index():
    memberships = memberships_of(current_user)
    landing = None if memberships else _landing(current_user)
    if landing:
        return redirect(landing)
    return render_template(
        "home/index.html",
        memberships=memberships,
        attention=needs_attention(current_user, memberships, utcnow()),
        clusters={membership.tenant_id: membership.tenant for membership in memberships},
        text_of=text_of,
    )


@bp.route("/language", methods=["POST"])
def language():
    form = LanguageForm()
    if form.validate_on_submit():
        session["language"] = form.language.data
        if current_user.is_authenticated:
            current_user.language = form.language.data
            db.session.commit()
    return redirect(safe_next())
