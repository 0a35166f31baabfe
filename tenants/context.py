"""The cluster a piece of work runs for, kept on the application context."""

from contextlib import contextmanager
from functools import wraps

from flask import g
from werkzeug.local import LocalProxy


def current_tenant_id() -> int | None:
    """The id of the cluster the current work is scoped to, if any."""
    return g.get("tenant_id")


def crossing_tenants() -> bool:
    """True inside `cross_tenant()`, the one sanctioned way to read across clusters."""
    return g.get("cross_tenant", False)


def set_tenant(tenant) -> None:
    """Scope the rest of this request to `tenant`."""
    g.tenant = tenant
    g.tenant_id = tenant.id if tenant is not None else None


@contextmanager
def tenant_scope(tenant):
    """Run a block (CLI, background work) as if inside a request for `tenant`."""
    previous = g.get("tenant")
    set_tenant(tenant)
    try:
        yield tenant
    finally:
        set_tenant(previous)


@contextmanager
def cross_tenant():
    """Read across clusters on purpose: platform administration, a person's own clusters, events."""
    previous = crossing_tenants()
    g.cross_tenant = True
    try:
        yield
    finally:
        g.cross_tenant = previous


def across_clusters(function):
    """Name a function that reads across clusters on purpose: its whole body runs in `cross_tenant()`."""

    @wraps(function)
    def crossing(*args, **kwargs):
        with cross_tenant():
            return function(*args, **kwargs)

    return crossing


def spanning_scope():
    """The scope of pages that span clusters (a conference's), if this work runs in one.

    It has `governs(model)`: the models it keeps apart itself with a criterion of its own, which the
    cluster criterion then leaves to it; every other cluster model stays refused there.
    """
    return g.get("spanning_scope")


def set_spanning_scope(scope) -> None:
    """Keep the rest of this work inside `scope` (None: no longer)."""
    g.spanning_scope = scope


current_tenant = LocalProxy(lambda: g.get("tenant"))
