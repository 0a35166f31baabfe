"""The managers' resources: members with their segments, the aggregated needs, the indicators of a period."""

from datetime import date

import marshmallow as ma
from flask_smorest import abort

from clusterhub.api import schemas
from clusterhub.api.blueprint import cluster_blueprint, manager_only
from clusterhub.api.paging import PageArguments, page_of_list, page_schema
from clusterhub.clock import local_today
from clusterhub.dashboard.needs import summary
from clusterhub.indicators.figures import indicators, reporting_years
from clusterhub.indicators.periods import Period
from clusterhub.members.segments import SEGMENTS, segments
from clusterhub.members.services import member_rows

manage = cluster_blueprint("api_manage", __name__, "For the cluster's managers only (403 for other members).")


class MemberArguments(schemas.MemberFilters, PageArguments):
    pass


class PeriodArguments(ma.Schema):
    year = ma.fields.Integer(
        load_default=None,
        validate=ma.validate.Range(2000, 2100),
        metadata={"description": "This year if not given"},
    )
    quarter = ma.fields.Integer(load_default=None, allow_none=True, validate=ma.validate.Range(1, 4))


def _member(row) -> dict:
    return {
        "company": {"id": row.company_id, "name": row.name},
        "member_since": row.member_since,
        "segment": row.segment.name,
        "service_uses": row.segment.uses,
        "other_actions": row.segment.other,
        "last_activity": row.segment.last_activity,
        "last_visit": row.last_visit,
    }


@manage.route("/manage/members")
@manage.etag
@manage.arguments(MemberArguments, location="query")
@manage.response(200, page_schema(schemas.Member, "MemberPage"))
@manager_only
def members(arguments):
    """The companies in the cluster now, each with its segment today (new, active, to be re-activated)."""
    found = segments(local_today())
    chosen = (arguments["segment"],) if arguments["segment"] else SEGMENTS
    rows = sorted(
        (row for segment in chosen for row in member_rows(found, segment)),
        key=lambda row: (row.name_sort, row.company_id),
    )
    return page_of_list([_member(row) for row in rows], arguments)


@manage.route("/manage/needs")
@manage.etag
@manage.arguments(schemas.NeedsArguments, location="query")
@manage.response(200, schemas.Needs)
@manager_only
def needs(arguments):
    """The members' posts of the last months counted by kind, category, sector and region, and the tag
    words asked for, offered and missing, as on the needs dashboard."""
    return summary(local_today(), arguments["months"])


@manage.route("/manage/indicators")
@manage.etag
@manage.arguments(PeriodArguments, location="query")
@manage.response(200, schemas.Indicators)
@manager_only
def period_indicators(arguments):
    """The programme's indicators for a quarter or a whole year (up to today while it runs)."""
    today = local_today()
    period = Period(arguments["year"] or today.year, arguments["quarter"])
    if period.year not in reporting_years(today) or period.start > today:
        abort(404, message="The cluster has no records for that period.")
    until: date = period.until(today)
    return {"start": period.start, "until": until, "figures": indicators(period.start, until)}
