"""Structured logs: one JSON line per request, and the request id and cluster on every log record.

Personal data never goes into a log: requests are logged by user id, without query strings (search
words) and without secret link tokens, and anything that looks like an e-mail address is masked.
"""

import json
import logging
import re
import time
import uuid
from datetime import UTC, datetime

from flask import g, has_app_context, has_request_context, request, request_started
from sqlalchemy import inspect
from werkzeug.middleware.proxy_fix import ProxyFix

REQUEST_ID_HEADER = "X-Request-Id"
# A request id from the proxy is kept only when it looks like one: anything else could forge log lines.
REQUEST_ID = re.compile(r"[A-Za-z0-9._:-]{1,128}")
# Route arguments that are secrets (invitation, password reset and unsubscribe links): the route is logged.
SECRET_ARGUMENTS = frozenset({"token"})
EMAIL = re.compile(r"[^\s@<>\"'(),;:\[\]]+@[^\s@<>\"'(),;:\[\]]+\.[A-Za-z]{2,}")
EMAIL_MASK = "<e-mail>"

request_log = logging.getLogger("clusterhub.requests")


def masked(text: str) -> str:
    """`text` with every e-mail address replaced (exception messages can carry one: SMTP refusals)."""
    return EMAIL.sub(EMAIL_MASK, text)


class JsonFormatter(logging.Formatter):
    """One JSON object per line: time, level, logger, message, request id, cluster, the record's fields."""

    def format(self, record: logging.LogRecord) -> str:
        entry = {
            "time": datetime.fromtimestamp(record.created, UTC).isoformat(timespec="milliseconds"),
            "level": record.levelname,
            "logger": record.name,
            "message": masked(record.getMessage()),
            "request_id": getattr(record, "request_id", None),
            "tenant": getattr(record, "tenant", None),
            **getattr(record, "fields", {}),
        }
        if record.exc_info:
            entry["exception"] = masked(self.formatException(record.exc_info))
        return json.dumps(entry, ensure_ascii=False, default=str)


class RequestContext(logging.Filter):
    """Adds the request id and the cluster's slug to every record that passes the handler."""

    def filter(self, record: logging.LogRecord) -> bool:
        record.request_id = g.get("request_id") if has_request_context() else None
        record.tenant = tenant_slug() if has_app_context() else None
        return True


def tenant_slug() -> str | None:
    """The slug of the cluster the current work is scoped to, read without touching the database."""
    tenant = g.get("tenant")
    if tenant is None:
        return None
    known = g.get("log_tenant")
    if known is None or known[0] is not tenant:
        # After a commit the attribute is expired; a log call must not run a query to reload it.
        slug = inspect(tenant).dict.get("slug")
        if slug is None:
            return None
        known = g.log_tenant = (tenant, slug)
    return known[1]


def log_handler(stream=None) -> logging.Handler:
    """A handler writing JSON lines (to stderr unless `stream` is given)."""
    handler = logging.StreamHandler(stream)
    handler.setFormatter(JsonFormatter())
    handler.addFilter(RequestContext())
    return handler


def _configure_logging(level: str) -> None:
    root = logging.getLogger()
    if not any(isinstance(handler.formatter, JsonFormatter) for handler in root.handlers):
        root.addHandler(log_handler())
    root.setLevel(level)
    # The request line below replaces the development server's, which would show query strings.
    logging.getLogger("werkzeug").setLevel(logging.WARNING)


def _remember_tenant() -> None:
    # Read while the cluster is freshly loaded; later in the request a commit expires it.
    tenant_slug()


def _start(sender, **extra) -> None:
    # Sent before the cluster is resolved, so even a 404 for an unknown cluster is timed and has an id.
    g.request_started = time.perf_counter()
    given = request.headers.get(REQUEST_ID_HEADER, "")
    g.request_id = given if REQUEST_ID.fullmatch(given) else uuid.uuid4().hex


def _logged_path() -> str:
    if request.url_rule is not None and SECRET_ARGUMENTS & (request.view_args or {}).keys():
        return request.url_rule.rule
    return request.path


def _user_id() -> int | None:
    # Flask-Login keeps the user it loaded on g; asking current_user here would load one for every
    # static file, and fail when the database is what went wrong.
    return getattr(g.get("_login_user"), "id", None)


def _finish(response):
    response.headers[REQUEST_ID_HEADER] = g.request_id
    fields = {
        "method": request.method,
        "path": _logged_path(),
        "status": response.status_code,
        "ms": round((time.perf_counter() - g.request_started) * 1000, 1),
        "user_id": _user_id(),
    }
    request_log.info("%s %s %s", fields["method"], fields["path"], fields["status"], extra={"fields": fields})
    return response


def init_app(app) -> None:
    """Trust the reverse proxy's headers (PROXY_COUNT), log JSON lines, one per request."""
    proxies = app.config["PROXY_COUNT"]
    if proxies:
        app.wsgi_app = ProxyFix(app.wsgi_app, x_for=proxies, x_proto=proxies, x_host=proxies)
    # Tests capture log records themselves (caplog); a handler bound to their swapped stderr would break.
    if not app.testing:
        _configure_logging(app.config["LOG_LEVEL"])
    request_started.connect(_start, app)
    app.before_request(_remember_tenant)
    app.after_request(_finish)
