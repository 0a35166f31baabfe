"""The road-map step form (managers) and the checklist a new member ticks."""

from wtforms import StringField, TextAreaField
from wtforms.validators import DataRequired, Length

from clusterhub.forms import CheckboxesField, Form
from clusterhub.i18n import lazy_gettext as _l
from clusterhub.posts.forms import MARKDOWN_HELP


class StepForm(Form):
    title = StringField(
        _l("Step"),
        validators=[DataRequired(), Length(max=200)],
        description=_l("What a new member does, e.g. “Fill in your company's profile”."),
    )
    description = TextAreaField(_l("Details"), validators=[Length(max=2000)], description=MARKDOWN_HELP)

    def values(self) -> tuple[str, str]:
        """Title and description, trimmed, as the services take them."""
        return self.title.data.strip(), (self.description.data or "").strip()


class ProgressForm(Form):
    steps = CheckboxesField(_l("Done"), coerce=int, render_kw={"class": "checkboxes"})

    def __init__(self, *args, steps=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.steps.choices = [(step.id, step.title) for step in steps]
