"""Member companies rate partners, the rated company replies, members report, managers moderate."""

from flask import flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user
from sqlalchemy.orm import selectinload

from clusterhub.companies.models import Company
from clusterhub.extensions import db
from clusterhub.i18n import lazy_gettext as _l
from clusterhub.navigation import paginate, safe_next
from clusterhub.ratings.forms import FlagForm, HideForm, ModerationFilterForm, RatingForm, ReplyForm, ShowForm
from clusterhub.ratings.models import Rating
from clusterhub.ratings.services import (
    RatingError,
    as_written,
    check_may_flag,
    check_may_hide,
    check_may_rate,
    check_may_reply,
    check_may_show,
    existing_rating,
    flag,
    flagged_by,
    hide,
    latest_visible,
    moderation_queue,
    open_flags,
    rate,
    ratings_of,
    reply,
    show,
    summary,
)
from clusterhub.security.limits import limited
from tenants.access import current_membership, load_or_404, manager_required
from tenants.blueprint import TenantBlueprint

bp = TenantBlueprint("ratings", __name__)

# Why a rule of rating refuses someone; %(company)s is the rated company.
REFUSALS = {
    "no_company": _l(
        "Ratings are given by companies, and your membership does not name one. "
        "Ask the cluster management to add your company."
    ),
    "self": _l("A company cannot rate itself."),
    "former_member": _l("%(company)s is no longer a member of the cluster, so it cannot be rated."),
    "no_contact": _l(
        "You can rate %(company)s once your companies have been in contact: a conversation in which both "
        "wrote, a recorded collaboration, or a 1:1 meeting at a conference that took place. Ratings come "
        "only from real partners."
    ),
    "not_rated_company": _l("Only the people of %(company)s, the rated company, can reply to this rating."),
    "replied": _l("%(company)s has replied to this rating already. A rating can be answered once."),
    "hidden": _l("This rating is hidden by the cluster management."),
    "own": _l("Your company wrote this rating. To change it, edit the rating instead of reporting it."),
    "flagged": _l("You have reported this rating already. The cluster management will look at it."),
    "visible": _l("This rating is shown and nobody has reported it: there is nothing to do."),
}
# What a rating rests on, shown on the rating form.
BASES = {
    "conversation": _l("Your companies wrote to each other on the platform."),
    "collaboration": _l("Your companies recorded a collaboration on the platform."),
    "meeting": _l("Your companies met at a 1:1 meeting of a conference."),
}
# What each entry of a rating's history says happened.
ACTIONS = {
    "created": _l("wrote the rating"),
    "edited": _l("edited the rating"),
    "replied": _l("replied"),
    "flagged": _l("reported the rating"),
    "hidden": _l("hid the rating"),
    "shown": _l("showed the rating and closed the reports"),
}
ITEM_OPTIONS = (selectinload(Rating.rater), selectinload(Rating.events), selectinload(Rating.flags))


def _message(error: RatingError, company: Company) -> str:
    return str(REFUSALS[error.reason]) % {"company": company.name}


def _refused(error: RatingError, company: Company):
    """A polite page saying which rule stands in the way; 403, as the person may not do this."""
    return render_template("ratings/refused.html", message=_message(error, company), company=company), 403


def _rate_link(company: Company) -> str | None:
    """What the link to the rating form says for this visitor, or None when they may not rate."""
    rater = current_membership.company
    try:
        check_may_rate(rater, company)
    except RatingError:
        return None
    return _("Change your rating") if existing_rating(rater, company) else _("Rate this company")


def _viewer(ratings) -> dict:
    """What the rating list needs to know about the person looking at it."""
    company = current_membership.company
    return {
        "company_id": company.id if company else None,
        "manager": current_membership.is_manager,
        "flagged": flagged_by(current_user, ratings),
    }


def _panel(company: Company) -> dict:
    latest = latest_visible(company)
    return {
        "latest": latest,
        "rate_link": _rate_link(company),
        "viewer": _viewer(latest),
    }


@bp.app_context_processor
def rating_panel():
    """`rating_panel(company)` for the ratings section of a company's profile (ratings/_panel.html)."""
    return {"rating_panel": _panel}


@bp.route("/companies/<int:company_id>/rate", methods=["GET", "POST"])
@limited("posting")
def rate_company(company_id: int):
    rated = load_or_404(Company, company_id)
    rater = current_membership.company
    try:
        basis = check_may_rate(rater, rated)
    except RatingError as error:
        return _refused(error, rated)
    rating = existing_rating(rater, rated)
    form = RatingForm(obj=rating)
    if form.validate_on_submit():
        rate(rater, rated, current_user, form.scores(), form.comment.data or "")
        db.session.commit()
        if rating is None:
            flash(_("Your rating of %(company)s is saved.", company=rated.name), "success")
        else:
            flash(_("Your rating of %(company)s is updated.", company=rated.name), "success")
        return redirect(url_for(".company_ratings", company_id=rated.id))
    return render_template(
        "ratings/rate_company.html", form=form, company=rated, rating=rating, basis=BASES[basis]
    )


@bp.route("/companies/<int:company_id>/ratings")
def company_ratings(company_id: int):
    company = load_or_404(Company, company_id)
    ratings = paginate(ratings_of(company).options(*ITEM_OPTIONS))
    return render_template(
        "ratings/company_ratings.html",
        company=company,
        summary=summary(company),
        ratings=ratings,
        rate_link=_rate_link(company),
        viewer=_viewer(ratings.items),
    )


@bp.route("/ratings/<int:rating_id>/reply", methods=["GET", "POST"])
@limited("posting")
def reply_to_rating(rating_id: int):
    rating = load_or_404(Rating, rating_id)
    company = current_membership.company
    try:
        check_may_reply(rating, company)
    except RatingError as error:
        return _refused(error, rating.rated)
    form = ReplyForm()
    if form.validate_on_submit():
        reply(rating, company, current_user, form.text.data)
        db.session.commit()
        flash(_("Your reply is published under the rating."), "success")
        return redirect(url_for(".company_ratings", company_id=rating.rated_company_id))
    return render_template("ratings/reply_to_rating.html", form=form, rating=rating)


@bp.route("/ratings/<int:rating_id>/flag", methods=["GET", "POST"])
def flag_rating(rating_id: int):
    rating = load_or_404(Rating, rating_id)
    company = current_membership.company
    try:
        check_may_flag(rating, company, current_user)
    except RatingError as error:
        return _refused(error, rating.rated)
    form = FlagForm()
    if form.validate_on_submit():
        flag(rating, company, current_user, form.reason.data)
        db.session.commit()
        flash(_("Thank you. The cluster management will look at this rating."), "success")
        return redirect(url_for(".company_ratings", company_id=rating.rated_company_id))
    return render_template("ratings/flag_rating.html", form=form, rating=rating)


@bp.route("/manage/ratings")
@manager_required
def manage():
    form = ModerationFilterForm(formdata=request.args)
    show_only = form.show.data if form.validate() else "all"
    ratings = paginate(moderation_queue(show_only).options(*ITEM_OPTIONS, selectinload(Rating.rated)))
    return render_template("ratings/manage.html", form=form, ratings=ratings, show_only=show_only)


def _back_to_queue(rating: Rating, error: RatingError):
    """Nothing to decide (hidden already, or shown and unreported): say so and go back."""
    flash(_message(error, rating.rated), "info")
    return redirect(safe_next("ratings.manage"))


@bp.route("/ratings/<int:rating_id>/hide", methods=["GET", "POST"])
@manager_required
def hide_rating(rating_id: int):
    rating = load_or_404(Rating, rating_id)
    try:
        check_may_hide(rating)
    except RatingError as error:
        return _back_to_queue(rating, error)
    form = HideForm()
    if form.validate_on_submit():
        hide(rating, current_user, form.reason.data)
        db.session.commit()
        flash(_("The rating of %(company)s is hidden.", company=rating.rated.name), "info")
        return redirect(safe_next("ratings.manage"))
    return render_template("ratings/hide_rating.html", form=form, rating=rating, reports=open_flags(rating))


@bp.route("/ratings/<int:rating_id>/show", methods=["GET", "POST"])
@manager_required
def show_rating(rating_id: int):
    rating = load_or_404(Rating, rating_id)
    try:
        check_may_show(rating)
    except RatingError as error:
        return _back_to_queue(rating, error)
    form = ShowForm()
    if form.validate_on_submit():
        show(rating, current_user, form.note.data or "")
        db.session.commit()
        flash(_("The rating of %(company)s is shown.", company=rating.rated.name), "success")
        return redirect(safe_next("ratings.manage"))
    return render_template("ratings/show_rating.html", form=form, rating=rating, reports=open_flags(rating))


@bp.route("/ratings/<int:rating_id>/history")
@manager_required
def history(rating_id: int):
    rating = load_or_404(Rating, rating_id)
    return render_template("ratings/history.html", rating=rating, actions=ACTIONS, as_written=as_written)
