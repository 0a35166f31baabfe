"""A cluster's own events (member meeting, breakfast, general meeting) and which companies attended."""

from datetime import datetime

from sqlalchemy import Boolean, CheckConstraint, ForeignKey, Index, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from clusterhub.companies.models import Company, _one_of
from clusterhub.db import CreatedAtMixin, UTCDateTime, db
from tenants.models import TenantScoped

KINDS = ("member_meeting", "breakfast", "general_meeting", "training", "other")


class Event(TenantScoped, CreatedAtMixin, db.Model):
    __tablename__ = "events"
    __table_args__ = (
        CheckConstraint(_one_of("kind", KINDS), name="kind_known"),
        CheckConstraint("length(title) > 0", name="title_present"),
        CheckConstraint("ends_at is null or ends_at >= starts_at", name="ends_after_start"),
        Index("ix_events_tenant_starts_at", "tenant_id", "starts_at"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    kind: Mapped[str] = mapped_column(String(30), default="member_meeting")
    title: Mapped[str] = mapped_column(String(200))
    description: Mapped[str] = mapped_column(Text, default="")
    venue: Mapped[str] = mapped_column(String(300), default="")
    starts_at: Mapped[datetime] = mapped_column(UTCDateTime())
    ends_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    # New members may present their company there (the onboarding kit points them to it).
    presentations: Mapped[bool] = mapped_column(Boolean, default=False)

    attendances: Mapped[list["EventAttendance"]] = relationship(
        back_populates="event", cascade="all, delete-orphan"
    )

    def __repr__(self) -> str:
        return f"<Event {self.title!r} {self.starts_at:%Y-%m-%d}>"


class EventAttendance(TenantScoped, db.Model):
    __tablename__ = "event_attendances"
    __table_args__ = (UniqueConstraint("event_id", "company_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    event_id: Mapped[int] = mapped_column(ForeignKey("events.id", ondelete="CASCADE"), index=True)
    company_id: Mapped[int] = mapped_column(ForeignKey("companies.id", ondelete="CASCADE"), index=True)

    event: Mapped[Event] = relationship(back_populates="attendances")
    company: Mapped[Company] = relationship()

    def __repr__(self) -> str:
        return f"<EventAttendance event={self.event_id} company={self.company_id}>"
