"""The organiser's pages of a conference, and the list and page of conferences everyone invited sees."""

from flask import flash, redirect, render_template, url_for
from flask_babel import gettext as _
from flask_babel import ngettext
from flask_login import current_user

from clusterhub.clock import utcnow
from clusterhub.conferences.access import (
    current_conference,
    current_participant,
    invited_required,
    may_organise,
    organiser_required,
    organisers_only,
    organises,
)
from clusterhub.conferences.blueprints import bp
from clusterhub.conferences.organiser.forms import ConferenceForm, conference_form
from clusterhub.conferences.organiser.services import (
    PAST_SHOWN,
    OrganisingError,
    Problem,
    clusters_to_invite,
    conferences_of,
    create_conference,
    delete_conference,
    invitations,
    invited_clusters_of,
    nominated,
    nomination_of,
    organised_by,
    participation_counts,
    update_conference,
)
from clusterhub.conferences.slots import slots, windows
from clusterhub.conferences.visits.services import announce_change, delegation_of, delete_visit, plan_of
from clusterhub.dates import date_and_time
from clusterhub.extensions import db
from clusterhub.forms import ConfirmForm


@bp.route("/")
def index():
    upcoming, past = conferences_of(current_user, utcnow())
    return render_template(
        "conferences/index.html",
        organised=organised_by(current_user) if may_organise(current_user) else None,
        upcoming=upcoming,
        past=past,
        past_shown=PAST_SHOWN,
        now=utcnow(),
    )


@bp.route("/new", methods=["GET", "POST"])
@organisers_only
def new():
    form = conference_form(clusters_to_invite())
    if form.validate_on_submit():
        event = create_conference(current_user, form.values(), form.spans(), form.quotas())
        db.session.commit()
        flash(
            _(
                "The conference “%(title)s” was created; the invited clusters' managers are told.",
                title=event.title,
            ),
            "success",
        )
        return redirect(url_for(".detail", conference_id=event.id))
    return render_template("conferences/new.html", form=form)


@bp.route("/<int:conference_id>")
@invited_required
def detail(conference_id: int):
    event, now = current_conference, utcnow()
    counts = participation_counts(event)
    return render_template(
        "conferences/detail.html",
        event=event,
        delegation=delegation_of(event),
        invited=[
            (invitation, nominated(counts.get(invitation.tenant_id))) for invitation in invitations(event)
        ],
        windows=windows(event),
        slot_count=len(slots(event)),
        organiser=organises(event, current_user),
        participant=current_participant,
        nomination=nomination_of(event, current_user),
        my_clusters=invited_clusters_of(event, current_user),
        registration_open=event.registration_closes_at is None or now < event.registration_closes_at,
        ended=(event.ends_at or event.starts_at) < now,
    )


@bp.route("/<int:conference_id>/edit", methods=["GET", "POST"])
@organiser_required
def edit(conference_id: int):
    event = current_conference
    spans = [(window.starts_at, window.ends_at) for window in windows(event)]
    form = conference_form(
        clusters_to_invite(event), data=ConferenceForm.data_of(event, spans, invitations(event))
    )
    if form.validate_on_submit():
        before = plan_of(event)
        try:
            update_conference(event, form.values(), form.spans(), form.quotas())
        except OrganisingError as error:
            _show_refusals(form, error.problems)
        else:
            if event.has_delegation and plan_of(event) != before:
                announce_change(event, "plan", current_user)
            db.session.commit()
            flash(_("The conference was saved."), "success")
            return redirect(url_for(".detail", conference_id=event.id))
    return render_template(
        "conferences/edit.html", form=form, event=event, counts=participation_counts(event)
    )


def _show_refusals(form: ConferenceForm, problems: list[Problem]) -> None:
    """Each refused change as an error beside the field that asked for it."""
    names = {cluster.id: cluster.name for cluster, _invite, _quota in form.clusters}
    for problem in problems:
        cluster = names.get(problem.tenant_id, "")
        when = date_and_time(problem.when) if problem.when else ""
        if problem.reason == "has_participants":
            field = form[f"invite_{problem.tenant_id}"]
            message = ngettext(
                "%(cluster)s stays invited: %(num)d of its companies is nominated or asked to go. "
                "Its managers withdraw it first.",
                "%(cluster)s stays invited: %(num)d of its companies are nominated or asked to go. "
                "Its managers withdraw them first.",
                problem.count,
                cluster=cluster,
            )
        elif problem.reason == "quota_below_nominations":
            field = form[f"quota_{problem.tenant_id}"]
            message = ngettext(
                "%(cluster)s has nominated %(num)d company already: the quota cannot be smaller.",
                "%(cluster)s has nominated %(num)d companies already: the quota cannot be smaller.",
                problem.count,
                cluster=cluster,
            )
        elif problem.reason == "meetings_outside_slots":
            field = form.windows
            message = ngettext(
                "%(num)d accepted meeting (on %(when)s) would no longer fit the meeting slots. "
                "Keep its window and the slot length, or ask the participants to cancel it first.",
                "%(num)d accepted meetings (the first on %(when)s) would no longer fit the meeting slots. "
                "Keep their windows and the slot length, or ask the participants to cancel them first.",
                problem.count,
                when=when,
            )
        else:
            field = form.tables
            message = ngettext(
                "%(num)d accepted meeting (on %(when)s) is at a table beyond this number.",
                "%(num)d accepted meetings (the first on %(when)s) are at tables beyond this number.",
                problem.count,
                when=when,
            )
        field.errors = [*field.errors, message]


@bp.route("/<int:conference_id>/delete", methods=["GET", "POST"])
@organiser_required
def delete(conference_id: int):
    event = current_conference
    form = ConfirmForm()
    if form.validate_on_submit():
        (delete_visit if event.has_delegation else delete_conference)(event)
        db.session.commit()
        flash(_("The conference “%(title)s” was deleted.", title=event.title), "info")
        return redirect(url_for(".index"))
    counts = participation_counts(event)
    return render_template(
        "conferences/delete.html",
        form=form,
        event=event,
        clusters=len(invitations(event)),
        companies=sum(sum(c.values()) for c in counts.values()),
    )
