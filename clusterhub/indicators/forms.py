"""The period chooser above the indicators report."""

from datetime import date

from wtforms import SelectField, ValidationError
from wtforms.fields.choices import SelectChoice

from clusterhub.forms import Form
from clusterhub.i18n import lazy_gettext as _l
from clusterhub.indicators.periods import Period

QUARTERS = [
    SelectChoice("", _l("Whole year")),
    *(SelectChoice(str(q), _l("Quarter %(quarter)s", quarter=q)) for q in range(1, 5)),
]


class PeriodForm(Form):
    """A GET form (it changes nothing, so no CSRF token): a year, and a quarter or the whole year."""

    class Meta:
        csrf = False

    # Choices are strings, so any other value is "not a valid choice" (translated), never a coercion error.
    year = SelectField(_l("Year"))
    quarter = SelectField(_l("Quarter"), choices=QUARTERS)

    def __init__(self, years: range, today: date, period: Period, **kwargs):
        super().__init__(year=str(period.year), quarter=str(period.quarter or ""), **kwargs)
        self.year.choices = [SelectChoice(str(year), str(year)) for year in reversed(years)]
        self.today = today

    def validate_quarter(self, field):
        # A value that is not among the choices has its own error already, and may make no date at all.
        if not (self.year.errors or field.errors) and self.period().start > self.today:
            raise ValidationError(_l("This quarter has not begun yet."))

    def period(self) -> Period:
        return Period(int(self.year.data), int(self.quarter.data) if self.quarter.data else None)
