"""Admission: a cluster's public page takes applications; its managers accept or decline them.

The public pages live outside /c/<slug>/ (no sign-in), but are still scoped to the cluster named in
the address for the whole request, so the managers' notification e-mail can follow the commit.
"""

from flask import Blueprint, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user
from sqlalchemy import func, select

from clusterhub.admission.forms import AcceptForm, ApplicationForm, DeclineForm, SettingsForm
from clusterhub.admission.models import STATUSES, Application
from clusterhub.admission.services import (
    AdmissionError,
    accept,
    applications,
    apply,
    change_settings,
    counts,
    decline,
    named_member,
)
from clusterhub.extensions import db
from clusterhub.i18n import lazy_gettext as _l
from clusterhub.invitations.services import send_invitation
from clusterhub.mail import send_mail
from clusterhub.navigation import paginate
from clusterhub.security.limits import by_address, limited
from tenants.access import load_or_404, manager_required
from tenants.blueprint import TenantBlueprint
from tenants.context import current_tenant, set_tenant
from tenants.models import Tenant

public = Blueprint("admission", __name__, url_prefix="/join")
bp = TenantBlueprint("applications", __name__, "/manage/applications")

ASKED = _l(
    "The company is a member already: its representatives decide whether %(name)s may represent it, and "
    "the invitation goes out when they agree."
)
ALREADY_MEMBER = _l("%(email)s is a member of the cluster already. Decline the application or write to them.")


@public.url_value_preprocessor
def _cluster_from_address(endpoint, values) -> None:
    if values and "tenant_slug" in values:
        slug = values.pop("tenant_slug")
        set_tenant(db.first_or_404(select(Tenant).where(Tenant.slug == slug, Tenant.active.is_(True))))


@public.route("/")
def clusters():
    open_clusters = db.session.scalars(
        select(Tenant)
        # A cluster is listed once its managers have written whom it admits (the seed's admission criteria).
        .where(
            Tenant.active.is_(True),
            Tenant.admissions_open.is_(True),
            func.trim(Tenant.admission_criteria) != "",
        )
        .order_by(Tenant.name_sort)
    )
    return render_template("admission/clusters.html", clusters=list(open_clusters))


@public.route("/<tenant_slug>", methods=["GET", "POST"])
@limited("applications", key=by_address)
def join():
    form = ApplicationForm()
    if form.validate_on_submit():
        # A person leaves the hidden trap field empty; a robot is thanked just the same and nothing is kept.
        if not form.fax.data:
            try:
                apply(current_tenant, form.details())
            except AdmissionError:  # closed: the page says so instead of showing the form
                return render_template("admission/join.html", form=form)
            db.session.commit()
        return redirect(url_for(".thanks", tenant_slug=current_tenant.slug))
    return render_template("admission/join.html", form=form)


@public.route("/<tenant_slug>/thanks")
def thanks():
    return render_template("admission/thanks.html")


@bp.route("/")
@manager_required
def index():
    status = request.args.get("status", "new")
    if status not in STATUSES:
        status = ""
    return render_template(
        "admission/index.html",
        applications=paginate(applications(status or None)),
        status=status,
        counts=counts(),
    )


@bp.route("/<int:application_id>")
@manager_required
def detail(application_id: int):
    return render_template("admission/detail.html", application=load_or_404(Application, application_id))


def _decided_already(application: Application):
    message = {
        "accepted": _("This application was accepted already."),
        "declined": _("This application was declined already."),
    }[application.status]
    flash(message, "info")
    return redirect(url_for(".detail", application_id=application.id))


@bp.route("/<int:application_id>/accept", methods=["GET", "POST"])
@manager_required
def accept_application(application_id: int):
    application = load_or_404(Application, application_id)
    if application.status != "new":
        return _decided_already(application)
    form = AcceptForm()
    if form.validate_on_submit():
        try:
            invitation = accept(application, current_user)
        except AdmissionError as error:
            db.session.rollback()
            if error.reason == "decided":
                return _decided_already(application)
            flash(ALREADY_MEMBER % {"email": application.email}, "error")
            return redirect(url_for(".detail", application_id=application.id))
        db.session.commit()
        if invitation is None:
            flash(ASKED % {"name": application.contact_name}, "info")
            return redirect(url_for(".detail", application_id=application.id))
        send_invitation(invitation, form.language.data)
        flash(
            _(
                "%(company)s is accepted; the invitation went to %(email)s.",
                company=application.company_name,
                email=invitation.email,
            ),
            "success",
        )
        return redirect(url_for(".detail", application_id=application.id))
    return render_template(
        "admission/accept.html", form=form, application=application, existing=named_member(application)
    )


@bp.route("/<int:application_id>/decline", methods=["GET", "POST"])
@manager_required
def decline_application(application_id: int):
    application = load_or_404(Application, application_id)
    if application.status != "new":
        return _decided_already(application)
    form = DeclineForm()
    if form.validate_on_submit():
        try:
            decline(application, current_user, form.reason.data)
        except AdmissionError:
            db.session.rollback()
            return _decided_already(application)
        db.session.commit()
        send_mail(
            application.email,
            form.language.data,
            "application_declined",
            application=application,
            cluster=current_tenant,
        )
        flash(
            _(
                "The application of %(company)s is declined; the reason went to %(email)s.",
                company=application.company_name,
                email=application.email,
            ),
            "info",
        )
        return redirect(url_for(".detail", application_id=application.id))
    return render_template("admission/decline.html", form=form, application=application)


@bp.route("/settings", methods=["GET", "POST"])
@manager_required
def settings():
    form = SettingsForm(obj=current_tenant)
    if form.validate_on_submit():
        change_settings(current_tenant, form.admission_criteria.data, form.admissions_open.data)
        db.session.commit()
        flash(_("The admission settings are saved."), "success")
        return redirect(url_for(".settings"))
    return render_template("admission/settings.html", form=form)
