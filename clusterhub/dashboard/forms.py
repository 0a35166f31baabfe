"""The dashboard's period choice and the drill-down's filters, both read from the address."""

from datetime import date

from wtforms import SelectField, StringField
from wtforms.validators import Length, Optional, Regexp, ValidationError

from clusterhub.dashboard.figures import PERIOD_NAMES, SIDE_NAMES, STATE_NAMES
from clusterhub.dashboard.needs import ALL_REGIONS, PERIODS, Filters
from clusterhub.forms import Form, options
from clusterhub.i18n import lazy_gettext as _l
from clusterhub.labels import POST_CATEGORIES, POST_KINDS, REGIONS

MONTH = r"^(19|20)\d\d-(0[1-9]|1[0-2])$"  # years the calendar arithmetic can handle
KEY_LENGTH = 400  # the tag key columns' length


class PeriodForm(Form):
    """Which posts the dashboard counts: those of the last 12 or 24 months, or all of them."""

    class Meta:
        csrf = False  # choosing what to look at changes nothing

    period = SelectField(_l("Posts of"), choices=options(PERIOD_NAMES.items()), default="12")

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.period.data not in PERIODS:  # an old or mistyped address shows the default period
            self.period.data = self.period.default

    def months(self) -> int | None:
        """The months counted; None: all of them."""
        return PERIODS[self.period.data]


class DrillDownForm(PeriodForm):
    """The figure whose posts are listed: the dashboard's links fill these in."""

    kind = SelectField(choices=options(POST_KINDS.items(), "-"), default="")
    category = SelectField(choices=options(POST_CATEGORIES.items(), "-"), default="")
    region = SelectField(choices=options([*REGIONS.items(), (ALL_REGIONS, "")], "-"), default="")
    state = SelectField(choices=options(STATE_NAMES.items(), "-"), default="")
    side = SelectField(choices=options(SIDE_NAMES.items(), "-"), default="")
    month = StringField(validators=[Optional(), Regexp(MONTH)])
    sector = StringField(validators=[Length(max=KEY_LENGTH)])
    word = StringField(validators=[Length(max=KEY_LENGTH)])
    group = StringField(validators=[Optional(), Regexp(r"^[1-9]\d{0,8}$")])

    def validate_side(self, field):
        if bool(field.data) != bool(self.word.data):
            raise ValidationError(_l("Not a valid choice."))

    def filters(self) -> Filters:
        return Filters(
            kind=self.kind.data,
            category=self.category.data,
            sector=self.sector.data or "",
            region=self.region.data,
            month=date.fromisoformat(f"{self.month.data}-01") if self.month.data else None,
            state=self.state.data,
            word=self.word.data or "",
            side=self.side.data,
            group=int(self.group.data) if self.group.data else None,
        )
