"""Every error under /api/ as RFC 9457 problem details (application/problem+json), never an HTML page."""

from flask import jsonify, request
from werkzeug.exceptions import HTTPException
from werkzeug.http import HTTP_STATUS_CODES

from clusterhub.extensions import db

API_PREFIX = "/api/"
MEDIA_TYPE = "application/problem+json"


def wants_problem() -> bool:
    """Whether the request was for the API, so its error is answered in JSON."""
    return request.path.startswith(API_PREFIX)


def _field_errors(messages, location: str = "", path: tuple = ()) -> list[dict]:
    """webargs' nested {location: {field: [messages]}} as a flat list, one entry per message."""
    if isinstance(messages, dict):
        found = []
        for key, inner in messages.items():
            if not location:
                found += _field_errors(inner, str(key), ())
            else:
                found += _field_errors(inner, location, (*path, str(key)))
        return found
    field = ".".join(path)
    return [
        {"location": location, "field": field, "pointer": "#/" + "/".join(path), "detail": str(message)}
        for message in (messages if isinstance(messages, list) else [messages])
    ]


def problem(status: int, detail: str = "", errors: list[dict] | None = None, headers: dict | None = None):
    """A problem-details response with the status's own title."""
    body = {"type": "about:blank", "title": HTTP_STATUS_CODES.get(status, "Error"), "status": status}
    if detail:
        body["detail"] = detail
    if errors:
        body["errors"] = errors
    response = jsonify(body)
    response.status_code = status
    response.mimetype = MEDIA_TYPE
    response.headers.update(headers or {})
    return response


def from_http_exception(error: HTTPException):
    """The problem for an abort(), a validation failure (422 with its fields) or a rate limit (429)."""
    if error.code is None or error.code < 400:
        return error  # 304 Not Modified from the ETag check is an answer, not a problem
    status = error.code
    data = getattr(error, "data", None) or {}
    errors = _field_errors(data["messages"]) if "messages" in data else None
    headers = dict(data.get("headers") or {})
    retry_after = getattr(error, "retry_after", None)
    if retry_after is not None:
        headers["Retry-After"] = str(retry_after)
    if status == 405 and hasattr(error, "valid_methods") and error.valid_methods:
        headers["Allow"] = ", ".join(error.valid_methods)
    detail = data.get("message") or (
        "" if error.description == type(error).description else error.description
    )
    return problem(status, str(detail or ""), errors, headers)


def from_conflict(error):
    """Two requests changed the same thing at the same instant: the later one is told to try again."""
    db.session.rollback()
    return problem(409, "Someone else changed the same thing at the same moment. Try again.")
