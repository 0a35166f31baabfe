"""A success story, and the company choice a manager makes when drafting one."""

from wtforms import SelectField, StringField, TextAreaField
from wtforms.validators import DataRequired, Length

from clusterhub.forms import Form, options
from clusterhub.i18n import lazy_gettext as _l


def _strip(value):
    return value.strip() if isinstance(value, str) else value


def _company_id(value) -> int | None:
    # The blank "Choose a company" choice stays None, so the field says it is required.
    return int(value) if value not in ("", None) else None


class StoryForm(Form):
    title = StringField(_l("Title"), validators=[DataRequired(), Length(max=200)], filters=[_strip])
    body = TextAreaField(
        _l("The story"),
        validators=[DataRequired(), Length(max=20000)],
        description=_l(
            "What was the challenge, what did the company do and with whom, what changed? "
            "You can write **bold**, *italic*, lists and links."
        ),
    )


class ManagerStoryForm(StoryForm):
    """A manager writes about any member company."""

    company_id = SelectField(_l("Company"), coerce=_company_id, validators=[DataRequired()])

    def __init__(self, companies, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.company_id.choices = options(((c.id, c.name) for c in companies), _l("Choose a company"))
