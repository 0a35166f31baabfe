"""Sign-in, password and personal settings forms."""

from flask_babel import lazy_ngettext
from wtforms import BooleanField, EmailField, PasswordField, SelectField, StringField
from wtforms.fields.choices import SelectChoice
from wtforms.validators import DataRequired, Email, EqualTo, Length

from clusterhub.accounts.services import MIN_PASSWORD_LENGTH
from clusterhub.forms import Form
from clusterhub.i18n import LANGUAGES
from clusterhub.i18n import lazy_gettext as _l
from clusterhub.news.forms import DigestChoicesField


def _strip(value):
    return value.strip() if isinstance(value, str) else value


def email_field() -> EmailField:
    return EmailField(_l("E-mail"), validators=[DataRequired(), Email(), Length(max=254)], filters=[_strip])


def new_password_fields() -> tuple[PasswordField, PasswordField]:
    """A new password and its repetition, with the same rules everywhere."""
    password = PasswordField(
        _l("New password"),
        validators=[DataRequired(), Length(min=MIN_PASSWORD_LENGTH, max=200)],
        description=lazy_ngettext(
            "At least %(num)d character.", "At least %(num)d characters.", MIN_PASSWORD_LENGTH
        ),
    )
    confirm = PasswordField(
        _l("Repeat the password"),
        validators=[DataRequired(), EqualTo("password", message=_l("The passwords do not match."))],
    )
    return password, confirm


def name_field() -> StringField:
    return StringField(_l("Your name"), validators=[DataRequired(), Length(max=200)], filters=[_strip])


def language_field(description: str = "") -> SelectField:
    return SelectField(
        _l("Language"),
        choices=[SelectChoice(code, name) for code, name in LANGUAGES.items()],
        description=description,
    )


class LoginForm(Form):
    email = email_field()
    password = PasswordField(_l("Password"), validators=[DataRequired(), Length(max=200)])
    remember = BooleanField(_l("Keep me signed in on this computer"))


class ResetRequestForm(Form):
    email = email_field()


class NewPasswordForm(Form):
    password, confirm = new_password_fields()


class AccountForm(Form):
    name = name_field()
    language = language_field()
    match_emails = BooleanField(
        _l("E-mail me about strong matches for my needs"),
        description=_l(
            "When a member company turns out to fit one of your open needs well, you are told in the "
            "notifications in any case; tick this to get an e-mail too (once per company and need)."
        ),
    )
    digests = DigestChoicesField()


def current_password_field() -> PasswordField:
    return PasswordField(
        _l("Current password"),
        validators=[DataRequired(), Length(max=200)],
        description=_l("To make sure it is you."),
    )


class ChangePasswordForm(Form):
    current_password = current_password_field()
    password, confirm = new_password_fields()


class ChangeEmailForm(Form):
    email = EmailField(
        _l("New e-mail"), validators=[DataRequired(), Email(), Length(max=254)], filters=[_strip]
    )
    current_password = current_password_field()


class LanguageForm(Form):
    language = language_field()


class AcceptInvitationForm(Form):
    name = name_field()
    password, confirm = new_password_fields()
    language = language_field()
