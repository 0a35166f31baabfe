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


REPRESENTATION_STATUSES = ("waiting", "accepted", "refused")


class RepresentationRequest(TenantScoped, CreatedAtMixin, db.Model):
    """An accepted applicant who named an existing member company: its own representatives decide
    whether the applicant may represent it, and only then is the invitation sent."""

    __tablename__ = "representation_requests"
    __table_args__ = (CheckConstraint(_one_of("status", REPRESENTATION_STATUSES), name="status_known"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    application_id: Mapped[int] = mapped_column(ForeignKey("applications.id", ondelete="CASCADE"), index=True)
    company_id: Mapped[int] = mapped_column(ForeignKey("companies.id", ondelete="CASCADE"), index=True)
    status: Mapped[str] = mapped_column(String(10), default="waiting")
    decided_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    decided_at: Mapped[datetime | None] = mapped_column(UTCDateTime())

    application: Mapped[Application] = relationship()

    def __repr__(self) -> str:
        return f"<RepresentationRequest company={self.company_id} {self.status}>"
