"""Going to a conference for a cluster: members ask, managers nominate and approve, companies register.

The cluster's pages (under /c/<slug>/) see only the cluster's own list; the registration page is one of
the conference's pages and finds the visitor's company across clusters itself.
"""

from functools import partial

from flask import abort, flash, redirect, render_template, url_for
from flask_babel import gettext as _
from flask_login import current_user

from clusterhub.clock import utcnow
from clusterhub.companies.models import Company
from clusterhub.conferences.access import current_conference, invited_required
from clusterhub.conferences.blueprints import bp, cluster_bp
from clusterhub.conferences.meetings.services import is_over
from clusterhub.conferences.models import Participant
from clusterhub.conferences.nominations import services
from clusterhub.conferences.nominations.forms import SHOWN, NominateForm, RegistrationForm
from clusterhub.conferences.nominations.services import NominationError
from clusterhub.extensions import db
from clusterhub.forms import ConfirmForm
from clusterhub.i18n import lazy_gettext as _l
from tenants.access import current_membership, load_or_404, manager_required

REASONS = {
    "no_company": _l(
        "Your account does not represent a member company in this cluster, so you cannot ask for one. "
        "A cluster manager can link your account to a company."
    ),
    "former": _l("Only the cluster's current member companies can go to the conference for it."),
    "listed": _l("This company is on the cluster's list for this conference already."),
    "elsewhere": _l("This company goes to the conference for another cluster already."),
    "closed": _l("Registration for this conference has closed."),
    "full": _l("All the cluster's places at this conference are taken. Withdraw a company to free a place."),
    "colleague": _l(
        "A colleague registered your company and attends; only they can change the registration."
    ),
    "over": _l(
        "The conference is over: the companies that went stay on record with their meetings and feedback."
    ),
    "host_picks": _l(
        "The host cluster picks the companies for this visit or mission from the members' applications."
    ),
}
SENT = {
    "conference": _l("Your request is sent: the cluster's managers decide who goes."),
    "visit": _l("Your application is sent: the host picks the companies that meet the delegation."),
}
NOT_NOMINATED = _l(
    "Only the representatives of companies their cluster nominated for this conference can register. "
    "Ask your cluster's managers to nominate your company."
)


def _invitation_or_404(conference_id: int):
    """The cluster's invitation to the conference; a conference that did not invite it is not found."""
    invited = services.invitation(conference_id)
    if invited is None:
        abort(404)
    return invited


def _listed_or_404(invited, participant_id: int) -> Participant:
    """A company on the cluster's list for the conference; another cluster's or conference's is not found."""
    participant = services.on_list(invited, participant_id)
    if participant is None:
        abort(404)
    return participant


def _refuse_for_visits(event) -> None:
    """A visit's or mission's companies are the host's choice (its shortlist), not the clusters' managers'."""
    if event.has_delegation:
        raise NominationError("host_picks")


@cluster_bp.route("/conferences")
def index():
    now = utcnow()
    return render_template(
        "conferences/cluster_index.html",
        invitations=services.invitations(now),
        mine=services.participations(current_membership.company_id),
        is_open=partial(services.registration_open, now=now),
        deadline=services.deadline,
        now=now,
        form=ConfirmForm(),
    )


# POST only (the "Ask to go" button), so the CSRF check of every POST guards it.
@cluster_bp.route("/conferences/<int:conference_id>/request", methods=["POST"])
def request_to_go(conference_id: int):
    invited = _invitation_or_404(conference_id)
    visit = invited.event.has_delegation  # read now: the commit forgets the invitation's conference
    try:
        services.request_to_go(invited, current_membership.company, current_user, utcnow())
    except NominationError as error:
        flash(REASONS[error.reason], "error")
    else:
        db.session.commit()
        flash(SENT["visit" if visit else "conference"], "success")
    return redirect(url_for(".index"))


@cluster_bp.route("/manage/conferences/<int:conference_id>", methods=["GET", "POST"])
@manager_required
def manage(conference_id: int):
    invited = _invitation_or_404(conference_id)
    event = invited.event  # kept: a refused nomination rolls back, and the invitation forgets it
    form = NominateForm(companies=services.nominable(event))
    if form.validate_on_submit():
        company = load_or_404(Company, int(form.company.data))
        try:
            _refuse_for_visits(event)
            services.nominate(invited, company, current_user, utcnow())
        except NominationError as error:
            db.session.rollback()  # frees the quota lock at once
            form.company.errors.append(REASONS[error.reason])
        else:
            db.session.commit()
            flash(_("%(company)s is nominated and was told to register.", company=company.name), "success")
            return redirect(url_for(".manage", conference_id=conference_id))
    return render_template(
        "conferences/manage.html",
        invited=invited,
        event=event,
        form=form,
        listed=services.listed(event),
        taken=services.places_taken(event.id),
        open=services.registration_open(event, utcnow()),
        deadline=services.deadline(event),
        buttons=ConfirmForm(),
    )


@cluster_bp.route(
    "/manage/conferences/<int:conference_id>/participants/<int:participant_id>/approve", methods=["POST"]
)
@manager_required
def approve(conference_id: int, participant_id: int):
    invited = _invitation_or_404(conference_id)
    participant = _listed_or_404(invited, participant_id)
    try:
        _refuse_for_visits(invited.event)
        services.approve(invited, participant, utcnow())
    except NominationError as error:
        db.session.rollback()
        flash(REASONS[error.reason], "error")
    else:
        db.session.commit()
        flash(
            _("%(company)s is nominated and was told to register.", company=participant.company.name),
            "success",
        )
    return redirect(url_for(".manage", conference_id=conference_id))


@cluster_bp.route(
    "/manage/conferences/<int:conference_id>/participants/<int:participant_id>/withdraw",
    methods=["GET", "POST"],
)
@manager_required
def withdraw(conference_id: int, participant_id: int):
    participant = _listed_or_404(_invitation_or_404(conference_id), participant_id)
    if is_over(participant.event):
        flash(REASONS["over"], "error")
        return redirect(url_for(".manage", conference_id=conference_id))
    form = ConfirmForm()
    if form.validate_on_submit():
        name = participant.company.name
        services.withdraw(participant)
        db.session.commit()
        flash(_("%(company)s is off the cluster's list for this conference.", company=name), "info")
        return redirect(url_for(".manage", conference_id=conference_id))
    return render_template(
        "conferences/withdraw.html",
        form=form,
        participant=participant,
        event=participant.event,
        meetings=services.meeting_count(participant),
    )


@bp.route("/<int:conference_id>/register", methods=["GET", "POST"])
@invited_required
def register(conference_id: int):
    event = current_conference
    participant = services.representing(event, current_user)
    if participant is None:
        abort(403, NOT_NOMINATED)
    blocked = services.blocker(participant, current_user, utcnow())
    form = RegistrationForm(
        data=RegistrationForm.data_of(participant),
        sectors=services.sector_names(event),
        chosen=participant.interest_names,
    )
    if not blocked and form.validate_on_submit():
        services.register(participant, current_user, form.values(), utcnow())
        db.session.commit()
        flash(_("Your company is registered for “%(title)s”.", title=event.title), "success")
        return redirect(url_for(".matches", conference_id=conference_id))
    return render_template(
        "conferences/register.html",
        event=event,
        participant=participant,
        form=form,
        blocked=REASONS[blocked] if blocked else None,
        deadline=services.deadline(event),
        shown=SHOWN,
    )
