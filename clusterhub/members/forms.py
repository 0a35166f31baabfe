"""Forms of the member tools: the segment list's order, segment settings, visits, leaving the cluster."""

from wtforms import (
    BooleanField,
    DateField,
    IntegerField,
    SelectField,
    StringField,
    TextAreaField,
    ValidationError,
)
from wtforms.validators import DataRequired, InputRequired, Length

from clusterhub.forms import Form, options
from clusterhub.i18n import lazy_gettext as _l
from clusterhub.members.services import VISIT_FIELDS

SORT_LABELS = {
    "name": _l("Company name (A–Ž)"),
    "member_since": _l("Member since (longest first)"),
    "uses": _l("Service uses (most first)"),
    "last_activity": _l("Last activity (longest ago first)"),
}
VISIT_SORT_LABELS = {"date": _l("Date (latest first)"), "company": _l("Company")}


def _text(value):
    # Browsers send CRLF; stored text keeps LF.
    return value.replace("\r\n", "\n").strip() if isinstance(value, str) else value


def _company_id(value):
    # "" (nothing chosen) and anything that is not a number become None, which no company has.
    return int(value) if str(value).isdigit() else None


def _between(low: int, high: int):
    def check(form, field):
        # A value that is not a whole number has its own message already.
        if field.data is not None and not low <= field.data <= high:
            raise ValidationError(_l("Enter a whole number from %(low)d to %(high)d.", low=low, high=high))

    return check


class MemberListForm(Form):
    """The segment list's order, read from the address (?sort=…)."""

    class Meta:
        csrf = False  # a list changes nothing

    sort = SelectField(_l("Sort by"), choices=options(SORT_LABELS.items()), default="name")

    def chosen_sort(self) -> str:
        return self.sort.data if self.validate() else "name"


class VisitListForm(MemberListForm):
    sort = SelectField(_l("Sort by"), choices=options(VISIT_SORT_LABELS.items()), default="date")

    def chosen_sort(self) -> str:
        return self.sort.data if self.validate() else "date"


class SettingsForm(Form):
    """The two thresholds of the member segments."""

    segment_new_months = IntegerField(
        _l("A member is new for (months)"),
        validators=[InputRequired(), _between(1, 120)],
        description=_l("The source study counts members as new for their first 24 months."),
    )
    segment_active_actions = IntegerField(
        _l("Service uses in the last 12 months that make an older member active"),
        validators=[InputRequired(), _between(1, 1000)],
        description=_l(
            "Uses are the cluster's services the company used and the cluster's events it attended. Older "
            "members with fewer uses rarely or never use the cluster's services and are to be re-activated "
            "(source study, chapter 6); sign-ins, posts and messages are shown beside them, not counted."
        ),
    )


class VisitForm(Form):
    """One annual visit: who went when, the company's top-3 problems, its goals and what happens next."""

    company_id = SelectField(_l("Company"), coerce=_company_id, validators=[InputRequired()])
    visited_on = DateField(_l("Date of the visit"), validators=[InputRequired()])
    visitors = StringField(
        _l("Who visited"),
        validators=[DataRequired(), Length(max=300)],
        filters=[_text],
        description=_l("The people from the cluster management, e.g. “Ilze Bērziņa, Jānis Ozols”."),
    )
    problem_1 = StringField(_l("Problem 1"), validators=[Length(max=300)], filters=[_text])
    problem_2 = StringField(_l("Problem 2"), validators=[Length(max=300)], filters=[_text])
    problem_3 = StringField(_l("Problem 3"), validators=[Length(max=300)], filters=[_text])
    goals_2_years = TextAreaField(_l("Goals for 2 years"), validators=[Length(max=5000)], filters=[_text])
    goals_5_years = TextAreaField(_l("Goals for 5 years"), validators=[Length(max=5000)], filters=[_text])
    success_story = TextAreaField(
        _l("A possible success story"),
        validators=[Length(max=5000)],
        filters=[_text],
        description=_l("Something the cluster could tell other members, with the company's permission."),
    )
    next_step = TextAreaField(_l("Next step"), validators=[Length(max=5000)], filters=[_text])

    @classmethod
    def with_companies(cls, companies: list[tuple[int, str]], **values) -> "VisitForm":
        form = cls(**values)
        form.company_id.choices = options(companies, _l("Choose a company"))
        return form

    def visit_values(self) -> dict:
        return {field: self[field].data for field in VISIT_FIELDS}


class LeaveForm(Form):
    """Leaving the cluster: a box to tick, as the step cannot be undone from the platform."""

    confirm = BooleanField(
        _l("I understand that our people lose access to this cluster and our open posts are withdrawn."),
        validators=[DataRequired(_l("Tick the box to confirm."))],
    )


class FormerForm(Form):
    """Moving a member company to former members."""

    confirm = BooleanField(
        _l(
            "I understand that the company's people lose access to this cluster "
            "and its open posts are withdrawn."
        ),
        validators=[DataRequired(_l("Tick the box to confirm."))],
    )
