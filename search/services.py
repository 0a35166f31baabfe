"""Rebuilding a cluster's index from the database, and comparing the two."""

from sqlalchemy import delete, func, select

from clusterhub.companies.directory import current_member_ids
from clusterhub.companies.models import Company
from clusterhub.extensions import db
from clusterhub.posts.models import Post
from search import index
from search.documents import all_documents
from search.hooks import drain
from search.matching import stored
from search.models import IndexOutbox
from tenants.context import tenant_scope


def _counted(documents, step):
    for document in documents:
        yield document
        step()


def rebuild(tenant, processes: int = 1, step=lambda: None) -> int:
    """Index every company and post of the cluster afresh; returns the number of documents."""
    with tenant_scope(tenant):
        # Work recorded before the rebuild read the database is covered by it; later work is not.
        covered = db.session.scalar(
            select(func.max(IndexOutbox.id)).where(IndexOutbox.tenant_id == tenant.id)
        )
        count = index.replace_all(tenant.id, _counted(all_documents(), step), processes)
        if covered is not None:
            db.session.execute(
                delete(IndexOutbox).where(IndexOutbox.tenant_id == tenant.id, IndexOutbox.id <= covered)
            )
        db.session.commit()
    # Changes made while the rebuild ran wait in the outbox (their writers could not get the lock).
    drain({tenant.id})
    return count


def reindex(tenant, processes: int = 1, step=lambda: None) -> tuple[int, int]:
    """Rebuild the cluster's index, then compute all its stored suggestions again from it (telling no one
    of old matches); returns the documents and the suggestions."""
    count = rebuild(tenant, processes, step)
    with tenant_scope(tenant):
        # The rebuild dropped the outbox work it covered: the suggestions that work would have updated too.
        suggestions = stored.recompute_all()
        db.session.commit()
    return count, suggestions


def database_counts(tenant) -> dict[str, int]:
    """How many companies and posts the cluster has."""
    with tenant_scope(tenant):
        return {
            "company": db.session.scalar(
                select(func.count(Company.id)).where(Company.id.in_(current_member_ids()))
            ),
            "post": db.session.scalar(select(func.count(Post.id))),
        }


def status(tenant) -> dict:
    """The cluster's documents in the database and in the index, and index work still waiting."""
    pending = db.session.scalar(select(func.count(IndexOutbox.id)).where(IndexOutbox.tenant_id == tenant.id))
    return {
        "database": database_counts(tenant),
        "index": index.document_counts(tenant.id),
        "pending": pending,
    }


def needs_rebuild(tenant) -> bool:
    """True when the cluster's index cannot be read, holds nothing while the database has data, or (with no
    work waiting) disagrees with the database. Waiting work is the drain's: other application servers add
    some at any moment, and until it is applied the counts cannot be compared."""
    try:
        found = status(tenant)
    except index.IndexUnavailable:
        return True
    if found["pending"]:
        return any(found["database"].values()) and not any(found["index"].values())
    return found["database"] != found["index"]
