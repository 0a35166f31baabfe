"""Search documents made from the database, as the current cluster sees it."""

from collections import defaultdict
from collections.abc import Iterator
from datetime import UTC, datetime
from itertools import chain

from sqlalchemy import select

from clusterhub.companies.directory import current_member_ids
from clusterhub.companies.models import Company, CompanyMembership, CompanyRole, CompanyTag, in_chain_order
from clusterhub.extensions import db
from clusterhub.posts.models import Post, PostRegion, PostTag
from search.vocabulary.lookup import tag_value
from tenants.context import current_tenant_id


def company_key(company_id: int) -> str:
    return f"company:{company_id}"


def post_key(post_id: int) -> str:
    return f"post:{post_id}"


def parse_key(key: str) -> tuple[str, int]:
    """("company", 12) for "company:12"."""
    kind, _, number = key.partition(":")
    return kind, int(number)


def ids_by_kind(keys) -> dict[str, set[int]]:
    """The company ids and the post ids among document keys."""
    ids = {"company": set(), "post": set()}
    for key in keys:
        kind, number = parse_key(key)
        ids[kind].add(number)
    return ids


def _naive_utc(moment: datetime) -> datetime:
    # Whoosh stores plain datetimes; the database gives aware ones.
    return moment.astimezone(UTC).replace(tzinfo=None) if moment.tzinfo else moment


def _joined(*parts: str | None) -> str:
    return "\n".join(part for part in parts if part)


def _values(tags) -> str:
    # Facets count concepts: the spellings of one concept are one value.
    return ",".join(dict.fromkeys(tag_value(tag) for tag in tags))


# Read as plain rows, not ORM objects: a full reindex makes some 30,000 documents per big cluster, and
# building their objects and tag collections took three quarters of its reading time.
COMPANY_COLUMNS = (
    Company.id,
    Company.updated_at,
    Company.name,
    Company.region,
    Company.size,
    Company.infrastructure,
    Company.development_directions,
    Company.partnership_interests,
    Company.description,
)
POST_COLUMNS = (
    Post.id,
    Post.company_id,
    Post.created_at,
    Post.kind,
    Post.category,
    Post.status,
    Post.title,
    Post.body,
)


def company_document(company, tags: list, roles: list[str]) -> dict:
    """A company's document from its row, its tag rows (by key) and its role names."""
    sectors = [tag for tag in tags if tag.kind == "sector"]
    competences = [tag for tag in tags if tag.kind == "competence"]
    return {
        "key": company_key(company.id),
        "tenant": str(current_tenant_id()),
        "company": str(company.id),
        "date": _naive_utc(company.updated_at),
        "type": "company",
        "sector": _values(sectors),
        "competence": _values(competences),
        "region": company.region or "",
        "size": company.size or "",
        "role": ",".join(in_chain_order(roles)),
        "title": company.name,
        "competences": _joined(*(tag.name for tag in competences)),
        "sectors": _joined(*(tag.name for tag in sectors)),
        "infrastructure": company.infrastructure,
        "directions": _joined(company.development_directions, company.partnership_interests),
        "body": company.description,
    }


def post_document(post, tags: list, regions: list[str]) -> dict:
    """A post's document from its row, its tag rows (by key) and its region names (in order)."""
    return {
        "key": post_key(post.id),
        "tenant": str(current_tenant_id()),
        "company": str(post.company_id),
        "date": _naive_utc(post.created_at),
        "type": "post",
        "kind": post.kind,
        "category": post.category,
        "status": post.status,
        "region": ",".join(regions),
        "competence": _values(tags),
        "title": post.title,
        "competences": _joined(*(tag.name for tag in tags)),
        "body": post.body,
    }


def _by_owner(statement) -> dict[int, list]:
    """The rows of `statement` grouped by their first column (the company's or the post's id)."""
    grouped = defaultdict(list)
    for row in db.session.execute(statement):
        grouped[row[0]].append(row)
    return grouped


def _names(grouped: dict[int, list]) -> dict[int, list[str]]:
    return {owner: [row[1] for row in rows] for owner, rows in grouped.items()}


def _companies(ids) -> Iterator[dict]:
    """The documents of the companies whose ids `ids` (a collection or a select) gives."""
    tags = _by_owner(
        select(CompanyTag.company_id, CompanyTag.kind, CompanyTag.name, CompanyTag.key, CompanyTag.concept_id)
        .where(CompanyTag.company_id.in_(ids))
        .order_by(CompanyTag.company_id, CompanyTag.key)
    )
    roles = _names(
        _by_owner(
            select(CompanyRole.company_id, CompanyRole.role)
            .where(CompanyRole.company_id.in_(ids))
            .order_by(CompanyRole.company_id, CompanyRole.role)
        )
    )
    for company in db.session.execute(select(*COMPANY_COLUMNS).where(Company.id.in_(ids))):
        yield company_document(company, tags.get(company.id, []), roles.get(company.id, []))


def _posts(*where) -> Iterator[dict]:
    """The documents of the current cluster's posts that `where` picks (all of them without it)."""
    tags = _by_owner(
        select(PostTag.post_id, PostTag.name, PostTag.key, PostTag.concept_id)
        .join(Post, Post.id == PostTag.post_id)
        .where(*where)
        .order_by(PostTag.post_id, PostTag.key)
    )
    regions = _names(
        _by_owner(
            select(PostRegion.post_id, PostRegion.region)
            .join(Post, Post.id == PostRegion.post_id)
            .where(*where)
            .order_by(PostRegion.post_id, PostRegion.region)
        )
    )
    for post in db.session.execute(select(*POST_COLUMNS).where(*where)):
        yield post_document(post, tags.get(post.id, []), regions.get(post.id, []))


def documents_for(keys: set[str]) -> dict[str, dict | None]:
    """The current document of each key; None where the cluster no longer has the object."""
    ids = ids_by_kind(keys)
    found: dict[str, dict | None] = dict.fromkeys(keys)
    # A former member is not found in search or matches; its page stays readable through its history.
    members = select(CompanyMembership.company_id).where(
        CompanyMembership.is_current, CompanyMembership.company_id.in_(ids["company"])
    )
    documents = chain(_companies(members), _posts(Post.id.in_(ids["post"])))
    found.update((document["key"], document) for document in documents)
    return found


def all_documents() -> Iterator[dict]:
    """Every document of the current cluster: its member companies' and its posts'."""
    yield from _companies(current_member_ids())
    yield from _posts()
