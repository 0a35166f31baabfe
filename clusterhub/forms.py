"""The base form and forms shared by several features."""

from datetime import UTC, datetime

from flask_babel import get_translations, gettext, lazy_ngettext, ngettext, to_user_timezone, to_utc
from flask_wtf import FlaskForm
from markupsafe import Markup, escape
from wtforms import SelectMultipleField, StringField, ValidationError
from wtforms.fields.choices import SelectChoice
from wtforms.widgets import CheckboxInput, ListWidget, Select

from clusterhub.i18n import lazy_gettext as _l

# WTForms' own messages, named here so that extraction puts them into our catalogue:
# WTForms ships no Latvian translation of them.
WTFORMS_MESSAGES = (
    _l("This field is required."),
    _l("Invalid email address."),
    _l("Not a valid choice."),
    _l("Not a valid date value."),
    _l("Not a valid integer value."),
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


class LongSelect(Select):
    """A select of many plain options (a cluster's sectors: hundreds), each written directly rather than
    through WTForms' attribute builder, which was most of a directory page's form; the same markup."""

    @classmethod
    def render_option(cls, choice, **kwargs):
        if kwargs or choice.render_kw or isinstance(choice.value, bool):
            return super().render_option(choice, **kwargs)
        # Attributes in WTForms' order (sorted by name).
        selected = "selected " if choice.selected else ""
        label = escape(choice.label or choice.value)
        return Markup(f'<option {selected}value="{escape(choice.value)}">{label}</option>')


class CheckboxesField(SelectMultipleField):
    """Several choices, one checkbox each."""

    widget = ListWidget(prefix_label=False)
    option_widget = CheckboxInput()


INVALID_MOMENT = _l("Enter a date and a time, e.g. 2026-03-14 16:00.")
# What browsers send from a datetime-local input (with seconds if the value had them); the first is shown.
MOMENT_FORMATS = ["%Y-%m-%dT%H:%M", "%Y-%m-%dT%H:%M:%S", "%Y-%m-%d %H:%M"]
# A typo such as year 0202 would not survive the time-zone arithmetic; no event is that far off.
YEARS = (2000, 2100)


def plausible_year(form, field):
    """A date-time field's year within YEARS."""
    if field.data and not YEARS[0] <= field.data.year <= YEARS[1]:
        raise ValidationError(
            _l("Enter a year between %(first)d and %(last)d.", first=YEARS[0], last=YEARS[1])
        )


def wall_clock(moment: datetime | None) -> datetime | None:
    """A stored UTC time as the wall-clock time a form shows (Rīga, the platform's time zone)."""
    return to_user_timezone(moment).replace(tzinfo=None) if moment else None


def from_wall_clock(moment: datetime | None) -> datetime | None:
    """A wall-clock time typed into a form as the UTC time the database keeps."""
    return to_utc(moment).replace(tzinfo=UTC) if moment else None


MAX_TAGS = 30
MAX_TAG_LENGTH = 100  # the tag columns' length


class TagsField(StringField):
    """Names separated by commas in the input, a list of names in `data`."""

    def _value(self):
        return ", ".join(self.data or [])

    def process_formdata(self, valuelist):
        text = valuelist[0] if valuelist else ""
        self.data = [name for name in (" ".join(part.split()) for part in text.split(",")) if name]


def _tags_within_limits(form, field):
    if len(field.data) > MAX_TAGS:
        raise ValidationError(ngettext("At most %(num)d tag.", "At most %(num)d tags.", MAX_TAGS))
    for name in field.data:
        if len(name) > MAX_TAG_LENGTH:
            raise ValidationError(
                gettext(
                    "“%(name)s…” is too long: a tag has at most %(num)d characters.",
                    name=name[:30],
                    num=MAX_TAG_LENGTH,
                )
            )


def tags_field(label, description) -> TagsField:
    """Comma-separated tags (sectors, competences, a post's keywords), within the columns' limits."""
    # data-tags: tag-suggestions.js offers the vocabulary's names while typing.
    return TagsField(
        label, validators=[_tags_within_limits], description=description, render_kw={"data-tags": ""}
    )


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
