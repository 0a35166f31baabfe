"""The calendar feed itself (no sign-in: calendar programs fetch it) and its address on the account page."""

from flask import Blueprint, Response, abort, flash, redirect, render_template, request, url_for
from flask_babel import force_locale
from flask_babel import gettext as _
from flask_login import current_user, login_required

from clusterhub.clock import utcnow
from clusterhub.extensions import db
from clusterhub.feeds.services import feed_calendar, new_feed, owner_of, revoke_feed
from clusterhub.forms import ConfirmForm

bp = Blueprint("feeds", __name__)


def _full_address(endpoint: str, **values) -> str:
    return url_for(endpoint, _external=True, **values)


@bp.route("/calendar/<token>.ics")
def calendar(token: str):
    user = owner_of(token)
    if user is None:
        abort(404)
    # A calendar program sends no language of its own: the feed speaks the person's.
    with force_locale(user.language):
        body = feed_calendar(user, utcnow(), request.host, _full_address)
    # The address is a secret: no cache between the calendar program and the app may keep a copy.
    return Response(body, mimetype="text/calendar", headers={"Cache-Control": "private, no-store"})


@bp.route("/account/calendar", methods=["POST"])
@login_required
def new_address():
    if not ConfirmForm().validate_on_submit():
        abort(400)
    token = new_feed(current_user)
    db.session.commit()
    return render_template("feeds/created.html", address=_full_address(".calendar", token=token))


@bp.route("/account/calendar/revoke", methods=["GET", "POST"])
@login_required
def revoke():
    form = ConfirmForm()
    if form.validate_on_submit():
        revoke_feed(current_user)
        db.session.commit()
        flash(_("Your calendar address no longer works."), "info")
        return redirect(url_for("accounts.account"))
    return render_template("feeds/revoke.html", form=form)
