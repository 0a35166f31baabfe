"""Managers' member tools (segments, their settings, the visit log, former members) and leaving a cluster."""

from flask import abort, flash, g, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user

from clusterhub.clock import local_today
from clusterhub.companies.models import Company
from clusterhub.companies.services import membership_in_cluster
from clusterhub.extensions import db
from clusterhub.forms import ConfirmForm
from clusterhub.i18n import lazy_gettext as _l
from clusterhub.labels import SEGMENTS as SEGMENT_LABELS
from clusterhub.members.forms import (
    FormerForm,
    LeaveForm,
    MemberListForm,
    SettingsForm,
    VisitForm,
    VisitListForm,
)
from clusterhub.members.models import Visit
from clusterhub.members.segments import segments
from clusterhub.members.services import (
    MemberError,
    current_link,
    delete_visit,
    end_membership,
    former_count,
    former_members,
    member_choices,
    member_rows,
    record_visit,
    segment_counts,
    set_thresholds,
    update_visit,
    visit_log,
    visits_due,
    visits_of,
)
from clusterhub.navigation import number, paginate, paginate_list
from clusterhub.privacy.services import current_links
from tenants.access import current_membership, load_or_404, manager_required
from tenants.blueprint import TenantBlueprint

bp = TenantBlueprint("members", __name__)

TABS = {**SEGMENT_LABELS, "former": _l("Former members")}
PROBLEMS = {
    ("visited_on", "future"): _l(
        "A visit is logged once it has taken place: the date cannot be in the future."
    ),
    ("company_id", "not_member"): _l("This company is no longer a member of the cluster."),
}


def _current_link_or_404(company_id: int):
    link = current_link(company_id)
    if link is None:
        abort(404)
    return link


@bp.route("/manage/members")
@manager_required
def index():
    segment = request.args.get("segment", "new")
    segment = segment if segment in TABS else "new"
    found = segments(local_today())
    form = MemberListForm(formdata=request.args)
    sort = form.chosen_sort()
    rows = (
        paginate(former_members())
        if segment == "former"
        else paginate_list(member_rows(found, segment, sort))
    )
    return render_template(
        "members/index.html",
        tabs=TABS,
        segment=segment,
        counts={**segment_counts(found), "former": former_count()},
        rows=rows,
        form=form,
        sort=sort,
    )


@bp.route("/manage/members/settings", methods=["GET", "POST"])
@manager_required
def settings():
    form = SettingsForm(obj=g.tenant)
    if form.validate_on_submit():
        set_thresholds(g.tenant, form.segment_new_months.data, form.segment_active_actions.data)
        db.session.commit()
        flash(_("The segment settings were saved."), "success")
        return redirect(url_for(".index"))
    return render_template("members/settings.html", form=form)


@bp.route("/manage/members/<int:company_id>/former", methods=["GET", "POST"])
@manager_required
def move_to_former(company_id: int):
    link = _current_link_or_404(company_id)
    form = FormerForm()
    if form.validate_on_submit():
        end_membership(link, "former", current_user, local_today())
        db.session.commit()
        flash(_("%(company)s was moved to the former members.", company=link.company.name), "info")
        return redirect(url_for(".index", segment="former"))
    segment = segments(local_today()).get(company_id)
    return render_template("members/move_to_former.html", form=form, link=link, segment=segment)


@bp.route("/companies/<int:company_id>/leave", methods=["GET", "POST"])
def leave(company_id: int):
    link = _current_link_or_404(company_id)
    if current_membership.company_id != company_id:
        abort(403, _("Only the company's own representatives can take it out of the cluster."))
    form = LeaveForm()
    if form.validate_on_submit():
        stays = current_membership.is_manager  # a manager keeps running the cluster
        end_membership(link, "left", current_user, local_today())
        db.session.commit()
        flash(
            _("%(company)s has left %(cluster)s.", company=link.company.name, cluster=g.tenant.name), "info"
        )
        return redirect(url_for("clusters.home") if stays else url_for("home.index"))
    # Once the company has left its last cluster nobody represents it, so erasing it is offered now.
    last_cluster = len(current_links(link.company)) == 1
    return render_template("members/leave.html", form=form, company=link.company, last_cluster=last_cluster)


@bp.route("/manage/visits")
@manager_required
def visits():
    today = local_today()
    due = visits_due(segments(today), today)
    form = VisitListForm(formdata=request.args)
    if request.args.get("show") == "due":
        page, show = paginate_list(due), "due"
    else:
        page, show = paginate(visit_log(form.chosen_sort())), "log"
    return render_template(
        "members/visits.html", form=form, show=show, rows=page, due_count=len(due), year=today.year
    )


def _visit_page(form: VisitForm, visit: Visit | None, template: str):
    if form.validate_on_submit():
        company = load_or_404(Company, form.company_id.data)
        try:
            if visit is None:
                record_visit(company, current_user, form.visit_values(), local_today())
            else:
                update_visit(visit, company, form.visit_values(), local_today())
        except MemberError as error:
            form[error.field].errors.append(PROBLEMS[error.field, error.reason])
        else:
            db.session.commit()
            flash(_("The visit to %(company)s was saved.", company=company.name), "success")
            return redirect(url_for(".company_visits", company_id=company.id))
    return render_template(template, form=form, visit=visit)


@bp.route("/manage/visits/new", methods=["GET", "POST"])
@manager_required
def new_visit():
    chosen = request.args.get("company_id", type=number)
    form = VisitForm.with_companies(member_choices(), company_id=chosen, visited_on=local_today())
    return _visit_page(form, None, "members/new_visit.html")


@bp.route("/manage/visits/company/<int:company_id>")
@manager_required
def company_visits(company_id: int):
    company = load_or_404(Company, company_id)
    return render_template(
        "members/company_visits.html",
        company=company,
        link=membership_in_cluster(company),
        visits=paginate(visits_of(company.id)),
    )


@bp.route("/manage/visits/<int:visit_id>/edit", methods=["GET", "POST"])
@manager_required
def edit_visit(visit_id: int):
    visit = load_or_404(Visit, visit_id)
    form = VisitForm.with_companies(member_choices(also=visit.company), obj=visit)
    return _visit_page(form, visit, "members/edit_visit.html")


# After the pages that show a visit, so that the isolation matrix deletes the visit last.
@bp.route("/manage/visits/<int:visit_id>/delete", methods=["GET", "POST"])
@manager_required
def remove_visit(visit_id: int):
    visit = load_or_404(Visit, visit_id)
    form = ConfirmForm()
    if form.validate_on_submit():
        company_id = visit.company_id
        delete_visit(visit)
        db.session.commit()
        flash(_("The visit was deleted."), "info")
        return redirect(url_for(".company_visits", company_id=company_id))
    return render_template("members/remove_visit.html", form=form, visit=visit)
