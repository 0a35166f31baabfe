"""The base form and forms shared by several features."""

from flask_babel import get_translations, lazy_ngettext
from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import SelectMultipleField
from wtforms.fields.choices import SelectChoice
from wtforms.widgets import CheckboxInput, ListWidget

# WTForms' own messages, named here so that extraction puts them into our catalogue:
# WTForms ships no Latvian translation of them.
WTFORMS_MESSAGES = (
    _l("This field is required."),
    _l("Invalid email address."),
    _l("Not a valid choice."),
    _l("Not a valid date value."),
    _l("'%(value)s' is not a valid choice for this field."),
    _l("Field must be between %(min)d and %(max)d characters long."),
    lazy_ngettext(
        "Field must be at least %(min)d character long.", "Field must be at least %(min)d characters long.", 1
    ),
    lazy_ngettext(
        "Field cannot be longer than %(max)d character.", "Field cannot be longer than %(max)d characters.", 1
    ),
)


def options(pairs, blank=None) -> list[SelectChoice]:
    """Select-field choices from (value, label) pairs, optionally after a blank "any"/"none" choice."""
    choices = [SelectChoice(value, text) for value, text in pairs]
    return [SelectChoice("", blank), *choices] if blank else choices


class CheckboxesField(SelectMultipleField):
    """Several choices, one checkbox each."""

    widget = ListWidget(prefix_label=False)
    option_widget = CheckboxInput()


class _CatalogueTranslations:
    """Hands WTForms' messages to our catalogue; WTForms itself fills in %(min)d and the like."""

    def gettext(self, string):
        return get_translations().ugettext(string)

    def ngettext(self, singular, plural, n):
        return get_translations().ungettext(singular, plural, n)


class Form(FlaskForm):
    """Every form of the platform: CSRF from Flask-WTF, error messages in the visitor's language."""

    class Meta:
        def get_translations(self, form):
            return _CatalogueTranslations()


class ConfirmForm(Form):
    """Only the CSRF token: the page itself asks the question, the button answers it."""
