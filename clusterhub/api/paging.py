"""Cursor pagination: a list answers one page and an opaque cursor for the next one.

The cursor is the position after the page's last item in the list's own order, signed so that a client
cannot forge one for another list. The services keep their orders stable (every order ends with the id),
so walking on with the cursor neither repeats nor skips an item of an unchanged list.
"""

import marshmallow as ma
from flask import current_app, request
from flask_smorest import abort
from itsdangerous import BadSignature, URLSafeSerializer

from clusterhub.extensions import db

DEFAULT_LIMIT = 20
MAX_LIMIT = 100


class PageArguments(ma.Schema):
    cursor = ma.fields.String(
        load_default=None, metadata={"description": "The `next_cursor` of the page before."}
    )
    limit = ma.fields.Integer(
        load_default=DEFAULT_LIMIT,
        validate=ma.validate.Range(1, MAX_LIMIT),
        metadata={"description": "How many items per page."},
    )


def page_schema(item_schema: type[ma.Schema], name: str) -> type[ma.Schema]:
    """The envelope of a list: its items and the cursor of the next page (null on the last)."""
    return ma.Schema.from_dict(
        {
            "items": ma.fields.List(ma.fields.Nested(item_schema), required=True),
            "next_cursor": ma.fields.String(allow_none=True, required=True),
        },
        name=name,
    )


def _serializer() -> URLSafeSerializer:
    return URLSafeSerializer(current_app.config["SECRET_KEY"], salt="api-cursor")


def _start(cursor: str | None) -> int:
    if not cursor:
        return 0
    try:
        where, start = _serializer().loads(cursor)
    except (BadSignature, ValueError, TypeError):
        start, where = -1, None
    if where != request.endpoint or not isinstance(start, int) or start < 0:
        abort(422, messages={"query": {"cursor": ["Not a cursor of this list."]}})
    return start


def _answer(items: list, start: int, limit: int, more: bool) -> dict:
    cursor = _serializer().dumps([request.endpoint, start + limit]) if more else None
    return {"items": items, "next_cursor": cursor}


def page_of_statement(statement, arguments: dict) -> dict:
    """One page of a service's SELECT."""
    start, limit = _start(arguments["cursor"]), arguments["limit"]
    rows = list(db.session.scalars(statement.offset(start).limit(limit + 1)).unique())
    return _answer(rows[:limit], start, limit, len(rows) > limit)


def page_of_list(items: list, arguments: dict) -> dict:
    """One page of a list a service computed in Python."""
    start, limit = _start(arguments["cursor"]), arguments["limit"]
    return _answer(items[start : start + limit], start, limit, len(items) > start + limit)
