"""Sign in and out, password reset, invitation acceptance, personal settings."""

from flask import (
    Blueprint,
    abort,
    current_app,
    flash,
    g,
    redirect,
    render_template,
    request,
    session,
    url_for,
)
from flask_babel import gettext as _
from flask_babel import ngettext
from flask_login import current_user, login_required, login_user, logout_user
from sqlalchemy.exc import IntegrityError

from clusterhub.accounts import forms, services
from clusterhub.accounts.devices import COOKIE, LIFETIME_DAYS, by_device_or_address, new_device_cookie
from clusterhub.accounts.models import User, normalise_email
from clusterhub.accounts.services import (
    EmailTaken,
    Throttled,
    WrongPassword,
    authenticate,
    create_user,
    find_user,
    reset_token,
    set_password,
    user_from_reset_token,
)
from clusterhub.accounts.sessions import (
    end_session,
    needs_touch,
    session_of,
    sessions_of,
    start_session,
    touch,
)
from clusterhub.extensions import db
from clusterhub.feeds.services import feed_of
from clusterhub.forms import ConfirmForm
from clusterhub.i18n import lazy_gettext as _l
from clusterhub.invitations.services import InvitationError, accept, invitation_from_token
from clusterhub.invitations.views import invitation_problem
from clusterhub.mail import send_mail
from clusterhub.navigation import safe_next
from clusterhub.news.services import choose_digests
from clusterhub.security.limits import by_address, check, hashed, limited
from tenants.services import memberships_of

bp = Blueprint("accounts", __name__)
WRONG_PASSWORD = _l("This is not your current password.")


def load_user(user_id: str) -> User | None:
    """Flask-Login's loader of "id:session secret" (User.get_id); people are platform-wide.

    A cookie whose session was ended (signed out, ended from another browser, a new password) or has
    run out signs the browser out.
    """
    number, _colon, token = user_id.partition(":")
    if not (number.isdigit() and token):
        return None
    signed_in = session_of(int(number), token)
    if signed_in is None:
        return None
    g.user_session = signed_in
    return signed_in.user


def keep_session_seen() -> None:
    """Before each request of a signed-in browser: note now and then that it was seen (the account page
    lists it). Committed at once, before the view has done anything of its own."""
    if current_user.is_authenticated and needs_touch(g.user_session):
        touch(g.user_session)
        db.session.commit()


def _sign_in(user: User, remember: bool = False) -> None:
    """Start a server-side session for this browser (the caller commits it) and set its cookies."""
    start_session(user, request.user_agent.string, remember)
    login_user(user, remember=remember)
    # The session cookie then ends after PERMANENT_SESSION_LIFETIME without a request, not at browser exit.
    session.permanent = True


@bp.route("/login", methods=["GET", "POST"])
@limited("login", key=by_device_or_address)
def login():
    if current_user.is_authenticated:
        return redirect(safe_next())
    form = forms.LoginForm()
    if form.validate_on_submit():
        try:
            user = authenticate(
                form.email.data,
                form.password.data,
                request.remote_addr or "",
                request.cookies.get(COOKIE, ""),
            )
        except Throttled:
            minutes = current_app.config["LOGIN_THROTTLE_MINUTES"]
            form.email.errors.append(
                ngettext(
                    "Too many failed attempts. Wait %(num)d minute and try again.",
                    "Too many failed attempts. Wait %(num)d minutes and try again.",
                    minutes,
                )
            )
        else:
            if user is not None:
                _sign_in(user, remember=form.remember.data)
            db.session.commit()
            if user is not None:
                flash(_("Welcome, %(name)s!", name=user.name), "success")
                return _known_from_now_on(redirect(safe_next()), user)
            form.password.errors.append(_("The e-mail or password is wrong."))
    return render_template("accounts/login.html", form=form)


def _known_from_now_on(response, user: User):
    """Give the browser that signed in its device cookie, so that others' failures never lock it out."""
    response.set_cookie(
        COOKIE,
        new_device_cookie(user),
        max_age=LIFETIME_DAYS * 24 * 3600,
        secure=current_app.config["SESSION_COOKIE_SECURE"],
        httponly=True,
        samesite="Lax",
    )
    return response


@bp.route("/logout", methods=["POST"])
def logout():
    if current_user.is_authenticated:
        end_session(current_user, g.user_session.id)
        db.session.commit()
    logout_user()
    flash(_("You have signed out."), "info")
    return redirect(url_for("accounts.login"))


@bp.route("/reset", methods=["GET", "POST"])
@limited("password_reset", key=by_address)
def reset_request():
    form = forms.ResetRequestForm()
    if form.validate_on_submit():
        # Counted for known and unknown addresses alike, so the limit tells nobody who has an account.
        check("password_reset_email", hashed(normalise_email(form.email.data)))
        user = find_user(form.email.data)
        if user is not None and user.active:
            link = url_for("accounts.reset_password", token=reset_token(user), _external=True)
            send_mail(
                user.email,
                user.language,
                "password_reset",
                user=user,
                link=link,
                hours=current_app.config["PASSWORD_RESET_HOURS"],
            )
        # The same answer whether or not the address is known: nobody learns who has an account.
        flash(
            _("If an account exists for that address, we have sent it a link to choose a new password."),
            "info",
        )
        return redirect(url_for("accounts.login"))
    return render_template("accounts/reset_request.html", form=form)


@bp.route("/reset/<token>", methods=["GET", "POST"])
def reset_password(token: str):
    user = user_from_reset_token(token)
    if user is None:
        flash(_("This link is invalid, used or expired. Ask for a new one."), "error")
        return redirect(url_for("accounts.reset_request"))
    form = forms.NewPasswordForm()
    if form.validate_on_submit():
        set_password(user, form.password.data)
        _sign_in(user)
        db.session.commit()
        flash(_("Your password has been changed."), "success")
        return redirect(url_for("home.index"))
    return render_template("accounts/reset_password.html", form=form)


@bp.route("/invitation/<token>", methods=["GET", "POST"])
def accept_invitation(token: str):
    try:
        invitation = invitation_from_token(token)
    except InvitationError as error:
        return invitation_problem(error)
    if current_user.is_authenticated:
        return _join_as_current_user(invitation)
    if find_user(invitation.email) is not None:
        flash(_("You already have an account. Sign in to accept the invitation."), "info")
        return redirect(url_for("accounts.login", next=request.path))
    form = forms.AcceptInvitationForm()
    if form.validate_on_submit():
        user = create_user(invitation.email, form.name.data, form.password.data, language=form.language.data)
        return _finish_joining(invitation, user)
    return render_template("accounts/accept_invitation.html", form=form, invitation=invitation)


def _join_as_current_user(invitation):
    if current_user.email != invitation.email:
        return invitation_problem(InvitationError("other_user"))
    form = ConfirmForm()
    if form.validate_on_submit():
        return _finish_joining(invitation, current_user._get_current_object())
    return render_template("accounts/join.html", form=form, invitation=invitation)


def _finish_joining(invitation, user):
    try:
        membership = accept(invitation, user)
    except InvitationError as error:
        db.session.rollback()
        return invitation_problem(error)
    if not current_user.is_authenticated:
        _sign_in(user)
    db.session.commit()
    flash(_("Welcome to %(cluster)s!", cluster=membership.tenant.name), "success")
    return redirect(url_for("clusters.home", tenant_slug=membership.tenant.slug))


@bp.route("/account", methods=["GET", "POST"])
@login_required
def account():
    memberships = memberships_of(current_user)
    form = forms.AccountForm(obj=current_user, digests=[m.tenant_id for m in memberships if m.digest])
    form.digests.choices = [(m.tenant_id, m.tenant.name) for m in memberships]
    if form.validate_on_submit():
        form.populate_obj(current_user)
        choose_digests(memberships, form.digests.data)
        db.session.commit()
        session["language"] = current_user.language
        flash(_("Your settings have been saved."), "success")
        return redirect(url_for("accounts.account"))
    return render_template(
        "accounts/account.html",
        form=form,
        sessions=sessions_of(current_user),
        this_session=g.user_session,
        end_form=ConfirmForm(),
        calendar_feed=feed_of(current_user),
    )


@bp.route("/account/sessions/<int:session_id>/end", methods=["POST"])
@login_required
def end_browser_session(session_id: int):
    if not ConfirmForm().validate_on_submit():
        abort(400)
    if not end_session(current_user, session_id):
        abort(404)
    db.session.commit()
    if session_id == g.user_session.id:
        logout_user()
        flash(_("You have signed out."), "info")
        return redirect(url_for("accounts.login"))
    flash(_("That browser is signed out."), "info")
    return redirect(url_for("accounts.account"))


@bp.route("/account/password", methods=["GET", "POST"])
@login_required
@limited("reauthentication")
def change_password():
    form = forms.ChangePasswordForm()
    if form.validate_on_submit():
        user = current_user._get_current_object()
        try:
            services.change_password(user, form.current_password.data, form.password.data, g.user_session)
        except WrongPassword:
            form.current_password.errors.append(WRONG_PASSWORD)
        else:
            db.session.commit()
            send_mail(
                user.email,
                user.language,
                "password_changed",
                user=user,
                link=url_for("accounts.reset_request", _external=True),
            )
            flash(_("Your password has been changed. You were signed out everywhere else."), "success")
            return redirect(url_for("accounts.account"))
    return render_template("accounts/change_password.html", form=form)


@bp.route("/account/email", methods=["GET", "POST"])
@login_required
@limited("reauthentication")
def change_email():
    form = forms.ChangeEmailForm()
    if form.validate_on_submit():
        user = current_user._get_current_object()
        try:
            token = services.request_email_change(user, form.current_password.data, form.email.data)
        except WrongPassword:
            form.current_password.errors.append(WRONG_PASSWORD)
        else:
            email = normalise_email(form.email.data)
            if token is not None:
                link = url_for("accounts.confirm_email", token=token, _external=True)
                hours = current_app.config["PASSWORD_RESET_HOURS"]
                send_mail(email, user.language, "email_confirm", user=user, link=link, hours=hours)
            # The same answer whether or not another account has the address: nobody learns who has one.
            flash(
                _(
                    "We have sent a link to %(email)s. Your sign-in e-mail changes when you open it.",
                    email=email,
                ),
                "info",
            )
            return redirect(url_for("accounts.account"))
    return render_template("accounts/change_email.html", form=form)


@bp.route("/account/email/<token>", methods=["GET", "POST"])
def confirm_email(token: str):
    form = ConfirmForm()
    if form.validate_on_submit():
        try:
            user, old_email = services.confirm_email_change(token)
            db.session.commit()
        except (EmailTaken, IntegrityError):
            db.session.rollback()
            flash(_("This link is invalid, used or expired. Ask for a new one."), "error")
            return redirect(url_for("accounts.change_email"))
        # The old address hears of it: if someone else made the change, its owner can act.
        send_mail(old_email, user.language, "email_changed", user=user, email=user.email)
        flash(_("From now on you sign in with %(email)s.", email=user.email), "success")
        return redirect(url_for("accounts.account"))
    return render_template("accounts/confirm_email.html", form=form)
