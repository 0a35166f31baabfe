"""What `/healthz` and `flask check` look at: the database answers, the search indexes are there and open."""

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
    """The index folder takes new files, every cluster with data has its index, and every index there
    opens with all its segments."""
    folder = Path(current_app.config["INDEX_DIR"])
    if not writable(folder):
        log.error("health: the index folder is not writable")
        return False
    missing = clusters_without_index()
    if missing:
        log.error("health: %d clusters with data have no search index", len(missing))
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
