"""Platform administrators' pages: the clusters, their managers, the people's platform roles, the figures
across clusters and the audit log."""

from flask import Blueprint, abort, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user
from sqlalchemy import select

from clusterhub.accounts.models import User
from clusterhub.accounts.services import LastAdmin, set_platform_role
from clusterhub.admin.figures import ACTIVITIES, platform_figures, totals
from clusterhub.admin.forms import (
    AppointForm,
    AuditFilterForm,
    ClusterForm,
    PeopleSearchForm,
    PlatformRoleForm,
)
from clusterhub.admin.managers import appoint_manager
from clusterhub.admin.services import audit_log, clusters_of, clusters_overview, find_people
from clusterhub.clock import local_today
from clusterhub.extensions import db, login_manager
from clusterhub.forms import ConfirmForm
from clusterhub.i18n import lazy_gettext as _l
from clusterhub.invitations.models import Invitation
from clusterhub.invitations.services import InvitationError, send_invitation
from clusterhub.members.segments import SEGMENTS
from clusterhub.navigation import paginate
from tenants.models import Tenant
from tenants.services import SlugTaken, create_tenant, set_active, update_tenant

bp = Blueprint("admin", __name__, url_prefix="/admin")
ADMINS_ONLY = _l("This page is for platform administrators only.")


@bp.before_request
def _admins_only():
    if not current_user.is_authenticated:
        return login_manager.unauthorized()
    if not current_user.is_admin:
        abort(403, ADMINS_ONLY)
    return None


def _cluster(slug: str) -> Tenant:
    return db.first_or_404(select(Tenant).where(Tenant.slug == slug))


@bp.route("/")
def index():
    return render_template("admin/index.html", clusters=clusters_overview())


@bp.route("/audit")
def audit():
    form = AuditFilterForm(formdata=request.args)
    form.validate()
    events = paginate(audit_log(**form.filters()))
    return render_template("admin/audit.html", form=form, events=events, address=form.address())


@bp.route("/clusters")
def clusters():
    return render_template("admin/clusters.html", clusters=clusters_overview())


@bp.route("/clusters/new", methods=["GET", "POST"])
def new_cluster():
    form = ClusterForm()
    if form.validate_on_submit():
        try:
            tenant = create_tenant(
                form.slug.data,
                form.name.data,
                vision=form.vision.data,
                admission_criteria=form.admission_criteria.data,
            )
        except SlugTaken:
            form.slug.errors.append(_("Another cluster has this address."))
        else:
            db.session.commit()
            flash(
                _("The cluster %(name)s was created. Appoint its first manager.", name=tenant.name), "success"
            )
            return redirect(url_for(".appoint", cluster_slug=tenant.slug))
    return render_template("admin/cluster_form.html", form=form, tenant=None)


@bp.route("/clusters/<cluster_slug>/edit", methods=["GET", "POST"])
def edit_cluster(cluster_slug: str):
    tenant = _cluster(cluster_slug)
    form = ClusterForm(obj=tenant)
    if form.validate_on_submit():
        try:
            update_tenant(
                tenant, form.slug.data, form.name.data, form.vision.data, form.admission_criteria.data
            )
        except SlugTaken:
            form.slug.errors.append(_("Another cluster has this address."))
        else:
            db.session.commit()
            flash(_("The cluster %(name)s was saved.", name=tenant.name), "success")
            return redirect(url_for(".clusters"))
    return render_template("admin/cluster_form.html", form=form, tenant=tenant)


def _open_or_close(cluster_slug: str, active: bool):
    tenant = _cluster(cluster_slug)
    form = ConfirmForm()
    if form.validate_on_submit():
        set_active(tenant, active)
        db.session.commit()
        if active:
            flash(_("%(name)s is open again.", name=tenant.name), "info")
        else:
            flash(_("%(name)s is closed.", name=tenant.name), "info")
        return redirect(url_for(".clusters"))
    return render_template("admin/cluster_active.html", form=form, tenant=tenant, active=active)


@bp.route("/clusters/<cluster_slug>/deactivate", methods=["GET", "POST"])
def deactivate_cluster(cluster_slug: str):
    return _open_or_close(cluster_slug, False)


@bp.route("/clusters/<cluster_slug>/reactivate", methods=["GET", "POST"])
def reactivate_cluster(cluster_slug: str):
    return _open_or_close(cluster_slug, True)


@bp.route("/clusters/<cluster_slug>/manager", methods=["GET", "POST"])
def appoint(cluster_slug: str):
    tenant = _cluster(cluster_slug)
    form = AppointForm()
    if form.validate_on_submit():
        try:
            appointed = appoint_manager(tenant, form.email.data, current_user)
        except InvitationError:
            form.email.errors.append(_("This person is a member of the cluster already."))
        else:
            db.session.commit()
            if isinstance(appointed, Invitation):
                send_invitation(appointed, form.language.data)
                flash(_("%(email)s is invited as a manager.", email=appointed.email), "success")
            else:
                flash(_("%(name)s is a manager now.", name=appointed.user.name), "success")
            return redirect(url_for(".clusters"))
    return render_template("admin/appoint.html", form=form, tenant=tenant)


@bp.route("/people")
def people():
    form = PeopleSearchForm(formdata=request.args)
    words = form.q.data if form.validate() else ""
    found = paginate(find_people(words or ""))
    return render_template("admin/people.html", form=form, people=found, words=words or "")


@bp.route("/people/<int:person_id>", methods=["GET", "POST"])
def person(person_id: int):
    user = db.get_or_404(User, person_id)
    form = PlatformRoleForm()
    if form.validate_on_submit():
        try:
            set_platform_role(user, form.role.data, form.granted.data == "yes")
        except LastAdmin:
            flash(
                _("%(name)s is the last platform administrator and keeps the role.", name=user.name), "error"
            )
        else:
            db.session.commit()
            flash(_("The roles of %(name)s were saved.", name=user.name), "success")
        return redirect(url_for(".person", person_id=user.id))
    return render_template("admin/person.html", person=user, memberships=clusters_of(user), form=form)


@bp.route("/figures")
def figures():
    now, before, rows = platform_figures(local_today())
    return render_template(
        "admin/figures.html",
        now=now,
        before=before,
        rows=rows,
        total=totals(rows),
        activities=ACTIVITIES,
        segments=SEGMENTS,
    )
