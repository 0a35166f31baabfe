"""The cluster's own events: members see them and say they will come; managers plan them, record who came."""

from flask import flash, redirect, render_template, url_for
from flask_babel import gettext as _

from clusterhub.clock import utcnow
from clusterhub.events.forms import AttendanceForm, EventForm
from clusterhub.events.models import Event
from clusterhub.events.services import (
    EventError,
    all_events,
    attendance_choices,
    attending,
    attends,
    create_event,
    delete_event,
    is_upcoming,
    past_events,
    record_attendance,
    upcoming_events,
    update_event,
    will_attend,
    withdraw,
)
from clusterhub.extensions import db
from clusterhub.forms import ConfirmForm
from clusterhub.i18n import lazy_gettext as _l
from clusterhub.navigation import paginate
from tenants.access import current_membership, load_or_404, manager_required
from tenants.blueprint import TenantBlueprint

bp = TenantBlueprint("events", __name__)

REASONS = {
    "no_company": _l(
        "Your account does not represent a member company in this cluster, so you cannot answer for one. "
        "A cluster manager can link your account to a company."
    ),
    "started": _l("This event has started already: the cluster managers record who attended."),
}


@bp.route("/events")
def index():
    now = utcnow()
    return render_template(
        "events/index.html",
        upcoming=list(db.session.scalars(upcoming_events(now))),
        past=paginate(past_events(now)),
        my_company_id=current_membership.company_id,
    )


@bp.route("/events/<int:event_id>")
def detail(event_id: int):
    event = load_or_404(Event, event_id)
    company_id = current_membership.company_id
    return render_template(
        "events/detail.html",
        event=event,
        upcoming=is_upcoming(event, utcnow()),
        companies=attending(event),
        mine=attends(event, company_id),
        form=ConfirmForm(),
        no_company=REASONS["no_company"] if company_id is None else None,
    )


def _answered(event: Event, answer) -> bool:
    """Say "we will attend", or take it back, for the visitor's company; a refusal is flashed."""
    company = current_membership.company
    if company is None:
        flash(REASONS["no_company"], "error")
        return False
    try:
        answer(event, company, utcnow())
    except EventError as error:
        flash(REASONS[error.reason], "error")
        return False
    db.session.commit()
    return True


# POST only (the buttons on the event page), so the CSRF check of every POST guards them.
@bp.route("/events/<int:event_id>/attend", methods=["POST"])
def attend(event_id: int):
    event = load_or_404(Event, event_id)
    if _answered(event, will_attend):
        flash(_("Noted: your company will attend “%(title)s”.", title=event.title), "success")
    return redirect(url_for(".detail", event_id=event.id))


@bp.route("/events/<int:event_id>/withdraw", methods=["POST"])
def withdraw_attendance(event_id: int):
    event = load_or_404(Event, event_id)
    if _answered(event, withdraw):
        flash(_("Your company is no longer on the list for “%(title)s”.", title=event.title), "info")
    return redirect(url_for(".detail", event_id=event.id))


@bp.route("/manage/events")
@manager_required
def manage():
    return render_template("events/manage.html", events=paginate(all_events()), now=utcnow())


@bp.route("/manage/events/new", methods=["GET", "POST"])
@manager_required
def new():
    form = EventForm()
    if form.validate_on_submit():
        event = create_event(form.values())
        db.session.commit()
        flash(_("The event “%(title)s” was added.", title=event.title), "success")
        return redirect(url_for(".detail", event_id=event.id))
    return render_template("events/new.html", form=form)


@bp.route("/manage/events/<int:event_id>/edit", methods=["GET", "POST"])
@manager_required
def edit(event_id: int):
    event = load_or_404(Event, event_id)
    form = EventForm(data=EventForm.data_of(event))
    if form.validate_on_submit():
        update_event(event, form.values())
        db.session.commit()
        flash(_("The event was saved."), "success")
        return redirect(url_for(".detail", event_id=event.id))
    return render_template("events/edit.html", form=form, event=event)


@bp.route("/manage/events/<int:event_id>/attendance", methods=["GET", "POST"])
@manager_required
def attendance(event_id: int):
    event = load_or_404(Event, event_id)
    form = AttendanceForm(
        data={"companies": [a.company_id for a in event.attendances]}, companies=attendance_choices(event)
    )
    if form.validate_on_submit():
        record_attendance(event, form.companies.data or [])
        db.session.commit()
        flash(_("The attendance of “%(title)s” was saved.", title=event.title), "success")
        return redirect(url_for(".detail", event_id=event.id))
    return render_template("events/attendance.html", form=form, event=event)


@bp.route("/manage/events/<int:event_id>/delete", methods=["GET", "POST"])
@manager_required
def delete(event_id: int):
    event = load_or_404(Event, event_id)
    form = ConfirmForm()
    if form.validate_on_submit():
        title = event.title
        delete_event(event)
        db.session.commit()
        flash(_("The event “%(title)s” was deleted.", title=title), "info")
        return redirect(url_for(".manage"))
    return render_template("events/delete.html", form=form, event=event)
