"""The directory's filters, the profile form and the logo form."""

from datetime import date

from flask import request
from flask_babel import gettext as _
from flask_wtf.file import FileField, FileRequired
from wtforms import (
    DateField,
    EmailField,
    FieldList,
    FormField,
    HiddenField,
    RadioField,
    SelectField,
    StringField,
    TextAreaField,
    ValidationError,
)
from wtforms.validators import URL, DataRequired, Email, InputRequired, Length, Optional, Regexp

from clusterhub.clock import local_today
from clusterhub.forms import CheckboxesField, Form, LongSelect, options, tags_field
from clusterhub.i18n import lazy_gettext as _l
from clusterhub.labels import PROFILE_FIELDS as FIELD_LABELS
from clusterhub.labels import REGIONS, ROLES, SIZE_HELP, SIZES

MAX_CONTACTS = 10


def _strip(value):
    return " ".join(value.split()) if isinstance(value, str) else value


def _text(value):
    # Browsers send CRLF; stored text keeps LF so that an unchanged field never shows up as a change.
    return value.replace("\r\n", "\n").strip() if isinstance(value, str) else value


def _registration_number(value):
    return "".join(value.split()).upper() if isinstance(value, str) else value


def _with_scheme(value):
    value = (value or "").strip()
    return f"https://{value}" if value and "://" not in value else value


def text_area(name: str, max_length: int = 5000, description=None) -> TextAreaField:
    return TextAreaField(
        FIELD_LABELS[name], validators=[Length(max=max_length)], filters=[_text], description=description
    )


class ContactForm(Form):
    """One contact person; a row left blank is dropped."""

    class Meta:
        csrf = False  # a row of the profile form, which carries the token

    name = StringField(_l("Name"), validators=[Length(max=200)], filters=[_strip])
    role = StringField(_l("Position"), validators=[Length(max=200)], filters=[_strip])
    email = EmailField(_l("E-mail"), validators=[Optional(), Email(), Length(max=254)], filters=[_strip])
    phone = StringField(
        _l("Phone"),
        validators=[
            Length(max=50),
            Regexp(r"^[0-9 +()\-.]*$", message=_l("Use digits, spaces and + ( ) - only.")),
        ],
        filters=[_strip],
    )

    def validate_name(self, field):
        if not field.data and (self.role.data or self.email.data or self.phone.data):
            raise ValidationError(_("Give the contact person's name."))

    @property
    def is_blank(self) -> bool:
        return not any((self.name.data, self.role.data, self.email.data, self.phone.data))


def _not_in_future(form, field):
    if field.data and field.data > local_today():
        raise ValidationError(_("The date cannot be in the future."))


class ProfileForm(Form):
    name = StringField(FIELD_LABELS["name"], validators=[DataRequired(), Length(max=200)], filters=[_strip])
    registration_number = StringField(
        FIELD_LABELS["registration_number"],
        validators=[Length(max=40)],
        filters=[_registration_number],
        description=_l("As in the Register of Enterprises, e.g. 40003012345. Each company has its own."),
    )
    website = StringField(
        FIELD_LABELS["website"],
        validators=[
            Optional(),
            Length(max=300),
            Regexp(r"(?i)^https?://", message=_l("Give a web address starting with http:// or https://.")),
            URL(message=_l("This does not look like a web address.")),
        ],
        filters=[_with_scheme],
    )
    size = SelectField(
        FIELD_LABELS["size"],
        choices=options(SIZES.items(), _l("— not given —")),
        default="",
        description=SIZE_HELP,
    )
    region = SelectField(
        FIELD_LABELS["region"], choices=options(REGIONS.items(), _l("— not given —")), default=""
    )
    description = text_area(
        "description",
        20000,
        _l("You can write **bold**, *italic*, lists starting with “-” and links as [text](https://…)."),
    )
    sectors = tags_field(FIELD_LABELS["sectors"], _l("Separate with commas, e.g. Audiovisual, Software."))
    competences = tags_field(
        FIELD_LABELS["competences"], _l("Separate with commas, e.g. 3D animation, Sound recording.")
    )
    roles = CheckboxesField(FIELD_LABELS["roles"], choices=options(ROLES.items()))
    infrastructure = text_area("infrastructure")
    development_directions = text_area("development_directions")
    partnership_interests = text_area("partnership_interests")
    other_clusters = text_area("other_clusters")
    contacts = FieldList(FormField(ContactForm), FIELD_LABELS["contacts"], max_entries=MAX_CONTACTS)
    member_since = DateField(
        _l("Member of this cluster since"),
        validators=[DataRequired(), _not_in_future],
        description=_l("Only managers change this date; it counts towards the member's segment."),
    )

    @classmethod
    def for_company(cls, company, values: dict, member_since: date | None) -> "ProfileForm":
        """The form for a company: its current values on the first visit, what was sent after that.

        `member_since` is None for people who may not change it (the field is then left out).
        """
        if request.method == "POST":
            form = cls()
        else:
            form = cls(data={**values, "member_since": member_since})
            while len(form.contacts) < min(len(values["contacts"]) + 2, MAX_CONTACTS):
                form.contacts.append_entry()
        if member_since is None:
            del form.member_since
        return form

    def profile_values(self) -> dict:
        """What the form says, in the shape `update_profile` takes."""
        values = {name: self[name].data for name in FIELD_LABELS if name in self and name != "contacts"}
        values["contacts"] = [row.form.data for row in self.contacts if not row.form.is_blank]
        if "member_since" in self:
            values["member_since"] = self.member_since.data
        return values


class LogoForm(Form):
    logo = FileField(
        FIELD_LABELS["logo"],
        validators=[FileRequired(message=_l("Choose an image file."))],
        description=_l("A PNG, JPEG or WebP image of at most 1 MB."),
    )


SORTS = {
    "name": _l("Company name (A–Ž)"),
    "newest": _l("Newest members first"),
    "region": _l("Region"),
    "updated": _l("Recently updated"),
}


class DirectoryForm(Form):
    """The directory's filters, read from the address (?region=…&page=…), so a search can be linked to."""

    class Meta:
        csrf = False  # a search changes nothing

    text = StringField(_l("Search"), validators=[Length(max=200)], filters=[_strip])
    sector = SelectField(_l("Sector"), default="", widget=LongSelect())
    competence = SelectField(_l("Competence"), default="", widget=LongSelect())
    region = SelectField(_l("Region"), choices=options(REGIONS.items(), _l("Any region")), default="")
    size = SelectField(_l("Size"), choices=options(SIZES.items(), _l("Any size")), default="")
    role = SelectField(
        _l("Role in the value chain"), choices=options(ROLES.items(), _l("Any role")), default=""
    )
    sort = SelectField(_l("Sort by"), choices=options(SORTS.items()), default="name")

    @classmethod
    def from_address(cls, sectors: list[str], competences: list[str]) -> "DirectoryForm":
        """The filters in the address; the sector and competence lists are the cluster's own tags."""
        form = cls(formdata=request.args)
        form.sector.choices = options(((name, name) for name in sectors), _l("Any sector"))
        form.competence.choices = options(((name, name) for name in competences), _l("Any competence"))
        form.validate()
        return form

    def filters(self) -> dict:
        """The filters that were given and are valid (a stale link's unknown tag is ignored, with a note)."""
        return {field.name: field.data for field in self if field.data and not field.errors}


REFUSE = ("refuse", _l("Refuse"))


class AnswerForm(Form):
    """A representative's answer to a request that needs the company's consent (which one: `request`)."""

    request = HiddenField(validators=[DataRequired()])
    answer = RadioField(_l("Your company's answer"), validators=[InputRequired()])

    def __init__(self, accept_label, **kwargs):
        super().__init__(**kwargs)
        self.answer.choices = options([("accept", accept_label), REFUSE])
