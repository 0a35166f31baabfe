"""The road-map checklist a manager defines for new members, and each new member's progress on it."""

from datetime import datetime

from sqlalchemy import CheckConstraint, ForeignKey, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from clusterhub.companies.models import Company
from clusterhub.db import UTCDateTime, db
from tenants.models import TenantScoped


class RoadmapStep(TenantScoped, db.Model):
    __tablename__ = "roadmap_steps"
    __table_args__ = (CheckConstraint("length(title) > 0", name="title_present"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    title: Mapped[str] = mapped_column(String(200))
    description: Mapped[str] = mapped_column(Text, default="")
    position: Mapped[int] = mapped_column(Integer, default=0)

    def __repr__(self) -> str:
        return f"<RoadmapStep {self.title!r}>"


class RoadmapProgress(TenantScoped, db.Model):
    """A new member company has done one step of the road map."""

    __tablename__ = "roadmap_progress"
    __table_args__ = (UniqueConstraint("step_id", "company_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    step_id: Mapped[int] = mapped_column(ForeignKey("roadmap_steps.id", ondelete="CASCADE"), index=True)
    company_id: Mapped[int] = mapped_column(ForeignKey("companies.id", ondelete="CASCADE"), index=True)
    done_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    done_at: Mapped[datetime] = mapped_column(UTCDateTime())

    step: Mapped[RoadmapStep] = relationship()
    company: Mapped[Company] = relationship()

    def __repr__(self) -> str:
        return f"<RoadmapProgress step={self.step_id} company={self.company_id}>"
