"""Access tokens of the JSON API: a person's (or, made by a manager, the cluster's) key to one cluster."""

from datetime import datetime

from sqlalchemy import Boolean, CheckConstraint, ForeignKey, String
from sqlalchemy.orm import Mapped, mapped_column, relationship

from clusterhub.accounts.models import User
from clusterhub.db import CreatedAtMixin, UTCDateTime, db
from tenants.models import Tenant, TenantScoped

ACCESS = ("read", "write")


class ApiToken(TenantScoped, CreatedAtMixin, db.Model):
    """A bearer token that acts for its person in one cluster, with read or read-write access.

    Only the SHA-256 of the secret is kept: the secret itself is shown once, when the token is made.
    An integration token is made by a manager for the cluster's own systems (its website); the other
    managers see and may revoke it too. It acts with the rights of the manager who made it.
    """

    __tablename__ = "api_tokens"
    __table_args__ = (
        CheckConstraint("access in ('read', 'write')", name="access_known"),
        CheckConstraint("length(name) > 0", name="name_present"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    name: Mapped[str] = mapped_column(String(100))
    access: Mapped[str] = mapped_column(String(10), default="read")
    integration: Mapped[bool] = mapped_column(Boolean, default=False)
    secret_hash: Mapped[str] = mapped_column(String(64), unique=True)
    # The secret's first characters, so a person can tell their tokens apart without the secret.
    hint: Mapped[str] = mapped_column(String(16))
    expires_at: Mapped[datetime] = mapped_column(UTCDateTime())
    last_used_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    revoked_at: Mapped[datetime | None] = mapped_column(UTCDateTime())

    user: Mapped[User] = relationship()
    tenant: Mapped[Tenant] = relationship()

    @property
    def writes(self) -> bool:
        return self.access == "write"

    def __repr__(self) -> str:
        return f"<ApiToken {self.id} {self.access} user={self.user_id} tenant={self.tenant_id}>"
