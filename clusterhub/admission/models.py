"""Applications to join a cluster, sent from its public admission page."""

from datetime import datetime

from sqlalchemy import CheckConstraint, ForeignKey, Index, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship, validates

from clusterhub.accounts.models import normalise_email
from clusterhub.companies.models import _one_of
from clusterhub.db import CreatedAtMixin, UTCDateTime, db
from tenants.models import TenantScoped

STATUSES = ("new", "accepted", "declined")


class Application(TenantScoped, CreatedAtMixin, db.Model):
    __tablename__ = "applications"
    __table_args__ = (
        CheckConstraint(_one_of("status", STATUSES), name="status_known"),
        CheckConstraint("length(company_name) > 0", name="company_present"),
        CheckConstraint("length(contact_name) > 0", name="contact_present"),
        CheckConstraint("status <> 'declined' or length(reason) > 0", name="declined_with_reason"),
        Index("ix_applications_tenant_status", "tenant_id", "status"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    company_name: Mapped[str] = mapped_column(String(200))
    registration_number: Mapped[str] = mapped_column(String(40), default="")
    website: Mapped[str] = mapped_column(String(300), default="")
    contact_name: Mapped[str] = mapped_column(String(200))
    email: Mapped[str] = mapped_column(String(254))
    phone: Mapped[str] = mapped_column(String(50), default="")
    motivation: Mapped[str] = mapped_column(Text, default="")
    status: Mapped[str] = mapped_column(String(10), default="new")
    reason: Mapped[str] = mapped_column(Text, default="")
    decided_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    decided_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    invitation_id: Mapped[int | None] = mapped_column(ForeignKey("invitations.id", ondelete="SET NULL"))

    invitation: Mapped["Invitation | None"] = relationship()  # noqa: F821

    @validates("email")
    def _normalise(self, key, value):
        return normalise_email(value)

    def __repr__(self) -> str:
        return f"<Application {self.company_name!r} {self.status}>"
