"""The cluster's services, their uses by member companies and the members' feedback on each use."""

from datetime import date, datetime

from sqlalchemy import (
    Boolean,
    CheckConstraint,
    Date,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from clusterhub.companies.models import Company, _one_of
from clusterhub.db import CreatedAtMixin, UTCDateTime, db
from tenants.models import TenantScoped

KINDS = (
    "training",
    "trade_mission",
    "exhibition",
    "consultation",
    "joint_purchasing",
    "networking",
    "other",
)


class Service(TenantScoped, CreatedAtMixin, db.Model):
    """Something the cluster does for its members; retired services keep their history."""

    __tablename__ = "services"
    __table_args__ = (
        UniqueConstraint("tenant_id", "name"),
        CheckConstraint(_one_of("kind", KINDS), name="kind_known"),
        CheckConstraint("length(name) > 0", name="name_present"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(200))
    kind: Mapped[str] = mapped_column(String(30))
    description: Mapped[str] = mapped_column(Text, default="")
    active: Mapped[bool] = mapped_column(Boolean, default=True)

    uses: Mapped[list["ServiceUse"]] = relationship(back_populates="service", order_by="ServiceUse.used_on")

    def __repr__(self) -> str:
        return f"<Service {self.name!r}>"


class ServiceUse(TenantScoped, CreatedAtMixin, db.Model):
    """A member company used a service on a day; recorded by a manager or by the member."""

    __tablename__ = "service_uses"
    __table_args__ = (
        UniqueConstraint("service_id", "company_id", "used_on"),
        Index("ix_service_uses_tenant_used_on", "tenant_id", "used_on"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    service_id: Mapped[int] = mapped_column(ForeignKey("services.id", ondelete="CASCADE"), index=True)
    company_id: Mapped[int] = mapped_column(ForeignKey("companies.id", ondelete="CASCADE"), index=True)
    used_on: Mapped[date] = mapped_column(Date)
    recorded_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))

    service: Mapped[Service] = relationship(back_populates="uses")
    company: Mapped[Company] = relationship()
    feedback: Mapped["ServiceFeedback | None"] = relationship(
        back_populates="use", cascade="all, delete-orphan"
    )

    def __repr__(self) -> str:
        return f"<ServiceUse service={self.service_id} company={self.company_id} {self.used_on}>"


class ServiceFeedback(TenantScoped, CreatedAtMixin, db.Model):
    """The member's word on one use: a score of 1–5, what worked and what to change."""

    __tablename__ = "service_feedback"
    __table_args__ = (CheckConstraint("score between 1 and 5", name="score_range"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    use_id: Mapped[int] = mapped_column(ForeignKey("service_uses.id", ondelete="CASCADE"), unique=True)
    author_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    score: Mapped[int] = mapped_column(Integer)
    worked: Mapped[str] = mapped_column(String(500), default="")
    change: Mapped[str] = mapped_column(String(500), default="")

    use: Mapped[ServiceUse] = relationship(back_populates="feedback")

    def __repr__(self) -> str:
        return f"<ServiceFeedback use={self.use_id} score={self.score}>"


class FeedbackReport(TenantScoped, db.Model):
    """A quarter's feedback report that the manager has published to the members."""

    __tablename__ = "feedback_reports"
    __table_args__ = (
        UniqueConstraint("tenant_id", "year", "quarter"),
        CheckConstraint("quarter between 1 and 4", name="quarter_range"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    year: Mapped[int] = mapped_column(Integer)
    quarter: Mapped[int] = mapped_column(Integer)
    published_at: Mapped[datetime] = mapped_column(UTCDateTime())
    published_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))

    def __repr__(self) -> str:
        return f"<FeedbackReport {self.year}Q{self.quarter}>"
