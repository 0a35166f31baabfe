"""The cluster indexes on disk: a folder per cluster, a searcher per thread, writers that wait their turn."""

import fcntl
import logging
import threading
from collections import OrderedDict
from contextlib import contextmanager
from pathlib import Path
from weakref import WeakKeyDictionary

from flask import current_app
from whoosh import index
from whoosh.query import Term
from whoosh.writing import CLEAR, LockError

from search.schema import INDEX_NAME, SCHEMA

# A writer waits this long for another process's writer; after that its work stays in the outbox.
WRITE_TIMEOUT = 10.0
# Each open searcher holds a few files open; the least recently used ones are closed beyond this.
OPEN_SEARCHERS = 32
OPEN_ATTEMPTS = 5
log = logging.getLogger(__name__)
_local = threading.local()
_remembered: WeakKeyDictionary = WeakKeyDictionary()
REMEMBERED_VALUES = 64


class IndexUnavailable(RuntimeError):
    """The cluster's index cannot be read (damaged files, a disk problem); searching must say so."""


class IndexMissing(IndexUnavailable):
    """The cluster has no index (never written to, or deleted): reading does not make an empty one."""


# Left in a cluster's index folder when a search found a damaged segment, so `/healthz` and `flask check`
# report it (also to other processes) until a rebuild replaces the index.
DAMAGED_MARK = "DAMAGED"


def cluster_dir(tenant_id: int) -> Path:
    return Path(current_app.config["INDEX_DIR"]) / f"cluster-{tenant_id}"


@contextmanager
def _creation_lock(folder: Path):
    with (folder / "create.lock").open("w") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        yield


def exists(tenant_id: int) -> bool:
    """True when the cluster's index is there, damaged or not (open_index would make a deleted one
    again, empty); judged by its table of contents without reading it."""
    folder = cluster_dir(tenant_id)
    if folder.exists() and not folder.is_dir():
        return True  # there, but not a folder: opening it fails and says why
    return any(folder.glob(f"_{INDEX_NAME}_*.toc"))


def open_index(tenant_id: int):
    """The cluster's index, created empty on first use (by one process even when several start at once)."""
    folder = cluster_dir(tenant_id)
    folder.mkdir(parents=True, exist_ok=True)
    for attempt in range(1, OPEN_ATTEMPTS + 1):
        try:
            return _open_or_create(folder)
        except FileNotFoundError:
            # A writer in another process committed between our listing of the folder and our reading
            # of the table of contents it showed, and deleted that one; the next listing has the new one.
            if attempt == OPEN_ATTEMPTS:
                raise


def _open_or_create(folder: Path):
    if not index.exists_in(folder, INDEX_NAME):
        with _creation_lock(folder):
            if not index.exists_in(folder, INDEX_NAME):
                return index.create_in(folder, SCHEMA, INDEX_NAME)
    return index.open_dir(folder, INDEX_NAME)


def is_marked_damaged(tenant_id: int) -> bool:
    """True when a search found the cluster's index damaged and no rebuild has replaced it since."""
    return (cluster_dir(tenant_id) / DAMAGED_MARK).exists()


def _mark_damaged(tenant_id: int) -> None:
    try:
        (cluster_dir(tenant_id) / DAMAGED_MARK).touch()
    except OSError:  # the folder itself is gone or read-only: the health check finds that anyway
        log.warning("search index of cluster %s: cannot leave the damage mark", tenant_id)


@contextmanager
def reading(tenant_id: int, passing: tuple[type[Exception], ...] = ()):
    """Read the cluster's index inside this block: a failure of Whoosh's (a damaged segment fails in
    whatever way its bytes lead to) becomes IndexUnavailable, and the index is marked damaged.
    Exceptions of the `passing` kinds (the caller's own) go through as they are."""
    try:
        yield
    except (IndexUnavailable, *passing):
        raise
    except Exception as error:  # Whoosh has no common base class for a damaged index.
        log.exception("search index of cluster %s failed while searching", tenant_id)
        _mark_damaged(tenant_id)
        raise IndexUnavailable(str(cluster_dir(tenant_id))) from error


def searcher(tenant_id: int):
    """This thread's searcher of the cluster's index, reopened only when the index has changed.

    A cluster without an index gets IndexMissing: creating an empty one here would turn a deleted
    index into silently empty results (only writers create an index)."""
    cache = _local.__dict__.setdefault("searchers", OrderedDict())
    folder = str(cluster_dir(tenant_id))
    if not exists(tenant_id):
        stale = cache.pop(folder, None)
        if stale is not None:
            stale.close()
        raise IndexMissing(folder)
    try:
        current = cache.pop(folder, None)
        # Not Searcher.refresh(): it keeps the readers of unchanged segments with their old deletions,
        # so an updated document would be found twice (old and new version) until the next reopen.
        up_to_date = current is not None and current.up_to_date()
        fresh = current if up_to_date else open_index(tenant_id).searcher()
    except Exception as error:  # Whoosh has no common base class for a damaged index.
        log.exception("search index of cluster %s cannot be read", tenant_id)
        raise IndexUnavailable(folder) from error
    if current is not None and current is not fresh:
        current.close()
    cache[folder] = fresh
    if len(cache) > OPEN_SEARCHERS:
        cache.popitem(last=False)[1].close()
    return fresh


def is_empty(tenant_id: int) -> bool:
    """True when the cluster's index holds no document at all."""
    return searcher(tenant_id).doc_count() == 0


def remembered(searcher, key: str, compute):
    """`compute()`, done once per index version: the value lives as long as this searcher."""
    values = _remembered.setdefault(searcher, {})
    if key not in values:
        if len(values) >= REMEMBERED_VALUES:
            values.clear()
        values[key] = compute()
    return values[key]


def documents_matching(searcher, query) -> set[int]:
    """The documents `query` matches in this searcher's index version.

    Filters (this cluster, open offers…) repeat on every search; recomputing one costs more than the search.
    Whoosh takes an empty set for "no filter": callers must not search with an empty one.
    """
    return remembered(searcher, repr(query), lambda: set(searcher.docs_for_query(query)))


def write(tenant_id: int, read_documents) -> dict[str, dict | None] | None:
    """Add or replace the documents `read_documents()` returns, delete the keys it gives None.

    They are read only once this writer holds the lock, so a writer that waited for another one
    cannot store an older version over the newer one stored meanwhile. Returns the documents;
    None if another writer kept the lock.
    """
    try:
        writer = open_index(tenant_id).writer(timeout=WRITE_TIMEOUT, delay=0.05)
    except LockError:
        log.warning("search index of cluster %s is locked; the changes wait in the outbox", tenant_id)
        return None
    try:
        documents = read_documents()
        for key, document in documents.items():
            if document is None:
                writer.delete_by_term("key", key)
            else:
                writer.update_document(**document)
        writer.commit()
    finally:
        # Whoosh's own `with writer` keeps the lock when the commit itself fails, and every later write
        # of this cluster would then wait for a lock nobody gives back.
        if not writer.is_closed:
            writer.cancel()
    return documents


def _index_to_rebuild(tenant_id: int):
    # A damaged index cannot be opened; the rebuild replaces it whole anyway.
    try:
        return open_index(tenant_id)
    except Exception:  # Whoosh has no common base class for a damaged index.
        log.warning("search index of cluster %s cannot be read; it is created afresh", tenant_id)
        folder = cluster_dir(tenant_id)
        with _creation_lock(folder):
            return index.create_in(folder, SCHEMA, INDEX_NAME)


def replace_all(tenant_id: int, documents, processes: int = 1) -> int:
    """Swap the cluster's whole index for `documents` at once; searchers see the old one until then."""
    options = {"procs": processes, "limitmb": 256, "multisegment": True} if processes > 1 else {}
    writer = _index_to_rebuild(tenant_id).writer(timeout=WRITE_TIMEOUT * 6, delay=0.1, **options)
    count = 0
    try:
        for document in documents:
            writer.add_document(**document)
            count += 1
    except BaseException:
        writer.cancel()
        raise
    writer.commit(mergetype=CLEAR)
    (cluster_dir(tenant_id) / DAMAGED_MARK).unlink(missing_ok=True)
    return count


def verify(tenant_id: int) -> None:
    """Read every term's postings and every stored document of the cluster's index (slow on a big one:
    for `flask check`); raises IndexUnavailable where a segment is damaged."""
    if not exists(tenant_id):
        raise IndexMissing(str(cluster_dir(tenant_id)))
    with reading(tenant_id), open_index(tenant_id).reader() as reader:
        for _ in reader.iter_postings():
            pass
        for _ in reader.all_stored_fields():
            pass


def document_counts(tenant_id: int) -> dict[str, int]:
    """How many documents of each type the cluster's index holds."""
    reader = searcher(tenant_id)
    return {
        kind: len(reader.search(Term("type", kind), limit=None, scored=False)) for kind in ("company", "post")
    }
