"""Counting the SQL statements a page sends, to prove it reads what it needs in a fixed number of them."""

import re
from contextlib import contextmanager

from sqlalchemy import event

from clusterhub.extensions import db


@contextmanager
def statements_sent(app):
    """The SQL statements sent meanwhile, as a list filled while the block runs."""
    sent: list[str] = []

    def remember(conn, cursor, statement, parameters, context, executemany):
        sent.append(statement)

    with app.app_context():
        engine = db.engine
    event.listen(engine, "before_cursor_execute", remember)
    try:
        yield sent
    finally:
        event.remove(engine, "before_cursor_execute", remember)


def ids_asked_for(statement: str, column: str) -> int:
    """How many values `column IN (…)` names in a sent statement, whatever the driver's placeholders."""
    found = re.search(rf"{re.escape(column)} IN \((.*?)\)(?:\s|$)", statement)
    return len(found.group(1).split(",")) if found else 0
