"""Managers' forms for the people of their cluster."""

from wtforms import SelectField
from wtforms.fields.choices import SelectChoice

from clusterhub.forms import Form
from clusterhub.i18n import lazy_gettext as _l

ROLE_CHOICES = [SelectChoice("member", _l("Member")), SelectChoice("manager", _l("Manager"))]


class RoleForm(Form):
    role = SelectField(
        _l("Role"),
        choices=ROLE_CHOICES,
        description=_l("Managers invite people and see the cluster's management pages."),
    )
