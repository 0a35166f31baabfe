"""The audit page's filters."""

from flask_babel import lazy_gettext as _l
from wtforms import DateField, SelectField, StringField, ValidationError
from wtforms.validators import Length, Optional, Regexp

from clusterhub.forms import Form, options
from clusterhub.labels import AUDIT_KINDS


def _strip(value):
    return value.strip() if isinstance(value, str) else value


class AuditFilterForm(Form):
    """What to show of the audit log, read from the address (?kind=…&person=…), so a view can be linked to."""

    class Meta:
        csrf = False  # a list changes nothing

    kind = SelectField(_l("What happened"), choices=options(AUDIT_KINDS.items(), _l("Anything")), default="")
    person = StringField(
        _l("Person's e-mail"),
        # No address holds control characters (a NUL never reaches here: the app refuses it with a 400).
        validators=[
            Length(max=254),
            Regexp(r"^[^\x00-\x1f\x7f]*$", message=_l("Enter letters, digits or symbols only.")),
        ],
        filters=[_strip],
        description=_l("The whole address or a part of it."),
    )
    since = DateField(_l("From"), validators=[Optional()])
    until = DateField(_l("Until"), validators=[Optional()])

    def validate_until(self, field):
        if field.data and self.since.data and field.data < self.since.data:
            raise ValidationError(_l("The end date cannot be before the start date."))

    def filters(self) -> dict:
        """The filters that were given and are valid, as the audit query takes them."""
        return {field.name: field.data for field in self if field.data and not field.errors}

    def address(self) -> dict:
        """The valid filters as they appear in the address, for the pagination links."""
        return {field.name: field.raw_data[0] for field in self if field.data and not field.errors}
