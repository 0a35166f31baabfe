"""A cluster manager plans a joint incoming visit or trade mission their cluster hosts. Like the
organiser's conference form it lists every cluster to invite, so it is one of the /events/ pages, which
span clusters; the visit's own pages are the conference's (/events/<id>/...), with two of its own for the
host: the shortlist (pick companies from each cluster's applicants) and the delegation's description."""

from functools import wraps

from flask import abort, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user

from clusterhub.clock import utcnow
from clusterhub.conferences.access import current_conference, organiser_required
from clusterhub.conferences.blueprints import bp
from clusterhub.conferences.meetings.services import is_over
from clusterhub.conferences.nominations.services import NominationError, deadline, registration_open
from clusterhub.conferences.nominations.views import REASONS
from clusterhub.conferences.organiser.services import clusters_to_invite
from clusterhub.conferences.visits import services
from clusterhub.conferences.visits.forms import DelegationForm, visit_form
from clusterhub.conferences.visits.services import create_visit, managed_clusters
from clusterhub.extensions import db
from clusterhub.forms import ConfirmForm
from clusterhub.i18n import lazy_gettext as _l
from clusterhub.labels import EVENT_KINDS
from tenants.models import Tenant

MANAGERS_ONLY = _l("Only a cluster's managers host a visit or a trade mission.")


def managers_of_a_cluster(view):
    """Pages for people who manage at least one active cluster; the view gets those clusters."""

    @wraps(view)
    def guarded(*args, **kwargs):
        hosts = managed_clusters(current_user)
        if not hosts:
            abort(403, MANAGERS_ONLY)
        return view(hosts, *args, **kwargs)

    guarded.access = "manager_of_a_cluster"
    return guarded


@bp.route("/delegations/new", methods=["GET", "POST"])
@managers_of_a_cluster
def new_visit(hosts: list[Tenant]):
    chosen = next((c.id for c in hosts if c.slug == request.args.get("host")), hosts[0].id)
    form = visit_form(hosts, clusters_to_invite(), data={"host": chosen})
    if form.validate_on_submit():
        host = next(cluster for cluster in hosts if cluster.id == form.host.data)
        event = create_visit(
            host,
            current_user,
            form.kind.data,
            form.values(),
            form.spans(),
            form.quotas(),
            form.delegation_values(),
        )
        db.session.commit()
        flash(
            _(
                "%(kind)s “%(title)s” was created; the invited clusters' managers are told.",
                kind=EVENT_KINDS[event.kind],
                title=event.title,
            ),
            "success",
        )
        return redirect(url_for(".detail", conference_id=event.id))
    return render_template("conferences/new_visit.html", form=form)


def _visit_or_404():
    """The visit or mission the organiser's page is about; a conference has no delegation to pick for."""
    if not current_conference.has_delegation:
        abort(404)
    return current_conference


@bp.route("/<int:conference_id>/shortlist")
@organiser_required
def shortlist(conference_id: int):
    event = _visit_or_404()
    return render_template(
        "conferences/shortlist.html",
        event=event,
        clusters=services.shortlist(event),
        open=registration_open(event, utcnow()),
        deadline=deadline(event),
        over=is_over(event),
        buttons=ConfirmForm(),
    )


# POST only (the "Pick" button), so the CSRF check of every POST guards it.
@bp.route("/<int:conference_id>/shortlist/<int:participant_id>/pick", methods=["POST"])
@organiser_required
def pick(conference_id: int, participant_id: int):
    event = _visit_or_404()
    applicant = services.on_shortlist(event, participant_id) or abort(404)
    name = applicant.company.name
    try:
        services.pick(event, applicant, utcnow())
    except NominationError as error:
        db.session.rollback()  # frees the quota lock at once
        flash(REASONS[error.reason], "error")
    else:
        db.session.commit()
        flash(_("%(company)s is picked and was told to register.", company=name), "success")
    return redirect(url_for(".shortlist", conference_id=conference_id))


@bp.route("/<int:conference_id>/shortlist/<int:participant_id>/remove", methods=["GET", "POST"])
@organiser_required
def remove_from_shortlist(conference_id: int, participant_id: int):
    event = _visit_or_404()
    participant = services.on_shortlist(event, participant_id) or abort(404)
    if is_over(event):
        flash(REASONS["over"], "error")
        return redirect(url_for(".shortlist", conference_id=conference_id))
    form = ConfirmForm()
    if form.validate_on_submit():
        name = participant.company.name
        services.turn_down(event, participant)
        db.session.commit()
        flash(_("%(company)s is not picked and was told so.", company=name), "info")
        return redirect(url_for(".shortlist", conference_id=conference_id))
    return render_template(
        "conferences/remove_from_shortlist.html", form=form, event=event, participant=participant
    )


@bp.route("/<int:conference_id>/delegation", methods=["GET", "POST"])
@organiser_required
def edit_delegation(conference_id: int):
    event = _visit_or_404()
    delegation = services.delegation_of(event)
    if delegation is None:
        abort(404)
    form = DelegationForm(data=DelegationForm.data_of(services.delegation_values(delegation)))
    if form.validate_on_submit():
        if services.update_delegation(event, delegation, form.delegation_values(), current_user):
            flash(_("The delegation was saved; the invited clusters are told of the change."), "success")
        else:
            flash(_("Nothing was changed."), "info")
        db.session.commit()
        return redirect(url_for(".detail", conference_id=conference_id))
    return render_template("conferences/edit_delegation.html", form=form, event=event)
