"""A group's name and description."""

from wtforms import StringField, TextAreaField
from wtforms.validators import DataRequired, Length

from clusterhub.forms import Form
from clusterhub.i18n import lazy_gettext as _l


def _strip(value):
    return value.strip() if isinstance(value, str) else value


class GroupForm(Form):
    name = StringField(
        _l("Name"),
        validators=[DataRequired(), Length(max=120)],
        filters=[_strip],
        description=_l("A short topic, e.g. “Export to Nordic markets” or “Joint purchasing”."),
    )
    description = TextAreaField(
        _l("Description"),
        validators=[Length(max=5000)],
        description=_l(
            "What the group works on and who should join. You can write **bold**, *italic*, lists and links."
        ),
    )
