"""A person's notifications in a cluster: the list, following one, marking all as read."""

from flask import flash, g, redirect, render_template, url_for
from flask_babel import gettext as _
from flask_login import current_user
from sqlalchemy import select

from clusterhub.extensions import db
from clusterhub.forms import ConfirmForm
from clusterhub.navigation import paginate
from clusterhub.notifications.models import Notification
from clusterhub.notifications.services import (
    mark_all_read,
    mark_read,
    notifications_of,
    text_of,
    unread_by_cluster,
)
from tenants.blueprint import TenantBlueprint

bp = TenantBlueprint("notifications", __name__, "/notifications")


@bp.app_context_processor
def unread():
    """Unread counts for the navigation, counted only when a page asks for them."""
    return {
        "unread_notifications": lambda: _unread_by_cluster().get(g.tenant_id, 0),
        "unread_by_cluster": _unread_by_cluster,
    }


def _unread_by_cluster() -> dict[int, int]:
    # The switcher, the menu and the home page all ask: counted once per request.
    if "unread_by_cluster" not in g:
        g.unread_by_cluster = unread_by_cluster(current_user) if current_user.is_authenticated else {}
    return g.unread_by_cluster


@bp.route("/")
def index():
    notifications = paginate(notifications_of(current_user))
    return render_template(
        "notifications/index.html", notifications=notifications, form=ConfirmForm(), text_of=text_of
    )


@bp.route("/read", methods=["POST"])
def read_all():
    # CSRFProtect has checked the token already: a POST is the person's own click.
    mark_all_read(current_user)
    db.session.commit()
    flash(_("All notifications are marked as read."), "success")
    return redirect(url_for(".index"))


@bp.route("/<int:notification_id>")
def follow(notification_id: int):
    """Open what a notification is about; that counts as reading it."""
    mine = select(Notification).where(
        Notification.id == notification_id, Notification.user_id == current_user.id
    )
    notification = db.one_or_404(mine)
    mark_read(notification)
    db.session.commit()
    return redirect(notification.link or url_for(".index"))
