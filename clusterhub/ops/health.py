"""What `/healthz` and `flask check` look at: the database answers, the search indexes are there and open."""

__all__ = ["clusters_without_index", "database_ok", "index_ok", "writable"]

import logging

from sqlalchemy import select
from sqlalchemy.exc import SQLAlchemyError

from clusterhub.companies.models import CompanyMembership
from clusterhub.extensions import db
from clusterhub.posts.models import Post
from search import index as search_index
from search.backends.whoosh import writable
from tenants.context import cross_tenant
from tenants.models import Tenant

log = logging.getLogger(__name__)


def database_ok() -> bool:
    """The database answers a trivial query."""
    try:
        db.session.execute(select(1))
    except SQLAlchemyError:
        db.session.rollback()
        log.exception("health: the database does not answer")
        return False
    return True


def clusters_without_index() -> list[str]:
    """The slugs of clusters that have member companies or posts but no search index (deleted, or lost
    with a disk): their search would find nothing at all."""
    with_data = select(CompanyMembership.tenant_id).union(select(Post.tenant_id))
    try:
        with cross_tenant():
            clusters = db.session.execute(
                select(Tenant.id, Tenant.slug).where(Tenant.id.in_(with_data))
            ).all()
    except SQLAlchemyError:
        db.session.rollback()  # the database check reports it
        return []
    return sorted(slug for tenant_id, slug in clusters if not search_index.exists(tenant_id))


def index_ok() -> bool:
    """The search backend's store answers (Whoosh: the folder takes new files and every index there opens)
    and every cluster with data has its index."""
    if not search_index.healthy():
        return False
    missing = clusters_without_index()
    if missing:
        log.error("health: %d clusters with data have no search index", len(missing))
        return False
    return True
