"""The member directory: filters, free-text search that ignores case and accents, sort orders."""

from collections import defaultdict

from flask import current_app
from sqlalchemy import Select, case, exists, func, or_, select
from sqlalchemy.orm import contains_eager

from clusterhub.collation import fold, latvian_sort_key
from clusterhub.companies.models import (
    REGIONS,
    Company,
    CompanyMembership,
    CompanyRole,
    CompanyTag,
    in_chain_order,
)
from clusterhub.extensions import db
from clusterhub.navigation import Page, page_number, paginate_ids
from search.vocabulary.lookup import concept_id_named
from tenants.context import cross_tenant

MAX_WORDS = 8

_REGION_ORDER = case({region: place for place, region in enumerate(REGIONS)}, value=Company.region, else_=99)
SORTS = {
    "name": (Company.name_sort, Company.id),
    "newest": (CompanyMembership.member_since.desc(), Company.name_sort, Company.id),
    "region": (_REGION_ORDER, Company.name_sort, Company.id),
    "updated": (Company.updated_at.desc(), Company.id),
}


_SEARCHED = (
    Company.name,
    Company.registration_number,
    Company.description,
    Company.website,
    Company.infrastructure,
    Company.development_directions,
    Company.partnership_interests,
    Company.other_clusters,
)


def current_member_ids():
    """The ids of the current cluster's member companies that have not left, for `Company.id.in_(…)`.

    A company that left keeps its membership row (its history stays readable), so being visible in
    the cluster is not the same as being a member of it.
    """
    return select(CompanyMembership.company_id).where(CompanyMembership.is_current)


def is_current_member(company_id: int) -> bool:
    """Whether the company is a member of the current cluster now (not left, not former)."""
    return db.session.scalar(
        select(exists().where(CompanyMembership.company_id == company_id, CompanyMembership.is_current))
    )


def current_member_companies() -> list[Company]:
    """The current cluster's member companies now, in Latvian alphabetical order."""
    return list(
        db.session.scalars(
            select(Company).where(Company.id.in_(current_member_ids())).order_by(Company.name_sort)
        )
    )


def _matching_ids(words: list[str]) -> list[int]:
    # SQLite's lower() folds only ASCII and neither database drops accents by itself, so the
    # cluster's texts are folded here. A folded search column (or the search index) would let
    # the database do it; for a cluster's few hundred companies this is quick enough.
    texts = defaultdict(list)
    for company_id, *values in db.session.execute(select(Company.id, *_SEARCHED)):
        texts[company_id].extend(value for value in values if value)
    for company_id, name in db.session.execute(select(CompanyTag.company_id, CompanyTag.name)):
        texts[company_id].append(name)
    folded = {company_id: fold(" ".join(parts)) for company_id, parts in texts.items()}
    return [company_id for company_id, text in folded.items() if all(word in text for word in words)]


def _named(name: str):
    """Tags written so, or (when `name` names a concept) linked to the same concept in any spelling."""
    same = CompanyTag.key == latvian_sort_key(name)
    concept_id = concept_id_named(name)
    return same if concept_id is None else or_(same, CompanyTag.concept_id == concept_id)


def _conditions(filters: dict):
    for kind in ("sector", "competence"):
        if filters.get(kind):
            yield Company.tags.any((CompanyTag.kind == kind) & _named(filters[kind]))
    if filters.get("region"):
        yield Company.region == filters["region"]
    if filters.get("size"):
        yield Company.size == filters["size"]
    if filters.get("role"):
        yield Company.roles.any(CompanyRole.role == filters["role"])
    words = fold(filters.get("text") or "").split()[:MAX_WORDS]
    if words:
        yield Company.id.in_(_matching_ids(words))


def _with_profiles(statement: Select) -> Select:
    company = contains_eager(CompanyMembership.company)
    return statement.join(CompanyMembership.company).options(
        company.selectinload(Company.tags), company.selectinload(Company.roles)
    )


def directory(filters: dict, sort: str = "name") -> Select:
    """The statement for the cluster's member companies matching `filters`, as memberships.

    Each row is a CompanyMembership (it carries `member_since` in this cluster) with its company,
    the company's tags and roles loaded.
    """
    return _with_profiles(
        select(CompanyMembership)
        .where(CompanyMembership.is_current, *_conditions(filters))
        .order_by(*SORTS.get(sort, SORTS["name"]))
    )


def _with_companies(statement: Select) -> Select:
    return statement.join(CompanyMembership.company).options(contains_eager(CompanyMembership.company))


def _memberships_shown(ids: list[int]) -> Select:
    return _with_companies(select(CompanyMembership).where(CompanyMembership.id.in_(ids)))


def _memberships_of(company_ids: list[int]) -> Select:
    return _with_companies(select(CompanyMembership).where(CompanyMembership.company_id.in_(company_ids)))


def card_lists(company_ids: list[int]) -> tuple[dict[int, list[str]], dict[int, list[str]]]:
    """({company id: its sectors as written}, {company id: its roles in value-chain order}) for the
    directory's cards: read as plain rows, the page needs two short lists, not every tag and role as an
    object (most of the time it took to load a page's companies)."""
    if not company_ids:
        return {}, {}
    sectors, roles = defaultdict(list), defaultdict(list)
    tags = select(CompanyTag.company_id, CompanyTag.name).where(
        CompanyTag.company_id.in_(company_ids), CompanyTag.kind == "sector"
    )
    for company_id, name in db.session.execute(tags.order_by(CompanyTag.key)):
        sectors[company_id].append(name)
    chosen = select(CompanyRole.company_id, CompanyRole.role).where(CompanyRole.company_id.in_(company_ids))
    for company_id, role in db.session.execute(chosen):
        roles[company_id].append(role)
    return dict(sectors), {company_id: in_chain_order(names) for company_id, names in roles.items()}


# Sorting a cluster's members by name reads each member company's row (a wide one: 10–20 ms CPU for 5,000
# members on SQLite); walking the platform's name index reads one narrow entry per company up to the page,
# other clusters' companies included. A member's row costs about three entries.
_ROW_COST = 3


def _name_index_pays(members: int) -> bool:
    """Whether walking every company in name order reaches the asked page sooner than sorting the members:
    a cluster holding most of the platform's companies, on its first pages."""
    with cross_tenant():  # a count of the platform's companies, nothing shown of them
        companies = db.session.scalar(select(func.count(Company.id)))
    return page_number() * current_app.config["PAGE_SIZE"] * companies < _ROW_COST * members * members


def _in_name_order(members: int) -> Page:
    # The same list as the memberships sorted by their companies' names, read from the companies' side.
    member = exists().where(CompanyMembership.company_id == Company.id, CompanyMembership.is_current)
    ids = select(Company.id).where(member).order_by(*SORTS["name"])
    return paginate_ids(ids, _memberships_of, members, matched_by="company_id")


def directory_page(filters: dict, sort: str = "name") -> Page:
    """One page of `directory`: the sorted membership ids (or, on a large cluster's first pages in name
    order, company ids) are cut first and only the page's companies are loaded; the total counts
    memberships alone, joined to the profiles only when a filter reads them."""
    sort = sort if sort in SORTS else "name"
    conditions = list(_conditions(filters))  # once: the free-text filter reads the cluster's texts
    if sort == "name" and not conditions:
        members = member_count()
        if _name_index_pays(members):
            return _in_name_order(members)
    ids = (
        select(CompanyMembership.id)
        .join(CompanyMembership.company)
        .where(CompanyMembership.is_current, *conditions)
        .order_by(*SORTS[sort])
    )
    profiles = [CompanyMembership.company_id.in_(select(Company.id).where(*conditions))] if conditions else []
    count = select(func.count(CompanyMembership.id)).where(CompanyMembership.is_current, *profiles)
    return paginate_ids(ids, _memberships_shown, count)


def member_count() -> int:
    """How many companies are members of the current cluster (former members not counted)."""
    return db.session.scalar(select(func.count(CompanyMembership.id)).where(CompanyMembership.is_current))


def tag_names(kind: str) -> list[str]:
    """Every sector (or competence) the cluster's current members name, once, in Latvian order; a company
    that left takes away the names only it gave (filtering by them would find nobody)."""
    rows = db.session.execute(
        select(CompanyTag.key, func.min(CompanyTag.name))
        # The cluster's scoping alone would make SQLite read every company's tags of the platform and test
        # each for membership; naming the cluster's companies first reads only theirs (4× faster at 5,000).
        .where(CompanyTag.kind == kind, CompanyTag.company_id.in_(current_member_ids()))
        .group_by(CompanyTag.key)
        .order_by(CompanyTag.key)
    )
    return [name for _, name in rows]
