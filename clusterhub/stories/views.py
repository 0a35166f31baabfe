"""Success stories: the published list, drafting, editing, and the company's approval."""

from flask import abort, flash, redirect, render_template, url_for
from flask_babel import gettext as _
from flask_login import current_user

from clusterhub.companies.directory import current_member_companies
from clusterhub.companies.models import Company
from clusterhub.extensions import db
from clusterhub.forms import ConfirmForm
from clusterhub.i18n import lazy_gettext as _l
from clusterhub.navigation import paginate
from clusterhub.stories.forms import ManagerStoryForm, StoryForm
from clusterhub.stories.models import SuccessStory
from clusterhub.stories.services import (
    StoryError,
    decide,
    draft,
    may_decide,
    may_edit,
    may_read,
    published,
    unpublished_for,
    update_story,
)
from tenants.access import current_membership, load_or_404
from tenants.blueprint import TenantBlueprint

bp = TenantBlueprint("stories", __name__, "/stories")

NO_COMPANY = _l(
    "Your account does not represent a member company in this cluster, so you cannot write a story here. "
    "Tell a cluster manager about your success: they can write it with you."
)
DECIDED = _l("The company has decided about this story already; it can no longer be changed.")


def _readable(story_id: int) -> SuccessStory:
    """A story the visitor may read; a draft is not found by those who may not see it."""
    story = load_or_404(SuccessStory, story_id)
    if not may_read(story, current_membership):
        abort(404)
    return story


def _decidable(story_id: int) -> SuccessStory:
    story = _readable(story_id)
    if not may_decide(story, current_membership):
        abort(403, _("Only the people of the company the story is about may approve or decline it."))
    return story


def _decided_already(story: SuccessStory):
    flash(DECIDED, "info")
    return redirect(url_for(".detail", story_id=story.id))


def _form_for_new():
    if current_membership.is_manager:
        return ManagerStoryForm(
            current_member_companies(), data={"company_id": current_membership.company_id}
        )
    return StoryForm()


@bp.route("/")
def index():
    return render_template(
        "stories/index.html", stories=paginate(published()), unpublished=unpublished_for(current_membership)
    )


@bp.route("/new", methods=["GET", "POST"])
def new():
    form = _form_for_new()
    company = current_membership.company
    if (company or current_membership.is_manager) and form.validate_on_submit():
        if current_membership.is_manager:
            company = load_or_404(Company, form.company_id.data)
        try:
            story = draft(company, current_user._get_current_object(), form.title.data, form.body.data)
        except StoryError:
            flash(_("%(company)s is no longer a member of the cluster.", company=company.name), "error")
        else:
            db.session.commit()
            flash(
                _("The story is saved. It is published once %(company)s approves it.", company=company.name),
                "success",
            )
            return redirect(url_for(".detail", story_id=story.id))
    return render_template("stories/new.html", form=form, company=company, no_company=NO_COMPANY)


@bp.route("/<int:story_id>")
def detail(story_id: int):
    story = _readable(story_id)
    return render_template(
        "stories/detail.html",
        story=story,
        form=ConfirmForm(),
        can_edit=may_edit(story, current_membership),
        can_decide=may_decide(story, current_membership),
    )


@bp.route("/<int:story_id>/edit", methods=["GET", "POST"])
def edit(story_id: int):
    story = _readable(story_id)
    if not may_edit(story, current_membership):
        abort(403, _("Only the author of the story and the cluster managers may change it."))
    if story.status != "awaiting_approval":
        return _decided_already(story)
    form = StoryForm(obj=story)
    if form.validate_on_submit():
        update_story(story, form.title.data, form.body.data)
        db.session.commit()
        flash(_("The story was saved."), "success")
        return redirect(url_for(".detail", story_id=story.id))
    return render_template("stories/edit.html", form=form, story=story)


def _decide(story: SuccessStory, approved: bool, done: str):
    try:
        decide(story, current_user._get_current_object(), approved)
    except StoryError:
        return _decided_already(story)
    db.session.commit()
    flash(done, "success")
    return redirect(url_for(".detail", story_id=story.id))


@bp.route("/<int:story_id>/approve", methods=["POST"])
def approve(story_id: int):
    # CSRFProtect has checked the token already: the POST is the click on "Approve publication".
    return _decide(_decidable(story_id), True, _("The story is published in the cluster."))


@bp.route("/<int:story_id>/decline", methods=["GET", "POST"])
def decline(story_id: int):
    story = _decidable(story_id)
    if story.status != "awaiting_approval":
        return _decided_already(story)
    form = ConfirmForm()
    if form.validate_on_submit():
        return _decide(story, False, _("The story will not be published."))
    return render_template("stories/decline.html", form=form, story=story)
