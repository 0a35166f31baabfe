"""Figures about a cluster's companies, kept per cluster until its companies change; and the needs
dashboard's counts of its posts, kept until its posts or companies change or the day ends.

Reading every member's tags was most of the directory's and the needs dashboard's time on a cluster of
thousands. Each process keeps what it computed with the cluster's stamp (`DirectoryStamp`); the change hook
(search/hooks.py) gives the cluster a new stamp in the transaction that changes a company, its tags or a
membership (a new posts stamp for a post, its tags or regions), so every worker process and every
application server sees the change on the next page load.
"""

from collections.abc import Callable
from datetime import date
from uuid import uuid4

from sqlalchemy import Connection, select
from sqlalchemy.dialects import postgresql, sqlite

from clusterhub.companies.directory import tag_names
from clusterhub.companies.models import TAG_KINDS, DirectoryStamp
from clusterhub.extensions import db

_INSERTS = {"sqlite": sqlite.insert, "postgresql": postgresql.insert}
# {(cluster id, what): (stamp, value)}; one entry per cluster and figure, replaced when the stamp moves on.
_held: dict[tuple[int, str], tuple[tuple, object]] = {}


def mark_changed(connection: Connection, companies: set[int], posts: set[int] = frozenset()) -> None:
    """Give each cluster whose companies changed a new stamp, and each whose posts changed a new posts stamp,
    in the transaction of `connection` (a rollback keeps the old ones). A cluster's first row gets both."""
    insert = _INSERTS[connection.dialect.name](DirectoryStamp)
    # Cluster by cluster in id order, so two transactions touching the same clusters wait for each other,
    # never deadlock.
    for tenant_id in sorted(companies | posts):
        changed = [name for name, ids in (("stamp", companies), ("posts_stamp", posts)) if tenant_id in ids]
        statement = insert.on_conflict_do_update(
            index_elements=[DirectoryStamp.tenant_id], set_={name: insert.excluded[name] for name in changed}
        )
        connection.execute(
            statement, {"tenant_id": tenant_id, "stamp": uuid4().hex, "posts_stamp": uuid4().hex}
        )


def _held_or_computed(key: tuple[int, str], stamp: tuple | None, compute: Callable[[], object]):
    # The stamp is read before the data: a value computed meanwhile from newer data is at worst kept under
    # the older stamp, which no longer matches, never the other way round.
    held = _held.get(key)
    if stamp is not None and held is not None and held[0] == stamp:
        return held[1]
    value = compute()
    # A cluster no change has stamped yet (rows written around the ORM) is read afresh each time.
    if stamp is not None:
        _held[key] = (stamp, value)
    return value


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


def filter_lists(tenant_id: int) -> dict[str, list[str]]:
    """{"sector": names, "competence": names} of the cluster's current members, as `tag_names` gives them."""
    return kept(tenant_id, "filter lists", lambda: {kind: tag_names(kind) for kind in TAG_KINDS})
