"""The managers' event form and attendance list."""

from wtforms import BooleanField, DateTimeLocalField, SelectField, StringField, TextAreaField
from wtforms.validators import DataRequired, InputRequired, Length, Optional, ValidationError

from clusterhub.events.models import CLUSTER_KINDS
from clusterhub.forms import (
    INVALID_MOMENT,
    MOMENT_FORMATS,
    CheckboxesField,
    Form,
    from_wall_clock,
    options,
    plausible_year,
    wall_clock,
)
from clusterhub.i18n import lazy_gettext as _l
from clusterhub.labels import EVENT_KINDS
from clusterhub.posts.forms import MARKDOWN_HELP


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
        validators=[InputRequired(), plausible_year],
        format=MOMENT_FORMATS,
        invalid_value_message=INVALID_MOMENT,
    )
    ends_at = DateTimeLocalField(
        _l("Ends"),
        validators=[Optional(), plausible_year],
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
            "starts_at": wall_clock(event.starts_at),
            "ends_at": wall_clock(event.ends_at),
            "presentations": event.presentations,
        }

    def values(self) -> dict:
        """What the services take: times in UTC."""
        return {
            "kind": self.kind.data,
            "title": self.title.data.strip(),
            "description": self.description.data or "",
            "venue": (self.venue.data or "").strip(),
            "starts_at": from_wall_clock(self.starts_at.data),
            "ends_at": from_wall_clock(self.ends_at.data),
            "presentations": self.presentations.data,
        }


class AttendanceForm(Form):
    companies = CheckboxesField(
        _l("Companies that attended"), coerce=int, render_kw={"class": "checkboxes"}, validate_choice=True
    )

    def __init__(self, *args, companies=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.companies.choices = [(company.id, company.name) for company in companies]
