"""Clusters, the mixins that mark cluster-owned data, and people's memberships."""

from sqlalchemy import (
    Boolean,
    CheckConstraint,
    ForeignKey,
    Integer,
    String,
    Text,
    UniqueConstraint,
    false,
    true,
)
from sqlalchemy.orm import Mapped, declared_attr, mapped_column, relationship

from clusterhub.collation import keeps_sort_key
from clusterhub.db import CreatedAtMixin, db

VISION_MAX = 140
SLUG_PATTERN = r"^[a-z0-9]+(?:-[a-z0-9]+)*$"
ROLES = ("member", "manager")


class Tenant(CreatedAtMixin, db.Model):
    """A cluster: one members-only platform."""

    __tablename__ = "tenants"
    __table_args__ = (
        CheckConstraint("length(slug) between 2 and 60", name="slug_length"),
        CheckConstraint(f"length(vision) <= {VISION_MAX}", name="vision_length"),
        CheckConstraint("length(name) > 0", name="name_present"),
        CheckConstraint("segment_new_months between 1 and 120", name="segment_new_months_range"),
        CheckConstraint("segment_active_actions between 1 and 1000", name="segment_active_actions_range"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    slug: Mapped[str] = mapped_column(String(60), unique=True)
    name: Mapped[str] = mapped_column(String(200))
    name_sort: Mapped[str] = mapped_column(String(800), index=True)
    description: Mapped[str] = mapped_column(Text, default="")
    vision: Mapped[str] = mapped_column(String(VISION_MAX), default="")
    sector: Mapped[str] = mapped_column(String(200), default="")
    region: Mapped[str] = mapped_column(String(100), default="")
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    # Member segments (source study): "new" for this many months, then "active" with at least this many
    # uses of the cluster's services (events included) in the last 12 months, otherwise "to be re-activated".
    segment_new_months: Mapped[int] = mapped_column(Integer, default=24, server_default="24")
    segment_active_actions: Mapped[int] = mapped_column(Integer, default=6, server_default="6")
    admission_criteria: Mapped[str] = mapped_column(Text, default="", server_default="")
    admissions_open: Mapped[bool] = mapped_column(Boolean, default=True, server_default=true())
    # The managers may keep the cluster out of the network of clusters: its companies are then not found
    # from other clusters, and its members do not search the network.
    network_open: Mapped[bool] = mapped_column(Boolean, default=True, server_default=true())
    # The day of the month (1–28, so every month has it) the worker sends the monthly news digest.
    digest_day: Mapped[int] = mapped_column(Integer, default=1, server_default="1")

    _keep_sort_key = keeps_sort_key("name", "name_sort")

    def __repr__(self) -> str:
        return f"<Tenant {self.slug}>"


class TenantScoped:
    """Rows owned by one cluster; tenants/scoping.py filters every query on them."""

    @declared_attr
    def tenant_id(cls) -> Mapped[int]:
        return mapped_column(ForeignKey("tenants.id", ondelete="CASCADE"), index=True)


class TenantShared:
    """Rows several clusters can see (a company in two clusters); visible only through a link row."""

    @classmethod
    def visible_in_tenant(cls, tenant_id: int):
        """The SQL condition that makes a row visible inside cluster `tenant_id`."""
        raise NotImplementedError


class TenantHosted(TenantShared):
    """Rows a cluster holds for itself, or the platform holds for several clusters (tenant_id null).

    Created inside a cluster, a row gets that cluster like a TenantScoped row; created outside any
    cluster it belongs to the platform and is read only through `cross_tenant()`.
    """

    @declared_attr
    def tenant_id(cls) -> Mapped[int | None]:
        return mapped_column(ForeignKey("tenants.id", ondelete="CASCADE"), index=True, nullable=True)

    @classmethod
    def visible_in_tenant(cls, tenant_id: int):
        return cls.tenant_id == tenant_id


class Membership(TenantScoped, CreatedAtMixin, db.Model):
    """A person's place in a cluster: role and the company they represent there."""

    __tablename__ = "memberships"
    __table_args__ = (
        UniqueConstraint("tenant_id", "user_id"),
        CheckConstraint("role in ('member', 'manager')", name="role_known"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    role: Mapped[str] = mapped_column(String(20), default="member")
    company_id: Mapped[int | None] = mapped_column(ForeignKey("companies.id", ondelete="SET NULL"))
    # The monthly news digest is opt-in: the source study found e-mails nobody asked for go unread.
    digest: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false())

    tenant: Mapped[Tenant] = relationship()
    user: Mapped["User"] = relationship(back_populates="memberships")  # noqa: F821
    company: Mapped["Company | None"] = relationship()  # noqa: F821

    @property
    def is_manager(self) -> bool:
        return self.role == "manager"

    def __repr__(self) -> str:
        return f"<Membership user={self.user_id} tenant={self.tenant_id} {self.role}>"
