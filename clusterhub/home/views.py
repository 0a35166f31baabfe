"""The start page (a person's clusters) and the language switch."""

from flask import Blueprint, redirect, render_template, session
from flask_login import current_user, login_required

from clusterhub.accounts.forms import LanguageForm
from clusterhub.extensions import db
from clusterhub.navigation import safe_next
from tenants.services import memberships_of

bp = Blueprint("home", __name__)


@bp.route("/")
@login_required
def index():
    return render_template("home/index.html", memberships=memberships_of(current_user))


@bp.route("/language", methods=["POST"])
def language():
    form = LanguageForm()
    if form.validate_on_submit():
        session["language"] = form.language.data
        if current_user.is_authenticated:
            current_user.language = form.language.data
            db.session.commit()
    return redirect(safe_next())
