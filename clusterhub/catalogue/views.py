"""The services catalogue: members use services and say how it went; managers keep it and report quarterly."""

from flask import abort, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user

from clusterhub.catalogue.forms import FeedbackForm, PublishForm, RecordUseForm, ServiceForm, UseForm
from clusterhub.catalogue.models import Service, ServiceUse
from clusterhub.catalogue.report import is_reportable, is_running, quarter_report, quarters
from clusterhub.catalogue.services import (
    CatalogueError,
    awaiting_feedback,
    catalogue,
    give_feedback,
    may_give_feedback,
    publish,
    published_report,
    published_reports,
    record_use,
    remove_use,
    save_service,
    set_active,
    use_counts,
    uses_by_company,
    uses_of_service,
)
from clusterhub.catalogue.services import (
    withdraw_report as withdraw,
)
from clusterhub.clock import local_today, utcnow
from clusterhub.companies.directory import current_member_companies
from clusterhub.companies.models import Company
from clusterhub.dates import short_date
from clusterhub.extensions import db
from clusterhub.forms import ConfirmForm
from clusterhub.i18n import lazy_gettext as _l
from clusterhub.indicators.periods import Period
from clusterhub.navigation import paginate
from tenants.access import current_membership, load_or_404, manager_required
from tenants.blueprint import TenantBlueprint

bp = TenantBlueprint("catalogue", __name__)

REASONS = {
    "name_taken": _l("The catalogue has a service of this name already."),
    "no_company": _l(
        "Uses are recorded for a company, and your membership does not name one. "
        "Ask the cluster management to add your company."
    ),
    "retired": _l("This service is no longer offered, so no new uses can be recorded."),
    "future": _l("The day cannot be in the future."),
    "not_member": _l("This company is not a member of the cluster any more."),
    "duplicate": _l("This use is recorded already: the same company, service and day."),
    "published": _l("This quarter's report is published already."),
    "running": _l(
        "The quarter is not over yet. Tick the box to publish a preliminary report, or publish it after the "
        "quarter."
    ),
    "not_published": _l("This quarter's report is not published."),
}
NOT_YOURS = _l("Only the people of %(company)s, which used the service, give feedback on it.")
NOT_PUBLISHED = _l("The feedback report for %(quarter)s is not published yet.")
WAITING_SHOWN = 5  # uses waiting for feedback listed on the catalogue page; the rest are one click away


def quarter_name(year: int, quarter: int) -> str:
    """A quarter as people write it, e.g. "Q3 2026"."""
    return Period(year, quarter).label()


def quarter_running(year: int, quarter: int) -> bool:
    return is_running(year, quarter, local_today())


@bp.context_processor
def quarters_in_words():
    return {"quarter_name": quarter_name, "quarter_running": quarter_running}


def _reportable_or_404(year: int, quarter: int) -> None:
    if not is_reportable(year, quarter, local_today()):
        abort(404)


def _recorded(use: ServiceUse) -> str:
    return _(
        "Recorded: %(company)s used “%(service)s” on %(date)s.",
        company=use.company.name,
        service=use.service.name,
        date=short_date(use.used_on),
    )


# Members ------------------------------------------------------------------------------------------


@bp.route("/services")
def index():
    company = current_membership.company
    waiting = db.paginate(awaiting_feedback(company.id), page=1, per_page=WAITING_SHOWN) if company else None
    return render_template(
        "catalogue/index.html", services=catalogue(), waiting=waiting, reports=published_reports()
    )


@bp.route("/services/feedback")
def waiting():
    company = current_membership.company
    uses = paginate(awaiting_feedback(company.id)) if company else None
    return render_template("catalogue/waiting.html", uses=uses)


@bp.route("/services/<int:service_id>", methods=["GET", "POST"])
def service(service_id: int):
    service = load_or_404(Service, service_id)
    company = current_membership.company
    form = UseForm()
    if form.validate_on_submit():
        try:
            use = record_use(service, company, form.used_on.data, current_user, local_today())
        except CatalogueError as error:
            form.used_on.errors.append(REASONS[error.reason])
        else:
            db.session.commit()
            flash(_recorded(use) + " " + _("How was it?"), "success")
            return redirect(url_for(".feedback", use_id=use.id))
    uses = uses_by_company(service, company.id) if company else []
    return render_template("catalogue/service.html", service=service, form=form, uses=uses)


@bp.route("/services/uses/<int:use_id>/feedback", methods=["GET", "POST"])
def feedback(use_id: int):
    use = load_or_404(ServiceUse, use_id)
    company = current_membership.company
    if not may_give_feedback(use, company):
        abort(403, str(NOT_YOURS) % {"company": use.company.name})
    form = FeedbackForm(obj=use.feedback)
    if form.validate_on_submit():
        first = use.feedback is None
        give_feedback(
            use, company, current_user, int(form.score.data), form.worked.data or "", form.change.data or ""
        )
        db.session.commit()
        flash(_("Thank you for your feedback.") if first else _("Your feedback is updated."), "success")
        return redirect(url_for(".index"))
    return render_template("catalogue/feedback.html", form=form, use=use)


def _report_page(template: str, year: int, quarter: int, **context):
    """A quarter's report as a page of the site, or with ?print=1 as a clean page to print."""
    period = Period(year, quarter)
    printing = request.args.get("print") == "1"
    return render_template(
        "catalogue/print_report.html" if printing else template,
        report=quarter_report(year, quarter),
        first=period.start,
        last=period.last_day,
        **context,
    )


@bp.route("/services/report/<int:year>/<int:quarter>")
def report(year: int, quarter: int):
    _reportable_or_404(year, quarter)
    publication = published_report(year, quarter)
    if publication is None:
        abort(404, str(NOT_PUBLISHED) % {"quarter": quarter_name(year, quarter)})
    return _report_page("catalogue/report.html", year, quarter, publication=publication)


# Managers -----------------------------------------------------------------------------------------


@bp.route("/manage/services")
@manager_required
def manage():
    return render_template(
        "catalogue/manage.html", services=catalogue(include_retired=True), counts=use_counts()
    )


def _service_form(service: Service | None):
    form = ServiceForm(obj=service)
    if form.validate_on_submit():
        try:
            saved = save_service(service, form.name.data, form.kind.data, form.description.data or "")
        except CatalogueError as error:
            form.name.errors.append(REASONS[error.reason])
        else:
            db.session.commit()
            flash(_("“%(service)s” is saved in the catalogue.", service=saved.name), "success")
            return redirect(url_for(".manage_service", service_id=saved.id))
    return render_template("catalogue/edit_service.html", form=form, service=service)


@bp.route("/manage/services/new", methods=["GET", "POST"])
@manager_required
def new_service():
    return _service_form(None)


@bp.route("/manage/services/<int:service_id>/edit", methods=["GET", "POST"])
@manager_required
def edit_service(service_id: int):
    return _service_form(load_or_404(Service, service_id))


@bp.route("/manage/services/<int:service_id>", methods=["GET", "POST"])
@manager_required
def manage_service(service_id: int):
    service = load_or_404(Service, service_id)
    form = RecordUseForm(companies=current_member_companies())
    if form.validate_on_submit():
        company = load_or_404(Company, int(form.company.data))
        try:
            use = record_use(service, company, form.used_on.data, current_user, local_today())
        except CatalogueError as error:
            (form.company if error.reason == "not_member" else form.used_on).errors.append(
                REASONS[error.reason]
            )
        else:
            db.session.commit()
            flash(_recorded(use) + " " + _("Its people are asked for feedback."), "success")
            return redirect(url_for(".manage_service", service_id=service.id))
    uses = paginate(uses_of_service(service))
    return render_template("catalogue/manage_service.html", service=service, form=form, uses=uses)


@bp.route("/manage/services/<int:service_id>/retire", methods=["GET", "POST"])
@manager_required
def retire_service(service_id: int):
    service = load_or_404(Service, service_id)
    form = ConfirmForm()
    if form.validate_on_submit():
        set_active(service, False)
        db.session.commit()
        flash(_("“%(service)s” is retired. Its uses and feedback are kept.", service=service.name), "info")
        return redirect(url_for(".manage"))
    return render_template("catalogue/retire_service.html", form=form, service=service)


@bp.route("/manage/services/<int:service_id>/restore", methods=["POST"])
@manager_required
def restore_service(service_id: int):
    # CSRFProtect has checked the token: offering a service again harms nothing, so no question first.
    service = load_or_404(Service, service_id)
    set_active(service, True)
    db.session.commit()
    flash(_("“%(service)s” is offered again.", service=service.name), "success")
    return redirect(url_for(".manage_service", service_id=service.id))


@bp.route("/manage/services/report")
@manager_required
def manage_reports():
    return render_template("catalogue/manage_reports.html", quarters=quarters(local_today()))


@bp.route("/manage/services/report/<int:year>/<int:quarter>")
@manager_required
def manage_report(year: int, quarter: int):
    _reportable_or_404(year, quarter)
    publication = published_report(year, quarter)
    return _report_page("catalogue/manage_report.html", year, quarter, publication=publication)


def _report_back(year: int, quarter: int, published: bool):
    """The quarter's report page, and a redirect there with the reason when the report is not in the state
    the action needs (published, to withdraw it; not yet, to publish it)."""
    _reportable_or_404(year, quarter)
    back = url_for(".manage_report", year=year, quarter=quarter)
    if (published_report(year, quarter) is not None) != published:
        flash(REASONS["not_published" if published else "published"], "info")
        return back, redirect(back)
    return back, None


@bp.route("/manage/services/report/<int:year>/<int:quarter>/publish", methods=["GET", "POST"])
@manager_required
def publish_report(year: int, quarter: int):
    back, answered = _report_back(year, quarter, published=False)
    if answered:
        return answered
    form = PublishForm()
    if form.validate_on_submit():
        running = quarter_running(year, quarter)
        try:
            publish(year, quarter, current_user, utcnow(), running, form.preliminary.data)
        except CatalogueError as error:
            form.preliminary.errors.append(REASONS[error.reason])
        else:
            db.session.commit()
            flash(
                _(
                    "The report for %(quarter)s is published to the members.",
                    quarter=quarter_name(year, quarter),
                ),
                "success",
            )
            return redirect(back)
    return render_template("catalogue/publish_report.html", form=form, year=year, quarter=quarter, back=back)


@bp.route("/manage/services/report/<int:year>/<int:quarter>/withdraw", methods=["GET", "POST"])
@manager_required
def withdraw_report(year: int, quarter: int):
    back, answered = _report_back(year, quarter, published=True)
    if answered:
        return answered
    form = ConfirmForm()
    if form.validate_on_submit():
        withdraw(year, quarter)
        db.session.commit()
        flash(
            _(
                "The report for %(quarter)s is withdrawn from the members.",
                quarter=quarter_name(year, quarter),
            ),
            "info",
        )
        return redirect(back)
    return render_template("catalogue/withdraw_report.html", form=form, year=year, quarter=quarter, back=back)


@bp.route("/manage/services/uses/<int:use_id>/remove", methods=["GET", "POST"])
@manager_required
def remove_service_use(use_id: int):
    use = load_or_404(ServiceUse, use_id)
    form = ConfirmForm()
    back = url_for(".manage_service", service_id=use.service_id)
    if form.validate_on_submit():
        remove_use(use)
        db.session.commit()
        flash(_("The use is removed, with its feedback."), "info")
        return redirect(back)
    return render_template("catalogue/remove_service_use.html", form=form, use=use, back=back)
