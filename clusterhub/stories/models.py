"""Success stories: written by a manager or a member, shown in the cluster once the company approves."""

from datetime import datetime

from sqlalchemy import CheckConstraint, ForeignKey, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from clusterhub.companies.models import Company, _one_of
from clusterhub.db import CreatedAtMixin, UTCDateTime, db
from tenants.models import TenantScoped

STATUSES = ("awaiting_approval", "published", "declined")


class SuccessStory(TenantScoped, CreatedAtMixin, db.Model):
    __tablename__ = "success_stories"
    __table_args__ = (
        CheckConstraint(_one_of("status", STATUSES), name="status_known"),
        CheckConstraint("length(title) > 0", name="title_present"),
        CheckConstraint(
            "(status = 'awaiting_approval') = (decided_at is null)", name="decided_when_not_awaiting"
        ),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    company_id: Mapped[int] = mapped_column(ForeignKey("companies.id", ondelete="CASCADE"), index=True)
    author_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    title: Mapped[str] = mapped_column(String(200))
    body: Mapped[str] = mapped_column(Text, default="")
    status: Mapped[str] = mapped_column(String(20), default="awaiting_approval")
    decided_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    decided_at: Mapped[datetime | None] = mapped_column(UTCDateTime())

    company: Mapped[Company] = relationship()
    author: Mapped["User | None"] = relationship(foreign_keys=[author_id])  # noqa: F821

    def __repr__(self) -> str:
        return f"<SuccessStory {self.title!r} {self.status}>"
