"""The administrators' forms: the audit page's filters, clusters, people and their roles."""

from wtforms import DateField, HiddenField, SelectField, StringField, TextAreaField, ValidationError
from wtforms.validators import AnyOf, DataRequired, Length, Optional, Regexp

from clusterhub.accounts.forms import email_field, language_field
from clusterhub.accounts.services import PLATFORM_ROLES
from clusterhub.admission.forms import CRITERIA_MAX
from clusterhub.forms import Form, options
from clusterhub.i18n import lazy_gettext as _l
from clusterhub.labels import AUDIT_KINDS
from tenants.models import SLUG_PATTERN, VISION_MAX

# No search holds control characters (a NUL never reaches here: the app refuses it with a 400).
PRINTABLE = Regexp(r"^[^\x00-\x1f\x7f]*$", message=_l("Enter letters, digits or symbols only."))


def _strip(value):
    return value.strip() if isinstance(value, str) else value


def _text(value):
    # A field left out of the request is empty text, as a blank one is.
    return (value or "").strip()


class AuditFilterForm(Form):
    """What to show of the audit log, read from the address (?kind=…&person=…), so a view can be linked to."""

    class Meta:
        csrf = False  # a list changes nothing

    kind = SelectField(_l("What happened"), choices=options(AUDIT_KINDS.items(), _l("Anything")), default="")
    person = StringField(
        _l("Person's e-mail"),
        validators=[Length(max=254), PRINTABLE],
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


class ClusterForm(Form):
    """A cluster's name, address, vision and admission criteria, as the administrator writes them."""

    name = StringField(_l("Name"), validators=[DataRequired(), Length(max=200)], filters=[_text])
    slug = StringField(
        _l("Address"),
        validators=[
            DataRequired(),
            Length(min=2, max=60),
            Regexp(SLUG_PATTERN, message=_l("Use lowercase letters, digits and single hyphens.")),
        ],
        filters=[_text],
        description=_l("The cluster's pages are at /c/<address>/, e.g. koks-un-mebeles."),
    )
    vision = TextAreaField(
        _l("Vision"),
        validators=[Length(max=VISION_MAX)],
        filters=[_text],
        description=_l("One sentence, at most %(max)d characters.", max=VISION_MAX),
    )
    admission_criteria = TextAreaField(
        _l("Admission criteria"),
        validators=[Length(max=CRITERIA_MAX)],
        filters=[_text],
        description=_l("The cluster is listed on the public admission page once its criteria are written."),
    )


class AppointForm(Form):
    email = email_field()
    language = language_field(_l("The language of the invitation e-mail, if the person has no account yet."))


class PeopleSearchForm(Form):
    class Meta:
        csrf = False  # a search changes nothing

    q = StringField(
        _l("Name or e-mail"),
        validators=[Length(max=200), PRINTABLE],
        filters=[_strip],
    )


class PlatformRoleForm(Form):
    """One button: grant or remove one platform role."""

    role = HiddenField(validators=[AnyOf(PLATFORM_ROLES)])
    granted = HiddenField(validators=[AnyOf(("yes", "no"))])
