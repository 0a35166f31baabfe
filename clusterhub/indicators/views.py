"""The managers' indicators report for the programme: a quarter or a year, on screen and as CSV or Excel."""

from flask import abort, g, redirect, render_template, request, url_for

from clusterhub.clock import local_today
from clusterhub.i18n import lazy_gettext as _l
from clusterhub.indicators.export import COLUMNS, rows
from clusterhub.indicators.figures import indicators, reporting_years
from clusterhub.indicators.forms import PeriodForm
from clusterhub.indicators.periods import Period
from clusterhub.transfer.tables import Table, send_table
from tenants.access import manager_required
from tenants.blueprint import TenantBlueprint

bp = TenantBlueprint("indicators", __name__, "/manage/indicators")
SHEET = _l("Indicators")


def _period_or_404(year: int, quarter: int | None) -> Period:
    """The period the address names, if it has begun and the cluster has records for that year."""
    today = local_today()
    if quarter not in (None, 1, 2, 3, 4) or year not in reporting_years(today):
        abort(404)
    period = Period(year, quarter)
    if period.start > today:
        abort(404)
    return period


def _report(period: Period, form: PeriodForm | None = None):
    today = local_today()
    until = period.until(today)
    return render_template(
        "indicators/report.html",
        period=period,
        figures=indicators(period.start, until),
        running=until < period.end,
        today=today,
        form=form or PeriodForm(reporting_years(today), today, period),
    )


@bp.route("")
@manager_required
def index():
    """This quarter's report; the period chooser sends its choice here and is redirected to it."""
    today = local_today()
    form = PeriodForm(reporting_years(today), today, Period.containing(today), formdata=request.args or None)
    if request.args and form.validate():
        chosen = form.period()
        return redirect(url_for(".report", year=chosen.year, quarter=chosen.quarter))
    return _report(Period.containing(today), form)


@bp.route("/<int:year>")
@bp.route("/<int:year>/<int:quarter>")
@manager_required
def report(year: int, quarter: int | None = None):
    return _report(_period_or_404(year, quarter))


@bp.route("/<int:year>/indicators.<any(csv, xlsx):file_format>")
@bp.route("/<int:year>/<int:quarter>/indicators.<any(csv, xlsx):file_format>")
@manager_required
def download(year: int, file_format: str, quarter: int | None = None):
    period = _period_or_404(year, quarter)
    figures = indicators(period.start, period.until(local_today()))
    period_name = f"{year}{f'-Q{quarter}' if quarter else ''}"
    table = Table(f"{g.tenant.slug}-indicators-{period_name}", str(SHEET), COLUMNS, rows(figures))
    return send_table(table, file_format, f"indicators.{file_format}:{period_name}")
