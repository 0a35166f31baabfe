"""Figures about a cluster's companies, kept per cluster until its companies change; the needs
dashboard's counts of its posts, kept until its posts or companies change or the day ends; and the lists of
stored match suggestions a company's pages show, kept until the cluster's suggestions change as well.

Reading every member's tags was most of the directory's and the needs dashboard's time on a cluster of
thousands. Each process keeps what it computed with the cluster's stamp (`DirectoryStamp`); the change hook
(search/hooks.py) gives the cluster a new stamp in the transaction that changes a company, its tags or a
membership (a new posts stamp for a post, its tags or regions; search/matching/stored.py a new matches
stamp when it rewrites suggestions), so every worker process and every application server sees the change
on the next page load.
"""

from collections.abc import Callable, Hashable
from datetime import date
from threading import Lock
from uuid import uuid4

from sqlalchemy import Connection, select
from sqlalchemy.dialects import postgresql, sqlite

from clusterhub.companies.directory import tag_names
from clusterhub.companies.models import TAG_KINDS, DirectoryStamp
from clusterhub.extensions import db

_INSERTS = {"sqlite": sqlite.insert, "postgresql": postgresql.insert}
# {(cluster id, what): (stamp, value)}; one entry per cluster and figure (per company, page and language for
# the lists of suggestions), replaced when the stamp moves on.
_held: dict[tuple[int, Hashable], tuple[tuple, object]] = {}
# Entries a process keeps: a list of suggestions as HTML is about 10 KB; the oldest computed make way.
HELD = 2_000
_lock = Lock()
STAMPS = ("stamp", "posts_stamp", "matches_stamp")


def mark_changed(
    connection: Connection,
    companies: set[int],
    posts: set[int] = frozenset(),
    matches: set[int] = frozenset(),
) -> None:
    """Give each cluster whose companies changed a new stamp, each whose posts changed a new posts stamp and
    each whose stored suggestions changed a new matches stamp, in the transaction of `connection` (a rollback
    keeps the old ones). A cluster's first row gets all three."""
    insert = _INSERTS[connection.dialect.name](DirectoryStamp)
    # Cluster by cluster in id order, so two transactions touching the same clusters wait for each other,
    # never deadlock.
    changes = list(zip(STAMPS, (companies, posts, matches), strict=True))
    for tenant_id in sorted(companies | posts | matches):
        changed = [name for name, ids in changes if tenant_id in ids]
        statement = insert.on_conflict_do_update(
            index_elements=[DirectoryStamp.tenant_id], set_={name: insert.excluded[name] for name in changed}
        )
        connection.execute(statement, {"tenant_id": tenant_id, **{name: uuid4().hex for name in STAMPS}})


def _held_or_computed(key: tuple[int, str], stamp: tuple | None, compute: Callable[[], object]):
    # The stamp is read before the data: a value computed meanwhile from newer data is at worst kept under
    # the older stamp, which no longer matches, never the other way round.
    held = _held.get(key)
    if stamp is not None and held is not None and held[0] == stamp:
        return held[1]
    value = compute()
    # A cluster no change has stamped yet (rows written around the ORM) is read afresh each time.
    if stamp is not None:
        hold(_held, key, (stamp, value), HELD)
    return value


def hold(held: dict, key: Hashable, value, bound: int) -> None:
    """Keep `value` at `key` of a process's store, the oldest kept making way past `bound`."""
    # Under a lock: threads of one worker process evict from the same dict.
    with _lock:
        held.pop(key, None)
        held[key] = value
        while len(held) > bound:
            del held[next(iter(held))]


def kept(tenant_id: int, what: str, compute: Callable[[], object]):
    """`compute()`, reading only the cluster's companies, tags and memberships: kept until they change."""
    stamp = db.session.scalar(select(DirectoryStamp.stamp).where(DirectoryStamp.tenant_id == tenant_id))
    return _held_or_computed((tenant_id, what), stamp and (stamp,), compute)


def kept_for_day(tenant_id: int, what: str, day: date, compute: Callable[[], object]):
    """`compute()`, reading the cluster's posts, their tags and regions besides its companies, as of `day`:
    kept until either changes or the day is over (one value per `what`, the last day's)."""
    stamps = db.session.execute(
        select(DirectoryStamp.stamp, DirectoryStamp.posts_stamp).where(DirectoryStamp.tenant_id == tenant_id)
    ).first()
    return _held_or_computed((tenant_id, what), stamps and (*stamps, day), compute)


def kept_with_suggestions(tenant_id: int, what: Hashable, inputs: tuple, compute: Callable[[], object]):
    """`compute()`, reading the cluster's stored match suggestions, posts and companies, and `inputs` (all
    else it reads, the day included): kept until any of them changes."""
    columns = (getattr(DirectoryStamp, name) for name in STAMPS)
    stamps = db.session.execute(select(*columns).where(DirectoryStamp.tenant_id == tenant_id)).first()
    return _held_or_computed((tenant_id, what), stamps and (*stamps, *inputs), compute)


def filter_lists(tenant_id: int) -> dict[str, list[str]]:
    """{"sector": names, "competence": names} of the cluster's current members, as `tag_names` gives them."""
    return kept(tenant_id, "filter lists", lambda: {kind: tag_names(kind) for kind in TAG_KINDS})
