"""Platform administrators' pages: every cluster, and the audit log of every cluster."""

from flask import Blueprint, abort, render_template, request
from flask_babel import lazy_gettext as _l
from flask_login import current_user

from clusterhub.admin.forms import AuditFilterForm
from clusterhub.admin.services import audit_log, clusters_overview
from clusterhub.extensions import login_manager
from clusterhub.navigation import paginate

bp = Blueprint("admin", __name__, url_prefix="/admin")
ADMINS_ONLY = _l("This page is for platform administrators only.")


@bp.before_request
def _admins_only():
    if not current_user.is_authenticated:
        return login_manager.unauthorized()
    if not current_user.is_admin:
        abort(403, ADMINS_ONLY)
    return None


@bp.route("/audit")
def audit():
    form = AuditFilterForm(formdata=request.args)
    form.validate()
    events = paginate(audit_log(**form.filters()))
    return render_template("admin/audit.html", form=form, events=events, address=form.address())


@bp.route("/clusters")
def clusters():
    return render_template("admin/clusters.html", clusters=clusters_overview())
