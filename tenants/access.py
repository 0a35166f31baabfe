"""Who may do what inside the current cluster."""

from functools import wraps

from flask import abort, g
from sqlalchemy import select
from werkzeug.local import LocalProxy

from clusterhub.extensions import db
from clusterhub.i18n import lazy_gettext as _l

current_membership = LocalProxy(lambda: g.get("membership"))
MANAGERS_ONLY = _l("This page is for cluster managers only.")


def manager_required(view):
    """Let only the cluster's managers in; other members get 403."""

    @wraps(view)
    def guarded(*args, **kwargs):
        if not current_membership or not current_membership.is_manager:
            abort(403, MANAGERS_ONLY)
        return view(*args, **kwargs)

    guarded.access = "manager"
    return guarded


def load_or_404(model, object_id: int):
    """One row of the current cluster by id; another cluster's id is simply not found.

    A SELECT rather than Session.get, so the cluster criteria apply even when the
    identity map already holds the row.
    """
    return db.one_or_404(select(model).where(model.id == object_id))
