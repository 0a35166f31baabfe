"""Member companies. One company can belong to several clusters and keeps one profile."""

from datetime import date

from sqlalchemy import CheckConstraint, Date, ForeignKey, String, UniqueConstraint, exists, select
from sqlalchemy.orm import Mapped, aliased, mapped_column, relationship, validates

from clusterhub.collation import latvian_sort_key
from clusterhub.db import CreatedAtMixin, db
from tenants.models import Tenant, TenantScoped, TenantShared


class Company(TenantShared, CreatedAtMixin, db.Model):
    """A legal entity; visible inside a cluster only while it is a member there."""

    __tablename__ = "companies"
    __table_args__ = (CheckConstraint("length(name) > 0", name="name_present"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(200))
    name_sort: Mapped[str] = mapped_column(String(800), index=True)
    registration_number: Mapped[str | None] = mapped_column(String(40), unique=True)

    @validates("name")
    def _keep_sort_key(self, key, value):
        self.name_sort = latvian_sort_key(value)
        return value

    @classmethod
    def visible_in_tenant(cls, tenant_id: int):
        # An alias, so the EXISTS keeps its own FROM when the outer query joins company_memberships too.
        return exists(
            select(_LINK.id)
            .where(_LINK.company_id == cls.id, _LINK.tenant_id == tenant_id)
            .correlate_except(_LINK)
        )

    def __repr__(self) -> str:
        return f"<Company {self.name!r}>"


class CompanyMembership(TenantScoped, CreatedAtMixin, db.Model):
    """A company's membership of one cluster."""

    __tablename__ = "company_memberships"
    __table_args__ = (UniqueConstraint("tenant_id", "company_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    company_id: Mapped[int] = mapped_column(ForeignKey("companies.id", ondelete="CASCADE"), index=True)
    member_since: Mapped[date] = mapped_column(Date)

    company: Mapped[Company] = relationship()
    tenant: Mapped[Tenant] = relationship()

    def __repr__(self) -> str:
        return f"<CompanyMembership company={self.company_id} tenant={self.tenant_id}>"


_LINK = aliased(CompanyMembership, name="company_link")
