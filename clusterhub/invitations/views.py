"""Managers invite people into their cluster and withdraw invitations."""

from flask import flash, redirect, render_template, url_for
from flask_babel import gettext as _
from flask_login import current_user
from sqlalchemy import select

from clusterhub.extensions import db
from clusterhub.forms import ConfirmForm
from clusterhub.i18n import lazy_gettext as _l
from clusterhub.invitations.forms import InvitationForm
from clusterhub.invitations.models import Invitation
from clusterhub.invitations.services import InvitationError, invite, revoke, send_invitation
from clusterhub.navigation import paginate
from clusterhub.security.limits import limited
from tenants.access import load_or_404, manager_required
from tenants.blueprint import TenantBlueprint

bp = TenantBlueprint("invitations", __name__, "/manage/invitations")

REASONS = {
    "invalid": (404, _l("This invitation link is not valid.")),
    "expired": (410, _l("This invitation has expired. Ask the cluster manager for a new one.")),
    "accepted": (410, _l("This invitation has been used already.")),
    "revoked": (410, _l("This invitation was withdrawn by the cluster manager.")),
    "member": (400, _l("This person is a member of the cluster already.")),
    "other_user": (
        403,
        _l("This invitation was sent to another e-mail address. Sign out and open the link again."),
    ),
}


def invitation_problem(error: InvitationError):
    """A clean page that says why an invitation link cannot be used."""
    code, message = REASONS[error.reason]
    return render_template("invitations/problem.html", message=message), code


@bp.route("/", methods=["GET", "POST"])
@manager_required
@limited("invitations")
def index():
    form = InvitationForm()
    if form.validate_on_submit():
        try:
            invitation = invite(form.email.data, form.role.data, form.company_name.data, current_user)
        except InvitationError as error:
            form.email.errors.append(REASONS[error.reason][1])
        else:
            db.session.commit()
            send_invitation(invitation, form.language.data)
            flash(_("Invitation sent to %(email)s.", email=invitation.email), "success")
            return redirect(url_for(".index"))
    invitations = paginate(select(Invitation).order_by(Invitation.created_at.desc(), Invitation.id.desc()))
    return render_template("invitations/index.html", form=form, invitations=invitations)


@bp.route("/<int:invitation_id>/revoke", methods=["GET", "POST"])
@manager_required
def revoke_invitation(invitation_id: int):
    invitation = load_or_404(Invitation, invitation_id)
    form = ConfirmForm()
    if form.validate_on_submit():
        revoke(invitation)
        db.session.commit()
        flash(_("The invitation to %(email)s was withdrawn.", email=invitation.email), "info")
        return redirect(url_for(".index"))
    return render_template("invitations/revoke.html", form=form, invitation=invitation)
