"""The catalogue's forms: a service, a use (by the member or the manager), feedback on a use."""

from wtforms import BooleanField, DateField, RadioField, SelectField, StringField, TextAreaField
from wtforms.validators import DataRequired, InputRequired, Length, ValidationError

from clusterhub.catalogue.models import ServiceFeedback
from clusterhub.clock import local_today
from clusterhub.forms import ConfirmForm, Form, options
from clusterhub.i18n import lazy_gettext as _l
from clusterhub.labels import SERVICE_KINDS
from clusterhub.ratings.forms import SCORE_CHOICES

# The columns' length; the form says so before the database would.
QUOTE_MAX = ServiceFeedback.worked.type.length
DESCRIPTION_MAX = 5000


def _strip(value):
    return value.strip() if value else value


class ServiceForm(Form):
    name = StringField(_l("Service name"), validators=[DataRequired(), Length(max=200)], filters=[_strip])
    kind = SelectField(_l("Kind"), choices=options(SERVICE_KINDS.items()))
    description = TextAreaField(
        _l("What it is"),
        validators=[Length(max=DESCRIPTION_MAX)],
        description=_l(
            "What members get, for whom it is meant and how to take part. "
            "You can write **bold**, lists and links."
        ),
    )


def _not_in_future(form, field):
    if field.data and field.data > local_today():
        raise ValidationError(_l("The day cannot be in the future."))


def _day_of_use():
    return DateField(_l("Day of use"), validators=[InputRequired(), _not_in_future], default=local_today)


class UseForm(Form):
    """The member's "We used this": the day, today unless told."""

    used_on = _day_of_use()


class RecordUseForm(Form):
    """The manager records a use for any member company."""

    company = SelectField(_l("Company"), validators=[InputRequired()])
    used_on = _day_of_use()

    def __init__(self, *args, companies=(), **kwargs):
        super().__init__(*args, **kwargs)
        # Ids as strings: an id that is not offered is "not a valid choice" next to the field.
        self.company.choices = options(((str(c.id), c.name) for c in companies), _l("Choose…"))


def _quote(label, description):
    return TextAreaField(
        label,
        validators=[Length(max=QUOTE_MAX)],
        filters=[_strip],
        description=description,
        render_kw={"maxlength": QUOTE_MAX, "rows": 3},
    )


class FeedbackForm(Form):
    # Strings, like the ratings' scores: anything outside 1–5 is "not a valid choice" next to the field.
    score = RadioField(_l("Your score"), choices=SCORE_CHOICES[1:], coerce=str, validators=[InputRequired()])
    worked = _quote(_l("What worked"), _l("A sentence or two. Shown in the quarterly report without names."))
    change = _quote(_l("What to change"), _l("What would make it more useful for your company next time."))


class PublishForm(ConfirmForm):
    """Publishing a quarter's report; while the quarter runs the manager says it is preliminary."""

    preliminary = BooleanField(_l("Publish it as a preliminary report: the quarter is not over yet"))
