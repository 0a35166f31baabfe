"""The needs-and-offers board, the contact threads it opens, and collaborations."""

from typing import NamedTuple

from flask import abort, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user

from clusterhub.companies.models import Company
from clusterhub.companies.services import can_edit
from clusterhub.extensions import db
from clusterhub.forms import ConfirmForm
from clusterhub.groups.services import open_groups
from clusterhub.i18n import lazy_gettext as _l
from clusterhub.labels import label
from clusterhub.navigation import paginate
from clusterhub.posts.forms import (
    MAX_SUBJECT,
    AnswerForm,
    BoardFilterForm,
    ContactForm,
    NewPostForm,
    PostForm,
)
from clusterhub.posts.models import Post, Thread
from clusterhub.posts.services import (
    answers_to,
    board_page,
    contact,
    create_post,
    is_expired,
    mark_collaboration,
    posts_of,
    refusal_to_answer,
    refusal_to_contact,
    respond,
    send_message,
    set_status,
    thread_about,
    threads_of,
    update_post,
)
from clusterhub.security.limits import limited
from clusterhub.security.once import submitted_once
from tenants.access import current_membership, load_or_404
from tenants.blueprint import TenantBlueprint

bp = TenantBlueprint("posts", __name__)
# Profiles and lists in other features show a company's posts with the same status words.
bp.add_app_template_global(is_expired)

REASONS = {
    "no_company": _l(
        "Your account does not represent a member company in this cluster, so you cannot post, answer or "
        "write to companies here. A cluster manager can link your account to a company."
    ),
    "own_post": _l("This is your company's own post: other companies answer it."),
    "closed": _l("This post is closed and can no longer be answered."),
    "expired": _l("This post has expired and can no longer be answered."),
    "own_company": _l("This is your own company."),
    "former_member": _l("This company is no longer a member of the cluster, so it cannot be contacted here."),
}


class StatusChange(NamedTuple):
    status: str
    allowed_from: tuple[str, ...]
    title: str
    question: str
    done: str


STATUS_CHANGES = {
    "close": StatusChange(
        "fulfilled",
        ("open",),
        _l("Mark the post as fulfilled"),
        _l("Mark “%(title)s” as fulfilled? It leaves the open listing; its conversations stay."),
        _l("The post is marked as fulfilled."),
    ),
    "reopen": StatusChange(
        "open",
        ("fulfilled", "withdrawn"),
        _l("Reopen the post"),
        _l("Reopen “%(title)s”? It returns to the board and can be answered again."),
        _l("The post is open again."),
    ),
    "withdraw": StatusChange(
        "withdrawn",
        ("open",),
        _l("Withdraw the post"),
        _l("Withdraw “%(title)s”? It leaves the board but is not deleted: you can reopen it later."),
        _l("The post was withdrawn."),
    ),
}


def _me():
    """The signed-in person as a model object, for the services to store as an author."""
    return current_user._get_current_object()


def _my_company() -> Company | None:
    return current_membership.company


def _manageable_post(post_id: int) -> Post:
    """A post the visitor may change: their company's own, or any post for a manager."""
    post = load_or_404(Post, post_id)
    if not can_edit(current_membership, post.company):
        abort(
            403,
            _("Only the people of the company that wrote the post and the cluster managers may change it."),
        )
    return post


def _my_thread(thread_id: int) -> Thread:
    """A conversation of the visitor's company; anyone else, managers too, is told it does not exist."""
    thread = load_or_404(Thread, thread_id)
    if not thread.involves(current_membership.company_id):
        abort(404)
    return thread


@bp.route("/posts")
def index():
    form = BoardFilterForm(request.args, groups=open_groups())
    filters = form.filters()
    posts = board_page(**filters)
    return render_template("posts/index.html", form=form, posts=posts, filters=filters)


@bp.route("/posts/mine")
def mine():
    company = _my_company()
    posts = paginate(posts_of(company.id)) if company else None
    return render_template("posts/mine.html", company=company, posts=posts, no_company=REASONS["no_company"])


@bp.route("/posts/new", methods=["GET", "POST"])
@limited("posting")
@submitted_once
def new():
    company = _my_company()
    form = NewPostForm(groups=open_groups())
    if company is not None and form.validate_on_submit():
        post = create_post(company, _me(), **form.values())
        db.session.commit()
        flash(_("Your post is on the board."), "success")
        return redirect(url_for(".detail", post_id=post.id))
    return render_template("posts/new.html", form=form, company=company, no_company=REASONS["no_company"])


@bp.route("/posts/<int:post_id>", methods=["GET", "POST"])
@limited("posting")
@submitted_once
def detail(post_id: int):
    post = load_or_404(Post, post_id)
    company = _my_company()
    form = AnswerForm()
    reason = refusal_to_answer(post, company)
    if reason is None and form.validate_on_submit():
        thread = respond(post, company, _me(), form.body.data)
        db.session.commit()
        flash(_("Your answer was sent to %(company)s.", company=post.company.name), "success")
        return redirect(url_for(".thread", thread_id=thread.id))
    own = reason == "own_post"
    return render_template(
        "posts/detail.html",
        post=post,
        form=form,
        refusal=REASONS.get(reason),
        own=own,
        answers=answers_to(post) if own else [],
        my_thread=thread_about(post, company),
        can_manage=can_edit(current_membership, post.company),
    )


@bp.route("/posts/<int:post_id>/edit", methods=["GET", "POST"])
def edit(post_id: int):
    post = _manageable_post(post_id)
    form = PostForm(
        data=PostForm.data_of(post), kept_date=post.valid_until, groups=open_groups(), kept_group=post.group
    )
    if form.validate_on_submit():
        update_post(post, form.values())
        db.session.commit()
        flash(_("The post was saved."), "success")
        return redirect(url_for(".detail", post_id=post.id))
    return render_template("posts/edit.html", form=form, post=post)


def _change_status(post_id: int, action: str):
    """Ask, then close, reopen or withdraw a post."""
    post = _manageable_post(post_id)
    change = STATUS_CHANGES[action]
    if post.status not in change.allowed_from:
        flash(
            _(
                "This cannot be done while the post's status is: %(status)s.",
                status=label("status", post.status),
            ),
            "info",
        )
        return redirect(url_for(".detail", post_id=post.id))
    form = ConfirmForm()
    if form.validate_on_submit():
        set_status(post, change.status)
        db.session.commit()
        flash(change.done, "success")
        if is_expired(post):
            flash(_("Its last day has passed: edit the date to show it on the open board."), "info")
        return redirect(url_for(".detail", post_id=post.id))
    return render_template("posts/change_status.html", form=form, post=post, change=change)


@bp.route("/posts/<int:post_id>/close", methods=["GET", "POST"])
def close(post_id: int):
    return _change_status(post_id, "close")


@bp.route("/posts/<int:post_id>/reopen", methods=["GET", "POST"])
def reopen(post_id: int):
    return _change_status(post_id, "reopen")


@bp.route("/posts/<int:post_id>/withdraw", methods=["GET", "POST"])
def withdraw(post_id: int):
    return _change_status(post_id, "withdraw")


@bp.route("/threads")
def threads():
    company = _my_company()
    page = paginate(threads_of(company.id)) if company else None
    return render_template(
        "posts/threads.html", company=company, threads=page, no_company=REASONS["no_company"]
    )


@bp.route("/threads/<int:thread_id>", methods=["GET", "POST"])
@limited("posting")
@submitted_once
def thread(thread_id: int):
    thread = _my_thread(thread_id)
    form = AnswerForm()
    if form.validate_on_submit():
        send_message(thread, _my_company(), _me(), form.body.data)
        db.session.commit()
        flash(_("Your message was sent."), "success")
        return redirect(url_for(".thread", thread_id=thread.id))
    other = thread.other_company(current_membership.company_id)
    return render_template("posts/thread.html", thread=thread, other=other, form=form)


@bp.route("/threads/<int:thread_id>/collaboration", methods=["GET", "POST"])
def collaboration(thread_id: int):
    thread = _my_thread(thread_id)
    form = ConfirmForm()
    if form.validate_on_submit():
        recorded_before = thread.collaboration is not None
        mark_collaboration(thread, _my_company(), _me())
        db.session.commit()
        if recorded_before:
            flash(_("This collaboration was recorded already."), "info")
        else:
            flash(_("Recorded: you started working together."), "success")
        return redirect(url_for(".thread", thread_id=thread.id))
    other = thread.other_company(current_membership.company_id)
    return render_template("posts/collaboration.html", thread=thread, other=other, form=form)


@bp.route("/companies/<int:company_id>/contact", methods=["GET", "POST"])
@limited("posting")
@submitted_once
def contact_company(company_id: int):
    other = load_or_404(Company, company_id)
    company = _my_company()
    # A suggestion's Contact link names what the message is about (?subject=…).
    form = ContactForm(data={"subject": request.args.get("subject", "")[:MAX_SUBJECT]})
    reason = refusal_to_contact(company, other)
    if reason is None and form.validate_on_submit():
        thread = contact(company, other, _me(), form.subject.data, form.body.data)
        db.session.commit()
        flash(_("Your message was sent to %(company)s.", company=other.name), "success")
        return redirect(url_for(".thread", thread_id=thread.id))
    return render_template("posts/contact_company.html", form=form, other=other, refusal=REASONS.get(reason))
