"""The managers' landing page: the cluster's needs and offers aggregated, and the posts behind each number."""

from flask import abort, render_template, request
from flask_babel import format_decimal

from clusterhub.clock import local_today
from clusterhub.dashboard.figures import charts, describe, drill_down, since
from clusterhub.dashboard.forms import DrillDownForm, PeriodForm
from clusterhub.dashboard.needs import RESPONDED, Span, asking_companies, matching_posts, summary
from clusterhub.navigation import paginate
from tenants.access import manager_required
from tenants.blueprint import TenantBlueprint

bp = TenantBlueprint("dashboard", __name__, "/manage")


@bp.context_processor
def _helpers():
    return {"drill_down": drill_down, "format_decimal": format_decimal, "RESPONDED": RESPONDED}


@bp.route("/")
@manager_required
def index():
    form = PeriodForm(request.args)
    found = summary(local_today(), form.months())
    period = form.period.data
    return render_template(
        "dashboard/index.html",
        form=form,
        summary=found,
        period=period,
        since=since(found.span),
        charts=charts(found, period) if found.total else [],
    )


@bp.route("/needs/posts")
@manager_required
def posts():
    form = DrillDownForm(request.args)
    if not form.validate():
        abort(404)
    filters = form.filters()
    description = describe(filters)
    if description is None:
        abort(404)
    span = Span(local_today(), form.months())
    return render_template(
        "dashboard/posts.html",
        posts=paginate(matching_posts(span, filters)),
        companies=asking_companies(span, filters),
        description=description,
        period=form.period.data,
        since=since(span),
        arguments={field.name: field.data for field in form if field.data},
    )
