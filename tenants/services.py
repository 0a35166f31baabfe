"""Creating clusters and reading a person's clusters."""

import re

from flask import g, has_app_context
from flask_login import current_user
from sqlalchemy import event, func, select
from sqlalchemy.orm import contains_eager

from clusterhub.extensions import db
from clusterhub.security import audit
from tenants.context import cross_tenant
from tenants.models import ROLES, SLUG_PATTERN, VISION_MAX, Membership, Tenant


class TenantError(ValueError):
    """A cluster could not be created or changed as asked; the message says why."""


class SlugTaken(TenantError):
    """Another cluster is reached at this address already."""


def _check(slug: str, name: str, vision: str, tenant_id: int | None = None) -> None:
    if not re.fullmatch(SLUG_PATTERN, slug or "") or not 2 <= len(slug) <= 60:
        raise TenantError(f"slug {slug!r} must be 2-60 lowercase letters, digits and single hyphens")
    if not name.strip() or len(name) > 200:
        raise TenantError("name must have 1-200 characters")
    if len(vision) > VISION_MAX:
        raise TenantError(f"vision has {len(vision)} characters; at most {VISION_MAX}")
    if db.session.scalar(select(Tenant.id).where(Tenant.slug == slug, Tenant.id != tenant_id)) is not None:
        raise SlugTaken(f"a cluster with slug {slug!r} exists already")


def create_tenant(
    slug: str,
    name: str,
    vision: str = "",
    description: str = "",
    sector: str = "",
    region: str = "",
    admission_criteria: str = "",
) -> Tenant:
    """Add a cluster after checking its address and vision, on the audit log."""
    _check(slug, name, vision)
    tenant = Tenant(
        slug=slug,
        name=name.strip(),
        vision=vision,
        description=description,
        sector=sector,
        region=region,
        admission_criteria=admission_criteria.strip(),
    )
    db.session.add(tenant)
    db.session.flush()
    audit.record("cluster_created", f"cluster:{tenant.id}", tenant_id=tenant.id)
    return tenant


def update_tenant(tenant: Tenant, slug: str, name: str, vision: str, admission_criteria: str) -> None:
    """Rename a cluster, move it to another address, or rewrite its vision and admission criteria."""
    _check(slug, name, vision, tenant.id)
    tenant.slug, tenant.name, tenant.vision = slug, name.strip(), vision
    tenant.admission_criteria = admission_criteria.strip()
    audit.record("cluster_changed", f"cluster:{tenant.id}", tenant_id=tenant.id)


def set_active(tenant: Tenant, active: bool) -> None:
    """Close a cluster (its pages and invitation links stop working, its data stays) or open it again."""
    if tenant.active != active:
        tenant.active = active
        kind = "cluster_reactivated" if active else "cluster_deactivated"
        audit.record(kind, f"cluster:{tenant.id}", tenant_id=tenant.id)


def memberships_of(user) -> list[Membership]:
    """All of a person's active clusters, for the cluster switcher and the start page."""
    with cross_tenant():
        rows = db.session.scalars(
            select(Membership)
            .join(Membership.tenant)
            .options(contains_eager(Membership.tenant))
            .where(Membership.user_id == user.id, Tenant.active.is_(True))
            .order_by(Tenant.name_sort)
        )
        return list(rows)


def my_memberships() -> list[Membership]:
    """The signed-in person's clusters, read once per request: a cluster page is resolved from them, and
    the switcher lists them."""
    if "my_memberships" not in g:
        g.my_memberships = memberships_of(current_user) if current_user.is_authenticated else []
    return g.my_memberships


def _forget_my_memberships(session, _context) -> None:
    # Someone joined or left a cluster: a page this request renders lists the clusters as they are now.
    if has_app_context() and any(isinstance(row, Membership) for row in (*session.new, *session.deleted)):
        g.pop("my_memberships", None)


def install(session_class) -> None:
    """Follow the flushes of every session the app makes (once per process)."""
    if not event.contains(session_class, "after_flush", _forget_my_memberships):
        event.listen(session_class, "after_flush", _forget_my_memberships)


class MembershipError(ValueError):
    """A person could not be added to the cluster; the message says why."""


def add_member(user, role: str = "member", company=None) -> Membership:
    """Make `user` a member of the current cluster, representing `company` (a member company) if given."""
    if role not in ROLES:
        raise MembershipError(f"role must be one of {', '.join(ROLES)}")
    if db.session.scalar(select(Membership.id).where(Membership.user_id == user.id)) is not None:
        raise MembershipError(f"{user.email} is a member of this cluster already")
    membership = Membership(user=user, role=role, company=company)
    db.session.add(membership)
    db.session.flush()
    return membership


def _other_managers(membership: Membership) -> int:
    return db.session.scalar(
        select(func.count(Membership.id)).where(Membership.role == "manager", Membership.id != membership.id)
    )


def change_role(membership: Membership, role: str) -> None:
    """Give a member another role, on the audit log; a cluster always keeps at least one manager."""
    if role not in ROLES:
        raise MembershipError(f"role must be one of {', '.join(ROLES)}")
    if membership.is_manager and role != "manager" and _other_managers(membership) == 0:
        raise MembershipError("last_manager")
    if membership.role != role:
        audit.record(
            "role_changed", f"membership:{membership.id} role:{role}", tenant_id=membership.tenant_id
        )
    membership.role = role


def remove_member(membership: Membership) -> None:
    """Take a person out of the cluster; their account and their company's data stay."""
    if membership.is_manager and _other_managers(membership) == 0:
        raise MembershipError("last_manager")
    db.session.delete(membership)
