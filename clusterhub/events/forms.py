"""The managers' event form and attendance list."""

from datetime import UTC, datetime

from flask_babel import lazy_gettext as _l
from flask_babel import to_user_timezone, to_utc
from wtforms import BooleanField, DateTimeLocalField, SelectField, StringField, TextAreaField
from wtforms.validators import DataRequired, InputRequired, Length, Optional, ValidationError

from clusterhub.events.models import CLUSTER_KINDS
from clusterhub.forms import CheckboxesField, Form, options
from clusterhub.labels import EVENT_KINDS
from clusterhub.posts.forms import MARKDOWN_HELP

INVALID_MOMENT = _l("Enter a date and a time, e.g. 2026-03-14 16:00.")
# What browsers send from a datetime-local input (with seconds if the value had them); the first is shown.
MOMENT_FORMATS = ["%Y-%m-%dT%H:%M", "%Y-%m-%dT%H:%M:%S", "%Y-%m-%d %H:%M"]
# A typo such as year 0202 would not survive the time-zone arithmetic; no cluster event is that far off.
YEARS = (2000, 2100)


def _plausible_year(form, field):
    if field.data and not YEARS[0] <= field.data.year <= YEARS[1]:
        raise ValidationError(
            _l("Enter a year between %(first)d and %(last)d.", first=YEARS[0], last=YEARS[1])
        )


def _local(moment: datetime | None) -> datetime | None:
    """A stored UTC time as the wall-clock time the form shows (the cluster's time zone)."""
    return to_user_timezone(moment).replace(tzinfo=None) if moment else None


def _stored(moment: datetime | None) -> datetime | None:
    """A wall-clock time typed into the form as the UTC time the database keeps."""
    return to_utc(moment).replace(tzinfo=UTC) if moment else None


class EventForm(Form):
    kind = SelectField(_l("Kind"), choices=options((kind, EVENT_KINDS[kind]) for kind in CLUSTER_KINDS))
    title = StringField(_l("Title"), validators=[DataRequired(), Length(max=200)])
    description = TextAreaField(_l("Description"), validators=[Length(max=20000)], description=MARKDOWN_HELP)
    venue = StringField(
        _l("Venue"),
        validators=[Length(max=300)],
        description=_l("An address, or a link for an online meeting."),
    )
    starts_at = DateTimeLocalField(
        _l("Starts"),
        validators=[InputRequired(), _plausible_year],
        format=MOMENT_FORMATS,
        invalid_value_message=INVALID_MOMENT,
    )
    ends_at = DateTimeLocalField(
        _l("Ends"),
        validators=[Optional(), _plausible_year],
        format=MOMENT_FORMATS,
        invalid_value_message=INVALID_MOMENT,
        description=_l("Leave empty if the end is open."),
    )
    presentations = BooleanField(
        _l("New members may present themselves"),
        description=_l("The onboarding kit invites new members to the next such event."),
    )

    def validate_ends_at(self, field):
        if field.data and self.starts_at.data and field.data < self.starts_at.data:
            raise ValidationError(_l("The end cannot be before the start."))

    @staticmethod
    def data_of(event) -> dict:
        """An event's values as the form shows them for editing."""
        return {
            "kind": event.kind,
            "title": event.title,
            "description": event.description,
            "venue": event.venue,
            "starts_at": _local(event.starts_at),
            "ends_at": _local(event.ends_at),
            "presentations": event.presentations,
        }

    def values(self) -> dict:
        """What the services take: times in UTC."""
        return {
            "kind": self.kind.data,
            "title": self.title.data.strip(),
            "description": self.description.data or "",
            "venue": (self.venue.data or "").strip(),
            "starts_at": _stored(self.starts_at.data),
            "ends_at": _stored(self.ends_at.data),
            "presentations": self.presentations.data,
        }


class AttendanceForm(Form):
    companies = CheckboxesField(
        _l("Companies that attended"), coerce=int, render_kw={"class": "checkboxes"}, validate_choice=True
    )

    def __init__(self, *args, companies=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.companies.choices = [(company.id, company.name) for company in companies]
