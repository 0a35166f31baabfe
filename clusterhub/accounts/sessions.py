"""Signed-in browsers kept on the server, so that signing out, or ending a session elsewhere, is final.

The session and "keep me signed in" cookies carry the person's id and a secret made at each sign-in; the
database keeps only the secret's hash. A session lasts SESSION_HOURS without a request, or REMEMBER_DAYS
from the sign-in when the person asked to be kept signed in.
"""

import hashlib
import secrets
from datetime import timedelta

from flask import current_app, session
from flask.sessions import SecureCookieSessionInterface
from sqlalchemy import delete, select
from sqlalchemy.orm import contains_eager

from clusterhub.accounts.models import User, UserSession
from clusterhub.api import problems
from clusterhub.clock import utcnow
from clusterhub.extensions import db

BROWSER_MAX = 200
# How stale "last seen" may grow before a request writes it again: not one write per page view.
TOUCH_EVERY = timedelta(minutes=5)


def _hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def start_session(user: User, browser: str, remember: bool) -> UserSession:
    """A new session for a browser that just signed in; its secret is left on `user.session_token`."""
    token = secrets.token_urlsafe(32)
    signed_in = UserSession(
        user=user, token_hash=_hash(token), browser=browser[:BROWSER_MAX], remember=remember
    )
    db.session.add(signed_in)
    db.session.flush()
    user.session_token = token
    return signed_in


def _still_valid(signed_in: UserSession) -> bool:
    config, now = current_app.config, utcnow()
    if signed_in.remember:
        return signed_in.created_at > now - config["REMEMBER_COOKIE_DURATION"]
    return signed_in.last_seen_at > now - config["PERMANENT_SESSION_LIFETIME"]


def session_of(user_id: int, token: str) -> UserSession | None:
    """The live session a cookie names, or None when it was ended or has run out."""
    signed_in = db.session.scalar(
        select(UserSession)
        .join(UserSession.user)
        .options(contains_eager(UserSession.user))  # read on every request: one statement, not two
        .where(UserSession.user_id == user_id, UserSession.token_hash == _hash(token))
    )
    if signed_in is None or not _still_valid(signed_in) or not signed_in.user.is_active:
        return None
    signed_in.user.session_token = token
    return signed_in


def needs_touch(signed_in: UserSession) -> bool:
    """True when the session's "last seen" is old enough to be written again."""
    return signed_in.last_seen_at <= utcnow() - TOUCH_EVERY


def touch(signed_in: UserSession) -> None:
    """Record that the browser was seen now, and send its session cookie again so that its expiry rolls on
    with the server's."""
    signed_in.last_seen_at = utcnow()
    session.modified = True


class SessionCookie(SecureCookieSessionInterface):
    """The session cookie goes out only with a response that changed the session (or renewed it, `touch`).

    Flask would send it with every response of a permanent session. Then a response that changed nothing (a
    stylesheet, a second tab) but was under way while another one added a flash message put the older
    cookie back, and the message was lost. The API neither reads (clusterhub/api/blueprint.py) nor sends it.
    """

    def should_set_cookie(self, app, session) -> bool:
        return session.modified and not problems.wants_problem()


def sessions_of(user: User) -> list[UserSession]:
    """Where the person is signed in, the most recently seen first (ended and run-out ones left out)."""
    found = db.session.scalars(
        select(UserSession)
        .where(UserSession.user_id == user.id)
        .order_by(UserSession.last_seen_at.desc(), UserSession.id.desc())
    )
    return [signed_in for signed_in in found if _still_valid(signed_in)]


def end_session(user: User, session_id: int) -> bool:
    """End one of the person's own sessions; False when they have none of this id."""
    ended = db.session.execute(
        delete(UserSession).where(UserSession.id == session_id, UserSession.user_id == user.id)
    )
    return ended.rowcount == 1


def end_sessions(user: User, keep: UserSession | None = None) -> None:
    """End every session of the person, but `keep` (the browser that asked)."""
    statement = delete(UserSession).where(UserSession.user_id == user.id)
    if keep is not None:
        statement = statement.where(UserSession.id != keep.id)
    db.session.execute(statement)
