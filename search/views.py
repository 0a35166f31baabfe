"""The members' search page: the cluster's companies and posts, with filters, facet counts and snippets."""

from typing import NamedTuple

from flask import current_app, render_template, url_for
from flask_babel import gettext as _
from sqlalchemy import select

from clusterhub.companies.kept import kept
from clusterhub.companies.models import CompanyTag
from clusterhub.extensions import db
from clusterhub.i18n import lazy_gettext as _l
from clusterhub.labels import label
from clusterhub.navigation import with_query
from clusterhub.posts.models import PostTag
from search.forms import FACET_FILTERS, TYPES, SearchForm
from search.index import IndexMissing, IndexUnavailable, is_empty, remembered
from search.query import MAX_QUERY_LENGTH, QueryError, Results, search
from search.services import database_counts
from search.vocabulary.lookup import counted_name, tag_value, vocabulary
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
TAG_FACETS = ("sector", "competence")  # counted on concepts, named by the cluster's tags


class FacetValue(NamedTuple):
    value: str
    label: str
    count: int
    selected: bool


class FacetGroup(NamedTuple):
    name: str
    title: str
    values: list[FacetValue]


def _written(tags) -> dict[str, str]:
    """{counted value: a spelling of it} for the tags, the spellings of one concept under its key."""
    written: dict[str, str] = {}
    words = vocabulary()  # found once: a cluster has a few hundred spellings
    for tag in tags:
        value = tag_value(tag, words)
        written[value] = min(written.get(value, tag.name), tag.name)
    return written


def _company_tags() -> list:
    # Scoped to the cluster like every query: a value no company or post here uses gets no name. Distinct:
    # a big cluster has tens of thousands of tag rows but a few hundred spellings.
    return db.session.execute(
        select(CompanyTag.kind, CompanyTag.key, CompanyTag.concept_id, CompanyTag.name).distinct()
    ).all()


def _cluster_tags(company_tags: list) -> dict[str, dict[str, str]]:
    post_tags = db.session.execute(select(PostTag.key, PostTag.concept_id, PostTag.name).distinct())
    return {
        "sector": _written(tag for tag in company_tags if tag.kind == "sector"),
        "competence": _written([*(tag for tag in company_tags if tag.kind == "competence"), *post_tags]),
    }


def _kept_tags() -> dict[str, dict[str, str]]:
    """The spellings after a change of the index: a posted need (the common change) leaves the companies'
    tags as they were, and reading them was most of the first search after it; they are kept until the
    cluster's companies change (its directory stamp), the posts' tags read again."""
    tenant_id = current_tenant_id()
    return _cluster_tags(kept(tenant_id, "search tag spellings", _company_tags))


def _tag_spellings(needed: bool) -> dict[str, dict[str, str]]:
    """{facet: {value: a spelling}} of each sector and competence this cluster uses, read once per index
    version; named (counted_name) only when shown: a big cluster's search counts a hundred competences."""
    if not needed:
        return {}
    try:
        return remembered(current_tenant_id(), "tag names", _kept_tags)
    except IndexUnavailable:  # the page says so; the names of the chosen filters are still read
        return _cluster_tags(_company_tags())


def _value_label(name: str, value: str, tags: dict[str, dict[str, str]]) -> str:
    if name == "type":
        return str(TYPES.get(value, value))
    if name in TAG_FACETS:
        written = tags.get(name, {}).get(value)
        return counted_name(value, written) if written else _("a value no company or post here names")
    return label(name, value)


def _facet_groups(form: SearchForm, counts: dict, tags: dict[str, dict[str, str]]) -> list[FacetGroup]:
    chosen = form.filters()
    groups = []
    for name in FACET_FILTERS:
        # A tag value this cluster does not know came from a stale index: never show it.
        shown = [
            (value, count)
            for value, count in counts.get(name, {}).items()
            if name not in TAG_FACETS or value in tags.get(name, {})
        ][:FACET_VALUES_SHOWN]
        values = [
            FacetValue(value, _value_label(name, value, tags), count, chosen.get(name) == value)
            for value, count in shown
        ]
        if values:
            groups.append(FacetGroup(name, str(form[name].label.text), values))
    return groups


def _address_with(address: dict[str, str]):
    # A page of results links every facet value shown (fifty links and more): each is this page's address
    # with its parameters changed, encoded as url_for encodes them, so the route is built only once.
    base = url_for(".index")

    def url(**changes) -> str:
        """This search with filters added, changed or (given None) removed, from its first page."""
        parameters = {name: value for name, value in {**address, **changes}.items() if value is not None}
        return with_query(base, parameters)

    return url


def _page(form: SearchForm, status: int = 200, results=None, **context):
    address, chosen = form.address(), form.filters()
    counts = results.facets if results else {}
    tags = _tag_spellings(any(counts.get(name) or chosen.get(name) for name in TAG_FACETS))
    return render_template(
        "search/index.html",
        form=form,
        results=results,
        address=address,
        search_url=_address_with(address),
        clear_url=url_for(".index", q=address.get("q"), sort=address.get("sort")),
        chosen=[(name, _value_label(name, value, tags)) for name, value in chosen.items()],
        facet_groups=_facet_groups(form, counts, tags),
        # Hits the cluster no longer has (stale index) are dropped: an empty first page is "nothing found".
        found=bool(results and results.total and (results.hits or results.page > 1)),
        **context,
    ), status


@bp.route("")
def index():
    form = SearchForm.from_address()
    if form.q.errors or not (form.text or form.filters()):
        return _page(form, start=not form.q.errors)
    per_page = current_app.config["PAGE_SIZE"]
    try:
        results = search(form.text, form.filters(), form.order, form.page_number, per_page)
    except QueryError as error:
        form.q.errors.append(QUERY_PROBLEMS[str(error)])
        return _page(form)
    except IndexMissing:
        if _has_data():
            return _page(form, 503, unavailable=True, rebuilding=True)
        return _page(form, results=Results([], 0, form.page_number, per_page))  # a new, empty cluster
    except IndexUnavailable:
        return _page(form, 503, unavailable=True)
    if not results.total and is_empty(current_tenant_id()) and _has_data():
        # An index emptied after it was lost (made again empty, its rows deleted): "nothing found" would be
        # a lie until it is rebuilt.
        return _page(form, 503, unavailable=True, rebuilding=True)
    return _page(form, results=results)


def _has_data() -> bool:
    return any(database_counts(current_tenant._get_current_object()).values())
