"""Events: a cluster's own (member meeting, breakfast, general meeting) and inter-cluster conferences.

One model for both. A cluster's event belongs to its cluster (tenant_id) and is limited to its
members; a conference belongs to no cluster (tenant_id null), has an organiser, invites clusters and
brokers 1:1 meetings (clusterhub/conferences). A joint incoming visit or trade mission is held the same
way, planned by the manager of its host cluster (host_tenant_id) around a delegation.
"""

from datetime import datetime

from sqlalchemy import Boolean, CheckConstraint, ForeignKey, Index, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from clusterhub.companies.models import Company, _one_of
from clusterhub.db import CreatedAtMixin, UTCDateTime, db
from tenants.models import TenantHosted, TenantScoped

CLUSTER_KINDS = ("member_meeting", "breakfast", "general_meeting", "training", "other")
# Events the platform holds across clusters: a conference (an organiser invites clusters), and a joint
# incoming visit of a foreign delegation or a trade mission that travels together (a host cluster's
# manager invites related clusters; clusterhub/conferences/visits).
DELEGATION_KINDS = ("visit", "mission")
CROSS_CLUSTER_KINDS = ("conference", *DELEGATION_KINDS)
KINDS = (*CLUSTER_KINDS, *CROSS_CLUSTER_KINDS)
_CROSS = ", ".join(f"'{kind}'" for kind in CROSS_CLUSTER_KINDS)
_DELEGATION = ", ".join(f"'{kind}'" for kind in DELEGATION_KINDS)


class Event(TenantHosted, CreatedAtMixin, db.Model):
    __tablename__ = "events"
    __table_args__ = (
        CheckConstraint(_one_of("kind", KINDS), name="kind_known"),
        CheckConstraint("length(title) > 0", name="title_present"),
        CheckConstraint("ends_at is null or ends_at >= starts_at", name="ends_after_start"),
        Index("ix_events_tenant_starts_at", "tenant_id", "starts_at"),
        CheckConstraint(
            f"(tenant_id is null and kind in ({_CROSS}) and organiser_id is not null)"
            f" or (tenant_id is not null and kind not in ({_CROSS}))",
            name="conference_has_no_cluster",
        ),
        CheckConstraint(
            f"(kind in ({_DELEGATION}) and host_tenant_id is not null)"
            f" or (kind not in ({_DELEGATION}) and host_tenant_id is null)",
            name="visit_has_host",
        ),
        CheckConstraint("slot_minutes is null or slot_minutes between 5 and 240", name="slot_minutes_range"),
        CheckConstraint("tables is null or tables between 1 and 500", name="tables_range"),
        CheckConstraint("default_quota between 1 and 1000", name="default_quota_range"),
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
    # Inter-cluster conferences only: who organises, until when companies register, and the 1:1 meeting
    # grid (slots of slot_minutes inside the event's meeting windows, at this many tables).
    organiser_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="RESTRICT"), index=True)
    registration_closes_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    default_quota: Mapped[int] = mapped_column(Integer, default=10, server_default="10")
    slot_minutes: Mapped[int | None] = mapped_column(Integer)
    tables: Mapped[int | None] = mapped_column(Integer)
    # Visits and missions only: the cluster whose manager hosts it (its organiser is that manager).
    host_tenant_id: Mapped[int | None] = mapped_column(
        ForeignKey("tenants.id", ondelete="CASCADE"), index=True
    )

    organiser: Mapped["User | None"] = relationship()  # noqa: F821
    attendances: Mapped[list["EventAttendance"]] = relationship(
        back_populates="event", cascade="all, delete-orphan"
    )

    @property
    def is_conference(self) -> bool:
        return self.kind == "conference"

    @property
    def has_delegation(self) -> bool:
        """A joint incoming visit or trade mission: meetings are with a delegation, not among companies."""
        return self.kind in DELEGATION_KINDS

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
