"""The participants' feedback after a conference: a rating of the event and a word on each meeting."""

from flask import flash, redirect, render_template, url_for
from flask_babel import gettext as _

from clusterhub.clock import utcnow
from clusterhub.conferences.access import current_conference, current_participant, participant_required
from clusterhub.conferences.blueprints import bp
from clusterhub.conferences.feedback.forms import feedback_form
from clusterhub.conferences.feedback.services import give_feedback, my_answer, my_meetings, other_side
from clusterhub.conferences.reports.services import has_ended
from clusterhub.extensions import db


@bp.route("/<int:conference_id>/feedback", methods=["GET", "POST"])
@participant_required
def feedback(conference_id: int):
    event, me = current_conference, current_participant
    if not has_ended(event, utcnow()):
        return render_template("conferences/feedback.html", event=event, form=None)
    mine = my_meetings(me)
    form = feedback_form(me, mine, {meeting.id: my_answer(meeting, me) for meeting in mine})
    if form.validate_on_submit():
        first = me.rating is None
        give_feedback(me, int(form.rating.data), form.comment.data or "", form.follow_ups(), utcnow())
        db.session.commit()
        flash(_("Thank you for your feedback.") if first else _("Your feedback is updated."), "success")
        return redirect(url_for(".detail", conference_id=event.id))
    return render_template(
        "conferences/feedback.html",
        event=event,
        form=form,
        meetings=[(meeting, other_side(meeting, me), form[f"meeting_{meeting.id}"]) for meeting in mine],
    )
