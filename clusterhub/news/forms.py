"""A news item, and the per-cluster digest choice on a person's settings page."""

from wtforms import IntegerField, StringField, TextAreaField
from wtforms.validators import DataRequired, InputRequired, Length, NumberRange

from clusterhub.forms import CheckboxesField, Form
from clusterhub.i18n import lazy_gettext as _l
from clusterhub.posts.forms import MARKDOWN_HELP, GroupField, group_value, offer_groups


def _strip(value):
    return value.strip() if isinstance(value, str) else value


class NewsForm(Form):
    title = StringField(
        _l("Title"),
        validators=[DataRequired(), Length(max=200)],
        filters=[_strip],
        description=_l("One topic per item: the digest lists every item as a headline of its own."),
    )
    body = TextAreaField(_l("Text"), validators=[Length(max=20000)], description=MARKDOWN_HELP)
    group = GroupField()

    def __init__(self, *args, groups=(), kept_group=None, **kwargs):
        super().__init__(*args, **kwargs)
        offer_groups(self, groups, kept_group)

    def values(self) -> dict:
        """What the services take."""
        return {"title": self.title.data, "body": self.body.data or "", **group_value(self)}


class DigestDayForm(Form):
    # Up to the 28th: every month has it.
    day = IntegerField(
        _l("Day of the month the digest is sent"),
        validators=[InputRequired(), NumberRange(min=1, max=28)],
        description=_l("From 1 to 28. The digest goes out on this day every month, once."),
    )


class DigestChoicesField(CheckboxesField):
    """One checkbox per cluster of the person: which clusters' monthly digests they want."""

    def __init__(self, **kwargs):
        super().__init__(
            _l("Monthly news digest by e-mail"),
            coerce=int,
            render_kw={"class": "checkboxes"},
            description=_l(
                "Once a month, one e-mail with the latest news of each cluster you tick. "
                "Every digest has a link to stop it."
            ),
            **kwargs,
        )

    def populate_obj(self, obj, name):
        # The choices are kept on the person's memberships (news.services.choose_digests), not on the person.
        pass
