"""One-time form tokens: a form that creates something is acted on once, however often it is sent.

The form carries a random token (`OnceField`); the view, wrapped in `submitted_once`, is skipped for a
token already used, and the browser is sent where the first submit led. The token is recorded by the
commit of the action itself (a session hook), so no answer lost after the commit can make a duplicate.
"""

import hashlib
import secrets
from functools import wraps

from flask import abort, g, has_request_context, redirect, request
from flask_login import current_user
from sqlalchemy import event, select, update
from wtforms import HiddenField

from clusterhub.extensions import db
from clusterhub.security.models import FormSubmission

FIELD = "once"


def OnceField() -> HiddenField:  # noqa: N802 - used like a field class in form definitions
    """The hidden one-time token of a form that creates something."""
    return HiddenField(default=lambda: secrets.token_urlsafe(24))


def _hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def _person_id() -> int | None:
    return current_user.id if current_user.is_authenticated else None


def _earlier(token: str) -> FormSubmission | None:
    found = db.session.scalar(select(FormSubmission).where(FormSubmission.token_hash == _hash(token)))
    if found is not None and found.user_id != _person_id():
        abort(400)  # someone else's token: nothing to show, nothing to do
    return found


def submitted_once(view):
    """Act on each one-time token once; a repeat is sent to the first submit's result."""

    @wraps(view)
    def guarded(*args, **kwargs):
        token = request.form.get(FIELD, "") if request.method == "POST" else ""
        if token:
            earlier = _earlier(token)
            if earlier is not None:
                return redirect(earlier.location)
            g.once_token = token
        response = view(*args, **kwargs)
        if g.pop("once_recorded", False) and response.status_code in (301, 302, 303):
            db.session.execute(
                update(FormSubmission)
                .where(FormSubmission.token_hash == _hash(token))
                .values(location=response.location)
            )
            db.session.commit()
        return response

    return guarded


def _record(session) -> None:
    # Added to the commit of the action: both are stored, or neither.
    if not has_request_context() or "once_token" not in g:
        return
    token = g.pop("once_token")
    session.add(FormSubmission(token_hash=_hash(token), user_id=_person_id(), location=request.path))
    g.once_recorded = True


def install(session_class) -> None:
    """Record one-time tokens in the commits of every session the app makes (once per process)."""
    if not event.contains(session_class, "before_commit", _record):
        event.listen(session_class, "before_commit", _record)
