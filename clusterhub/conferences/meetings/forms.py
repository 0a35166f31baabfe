"""The forms that ask for a 1:1 meeting and propose another time for one."""

from datetime import datetime

from wtforms import SelectField, TextAreaField
from wtforms.validators import DataRequired, Length, ValidationError

from clusterhub.conferences.slots import slot_end
from clusterhub.dates import clock_time, short_date
from clusterhub.events.models import Event
from clusterhub.forms import Form, options
from clusterhub.i18n import lazy_gettext as _l

TAKEN = _l("That time is no longer free for both of you. Choose another one.")


def slot_label(event: Event, start: datetime) -> str:
    """A slot as the visitor reads it: the day and its start and end on the Rīga wall clock."""
    end = slot_end(event, start)
    return f"{short_date(start)}, {clock_time(start)}–{clock_time(end)}"


class SlotForm(Form):
    """A choice among the slots free for both participants (their starts in UTC, ISO-formatted)."""

    # A time taken since the page was shown is no longer among the choices: say so rather than
    # WTForms' "Not a valid choice".
    slot = SelectField(_l("Time slot"), validators=[DataRequired()], validate_choice=False)

    def __init__(self, *args, event: Event, slots: list[datetime], **kwargs):
        super().__init__(*args, **kwargs)
        self.slot.choices = options(
            ((start.isoformat(), slot_label(event, start)) for start in slots), blank=_l("Choose a time")
        )

    def validate_slot(self, field):
        if field.data not in {choice.value for choice in field.choices}:
            raise ValidationError(TAKEN)

    def starts_at(self) -> datetime:
        """The chosen slot's start (UTC)."""
        return datetime.fromisoformat(self.slot.data)


class RequestMeetingForm(SlotForm):
    message = TextAreaField(
        _l("Message"),
        validators=[Length(max=2000)],
        description=_l("Optional: what you would like to talk about."),
    )
