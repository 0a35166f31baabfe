"""The ONE place where cluster data is kept inside its cluster.

Every ORM SELECT, UPDATE and DELETE gets `with_loader_criteria` for the cluster-owned mixins
(SQLAlchemy's "global WHERE criteria" recipe, which 2.x applies to bulk UPDATE and DELETE too), every
new cluster-owned row gets its tenant_id at flush, and a statement for cluster data with no cluster
chosen fails loudly instead of reading or changing them all. Pages that span clusters (a conference's)
run in a spanning scope that keeps the models it governs apart with its own criterion
(clusterhub/conferences/scoping.py); the rest of the cluster data stays refused there.
"""

from functools import cache, lru_cache

from sqlalchemy import event
from sqlalchemy.orm import ORMExecuteState, Session, with_loader_criteria

from clusterhub.db import Base
from tenants.context import crossing_tenants, current_tenant_id, spanning_scope
from tenants.models import TenantHosted, TenantScoped, TenantShared

_SCOPED = (TenantScoped, TenantShared)


class TenantScopeError(RuntimeError):
    """Cluster data was touched with no cluster chosen and no `cross_tenant()` block."""


@cache
def _shared_models() -> tuple[type, ...]:
    # SQLAlchemy analyses a criteria lambda with the class it is given, and TenantShared itself
    # has no columns, so every shared model gets an option of its own.
    return tuple(m.class_ for m in Base.registry.mappers if issubclass(m.class_, TenantShared))


def _touches_cluster_data(state: ORMExecuteState) -> bool:
    spanning = spanning_scope()
    return any(
        issubclass(mapper.class_, _SCOPED) and not (spanning is not None and spanning.governs(mapper.class_))
        for mapper in state.all_mappers
    )


def needs_scope(state: ORMExecuteState) -> bool:
    """Whether a statement is one a scope filters (column and relationship loads are not)."""
    if state.is_update or state.is_delete:
        return True
    # Column and relationship loads inherit the criteria of the query that loaded their parent.
    return state.is_select and not state.is_column_load and not state.is_relationship_load


def _scope_statement(state: ORMExecuteState) -> None:
    if not needs_scope(state):
        return
    if crossing_tenants():
        return
    tenant_id = current_tenant_id()
    if tenant_id is None:
        if _touches_cluster_data(state):
            raise TenantScopeError(
                "query for cluster data outside a cluster; use tenant_scope() or cross_tenant()"
            )
        return
    state.statement = state.statement.options(*_criteria(tenant_id))


@lru_cache(maxsize=1024)
def _criteria(tenant_id: int) -> tuple:
    """A cluster's criteria options, made once per cluster and process: making them anew took about 0.1 ms
    of every statement (they are immutable, and the lambdas keep `tenant_id` as a bound parameter)."""
    return (
        with_loader_criteria(TenantScoped, lambda cls: cls.tenant_id == tenant_id, include_aliases=True),
        *(
            with_loader_criteria(model, lambda cls: cls.visible_in_tenant(tenant_id), include_aliases=True)
            for model in _shared_models()
        ),
    )


def _owner_id(obj: TenantScoped) -> int | None:
    tenant = getattr(obj, "tenant", None)
    if obj.tenant_id is None and tenant is not None:
        return tenant.id
    return obj.tenant_id


def _stamp_new_rows(session: Session, flush_context, instances) -> None:
    tenant_id = current_tenant_id()
    for obj in session.new:
        if isinstance(obj, TenantHosted) and obj.tenant_id is None:
            obj.tenant_id = tenant_id
        if not isinstance(obj, TenantScoped):
            continue
        owner_id = _owner_id(obj)
        if owner_id is None and tenant_id is None:
            raise TenantScopeError(f"new {type(obj).__name__} outside a cluster")
        if (
            owner_id is not None
            and tenant_id is not None
            and owner_id != tenant_id
            and not crossing_tenants()
        ):
            raise TenantScopeError(f"new {type(obj).__name__} for another cluster")
        obj.tenant_id = owner_id if owner_id is not None else tenant_id


def install(session_class) -> None:
    """Attach the scoping listeners to every session the app makes (once per process)."""
    for name, listener in (("do_orm_execute", _scope_statement), ("before_flush", _stamp_new_rows)):
        if not event.contains(session_class, name, listener):
            event.listen(session_class, name, listener)
