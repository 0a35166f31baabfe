"""Forms of the token pages: a new token, and the revocation of one."""

from wtforms import HiddenField, IntegerField, SelectField, StringField
from wtforms.fields.choices import SelectChoice
from wtforms.validators import DataRequired, InputRequired, Length

from clusterhub.api.tokens import LIFETIMES
from clusterhub.forms import Form
from clusterhub.i18n import lazy_gettext as _l

ACCESS_CHOICES = [SelectChoice("read", _l("Read only")), SelectChoice("write", _l("Read and write"))]


class TokenForm(Form):
    """A cluster's integration token: its name, access and lifetime."""

    name = StringField(
        _l("Name"),
        validators=[DataRequired(), Length(max=100)],
        description=_l("What the token is for, e.g. “Our website” or “CRM sync”."),
    )
    access = SelectField(_l("Access"), choices=ACCESS_CHOICES, default="read")
    days = SelectField(
        _l("Valid for"),
        choices=[SelectChoice(str(days), _l("%(num)d days", num=days)) for days in LIFETIMES],
        default=str(LIFETIMES[1]),
    )


class PersonalTokenForm(TokenForm):
    """A personal token also names the one cluster it opens."""

    cluster = SelectField(_l("Cluster"), coerce=int, validators=[InputRequired()])

    def __init__(self, clusters, **kwargs):
        super().__init__(**kwargs)
        self.cluster.choices = [(tenant.id, tenant.name) for tenant in clusters]


class RevokeForm(Form):
    """The token to revoke; `confirmed` is set by the confirmation page's button."""

    token = IntegerField(validators=[InputRequired()])
    confirmed = HiddenField()
