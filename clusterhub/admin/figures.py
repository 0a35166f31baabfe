"""Platform figures: what happened in each cluster this quarter and the quarter before, side by side.

Every count runs inside one cluster's scope, the same way the cluster's own indicators are counted, so the
administrator reads the figures the managers read, one row per cluster.
"""

from collections import Counter
from dataclasses import dataclass
from datetime import date

from sqlalchemy import and_, func, select

from clusterhub.clock import instant
from clusterhub.events.models import Event
from clusterhub.extensions import db
from clusterhub.i18n import lazy_gettext as _l
from clusterhub.indicators.periods import Period
from clusterhub.members.segments import members_per_segment
from clusterhub.posts.models import Collaboration, Post, Thread
from search.models import MatchNotice
from tenants.context import tenant_scope
from tenants.models import Tenant

# What is counted in each quarter: (key, heading, the moment it happened, an extra condition or None).
ACTIVITIES = (
    ("needs", _l("Needs posted"), Post.created_at, Post.kind == "need"),
    ("matches", _l("Strong matches found"), MatchNotice.created_at, None),
    ("conversations", _l("Conversations started"), Thread.created_at, None),
    ("collaborations", _l("Collaborations started"), Collaboration.created_at, None),
    ("events", _l("Events held"), Event.starts_at, None),
)


@dataclass
class ClusterFigures:
    tenant: Tenant
    segments: Counter  # member companies by segment today
    this_quarter: dict[str, int]
    last_quarter: dict[str, int]


def _happened(moment, condition, start: date, end: date) -> int:
    statement = (
        select(func.count())
        .select_from(moment.class_)
        .where(and_(moment >= instant(start), moment < instant(end)))
    )
    if condition is not None:
        statement = statement.where(condition)
    return db.session.scalar(statement) or 0


def _activity(period: Period, today: date) -> dict[str, int]:
    end = period.until(today)
    return {key: _happened(moment, condition, period.start, end) for key, _, moment, condition in ACTIVITIES}


def platform_figures(today: date) -> tuple[Period, Period, list[ClusterFigures]]:
    """The running quarter, the one before it, and every open cluster's figures in both."""
    now = Period.containing(today)
    before = now.previous
    rows = []
    for tenant in db.session.scalars(
        select(Tenant).where(Tenant.active.is_(True)).order_by(Tenant.name_sort)
    ):
        with tenant_scope(tenant):
            found = members_per_segment(today)
            rows.append(ClusterFigures(tenant, found, _activity(now, today), _activity(before, today)))
    return now, before, rows


def totals(rows: list[ClusterFigures]) -> ClusterFigures:
    """The sum of every cluster's figures, for the table's last row (tenant None)."""
    total = ClusterFigures(None, Counter(), Counter(), Counter())
    for row in rows:
        total.segments.update(row.segments)
        total.this_quarter.update(row.this_quarter)
        total.last_quarter.update(row.last_quarter)
    return total
