"""Figures about a cluster's companies, kept per cluster until its companies change.

Reading every member's tags was most of the directory's and the needs dashboard's time on a cluster of
thousands. Each process keeps what it computed with the cluster's stamp (`DirectoryStamp`); the change hook
(search/hooks.py) gives the cluster a new stamp in the transaction that changes a company, its tags or a
membership, so every worker process and every application server sees the change on the next page load.
"""

from collections.abc import Callable
from uuid import uuid4

from sqlalchemy import Connection, select
from sqlalchemy.dialects import postgresql, sqlite

from clusterhub.companies.directory import tag_names
from clusterhub.companies.models import TAG_KINDS, DirectoryStamp
from clusterhub.extensions import db

_INSERTS = {"sqlite": sqlite.insert, "postgresql": postgresql.insert}
# {(cluster id, what): (stamp, value)}; one entry per cluster and figure, replaced when the stamp moves on.
_held: dict[tuple[int, str], tuple[str, object]] = {}


def mark_changed(connection: Connection, tenant_ids: set[int]) -> None:
    """Give each cluster a new stamp, in the transaction of `connection` (a rollback keeps the old one)."""
    if not tenant_ids:
        return
    insert = _INSERTS[connection.dialect.name](DirectoryStamp)
    statement = insert.on_conflict_do_update(
        index_elements=[DirectoryStamp.tenant_id], set_={"stamp": insert.excluded.stamp}
    )
    # In id order, so two transactions touching the same clusters wait for each other, never deadlock.
    connection.execute(statement, [{"tenant_id": t, "stamp": uuid4().hex} for t in sorted(tenant_ids)])


def kept(tenant_id: int, what: str, compute: Callable[[], object]):
    """`compute()`, reading only the cluster's companies, tags and memberships: kept until they change."""
    # The stamp is read before the data: a value computed meanwhile from newer data is at worst kept under
    # the older stamp, which no longer matches, never the other way round.
    stamp = db.session.scalar(select(DirectoryStamp.stamp).where(DirectoryStamp.tenant_id == tenant_id))
    held = _held.get((tenant_id, what))
    if stamp is not None and held is not None and held[0] == stamp:
        return held[1]
    value = compute()
    # A cluster no change has stamped yet (rows written around the ORM) is read afresh each time.
    if stamp is not None:
        _held[(tenant_id, what)] = (stamp, value)
    return value


def filter_lists(tenant_id: int) -> dict[str, list[str]]:
    """{"sector": names, "competence": names} of the cluster's current members, as `tag_names` gives them."""
    return kept(tenant_id, "filter lists", lambda: {kind: tag_names(kind) for kind in TAG_KINDS})
