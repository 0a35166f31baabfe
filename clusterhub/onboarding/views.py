"""The onboarding kit of new members, and the road map managers define and follow."""

from flask import abort, current_app, flash, g, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user

from clusterhub.clock import local_today, utcnow
from clusterhub.extensions import db
from clusterhub.forms import ConfirmForm
from clusterhub.i18n import lazy_gettext as _l
from clusterhub.navigation import number, safe_next
from clusterhub.onboarding.forms import ProgressForm, StepForm
from clusterhub.onboarding.models import RoadmapStep
from clusterhub.onboarding.services import (
    add_step,
    companies_done,
    delete_step,
    is_new_company,
    move_step,
    onboarding_kit,
    progress_table,
    set_progress,
    steps,
    update_step,
)
from tenants.access import current_membership, load_or_404, manager_required
from tenants.blueprint import TenantBlueprint

bp = TenantBlueprint("onboarding", __name__)

FOR_NEW_MEMBERS = _l(
    "The onboarding kit is for the people of new member companies: your company has been a member "
    "for longer, or your account does not represent a company here."
)


def _my_company_is_new() -> bool:
    return is_new_company(current_membership.company, g.tenant, local_today())


@bp.route("/onboarding")
def kit():
    editable = _my_company_is_new()
    # Managers open it too, to see what their new members see.
    if not editable and not current_membership.is_manager:
        abort(403, FOR_NEW_MEMBERS)
    the_kit = onboarding_kit(g.tenant, current_membership.company, editable, local_today(), utcnow())
    return render_template("onboarding/kit.html", kit=the_kit)


# POST only (the checklist's button), so the CSRF check of every POST guards it.
@bp.route("/onboarding/progress", methods=["POST"])
def progress():
    if not _my_company_is_new():
        abort(403, FOR_NEW_MEMBERS)
    form = ProgressForm(steps=steps())
    if form.validate_on_submit():
        set_progress(current_membership.company, form.steps.data or [], current_user, utcnow())
        db.session.commit()
        flash(_("Your road map was saved."), "success")
    else:
        flash(_("The road map changed meanwhile. Look at it again and save."), "error")
    return redirect(safe_next("onboarding.kit"))


@bp.route("/manage/onboarding", methods=["GET", "POST"])
@manager_required
def manage():
    form = StepForm()
    if form.validate_on_submit():
        step = add_step(*form.values())
        db.session.commit()
        flash(_("The step “%(title)s” was added to the road map.", title=step.title), "success")
        return redirect(url_for(".manage"))
    table = progress_table(
        g.tenant, local_today(), request.args.get("page", 1, type=number), current_app.config["PAGE_SIZE"]
    )
    return render_template("onboarding/manage.html", form=form, table=table, move=ConfirmForm())


@bp.route("/manage/onboarding/steps/<int:step_id>/edit", methods=["GET", "POST"])
@manager_required
def edit_step(step_id: int):
    step = load_or_404(RoadmapStep, step_id)
    form = StepForm(obj=step)
    if form.validate_on_submit():
        update_step(step, *form.values())
        db.session.commit()
        flash(_("The step was saved."), "success")
        return redirect(url_for(".manage"))
    return render_template("onboarding/edit_step.html", form=form, step=step)


def _move(step_id: int, offset: int):
    move_step(load_or_404(RoadmapStep, step_id), offset)
    db.session.commit()
    return redirect(url_for(".manage", _anchor="road-map"))


# POST only (the arrows beside each step), so the CSRF check of every POST guards them.
@bp.route("/manage/onboarding/steps/<int:step_id>/up", methods=["POST"])
@manager_required
def move_up(step_id: int):
    return _move(step_id, -1)


@bp.route("/manage/onboarding/steps/<int:step_id>/down", methods=["POST"])
@manager_required
def move_down(step_id: int):
    return _move(step_id, 1)


@bp.route("/manage/onboarding/steps/<int:step_id>/delete", methods=["GET", "POST"])
@manager_required
def delete(step_id: int):
    step = load_or_404(RoadmapStep, step_id)
    form = ConfirmForm()
    if form.validate_on_submit():
        title = step.title
        delete_step(step)
        db.session.commit()
        flash(_("The step “%(title)s” was deleted.", title=title), "info")
        return redirect(url_for(".manage"))
    return render_template("onboarding/delete.html", form=form, step=step, done=companies_done(step))
