"""News: managers post items, members read them and choose the digest, which carries an unsubscribe link."""

from flask import Blueprint, abort, flash, redirect, render_template, url_for
from flask_babel import gettext as _
from flask_login import current_user

from clusterhub.clock import local_today
from clusterhub.extensions import csrf, db
from clusterhub.forms import ConfirmForm
from clusterhub.groups.services import open_groups
from clusterhub.navigation import paginate
from clusterhub.news.digest import (
    history,
    membership_from_token,
    message_context,
    month_of,
    scheduled_day,
    send_now,
    subscribers,
)
from clusterhub.news.forms import DigestDayForm, NewsForm
from clusterhub.news.models import NewsItem
from clusterhub.news.services import delete_news, latest, newest_first, post_news, set_digest, update_news
from tenants.access import current_membership, load_or_404, manager_required
from tenants.blueprint import TenantBlueprint
from tenants.context import current_tenant

bp = TenantBlueprint("news", __name__)
# The unsubscribe link works without signing in: the signed token is the authority.
digest_bp = Blueprint("digest", __name__, url_prefix="/digest")


@bp.route("/news")
def index():
    return render_template("news/index.html", items=paginate(newest_first()), form=ConfirmForm())


@bp.route("/news/<int:news_id>")
def detail(news_id: int):
    return render_template("news/detail.html", item=load_or_404(NewsItem, news_id))


def _choose_digest(wanted: bool):
    # CSRFProtect has checked the token already: a POST is the member's own click.
    set_digest(current_membership, wanted)
    db.session.commit()
    if wanted:
        flash(_("You will get the monthly news digest by e-mail."), "success")
    else:
        flash(_("You will no longer get the monthly news digest."), "info")
    return redirect(url_for(".index"))


@bp.route("/news/subscribe", methods=["POST"])
def subscribe():
    return _choose_digest(True)


@bp.route("/news/unsubscribe", methods=["POST"])
def unsubscribe():
    return _choose_digest(False)


@bp.route("/manage/news")
@manager_required
def manage():
    return render_template("news/manage.html", items=paginate(newest_first()))


@bp.route("/manage/news/new", methods=["GET", "POST"])
@manager_required
def new():
    form = NewsForm(groups=open_groups())
    if form.validate_on_submit():
        item = post_news(current_user._get_current_object(), **form.values())
        db.session.commit()
        flash(_("The news item is published."), "success")
        return redirect(url_for(".detail", news_id=item.id))
    return render_template("news/new.html", form=form)


@bp.route("/manage/news/<int:news_id>/edit", methods=["GET", "POST"])
@manager_required
def edit(news_id: int):
    item = load_or_404(NewsItem, news_id)
    form = NewsForm(obj=item, groups=open_groups(), kept_group=item.group)
    if form.validate_on_submit():
        update_news(item, **form.values())
        db.session.commit()
        flash(_("The news item was saved."), "success")
        return redirect(url_for(".detail", news_id=item.id))
    return render_template("news/edit.html", form=form, item=item)


@bp.route("/manage/news/<int:news_id>/delete", methods=["GET", "POST"])
@manager_required
def delete(news_id: int):
    item = load_or_404(NewsItem, news_id)
    form = ConfirmForm()
    if form.validate_on_submit():
        delete_news(item)
        db.session.commit()
        flash(_("The news item “%(title)s” was deleted.", title=item.title), "info")
        return redirect(url_for(".manage"))
    return render_template("news/delete.html", form=form, item=item)


@bp.route("/manage/digest", methods=["GET", "POST"])
@manager_required
def manage_digest():
    form = DigestDayForm(day=current_tenant.digest_day)
    if form.validate_on_submit():
        current_tenant.digest_day = form.day.data
        db.session.commit()
        flash(_("The digest will be sent on day %(day)d of every month.", day=form.day.data), "success")
        return redirect(url_for(".manage_digest"))
    today = local_today()
    items = latest()
    preview = (
        render_template("mail/digest.txt", **message_context(current_membership, items, month_of(today)))
        if items
        else ""
    )
    return render_template(
        "news/digest.html",
        form=form,
        preview=preview,
        subscribers=len(subscribers()),
        next_day=scheduled_day(current_tenant, today),
        history=history(),
    )


@bp.route("/manage/digest/send", methods=["GET", "POST"])
@manager_required
def send_digest():
    month = month_of(local_today())
    form = ConfirmForm()
    if form.validate_on_submit():
        outcomes = send_now(current_tenant, month)
        db.session.commit()
        if outcomes is None:
            flash(_("There is no news to send yet: post a news item first."), "info")
        else:
            flash(
                _(
                    "The digest was sent. Members reached: %(sent)d; not delivered: %(failed)d "
                    "(tried again later).",
                    sent=outcomes["sent"],
                    failed=outcomes["failed"],
                ),
                "success",
            )
        return redirect(url_for(".manage_digest"))
    return render_template("news/send_digest.html", form=form, month=month, subscribers=len(subscribers()))


def _membership_or_404(token: str):
    membership = membership_from_token(token)
    if membership is None:
        abort(404, _("This unsubscribe link is not valid. You can choose your digests in your settings."))
    return membership


@digest_bp.route("/unsubscribe/<token>", methods=["GET", "POST"], endpoint="unsubscribe")
@csrf.exempt  # RFC 8058: the mail program POSTs "List-Unsubscribe=One-Click" with no form of ours
def unsubscribe_by_link(token: str):
    membership = _membership_or_404(token)
    set_digest(membership, False)
    db.session.commit()
    return render_template("news/unsubscribed.html", membership=membership, token=token, form=ConfirmForm())


@digest_bp.route("/subscribe/<token>", methods=["POST"], endpoint="subscribe")
def subscribe_by_link(token: str):
    membership = _membership_or_404(token)
    set_digest(membership, True)
    db.session.commit()
    return render_template("news/subscribed.html", membership=membership)
