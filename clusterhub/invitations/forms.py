"""The manager's invitation form."""

from wtforms import SelectField, StringField
from wtforms.validators import Length

from clusterhub.accounts.forms import email_field, language_field
from clusterhub.forms import Form
from clusterhub.i18n import lazy_gettext as _l
from tenants.forms import ROLE_CHOICES


class InvitationForm(Form):
    email = email_field()
    role = SelectField(_l("Role"), choices=ROLE_CHOICES)
    company_name = StringField(
        _l("Company"),
        validators=[Length(max=200)],
        description=_l(
            "The company this person represents. A company that is not yet a member joins the cluster."
        ),
    )
    language = language_field(_l("The language of the invitation e-mail."))
