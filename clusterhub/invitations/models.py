"""A manager's invitation of a person into a cluster."""

from datetime import datetime

from sqlalchemy import CheckConstraint, ForeignKey, String
from sqlalchemy.orm import Mapped, mapped_column, relationship, validates

from clusterhub.accounts.models import User, normalise_email
from clusterhub.clock import utcnow
from clusterhub.db import CreatedAtMixin, UTCDateTime, db
from tenants.models import Tenant, TenantScoped


class Invitation(TenantScoped, CreatedAtMixin, db.Model):
    """A manager's invitation of a person into a cluster; the e-mailed link works once."""

    __tablename__ = "invitations"
    __table_args__ = (CheckConstraint("role in ('member', 'manager')", name="role_known"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    email: Mapped[str] = mapped_column(String(254))
    role: Mapped[str] = mapped_column(String(20), default="member")
    company_name: Mapped[str] = mapped_column(String(200), default="")
    invited_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    expires_at: Mapped[datetime] = mapped_column(UTCDateTime())
    accepted_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    revoked_at: Mapped[datetime | None] = mapped_column(UTCDateTime())

    tenant: Mapped[Tenant] = relationship()
    invited_by: Mapped[User | None] = relationship()

    @validates("email")
    def _normalise(self, key, value):
        return normalise_email(value)

    def __repr__(self) -> str:
        return f"<Invitation {self.email} tenant={self.tenant_id}>"

    @property
    def status(self) -> str:
        """pending, accepted, revoked or expired."""
        if self.accepted_at:
            return "accepted"
        if self.revoked_at:
            return "revoked"
        return "expired" if self.expires_at <= utcnow() else "pending"
