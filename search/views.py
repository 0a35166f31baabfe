"""The members' search page: the cluster's companies and posts, with filters, facet counts and snippets."""

from typing import NamedTuple

from flask import current_app, render_template, url_for
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from sqlalchemy import func, select

from clusterhub.companies.models import CompanyTag
from clusterhub.extensions import db
from clusterhub.labels import label
from search.forms import FACET_FILTERS, TYPES, SearchForm
from search.index import IndexUnavailable, remembered, searcher
from search.index import exists as index_exists
from search.query import MAX_QUERY_LENGTH, QueryError, search
from search.services import database_counts
from tenants.blueprint import TenantBlueprint
from tenants.context import current_tenant, current_tenant_id

bp = TenantBlueprint("search", __name__, "/search")

QUERY_PROBLEMS = {
    "too long": _l("The search is too long: use at most %(num)d characters.", num=MAX_QUERY_LENGTH),
    "only common words": _l(
        "These words are too common to search for (like “and”, “un”, “the”). Add a word that says what "
        "you are looking for."
    ),
    "syntax": _l("Could not understand the query: check the quotes and brackets."),
}
# A long tail of sectors would push the other filters off the screen.
FACET_VALUES_SHOWN = 10


class FacetValue(NamedTuple):
    value: str
    label: str
    count: int
    selected: bool


class FacetGroup(NamedTuple):
    name: str
    title: str
    values: list[FacetValue]


def _cluster_sectors() -> dict[str, str]:
    # Scoped to the cluster like every query: a key no company here uses gets no name.
    rows = db.session.execute(
        select(CompanyTag.key, func.min(CompanyTag.name))
        .where(CompanyTag.kind == "sector")
        .group_by(CompanyTag.key)
    )
    return dict(rows.all())


def _sector_names(keys: set[str]) -> dict[str, str]:
    """The name of each sector key that this cluster's companies use, read once per index version."""
    if not keys:
        return {}
    names = remembered(searcher(current_tenant_id()), "sector names", _cluster_sectors)
    return {key: names[key] for key in keys if key in names}


def _value_label(name: str, value: str, sectors: dict[str, str]) -> str:
    if name == "type":
        return str(TYPES.get(value, value))
    if name == "sector":
        return sectors.get(value, _("a sector no company here names"))
    return label(name, value)


def _facet_groups(form: SearchForm, counts: dict, sectors: dict[str, str]) -> list[FacetGroup]:
    chosen = form.filters()
    groups = []
    for name in FACET_FILTERS:
        # A sector key this cluster does not know came from a stale index: never show it.
        values = [
            FacetValue(value, _value_label(name, value, sectors), count, chosen.get(name) == value)
            for value, count in counts.get(name, {}).items()
            if name != "sector" or value in sectors
        ]
        if values:
            groups.append(FacetGroup(name, str(form[name].label.text), values[:FACET_VALUES_SHOWN]))
    return groups


def _address_with(address: dict[str, str]):
    def url(**changes) -> str:
        """This search with filters added, changed or (given None) removed, from its first page."""
        return url_for(".index", **{**address, **changes})

    return url


def _page(form: SearchForm, status: int = 200, results=None, **context):
    address, chosen = form.address(), form.filters()
    counts = results.facets if results else {}
    sectors = _sector_names({*counts.get("sector", {}), chosen.get("sector")} - {None})
    return render_template(
        "search/index.html",
        form=form,
        results=results,
        address=address,
        search_url=_address_with(address),
        clear_url=url_for(".index", q=address.get("q"), sort=address.get("sort")),
        chosen=[(name, _value_label(name, value, sectors)) for name, value in chosen.items()],
        facet_groups=_facet_groups(form, counts, sectors),
        # Hits the cluster no longer has (stale index) are dropped: an empty first page is "nothing found".
        found=bool(results and results.total and (results.hits or results.page > 1)),
        **context,
    ), status


@bp.route("")
def index():
    form = SearchForm.from_address()
    if form.q.errors or not (form.text or form.filters()):
        return _page(form, start=not form.q.errors)
    if not index_exists(current_tenant_id()) and any(
        database_counts(current_tenant._get_current_object()).values()
    ):
        # The index was deleted or lost: "nothing found" would be a lie until `search reindex` has run.
        return _page(form, 503, unavailable=True, rebuilding=True)
    try:
        results = search(
            form.text, form.filters(), form.order, form.page_number, current_app.config["PAGE_SIZE"]
        )
    except QueryError as error:
        form.q.errors.append(QUERY_PROBLEMS[str(error)])
        return _page(form)
    except IndexUnavailable:
        return _page(form, 503, unavailable=True)
    return _page(form, results=results)
