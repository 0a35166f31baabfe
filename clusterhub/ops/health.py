"""What `/healthz` and `flask check` look at: the database answers, the search indexes are there, hold
documents where the cluster has data, open, and no search has found them damaged."""

__all__ = ["clusters_without_index", "damaged_clusters", "database_ok", "index_ok", "writable"]

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


def _clusters(with_data_only: bool) -> list[tuple[int, str]]:
    clusters = select(Tenant.id, Tenant.slug).order_by(Tenant.slug)
    if with_data_only:
        clusters = clusters.where(
            Tenant.id.in_(select(CompanyMembership.tenant_id).union(select(Post.tenant_id)))
        )
    try:
        with cross_tenant():
            return [tuple(row) for row in db.session.execute(clusters)]
    except SQLAlchemyError:
        db.session.rollback()  # the database check reports it
        return []


def _empty(tenant_id: int) -> bool:
    try:
        return search_index.is_empty(tenant_id)
    except search_index.IndexUnavailable:  # damaged: index_ok and `flask check` report that
        return False


def clusters_without_index() -> list[str]:
    """The slugs of clusters that have member companies or posts but no search index (deleted, or lost
    with a disk), or an empty one (made again since): their search would find nothing at all."""
    return [
        slug
        for tenant_id, slug in _clusters(with_data_only=True)
        if not search_index.exists(tenant_id) or _empty(tenant_id)
    ]


def damaged_clusters(read_everything: bool = False) -> list[str]:
    """The slugs of clusters whose index a search found damaged; with `read_everything`, also those
    where reading every posting and stored document fails (slow: for `flask check`)."""
    found = []
    for tenant_id, slug in _clusters(with_data_only=False):
        if search_index.is_marked_damaged(tenant_id):
            found.append(slug)
        elif read_everything and search_index.exists(tenant_id):
            try:
                search_index.verify(tenant_id)
            except search_index.IndexUnavailable:
                found.append(slug)
    return found


def index_ok() -> bool:
    """The search backend's store answers (Whoosh: the folder takes new files and every index there opens),
    every cluster with data has an index that holds documents, and no search has found one damaged."""
    if not search_index.healthy():
        return False
    missing = clusters_without_index()
    if missing:
        log.error("health: %d clusters with data have no search index, or an empty one", len(missing))
        return False
    if damaged_clusters():
        log.error("health: a search found a damaged index; rebuild it with `search reindex`")
        return False
    return True
