"""The dashboard's figures as charts and tables whose every number links to the posts behind it."""

from datetime import date

from flask import g, url_for
from flask_babel import gettext as _

from clusterhub.dashboard.charts import Cell, Chart, Row, Series
from clusterhub.dashboard.needs import (
    ALL_REGIONS,
    NO_SECTOR,
    RESPONDED,
    Filters,
    Span,
    Summary,
    Tally,
    Word,
    sector_name,
    word_name,
)
from clusterhub.dates import month_of, short_date
from clusterhub.groups.services import group_name
from clusterhub.i18n import lazy_gettext as _l
from clusterhub.labels import label
from clusterhub.navigation import with_query
from clusterhub.posts.models import KINDS

STATE_NAMES = {
    "waiting": _l("Open, no response yet"),
    "answered": _l("Open, answered"),
    "fulfilled": _l("Fulfilled"),
    "withdrawn": _l("Withdrawn"),
    RESPONDED: _l("With at least one response"),
}
PERIOD_NAMES = {"12": _l("Last 12 months"), "24": _l("Last 24 months"), "all": _l("All time")}
SIDE_NAMES = {"requested": _l("Requested in needs and interests"), "offered": _l("Offered in offers")}


def drill_down(period: str, **filters) -> str:
    """The address of the list of posts behind a figure."""
    # The route is looked up once per request and the query added here, as `url_for` would (in the order
    # given, the same characters left unescaped): a dashboard has a few hundred of these links, and
    # building each through the URL map took a sixth of the page's time.
    if "drill_down_path" not in g:
        g.drill_down_path = url_for("dashboard.posts")
    query = [("period", period), *((name, value) for name, value in filters.items() if value)]
    return with_query(g.drill_down_path, query)


def month_name(month: date) -> str:
    return month_of(month)


def region_name(region: str) -> str:
    return _("All regions (none named)") if region == ALL_REGIONS else label("region", region)


def sector_label(tally: Tally) -> str:
    return _("No sector given") if tally.value == NO_SECTOR else tally.name


def _kinds() -> tuple[Series, ...]:
    return tuple(Series(kind, label("kind", kind)) for kind in KINDS)


def _kind_rows(tallies: list[Tally], period: str, filter_name: str, name_of) -> tuple[Row, ...]:
    """A row per tally, a cell per kind; each number links to its posts, the row label to all of them."""
    return tuple(
        Row(
            name_of(tally),
            tuple(
                Cell(tally.counts[kind], drill_down(period, kind=kind, **{filter_name: tally.value}))
                for kind in KINDS
            ),
            drill_down(period, **{filter_name: tally.value}),
        )
        for tally in tallies
    )


def since(span: Span) -> str:
    """The period in words: "since 01.04.2025", or "all time"."""
    start = span.start
    return _("since %(date)s", date=short_date(start)) if start else _("all time")


def _described(what: str, summary: Summary) -> str:
    return _(
        "%(what)s, %(period)s, as bars for needs, offers and partnership interests. "
        "The table after the chart gives the same numbers.",
        what=what,
        period=since(summary.span),
    )


def _word_rows(words: list[Word], period: str) -> tuple[Row, ...]:
    return tuple(
        Row(
            word.name,
            (
                Cell(word.requested, drill_down(period, word=word.key, side="requested")),
                Cell(word.offered, drill_down(period, word=word.key, side="offered")),
                Cell(word.companies, url_for("companies.index", competence=word.competence)),
            ),
        )
        for word in words
    )


def _word_series() -> tuple[Series, ...]:
    return (
        Series("requested", _("Needs and interests")),
        Series("offered", _("Offers")),
        Series("companies", _("Member profiles")),
    )


def _group_chart(summary: Summary, period: str) -> list[Chart]:
    """Posts by interest group, when the cluster has open groups."""
    if not summary.groups:
        return []
    title = _("Posts by interest group")
    return [
        Chart(
            "groups",
            title,
            _described(title, summary),
            _("Group"),
            _kinds(),
            _kind_rows(summary.groups, period, "group", lambda tally: tally.name),
        )
    ]


def charts(summary: Summary, period: str) -> list[Chart]:
    """Every chart of the dashboard, in the order the page shows them."""
    return [
        Chart(
            "months",
            _("Posts per month"),
            _described(_("Posts per month"), summary),
            _("Month"),
            _kinds(),
            _kind_rows(
                summary.months,
                period,
                "month",
                lambda tally: month_name(date.fromisoformat(f"{tally.value}-01")),
            ),
            columns=True,
        ),
        Chart(
            "states",
            _("Where the posts stand"),
            _described(_("Posts by whether they were answered or fulfilled"), summary),
            _("State"),
            _kinds(),
            _kind_rows(summary.states, period, "state", lambda tally: str(STATE_NAMES[tally.value])),
        ),
        Chart(
            "categories",
            _("Posts by category"),
            _described(_("Posts by category"), summary),
            _("Category"),
            _kinds(),
            _kind_rows(summary.categories, period, "category", lambda tally: label("category", tally.value)),
        ),
        Chart(
            "sectors",
            _("Posts by the sector of the posting company"),
            _described(_("Posts by the sector of the posting company"), summary),
            _("Sector"),
            _kinds(),
            _kind_rows(summary.sectors, period, "sector", sector_label),
        ),
        Chart(
            "regions",
            _("Posts by region"),
            _described(_("Posts by region"), summary),
            _("Region"),
            _kinds(),
            _kind_rows(summary.regions, period, "region", lambda tally: region_name(tally.value)),
        ),
        *_group_chart(summary, period),
        Chart(
            "requested",
            _("Most requested words"),
            _(
                "The tags most often used in needs and partnership interests %(period)s, each with the "
                "number of offers that use it and of member profiles that name it as a competence.",
                period=since(summary.span),
            ),
            _("Word"),
            _word_series(),
            _word_rows(summary.requested, period),
            totals=False,
        ),
        Chart(
            "offered",
            _("Most offered words"),
            _(
                "The tags most often used in offers %(period)s and named as competences in member "
                "profiles, each with the number of needs and interests that ask for it.",
                period=since(summary.span),
            ),
            _("Word"),
            _word_series(),
            _word_rows(summary.offered, period),
            totals=False,
        ),
    ]


def describe(filters: Filters) -> list[str] | None:
    """The drill-down's filters in words; None when its sector or word is named by nothing (a stale link)."""
    parts = []
    if filters.kind:
        parts.append(_("Kind: %(name)s", name=label("kind", filters.kind)))
    if filters.category:
        parts.append(_("Category: %(name)s", name=label("category", filters.category)))
    if filters.sector:
        name = _("No sector given") if filters.sector == NO_SECTOR else sector_name(filters.sector)
        if name is None:
            return None
        parts.append(_("Sector: %(name)s", name=name))
    if filters.region:
        parts.append(_("Region: %(name)s", name=region_name(filters.region)))
    if filters.month:
        parts.append(_("Posted in %(month)s", month=month_name(filters.month)))
    if filters.state:
        parts.append(str(STATE_NAMES[filters.state]))
    if filters.word:
        name = word_name(filters.word)
        if name is None:
            return None
        parts.append(_("Tag “%(name)s”: %(side)s", name=name, side=SIDE_NAMES[filters.side]))
    if filters.group:
        name = group_name(filters.group)
        if name is None:
            return None
        parts.append(_("Interest group: %(name)s", name=name))
    return parts
