"""The privacy page, downloading one's own or one's company's data, deleting an account or a company."""

import json

from flask import Blueprint, Response, abort, flash, redirect, render_template, url_for
from flask_babel import gettext as _
from flask_login import current_user, login_required, logout_user

from clusterhub.clock import local_today
from clusterhub.extensions import db
from clusterhub.privacy.download import as_json, company_data, person_data, shown
from clusterhub.privacy.forms import DeletionForm
from clusterhub.privacy.policy import privacy_text
from clusterhub.privacy.services import (
    PrivacyError,
    check_account_deletable,
    clusters_represented_by_others,
    company_for,
    current_links,
    delete_account,
    delete_company,
    password_matches,
    represented_companies,
    represented_in,
)
from clusterhub.security import audit
from clusterhub.security.limits import limited

bp = Blueprint("privacy", __name__)


@bp.app_template_filter("person")
def person_name(user) -> str:
    """A person's name as pages show it; a deleted account reads "Former member" in the reader's language."""
    return _("Former member") if user.deleted_at else user.name


def _refusal(error: PrivacyError) -> str:
    names = ", ".join(error.clusters)
    return {
        "last_manager": _(
            "You are the only manager of %(clusters)s. Make another member a manager first, "
            "then delete your account.",
            clusters=names,
        ),
        "organiser": _(
            "You organise conferences that have not ended yet (%(events)s). Ask the platform "
            "administrators to hand them to another organiser first.",
            events=names,
        ),
        "other_clusters": _(
            "The company is still a member of clusters where you do not represent it (%(clusters)s). "
            "Its representatives there must take it out of those clusters first.",
            clusters=names,
        ),
    }[error.reason]


def _download(sections, filename: str) -> Response:
    # Indented UTF-8 rather than \u escapes: people open this file to read it.
    text = json.dumps(as_json(sections), ensure_ascii=False, indent=2)
    return Response(
        text,
        mimetype="application/json",
        headers={"Content-Disposition": f'attachment; filename="{filename}"'},
    )


def _downloaded(subject: str) -> None:
    audit.record("data_downloaded", subject)
    db.session.commit()


def _password_confirmed(form: DeletionForm) -> bool:
    if not form.validate_on_submit():
        return False
    if not password_matches(current_user, form.password.data):
        form.password.errors.append(_("The password is wrong."))
        return False
    return True


@bp.route("/privacy")
def policy():
    return render_template("privacy/policy.html", text=privacy_text())


def _person_sections():
    # Every read of one's data, as a page or as a file, goes into the security log.
    sections = person_data(current_user)
    _downloaded(f"user:{current_user.id}")
    return sections


@bp.route("/account/data")
@login_required
def account_data():
    return render_template(
        "privacy/account_data.html",
        sections=_person_sections(),
        shown=shown,
        companies=represented_companies(current_user),
    )


@bp.route("/account/data.json")
@login_required
def account_data_json():
    return _download(_person_sections(), f"clusterhub-account-{current_user.id}.json")


@bp.route("/account/delete", methods=["GET", "POST"])
@login_required
@limited("reauthentication")
def delete_account_page():
    form = DeletionForm()
    try:
        check_account_deletable(current_user)
    except PrivacyError as error:
        return render_template("privacy/delete_account.html", form=None, refusal=_refusal(error))
    if _password_confirmed(form):
        delete_account(current_user._get_current_object())
        db.session.commit()
        logout_user()
        flash(_("Your account has been deleted. Thank you for taking part."), "info")
        return redirect(url_for("accounts.login"))
    return render_template("privacy/delete_account.html", form=form, refusal=None)


def _represented_or_404(company_id: int):
    company = company_for(current_user, company_id)
    if company is None:
        abort(404)
    return company


def _company_sections(company_id: int):
    """The company the reader represents and its data in their clusters; the read is logged like one's own."""
    company = _represented_or_404(company_id)
    sections = company_data(company, represented_in(current_user, company))
    _downloaded(f"company:{company.id}")
    return company, sections


@bp.route("/companies/<int:company_id>/data")
@login_required
def company_data_page(company_id: int):
    company, sections = _company_sections(company_id)
    return render_template("privacy/company_data.html", company=company, sections=sections, shown=shown)


@bp.route("/companies/<int:company_id>/data.json")
@login_required
def company_data_json(company_id: int):
    company, sections = _company_sections(company_id)
    return _download(sections, f"clusterhub-company-{company.id}.json")


@bp.route("/companies/<int:company_id>/delete", methods=["GET", "POST"])
@login_required
@limited("reauthentication")
def delete_company_page(company_id: int):
    company = _represented_or_404(company_id)
    others = clusters_represented_by_others(current_user, company)
    if others:
        refusal = _refusal(PrivacyError("other_clusters", [tenant.name for tenant in others]))
        return render_template("privacy/delete_company.html", company=company, form=None, refusal=refusal)
    form = DeletionForm()
    if _password_confirmed(form):
        name = company.name
        delete_company(company, current_user._get_current_object(), local_today())
        db.session.commit()
        flash(_("%(company)s has been deleted.", company=name), "info")
        return redirect(url_for("home.index"))
    clusters = [link.tenant.name for link in current_links(company)]
    return render_template(
        "privacy/delete_company.html", company=company, form=form, refusal=None, clusters=clusters
    )
