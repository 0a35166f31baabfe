"""Forms of the needs-and-offers board: a post, the board's filters, an answer, a message to a company."""

from datetime import date

from wtforms import DateField, SearchField, SelectField, StringField, TextAreaField
from wtforms.fields.choices import SelectChoice
from wtforms.validators import DataRequired, Length, Optional, ValidationError

from clusterhub.clock import local_today
from clusterhub.forms import CheckboxesField, Form, options, tags_field
from clusterhub.i18n import lazy_gettext as _l
from clusterhub.labels import POST_CATEGORIES, POST_KINDS, POST_STATUSES, REGIONS
from clusterhub.security.once import OnceField

MARKDOWN_HELP = _l("You can write **bold**, *italic*, lists and links.")
TAGS_HELP = _l("Keywords, separated by commas, e.g. export, Germany, CNC.")


NO_GROUP = _l("No group")


class GroupField(SelectField):
    """Which group a post or news item is addressed to; `offer_groups` fills the choices in."""

    def __init__(self, **kwargs):
        super().__init__(
            _l("Addressed to a group"),
            choices=[],
            default="",
            description=_l(
                "Optional: it also shows on that group's page; everybody in the cluster still sees it."
            ),
            **kwargs,
        )

    def process_data(self, value):
        # An edited record's group (a Group, or none), and a form sent without the field, keep their group.
        super().process_data("" if value is None else str(getattr(value, "id", value)))


def offer_groups(form, groups, kept=None, blank=NO_GROUP) -> None:
    """Offer the open groups (and the one already chosen, even if archived since) in a form's group field,
    or drop the field when the cluster has no group to offer."""
    shown = list(groups)
    if kept is not None and kept not in shown:
        shown.append(kept)
    if shown:
        form.group.choices = options(((str(group.id), group.name) for group in shown), blank)
    else:
        del form.group


def group_value(form) -> dict:
    """{"group_id": …} as the services take it, or nothing when the form had no group to offer."""
    if "group" not in form:
        return {}
    return {"group_id": int(form.group.data) if form.group.data else None}


class PostForm(Form):
    kind = SelectField(_l("Kind"), choices=options(POST_KINDS.items()))
    category = SelectField(_l("Category"), choices=options(POST_CATEGORIES.items()))
    title = StringField(_l("Title"), validators=[DataRequired(), Length(max=200)])
    body = TextAreaField(_l("Description"), validators=[Length(max=20000)], description=MARKDOWN_HELP)
    tags = tags_field(_l("Tags"), TAGS_HELP)
    regions = CheckboxesField(
        _l("Regions"),
        choices=options(REGIONS.items()),
        render_kw={"class": "checkboxes"},
        description=_l("Leave all unticked if the post concerns every region."),
    )
    valid_until = DateField(
        _l("Valid until"),
        validators=[Optional()],
        description=_l("After this day the post leaves the open listing. Leave empty for no end."),
    )
    group = GroupField()

    def __init__(self, *args, kept_date: date | None = None, groups=(), kept_group=None, **kwargs):
        super().__init__(*args, **kwargs)
        # An edit may keep the date a post already has, even if that day has passed.
        self.kept_date = kept_date
        offer_groups(self, groups, kept_group)

    def validate_valid_until(self, field):
        if field.data and field.data < local_today() and field.data != self.kept_date:
            raise ValidationError(_l("The date cannot be in the past."))

    @staticmethod
    def data_of(post) -> dict:
        """A post's values as the form shows them for editing."""
        return {
            "kind": post.kind,
            "category": post.category,
            "title": post.title,
            "body": post.body,
            "tags": post.tag_names,
            "regions": post.region_names,
            "valid_until": post.valid_until,
            "group": post.group_id,
        }

    def values(self) -> dict:
        """What the services take."""
        return {
            "kind": self.kind.data,
            "category": self.category.data,
            "title": self.title.data,
            "body": self.body.data or "",
            "tags": self.tags.data or [],
            "regions": self.regions.data or [],
            "valid_until": self.valid_until.data,
            **group_value(self),
        }


class BoardFilterForm(Form):
    """The board's filters, read from the address (?kind=need&…), so a filtered board can be linked to."""

    class Meta:
        csrf = False

    text = SearchField(_l("Title contains"), validators=[Length(max=200)])
    kind = SelectField(_l("Kind"), choices=options(POST_KINDS.items(), _l("All kinds")), default="")
    category = SelectField(
        _l("Category"), choices=options(POST_CATEGORIES.items(), _l("All categories")), default=""
    )
    status = SelectField(
        _l("Status"),
        choices=[
            *options(POST_STATUSES.items()),
            SelectChoice("expired", _l("Expired")),
            SelectChoice("all", _l("Any status")),
        ],
        default="open",
    )
    region = SelectField(_l("Region"), choices=options(REGIONS.items(), _l("All regions")), default="")
    tag = StringField(_l("Tag"), validators=[Length(max=100)])
    group = SelectField(_l("Group"), choices=[], default="")
    order = SelectField(
        _l("Sort by"),
        choices=[
            SelectChoice("newest", _l("Newest first")),
            SelectChoice("oldest", _l("Oldest first")),
            SelectChoice("deadline", _l("Ending soonest")),
        ],
        default="newest",
    )

    def __init__(self, *args, groups=(), **kwargs):
        super().__init__(*args, **kwargs)
        offer_groups(self, groups, blank=_l("All groups"))

    def filters(self) -> dict:
        """The chosen filters, as keyword arguments of `services.board`; a bad value is left out."""
        self.validate()
        return {name: field.data for name, field in self._fields.items() if field.data and not field.errors}


class NewPostForm(PostForm):
    once = OnceField()


class AnswerForm(Form):
    once = OnceField()
    body = TextAreaField(
        _l("Your message"), validators=[DataRequired(), Length(max=10000)], description=MARKDOWN_HELP
    )


MAX_SUBJECT = 200


class ContactForm(Form):
    once = OnceField()
    subject = StringField(_l("Subject"), validators=[DataRequired(), Length(max=MAX_SUBJECT)])
    body = TextAreaField(
        _l("Your message"), validators=[DataRequired(), Length(max=10000)], description=MARKDOWN_HELP
    )
