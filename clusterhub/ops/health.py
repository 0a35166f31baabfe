"""What `/healthz` and `flask check` look at: the database answers, the search indexes are there, hold
documents where the cluster has data, open, and no search has found them damaged."""

import logging
import tempfile
from pathlib import Path

from flask import current_app
from sqlalchemy import select
from sqlalchemy.exc import SQLAlchemyError
from whoosh import index

from clusterhub.companies.models import CompanyMembership
from clusterhub.extensions import db
from clusterhub.posts.models import Post
from search import index as search_index
from search.schema import INDEX_NAME
from tenants.context import cross_tenant
from tenants.models import Tenant

log = logging.getLogger(__name__)


def writable(folder: Path) -> bool:
    """True when files can be created in `folder` (made when missing)."""
    try:
        folder.mkdir(parents=True, exist_ok=True)
        with tempfile.TemporaryFile(dir=folder):
            return True
    except OSError:
        return False


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
        return index.open_dir(search_index.cluster_dir(tenant_id), INDEX_NAME).doc_count() == 0
    except Exception:  # damaged: index_ok and `flask check` report that
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
    """The index folder takes new files, every cluster with data has its index, and every index there
    opens with all its segments."""
    folder = Path(current_app.config["INDEX_DIR"])
    if not writable(folder):
        log.error("health: the index folder is not writable")
        return False
    missing = clusters_without_index()
    if missing:
        log.error("health: %d clusters with data have no search index, or an empty one", len(missing))
        return False
    if damaged_clusters():
        log.error("health: a search found a damaged index; rebuild it with `search reindex`")
        return False
    try:
        # Not search.index.open_index: it would create an index for a cluster that has none yet.
        # A writer swapping segments at this very moment can fail one check; monitors wait for a second.
        for cluster in folder.glob("cluster-*"):
            if any(cluster.glob("*.toc")):
                index.open_dir(cluster, INDEX_NAME).reader().close()
    except Exception:  # Whoosh has no common base class for a damaged index.
        log.exception("health: a search index cannot be opened")
        return False
    return True
