"""Forms shared by several features."""

from flask_wtf import FlaskForm


class ConfirmForm(FlaskForm):
    """Only the CSRF token: the page itself asks the question, the button answers it."""
