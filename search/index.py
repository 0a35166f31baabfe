"""The ONE way the app reaches the search backend: store documents, search, count, check, warm up.

Two backends answer the same calls (search/backends/): Whoosh, an index folder per cluster on this machine
(the default), and PostgreSQL full-text search in the database itself, which keeps no state on the
application servers. `CLUSTERHUB_SEARCH_BACKEND` (whoosh | postgres) chooses; PostgreSQL needs a
PostgreSQL database. Every call works on one cluster, given by its id.

Reading calls (search, candidates, statistics, counts) raise IndexUnavailable when the cluster's index
cannot be read, and IndexMissing (one kind of it) when the cluster has none: reading never makes an empty one.
"""

from flask import current_app

from search.backends import postgres, whoosh
from search.backends.base import ANSWERING, Found, IndexMissing, IndexUnavailable, QueryError, seeking

__all__ = ["ANSWERING", "Found", "IndexMissing", "IndexUnavailable", "QueryError", "seeking"]

BACKENDS = {"whoosh": whoosh, "postgres": postgres}
DEFAULT = "whoosh"


def configure(app) -> None:
    """Settle the app's backend: the setting or the default; PostgreSQL search needs PostgreSQL."""
    chosen = (app.config.get("SEARCH_BACKEND") or DEFAULT).strip().lower()
    if chosen not in BACKENDS:
        raise RuntimeError(f"CLUSTERHUB_SEARCH_BACKEND must be one of {', '.join(BACKENDS)}, not {chosen!r}")
    if chosen == "postgres" and not app.config["SQLALCHEMY_DATABASE_URI"].startswith("postgresql"):
        raise RuntimeError("CLUSTERHUB_SEARCH_BACKEND=postgres needs a PostgreSQL database")
    app.config["SEARCH_BACKEND"] = chosen


def backend():
    """The module of the configured backend."""
    return BACKENDS[current_app.config["SEARCH_BACKEND"]]


def exists(tenant_id: int) -> bool:
    """True when the cluster has an index (damaged or not); a cluster with data and none must be rebuilt."""
    return backend().exists(tenant_id)


def is_empty(tenant_id: int) -> bool:
    """True when the cluster's index holds no document at all (with data, it must be rebuilt)."""
    return backend().is_empty(tenant_id)


def is_marked_damaged(tenant_id: int) -> bool:
    """True when a search found the cluster's index damaged and no rebuild has replaced it since."""
    return backend().is_marked_damaged(tenant_id)


def verify(tenant_id: int) -> None:
    """Read all of the cluster's index (slow: for `flask check`); IndexUnavailable where it is damaged."""
    backend().verify(tenant_id)


def write(tenant_id: int, read_documents) -> dict[str, dict | None] | None:
    """Store the documents `read_documents()` returns (read once the cluster's writer lock is held), delete
    the keys it gives None. Returns the documents; None if another writer kept the lock too long."""
    return backend().write(tenant_id, read_documents)


def replace_all(tenant_id: int, documents, processes: int = 1) -> int:
    """Swap the cluster's documents for `documents` at once; returns how many."""
    return backend().replace_all(tenant_id, documents, processes)


def document_counts(tenant_id: int) -> dict[str, int]:
    """How many company and post documents the cluster's index holds."""
    return backend().document_counts(tenant_id)


def search(tenant_id: int, text: str, filters: dict[str, str], sort: str, offset: int, limit: int) -> Found:
    """The keys of one page of what `text` finds among the documents with the `filters` facet values."""
    return backend().search(tenant_id, text, filters, sort, offset, limit)


def candidates(
    tenant_id: int, terms, beginnings, fields, among, limit: int, postings: dict | None = None
) -> list[tuple[str, int]]:
    """(key, company id) of the documents of one of the `among` kinds (facet values) that have one of
    `terms` or a word starting with one of `beginnings` in `fields`, best first.

    `postings`: kept by a batch of searches, for the backend to keep what they read again and again."""
    return backend().candidates(tenant_id, terms, beginnings, fields, among, limit, postings)


def statistics(tenant_id: int, terms) -> tuple[int, dict[str, int]]:
    """The cluster's document count, and how many titles and bodies hold each term."""
    return backend().statistics(tenant_id, terms)


def remembered(tenant_id: int, key: str, compute):
    """`compute()`, done once per version of the cluster's index."""
    return backend().remembered(tenant_id, key, compute)


def healthy() -> bool:
    """The backend's store can be written and every cluster's index read."""
    return backend().healthy()


def warm_up() -> int:
    """Pay the first search's cost now (at a worker's start); returns the clusters made ready."""
    return backend().warm_up()
