"""Friendly error pages in the visitor's language."""

from flask import abort, render_template, request
from flask_wtf.csrf import CSRFError
from sqlalchemy.exc import IntegrityError

from clusterhub.api import problems
from clusterhub.extensions import db
from clusterhub.i18n import lazy_gettext as _l

MESSAGES = {
    400: (_l("Bad request"), _l("The request could not be understood. Go back and try again.")),
    403: (_l("Not allowed"), _l("You may not open this page.")),
    404: (_l("Page not found"), _l("There is no such page, or you do not have access to it.")),
    405: (_l("Not allowed"), _l("This address does not accept that kind of request.")),
    409: (
        _l("Changed at the same moment"),
        _l("Someone else saved the same thing at the same moment. Go back, reload the page and try again."),
    ),
    413: (_l("File too large"), _l("The file is larger than this platform accepts. Choose a smaller one.")),
    429: (_l("Too many requests"), _l("Please wait a little and try again.")),
    500: (_l("Something went wrong"), _l("The error has been logged. Please try again later.")),
}
CSRF_MESSAGE = _l("The form has expired or was sent from elsewhere. Reload the page and send it again.")


def _page(error):
    if problems.wants_problem():
        return problems.from_http_exception(error)
    code = getattr(error, "code", None) or 500
    title, message = MESSAGES.get(code, MESSAGES[500])
    # abort(403, reason) tells the visitor why; werkzeug's own English descriptions are replaced.
    if getattr(error, "description", None) not in (None, type(error).description):
        message = error.description
    return render_template("errors/error.html", code=code, title=title, message=message), code


def _conflict(error):
    # Forms check uniqueness first; this catches the race two people can still win at the same instant.
    if problems.wants_problem():
        return problems.from_conflict(error)
    db.session.rollback()
    title, message = MESSAGES[409]
    return render_template("errors/error.html", code=409, title=title, message=message), 409


def _csrf_failed(error):
    return render_template("errors/error.html", code=400, title=MESSAGES[400][0], message=CSRF_MESSAGE), 400


def _refuse_nul(endpoint, values) -> None:
    # No one types a NUL character, and PostgreSQL refuses it in any text, which would end in a 500 wherever
    # it reached a query (a slug, a search, a form field). Checked before any view or blueprint reads them.
    sent = [request.path, *request.args.keys(), *request.args.values()]
    if request.method == "POST":
        sent += [*request.form.keys(), *request.form.values()]
    # A malformed multipart part can come through as a None value: nothing to look into.
    if any("\x00" in text for text in sent if text):
        abort(400)


def init_app(app) -> None:
    """Register one handler for each status we show a page for, and refuse what no page could handle."""
    app.url_value_preprocessor(_refuse_nul)
    for code in MESSAGES:
        app.register_error_handler(code, _page)
    app.register_error_handler(CSRFError, _csrf_failed)
    app.register_error_handler(IntegrityError, _conflict)
