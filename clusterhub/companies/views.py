"""The member directory, company profiles, their editing, logos and change history."""

from flask import Response, abort, flash, redirect, render_template, request, url_for
from flask_babel import get_locale
from flask_babel import gettext as _
from flask_login import current_user
from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import undefer

from clusterhub.admission.services import AdmissionError, decide_representation, waiting_representation
from clusterhub.companies.admissions import AdmissionRequestError, decide, save_profile, waiting_for
from clusterhub.companies.directory import card_lists, directory_page, member_count
from clusterhub.companies.forms import FIELD_LABELS, AnswerForm, DirectoryForm, LogoForm, ProfileForm
from clusterhub.companies.kept import filter_lists
from clusterhub.companies.models import Company
from clusterhub.companies.services import (
    MAX_LOGO_BYTES,
    MAX_LOGO_SIDE,
    ProfileError,
    can_edit,
    change_history,
    delete_logo,
    membership_in_cluster,
    people_of_this_cluster,
    profile_values,
    set_logo,
)
from clusterhub.extensions import db
from clusterhub.forms import ConfirmForm
from clusterhub.i18n import lazy_gettext as _l
from clusterhub.invitations.services import send_invitation
from clusterhub.navigation import paginate
from clusterhub.posts.services import open_posts_of, open_posts_page
from clusterhub.ratings.services import summary
from tenants.access import current_membership, load_or_404
from tenants.blueprint import TenantBlueprint
from tenants.context import current_tenant

bp = TenantBlueprint("companies", __name__, "/companies")

# A profile shows the newest open posts (two full rows of cards) and links to all of them: a busy company
# has dozens.
POSTS_ON_PROFILE = 6

# Whose the number is stays unsaid; the company is asked, as an import row naming it would ask it.
NUMBER_ELSEWHERE = _l(
    "The registration number was not saved: it belongs to a company on the platform that is not a member "
    "of this cluster. That company has been asked to join the cluster; its representatives decide, and "
    "you will be told their answer."
)
PROBLEMS = {
    ("name", "taken"): _l("Another member company of this cluster has this name."),
    ("registration_number", "taken"): _l("Another company on the platform has this registration number."),
    ("logo", "too_big"): _l("The file is larger than 1 MB. Make the image smaller and try again."),
    ("logo", "not_image"): _l("This file is not a PNG, JPEG or WebP image (or it is damaged)."),
    ("logo", "too_large"): _l(
        "The image is too large: at most %(side)d × %(side)d pixels.", side=MAX_LOGO_SIDE
    ),
}


def _editable(company_id: int) -> Company:
    """The company, if the visitor may change it: 404 outside the cluster, 403 for other members."""
    company = load_or_404(Company, company_id)
    if not can_edit(current_membership, company):
        abort(403, _("Only the company's representatives and the cluster managers may change its profile."))
    return company


@bp.route("")
def index():
    lists = filter_lists(current_tenant.id)
    form = DirectoryForm.from_address(lists["sector"], lists["competence"])
    filters = form.filters()
    companies = directory_page(filters, filters.get("sort", "name"))
    sectors, roles = card_lists([link.company_id for link in companies.items])
    return render_template(
        "companies/index.html",
        form=form,
        filters=filters,
        companies=companies,
        sectors=sectors,
        roles=roles,
        filtered=any(name != "sort" for name in filters),
        in_cluster=member_count() if not companies.items else None,
    )


@bp.route("/<int:company_id>")
def detail(company_id: int):
    company = load_or_404(Company, company_id)
    link = membership_in_cluster(company)
    return render_template(
        "companies/detail.html",
        company=company,
        member_since=link.member_since,
        left_on=link.left_on,
        ratings=summary(company),
        editable=can_edit(current_membership, company),
        labels=FIELD_LABELS,
        # One more than shown tells whether to link to the rest.
        posts=open_posts_of(company.id, POSTS_ON_PROFILE + 1),
        posts_shown=POSTS_ON_PROFILE,
    )


@bp.route("/<int:company_id>/posts")
def open_posts(company_id: int):
    company = load_or_404(Company, company_id)
    return render_template("companies/posts.html", company=company, posts=open_posts_page(company.id))


@bp.route("/<int:company_id>/edit", methods=["GET", "POST"])
def edit(company_id: int):
    company = _editable(company_id)
    since = membership_in_cluster(company).member_since if current_membership.is_manager else None
    form = ProfileForm.for_company(company, profile_values(company), since)
    if form.validate_on_submit():
        try:
            asked = save_profile(company, current_user, form.profile_values())
            db.session.commit()
        except ProfileError as error:
            form[error.field].errors.append(PROBLEMS[error.field, error.reason])
        except IntegrityError:
            # Another save took the registration number between the check and the commit.
            db.session.rollback()
            form.registration_number.errors.append(PROBLEMS["registration_number", "taken"])
        else:
            flash(_("The profile was saved."), "success")
            if asked:
                flash(NUMBER_ELSEWHERE, "info")
            return redirect(url_for(".detail", company_id=company.id))
    return render_template("companies/edit.html", form=form, company=company)


@bp.route("/<int:company_id>/logo", methods=["GET", "POST"])
def logo(company_id: int):
    company = _editable(company_id)
    form = LogoForm()
    if form.validate_on_submit():
        try:
            # One byte more than allowed is enough to know the file is too big.
            set_logo(company, current_user, form.logo.data.read(MAX_LOGO_BYTES + 1))
        except ProfileError as error:
            form.logo.errors.append(PROBLEMS[error.field, error.reason])
        else:
            db.session.commit()
            flash(_("The logo was saved."), "success")
            return redirect(url_for(".detail", company_id=company.id))
    return render_template("companies/logo.html", form=form, company=company)


@bp.route("/<int:company_id>/logo/remove", methods=["GET", "POST"])
def remove_logo(company_id: int):
    company = _editable(company_id)
    if company.logo_type is None:
        return redirect(url_for(".logo", company_id=company.id))
    form = ConfirmForm()
    if form.validate_on_submit():
        delete_logo(company, current_user)
        db.session.commit()
        flash(_("The logo was removed."), "info")
        return redirect(url_for(".detail", company_id=company.id))
    return render_template("companies/remove_logo.html", form=form, company=company)


@bp.route("/<int:company_id>/logo.img")
def logo_image(company_id: int):
    company = db.one_or_404(select(Company).where(Company.id == company_id).options(undefer(Company.logo)))
    if company.logo is None:
        abort(404)
    response = Response(company.logo, mimetype=company.logo_type)
    # The type was judged from the content at upload; the browser must not guess another one.
    response.headers["X-Content-Type-Options"] = "nosniff"
    response.cache_control.private = True
    response.cache_control.max_age = 300
    response.add_etag()
    return response.make_conditional(request)


@bp.route("/<int:company_id>/history")
def history(company_id: int):
    company = _editable(company_id)
    changes = paginate(change_history(company))
    return render_template(
        "companies/history.html",
        company=company,
        changes=changes,
        labels=FIELD_LABELS,
        known_people=people_of_this_cluster(change.user_id for change in changes.items),
    )


def _represented(company_id: int) -> Company:
    """The company, if the visitor represents it: requests that need its consent are its people's alone."""
    company = load_or_404(Company, company_id)
    if current_membership.company_id != company.id:
        abort(403, _("Only the company's own representatives answer requests made to it."))
    return company


def _answer_page(company: Company, waiting: list, accept_label, decide, template: str):
    """A list of requests waiting for the company's consent, and the form that answers the oldest."""
    form = AnswerForm(accept_label)
    chosen = next((waiting_one for waiting_one in waiting if str(waiting_one.id) == form.request.data), None)
    if form.validate_on_submit() and chosen is not None:
        try:
            invitation = decide(chosen, form.answer.data == "accept")
        except (AdmissionRequestError, AdmissionError):
            db.session.rollback()
            flash(_("This request was answered already."), "info")
        else:
            db.session.commit()
            if invitation is not None:  # an applicant the company agreed to: invited after the commit
                send_invitation(invitation, str(get_locale()))
            flash(_("Your answer was sent."), "success")
        return redirect(request.path)
    if waiting:
        form.request.data = str(waiting[0].id)
    return render_template(template, form=form, company=company, waiting=waiting)


@bp.route("/<int:company_id>/admissions", methods=["GET", "POST"])
def admissions(company_id: int):
    company = _represented(company_id)
    return _answer_page(
        company,
        waiting_for(company),
        _l("Accept: become a member of this cluster"),
        lambda admission, accepted: decide(admission, current_user, accepted),
        "companies/admissions.html",
    )


@bp.route("/<int:company_id>/representation", methods=["GET", "POST"])
def representation(company_id: int):
    company = _represented(company_id)
    return _answer_page(
        company,
        waiting_representation(company),
        _l("Accept: this person represents our company"),
        lambda waiting, accepted: decide_representation(waiting, company, current_user, accepted),
        "companies/representation.html",
    )
