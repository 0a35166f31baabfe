"""The cluster a piece of work runs for, kept on the application context."""

from contextlib import contextmanager

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


def cross_tenant_for_request() -> None:
    """Read across clusters for the rest of this request (pages that span clusters: conferences)."""
    g.cross_tenant = True


current_tenant = LocalProxy(lambda: g.get("tenant"))
