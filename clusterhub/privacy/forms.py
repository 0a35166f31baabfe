"""The confirmations asked before an account or a company is deleted."""

from wtforms import BooleanField, PasswordField
from wtforms.validators import DataRequired, Length

from clusterhub.forms import Form
from clusterhub.i18n import lazy_gettext as _l


class DeletionForm(Form):
    """The current password and a ticked box: nobody deletes by a stray click or on an unlocked computer."""

    password = PasswordField(_l("Your current password"), validators=[DataRequired(), Length(max=200)])
    understood = BooleanField(
        _l("I understand that this cannot be undone."),
        validators=[DataRequired(_l("Tick the box to confirm."))],
    )
