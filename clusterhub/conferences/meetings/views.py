"""1:1 meetings at a conference: asking for one, answering, calling off, and the personal agenda.

Only the two sides of a meeting find it; anyone else, and a meeting of another conference, is not found:
the conference's criterion (clusterhub/conferences/scoping.py) keeps every query to this conference's
participants and the visitor's own meetings.
A rule that refuses a change (answering one's own proposal, a meeting answered already) is a message on
the agenda, not an error page.
"""

from dataclasses import dataclass
from datetime import datetime

from flask import Response, abort, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from sqlalchemy import select

from clusterhub.conferences.access import current_conference, current_participant, participant_required
from clusterhub.conferences.blueprints import bp
from clusterhub.conferences.directory.services import Card, card
from clusterhub.conferences.meetings import services
from clusterhub.conferences.meetings.calendar import agenda_calendar
from clusterhub.conferences.meetings.forms import TAKEN, RequestMeetingForm, SlotForm, slot_label
from clusterhub.conferences.models import Meeting, Participant
from clusterhub.conferences.slots import slot_end
from clusterhub.extensions import db
from clusterhub.forms import ConfirmForm
from clusterhub.i18n import lazy_gettext as _l
from clusterhub.navigation import number
from clusterhub.security import audit

REFUSALS = {
    "over": _l("The conference is over: its meetings can no longer be arranged or changed."),
    "slot": TAKEN,
    "self": _l("You cannot ask yourself for a meeting."),
    "stranger": _l("That company is not a registered participant of this conference."),
    "open": _l(
        "You have an unanswered meeting request with them already: answer or cancel it in your agenda."
    ),
    "not_pending": _l("This meeting has been answered already."),
    "own": _l("You proposed this time: the other participant answers it."),
    "closed": _l("This meeting was declined or cancelled already."),
    "busy": _l("You or they already have a meeting at that time."),
    "full": _l("No table is free at that time: propose another time."),
}


@dataclass(frozen=True)
class Entry:
    """One meeting in the visitor's agenda, with the other side as the visitor may see it."""

    meeting: Meeting
    partner: Card
    ends_at: datetime
    mine: bool  # the visitor proposed the current time, so the other side answers
    conflict: bool = False  # a request whose time has meanwhile been booked: it can only be moved


def _entry(meeting: Meeting, conflicts: set[int] = frozenset()) -> Entry:
    me = current_participant.id
    return Entry(
        meeting=meeting,
        partner=card(meeting.invitee if meeting.requester_id == me else meeting.requester),
        ends_at=slot_end(current_conference, meeting.starts_at),
        mine=meeting.proposed_by_id == me,
        conflict=meeting.id in conflicts,
    )


def _agenda_url():
    return url_for(".agenda", conference_id=current_conference.id)


def _refused(error: services.BookingError):
    flash(REFUSALS[error.reason], "error")
    return redirect(_agenda_url())


def _registered_or_404(participant_id: int) -> Participant:
    """Another registered participant of this conference (the criterion keeps out any other)."""
    other = db.session.scalar(
        select(Participant).where(Participant.id == participant_id, Participant.status == "registered")
    )
    if other is None or other.id == current_participant.id:
        abort(404)
    return other


def _meeting_or_404(meeting_id: int) -> Meeting:
    """A meeting of this conference that the visitor is one side of (the criterion finds no other)."""
    return db.one_or_404(select(Meeting).where(Meeting.id == meeting_id))


@bp.route("/<int:conference_id>/meetings/new", methods=["GET", "POST"])
@participant_required
def request_meeting(conference_id: int):
    other_id = request.args.get("with", type=number)
    if other_id is None:  # whom to meet is chosen in the directory
        return redirect(url_for(".participants", conference_id=conference_id))
    other = _registered_or_404(other_id)
    if services.is_over(current_conference):
        return _refused(services.BookingError("over"))
    free = services.free_slots(current_conference, current_participant, other)
    form = RequestMeetingForm(event=current_conference, slots=free)
    if free and form.validate_on_submit():
        try:
            services.request_meeting(
                current_conference, current_participant, other, form.starts_at(), form.message.data or ""
            )
        except services.BookingError as error:
            form.slot.errors.append(REFUSALS[error.reason])
        else:
            db.session.commit()
            flash(_("Your request was sent to %(company)s.", company=other.company.name), "success")
            return redirect(_agenda_url())
    return render_template(
        "conferences/request_meeting.html",
        conference=current_conference,
        form=form,
        other=card(other),
        free=free,
    )


def _answer(meeting_id: int, change, done: str):
    meeting = _meeting_or_404(meeting_id)
    try:
        change(meeting, current_participant)
    except services.BookingError as error:
        return _refused(error)
    db.session.commit()
    flash(done, "success")
    return redirect(_agenda_url())


@bp.route("/<int:conference_id>/meetings/<int:meeting_id>/accept", methods=["POST"])
@participant_required
def accept_meeting(conference_id: int, meeting_id: int):
    return _answer(
        meeting_id, services.accept, _("The meeting is agreed. Both of you find it in your agendas.")
    )


@bp.route("/<int:conference_id>/meetings/<int:meeting_id>/decline", methods=["POST"])
@participant_required
def decline_meeting(conference_id: int, meeting_id: int):
    return _answer(meeting_id, services.decline, _("You declined the meeting."))


@bp.route("/<int:conference_id>/meetings/<int:meeting_id>/propose", methods=["GET", "POST"])
@participant_required
def propose_meeting(conference_id: int, meeting_id: int):
    meeting = _meeting_or_404(meeting_id)
    try:
        services.check_answer(meeting, current_participant)
    except services.BookingError as error:
        return _refused(error)
    free = [
        start
        for start in services.free_slots(current_conference, meeting.requester, meeting.invitee)
        if start != meeting.starts_at
    ]
    form = SlotForm(event=current_conference, slots=free)
    if free and form.validate_on_submit():
        try:
            services.propose(meeting, current_participant, form.starts_at())
        except services.BookingError as error:
            form.slot.errors.append(REFUSALS[error.reason])
        else:
            db.session.commit()
            flash(_("Your proposal was sent: now they answer it."), "success")
            return redirect(_agenda_url())
    return render_template(
        "conferences/propose_meeting.html",
        conference=current_conference,
        form=form,
        entry=_entry(meeting),
        current=slot_label(current_conference, meeting.starts_at),
        free=free,
    )


@bp.route("/<int:conference_id>/meetings/<int:meeting_id>/cancel", methods=["GET", "POST"])
@participant_required
def cancel_meeting(conference_id: int, meeting_id: int):
    meeting = _meeting_or_404(meeting_id)
    try:
        services.check_cancel(meeting)
    except services.BookingError as error:
        return _refused(error)
    form = ConfirmForm()
    if form.validate_on_submit():
        services.cancel(meeting, current_participant)
        db.session.commit()
        flash(_("The meeting is cancelled. Both of you were told."), "info")
        return redirect(_agenda_url())
    return render_template(
        "conferences/cancel_meeting.html",
        conference=current_conference,
        form=form,
        entry=_entry(meeting),
        when=slot_label(current_conference, meeting.starts_at),
    )


@bp.route("/<int:conference_id>/agenda")
@participant_required
def agenda(conference_id: int):
    meetings = services.agenda(current_participant)
    conflicts = services.conflicting(current_conference, [m for m in meetings if m.status == "pending"])
    entries = [_entry(meeting, conflicts) for meeting in meetings]
    pending = [entry for entry in entries if entry.meeting.status == "pending"]
    return render_template(
        "conferences/agenda.html",
        conference=current_conference,
        accepted=[entry for entry in entries if entry.meeting.status == "accepted"],
        to_answer=[entry for entry in pending if not entry.mine],
        waiting=[entry for entry in pending if entry.mine],
        closed=[entry for entry in entries if entry.meeting.status in ("declined", "cancelled")],
        over=services.is_over(current_conference),
        form=ConfirmForm(),
    )


@bp.route("/<int:conference_id>/agenda.ics")
@participant_required
def agenda_ics(conference_id: int):
    body = agenda_calendar(
        current_conference,
        current_participant,
        services.agenda(current_participant),
        request.host,
        url_for(".agenda", conference_id=conference_id, _external=True),
    )
    audit.record("export", f"conference:{conference_id}:agenda.ics")
    db.session.commit()
    return Response(
        body,
        mimetype="text/calendar",
        headers={"Content-Disposition": f'attachment; filename="agenda-{conference_id}.ics"'},
    )
