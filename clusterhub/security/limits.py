"""Rate limits: fixed windows counted in the database, so every worker process sees the same hits.

A limit has a name in the RATE_LIMITS setting: (hits allowed, window in seconds). Each hit is counted in its
own short transaction, apart from the request's: a form that fails validation (nothing committed) still
counts, and a view that rolls back cannot undo the count.
"""

import hashlib
from functools import wraps

from flask import current_app, render_template, request
from flask_babel import ngettext
from flask_login import current_user
from sqlalchemy import select
from sqlalchemy.dialects import postgresql, sqlite
from werkzeug.exceptions import TooManyRequests

from clusterhub.api import problems
from clusterhub.clock import utcnow
from clusterhub.errors import MESSAGES
from clusterhub.extensions import db
from clusterhub.security import audit
from clusterhub.security.models import RateCount

_INSERTS = {"sqlite": sqlite.insert, "postgresql": postgresql.insert}


class RateLimited(TooManyRequests):
    """One limit was passed; `retry_after` says in how many seconds its window ends."""

    def __init__(self, retry_after: int):
        super().__init__()
        self.retry_after = retry_after


def _now() -> float:
    return utcnow().timestamp()


def _count(key: str, window_start: int) -> int:
    """Add one hit to the key's window and return the hits so far; atomic across processes."""
    insert = _INSERTS[db.engine.dialect.name](RateCount).values(key=key, window_start=window_start, hits=1)
    statement = insert.on_conflict_do_update(
        index_elements=[RateCount.key, RateCount.window_start], set_={"hits": RateCount.hits + 1}
    ).returning(RateCount.hits)
    with db.engine.begin() as connection:
        return connection.scalar(statement)


def _window(name: str) -> tuple[int, int, int]:
    """The limit's hits allowed, its window's length in seconds and the start of the current window."""
    allowed, seconds = current_app.config["RATE_LIMITS"][name]
    return allowed, seconds, int(_now() // seconds * seconds)


def room(name: str, key: str) -> int | None:
    """How many hits the limit `name` still allows `key` in the current window (None: limits are off)."""
    if not current_app.config["RATE_LIMITS_ENABLED"]:
        return None
    allowed, _, window_start = _window(name)
    hits = db.session.scalar(
        select(RateCount.hits).where(RateCount.key == f"{name}:{key}", RateCount.window_start == window_start)
    )
    return max(0, allowed - (hits or 0))


def take(name: str, key: str, hits: int) -> None:
    """Count `hits` at once against the limit `name`, all or none; raise RateLimited (nothing counted) when
    they would pass it.

    Unlike `check`, the count joins the session's transaction: it is for an action that does many things at
    once (an import's invitations), which keeps its count only if it is committed, and may run after the
    action's first writes (a second connection would wait for SQLite's write lock the session holds).
    """
    if not current_app.config["RATE_LIMITS_ENABLED"] or hits <= 0:
        return
    allowed, seconds, window_start = _window(name)
    counted = None
    if hits <= allowed:
        insert = _INSERTS[db.engine.dialect.name](RateCount).values(
            key=f"{name}:{key}", window_start=window_start, hits=hits
        )
        statement = insert.on_conflict_do_update(
            index_elements=[RateCount.key, RateCount.window_start],
            set_={"hits": RateCount.hits + hits},
            where=RateCount.hits + hits <= allowed,
        ).returning(RateCount.hits)
        counted = db.session.scalar(statement)
    if counted is None:
        raise RateLimited(retry_after=max(1, int(window_start + seconds - _now())))


def hashed(value: str) -> str:
    """A key part that identifies a person's e-mail without storing it."""
    return hashlib.sha256(value.encode()).hexdigest()[:24]


def check(name: str, key: str) -> None:
    """Count one hit of the limit `name` for `key` (an address or a person); raise RateLimited past it.

    Call it before the action changes anything: on refusal the audit event is committed at once.
    """
    if not current_app.config["RATE_LIMITS_ENABLED"]:
        return
    allowed, seconds, window_start = _window(name)
    hits = _count(f"{name}:{key}", window_start)
    if hits <= allowed:
        return
    # One event per key and window: a client hammering on does not flood the log.
    if hits == allowed + 1:
        audit.record("rate_limited", subject=f"limit:{name}")
        db.session.commit()
    raise RateLimited(retry_after=max(1, int(window_start + seconds - _now())))


def by_address() -> str:
    return f"ip:{request.remote_addr or ''}"


def by_person() -> str:
    return f"user:{current_user.id}"


def limited(name: str, key=by_person):
    """Count every POST to the view against the limit `name`, per person (default) or `key=by_address`."""

    def decorate(view):
        @wraps(view)
        def limited_view(*args, **kwargs):
            if request.method == "POST":
                check(name, key())
            return view(*args, **kwargs)

        return limited_view

    return decorate


def _refused(error: RateLimited):
    if problems.wants_problem():
        return problems.from_http_exception(error)
    minutes = -(-error.retry_after // 60)
    message = ngettext(
        "You have done this too often in a short time. Wait %(num)d minute and try again.",
        "You have done this too often in a short time. Wait %(num)d minutes and try again.",
        minutes,
    )
    page = render_template("errors/error.html", code=429, title=MESSAGES[429][0], message=message)
    return page, 429, {"Retry-After": str(error.retry_after)}


def install(app) -> None:
    """The page shown when a limit is passed, in the visitor's language, with Retry-After."""
    app.register_error_handler(RateLimited, _refused)
