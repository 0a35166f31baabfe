"""The public application form and the managers' decision and settings forms."""

from wtforms import BooleanField, StringField, TextAreaField, ValidationError
from wtforms.validators import URL, DataRequired, Length, Optional, Regexp

from clusterhub.accounts.forms import email_field, language_field
from clusterhub.admission.services import APPLICATION_FIELDS
from clusterhub.forms import Form
from clusterhub.i18n import lazy_gettext as _l

MOTIVATION_MAX = 5000
REASON_MAX = 2000
CRITERIA_MAX = 10000
WEB_ADDRESS = _l("Write a web address such as www.example.lv.")


def _strip(value):
    return value.strip() if isinstance(value, str) else value


def _with_scheme(value):
    # People write "example.lv"; the link on the manager's page needs the scheme.
    if value and "://" not in value:
        return f"https://{value}"
    return value


def _web_address(form, field):
    # Only web links: a javascript: address would run on the manager's page when clicked.
    if not field.data.lower().startswith(("http://", "https://")):
        raise ValidationError(WEB_ADDRESS)
    URL(message=WEB_ADDRESS)(form, field)


def _text(label, maximum, required=False, description=None) -> StringField:
    first = DataRequired() if required else Optional()
    return StringField(
        label, validators=[first, Length(max=maximum)], filters=[_strip], description=description
    )


class ApplicationForm(Form):
    company_name = _text(_l("Company name"), 200, required=True)
    registration_number = _text(
        _l("Registration number"), 40, description=_l("As in the Register of Enterprises, e.g. 40003123456.")
    )
    website = StringField(
        _l("Website"),
        validators=[
            Optional(),
            Length(max=300),
            _web_address,
        ],
        filters=[_strip, _with_scheme],
    )
    contact_name = _text(_l("Name"), 200, required=True)
    email = email_field()
    phone = StringField(
        _l("Phone"),
        validators=[
            Optional(),
            Length(max=50),
            Regexp(r"^\+?[0-9 ()-]{5,}$", message=_l("Write the number in digits, e.g. +371 20000000.")),
        ],
        filters=[_strip],
    )
    motivation = TextAreaField(
        _l("Why does your company want to join?"),
        validators=[DataRequired(), Length(max=MOTIVATION_MAX)],
        filters=[_strip],
        description=_l(
            "What your company does, what it expects from the cluster and what it can bring to the other "
            "members."
        ),
    )
    # A trap for robots: hidden from people, who leave it empty; a robot fills in every field it finds.
    fax = StringField(_l("Leave this field empty"))

    def details(self) -> dict[str, str]:
        """What the applicant wrote, without the trap."""
        return {name: self[name].data for name in APPLICATION_FIELDS}


class AcceptForm(Form):
    language = language_field(_l("The language of the invitation e-mail."))


class DeclineForm(Form):
    reason = TextAreaField(
        _l("Reason"),
        validators=[DataRequired(), Length(max=REASON_MAX)],
        filters=[_strip],
        description=_l("The applicant receives it in a polite e-mail from the cluster management."),
    )
    language = language_field(_l("The language of the e-mail."))


class SettingsForm(Form):
    admission_criteria = TextAreaField(
        _l("Admission criteria"),
        validators=[Length(max=CRITERIA_MAX)],
        filters=[_strip],
        description=_l(
            "Shown on the public admission page; you can write lists, **bold** and links. Until they are "
            "written, the cluster is not in the public list of clusters that take applications."
        ),
    )
    admissions_open = BooleanField(_l("Take applications on the public admission page"))
