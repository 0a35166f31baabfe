"""Search documents made from the database, as the current cluster sees it."""

from datetime import UTC, datetime

from sqlalchemy import select
from sqlalchemy.orm import selectinload

from clusterhub.companies.directory import current_member_ids
from clusterhub.companies.models import Company
from clusterhub.extensions import db
from clusterhub.posts.models import Post
from search.vocabulary.lookup import tag_value
from tenants.context import current_tenant_id

BATCH = 500


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


def company_document(company: Company) -> dict:
    sectors = [tag for tag in company.tags if tag.kind == "sector"]
    return {
        "key": company_key(company.id),
        "tenant": str(current_tenant_id()),
        "company": str(company.id),
        "date": _naive_utc(company.updated_at),
        "type": "company",
        "sector": _values(sectors),
        "competence": _values(tag for tag in company.tags if tag.kind == "competence"),
        "region": company.region or "",
        "size": company.size or "",
        "role": ",".join(company.role_names),
        "title": company.name,
        "competences": _joined(*company.tag_names("competence")),
        "sectors": _joined(*(tag.name for tag in sectors)),
        "infrastructure": company.infrastructure,
        "directions": _joined(company.development_directions, company.partnership_interests),
        "body": company.description,
    }


def post_document(post: Post) -> dict:
    return {
        "key": post_key(post.id),
        "tenant": str(current_tenant_id()),
        "company": str(post.company_id),
        "date": _naive_utc(post.created_at),
        "type": "post",
        "kind": post.kind,
        "category": post.category,
        "status": post.status,
        "region": ",".join(post.region_names),
        "competence": _values(post.tags),
        "title": post.title,
        "competences": _joined(*post.tag_names),
        "body": post.body,
    }


def _companies():
    # A former member is not found in search or matches; its page stays readable through its history.
    return (
        select(Company)
        .where(Company.id.in_(current_member_ids()))
        .options(selectinload(Company.tags), selectinload(Company.roles))
    )


def _posts():
    return select(Post).options(selectinload(Post.tags), selectinload(Post.regions))


def documents_for(keys: set[str]) -> dict[str, dict | None]:
    """The current document of each key; None where the cluster no longer has the object."""
    ids = ids_by_kind(keys)
    found: dict[str, dict | None] = dict.fromkeys(keys)
    for company in db.session.scalars(_companies().where(Company.id.in_(ids["company"]))):
        found[company_key(company.id)] = company_document(company)
    for post in db.session.scalars(_posts().where(Post.id.in_(ids["post"]))):
        found[post_key(post.id)] = post_document(post)
    return found


def all_documents():
    """Every document of the current cluster, read in batches."""
    for statement, make in ((_companies(), company_document), (_posts(), post_document)):
        for item in db.session.scalars(statement.execution_options(yield_per=BATCH)):
            yield make(item)
