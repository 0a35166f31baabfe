"""Friendly error pages in the visitor's language."""

from flask import render_template
from flask_babel import lazy_gettext as _l
from flask_wtf.csrf import CSRFError

MESSAGES = {
    400: (_l("Bad request"), _l("The request could not be understood. Go back and try again.")),
    403: (_l("Not allowed"), _l("This page is for cluster managers only.")),
    404: (_l("Page not found"), _l("There is no such page, or you do not have access to it.")),
    405: (_l("Not allowed"), _l("This address does not accept that kind of request.")),
    429: (_l("Too many requests"), _l("Please wait a little and try again.")),
    500: (_l("Something went wrong"), _l("The error has been logged. Please try again later.")),
}
CSRF_MESSAGE = _l("The form has expired or was sent from elsewhere. Reload the page and send it again.")


def _page(error):
    code = getattr(error, "code", None) or 500
    title, message = MESSAGES.get(code, MESSAGES[500])
    return render_template("errors/error.html", code=code, title=title, message=message), code


def _csrf_failed(error):
    return render_template("errors/error.html", code=400, title=MESSAGES[400][0], message=CSRF_MESSAGE), 400


def init_app(app) -> None:
    """Register one handler for each status we show a page for."""
    for code in MESSAGES:
        app.register_error_handler(code, _page)
    app.register_error_handler(CSRFError, _csrf_failed)
