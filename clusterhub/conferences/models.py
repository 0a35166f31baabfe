"""Inter-cluster conferences: invited clusters, meeting windows, participants and their 1:1 meetings.

The conference itself is an `Event` with no cluster (clusterhub/events/models.py). Invitations and
participants belong to the cluster that nominated them, so a manager's pages see only their own
cluster's. Meeting windows, meetings and seats belong to the conference; inside a cluster they are
visible only where the cluster takes part (a meeting: one of its sides is the cluster's). Every row here
is also `ConferenceScoped`: on the conference's own pages clusterhub/conferences/scoping.py keeps each
query inside that conference and the visitor's participation, and the pages show a participant only the
fields the other participant agreed to show.
"""

from datetime import datetime

from sqlalchemy import (
    Boolean,
    CheckConstraint,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
    UniqueConstraint,
    and_,
    false,
    or_,
    select,
    text,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from clusterhub.clock import utcnow
from clusterhub.companies.models import Company, _one_of
from clusterhub.db import CreatedAtMixin, UTCDateTime, db
from clusterhub.events.models import Event
from tenants.models import Tenant, TenantScoped, TenantShared

# "requested": a member asked to go and waits for its manager; "nominated": within the cluster's quota,
# waiting for the company to register; "registered": the representative filled in the form and consented.
STATUSES = ("requested", "nominated", "registered")
# What a registered participant may choose to show the other participants, beyond the company's name,
# cluster, sectors and what it seeks and offers at the event (shown to all participants by consenting).
SHOWABLE = ("description", "website", "region", "size", "roles", "contact")
MEETING_STATUSES = ("pending", "accepted", "declined", "cancelled")


class ConferenceScoped:
    """Rows of one conference (an `event_id`): on its pages every query is kept inside it.

    `scope` is a clusterhub/conferences/scoping.py ConferenceScope: the conference, the visitor's
    registered participation, and whether the whole conference may be read.
    """

    @classmethod
    def in_conference(cls, scope):
        """The SQL condition that keeps a row inside the conference's pages for this visitor."""
        return cls.event_id == scope.event_id


def _visitors_part(cls, scope, own):
    """The conference's rows the visitor may read: all when the scope reads the whole conference, else
    `own` (their own rows; None when they take no part)."""
    if scope.whole:
        return cls.event_id == scope.event_id
    return and_(cls.event_id == scope.event_id, false() if own is None else own)


class EventCluster(ConferenceScoped, TenantScoped, db.Model):
    """A cluster invited to a conference, with how many member companies it may nominate."""

    __tablename__ = "event_clusters"
    __table_args__ = (
        UniqueConstraint("event_id", "tenant_id"),
        CheckConstraint("quota between 1 and 1000", name="quota_range"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    event_id: Mapped[int] = mapped_column(ForeignKey("events.id", ondelete="CASCADE"), index=True)
    quota: Mapped[int] = mapped_column(Integer, default=10)

    event: Mapped[Event] = relationship()
    tenant: Mapped[Tenant] = relationship()

    def __repr__(self) -> str:
        return f"<EventCluster event={self.event_id} tenant={self.tenant_id} quota={self.quota}>"


class MeetingWindow(ConferenceScoped, TenantShared, db.Model):
    """A stretch of the conference when 1:1 meetings take place; cut into slots of the event's length."""

    __tablename__ = "meeting_windows"
    __table_args__ = (CheckConstraint("ends_at > starts_at", name="ends_after_start"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    event_id: Mapped[int] = mapped_column(ForeignKey("events.id", ondelete="CASCADE"), index=True)
    starts_at: Mapped[datetime] = mapped_column(UTCDateTime())
    ends_at: Mapped[datetime] = mapped_column(UTCDateTime())

    event: Mapped[Event] = relationship()

    @classmethod
    def visible_in_tenant(cls, tenant_id: int):
        """A cluster sees the windows of the conferences that invite it."""
        return cls.event_id.in_(select(EventCluster.event_id).where(EventCluster.tenant_id == tenant_id))

    def __repr__(self) -> str:
        return f"<MeetingWindow event={self.event_id} {self.starts_at:%Y-%m-%d %H:%M}>"


class Participant(ConferenceScoped, TenantScoped, CreatedAtMixin, db.Model):
    """A company going to a conference for the cluster that nominated it."""

    __tablename__ = "participants"
    __table_args__ = (
        UniqueConstraint("event_id", "company_id"),
        Index("ix_participants_event_tenant", "event_id", "tenant_id"),
        CheckConstraint(_one_of("status", STATUSES), name="status_known"),
        CheckConstraint(
            "status <> 'registered' or (user_id is not null and consented_at is not null)",
            name="registered_has_person_and_consent",
        ),
        CheckConstraint("rating is null or rating between 1 and 5", name="rating_range"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    event_id: Mapped[int] = mapped_column(ForeignKey("events.id", ondelete="CASCADE"), index=True)
    company_id: Mapped[int] = mapped_column(ForeignKey("companies.id", ondelete="CASCADE"), index=True)
    status: Mapped[str] = mapped_column(String(20), default="nominated")
    # Who asked (a member's request) or nominated (a manager), and the person who registered and attends.
    requested_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    user_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"), index=True)
    seeks: Mapped[str] = mapped_column(Text, default="", server_default="")
    offers: Mapped[str] = mapped_column(Text, default="", server_default="")
    interests: Mapped[str] = mapped_column(Text, default="", server_default="")
    consented_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    show_description: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false())
    show_website: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false())
    show_region: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false())
    show_size: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false())
    show_roles: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false())
    show_contact: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false())
    # After the event: how the company rates it (1-5) and what it would tell the organiser.
    rating: Mapped[int | None] = mapped_column(Integer)
    rating_comment: Mapped[str] = mapped_column(Text, default="", server_default="")

    event: Mapped[Event] = relationship()
    company: Mapped[Company] = relationship()
    tenant: Mapped[Tenant] = relationship()
    user: Mapped["User | None"] = relationship(foreign_keys=[user_id])  # noqa: F821

    @property
    def interest_names(self) -> list[str]:
        """The sectors the participant is interested in, one per line of `interests`."""
        return [line.strip() for line in self.interests.splitlines() if line.strip()]

    def shows(self, field: str) -> bool:
        """Whether the participant agreed to show `field` (one of SHOWABLE) to the other participants."""
        return getattr(self, f"show_{field}")

    def __repr__(self) -> str:
        return f"<Participant event={self.event_id} company={self.company_id} {self.status}>"


class Meeting(ConferenceScoped, TenantShared, CreatedAtMixin, db.Model):
    """A 1:1 meeting between two participants in one slot; a table is given when it is accepted.

    The partial unique index keeps a table to one accepted meeting per slot, and MeetingSeat keeps a
    person to one accepted meeting per slot, so two acceptances at the same moment cannot both win.
    """

    __tablename__ = "meetings"
    __table_args__ = (
        CheckConstraint(_one_of("status", MEETING_STATUSES), name="status_known"),
        CheckConstraint("requester_id <> invitee_id", name="two_participants"),
        CheckConstraint("status <> 'accepted' or table_no is not null", name="accepted_has_table"),
        CheckConstraint("table_no is null or table_no >= 1", name="table_positive"),
        Index(
            "uq_meetings_event_slot_table",
            "event_id",
            "starts_at",
            "table_no",
            unique=True,
            sqlite_where=text("status = 'accepted'"),
            postgresql_where=text("status = 'accepted'"),
        ),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    event_id: Mapped[int] = mapped_column(ForeignKey("events.id", ondelete="CASCADE"), index=True)
    requester_id: Mapped[int] = mapped_column(ForeignKey("participants.id", ondelete="CASCADE"), index=True)
    invitee_id: Mapped[int] = mapped_column(ForeignKey("participants.id", ondelete="CASCADE"), index=True)
    # The side that proposed the current slot; the other side answers (accept, decline, propose another).
    proposed_by_id: Mapped[int] = mapped_column(ForeignKey("participants.id", ondelete="CASCADE"))
    starts_at: Mapped[datetime] = mapped_column(UTCDateTime())
    status: Mapped[str] = mapped_column(String(20), default="pending")
    table_no: Mapped[int | None] = mapped_column(Integer)
    message: Mapped[str] = mapped_column(Text, default="", server_default="")
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow, onupdate=utcnow)
    # After the event each side says whether the meeting led to a follow-up (None: not answered yet).
    requester_followed_up: Mapped[bool | None] = mapped_column(Boolean)
    invitee_followed_up: Mapped[bool | None] = mapped_column(Boolean)

    event: Mapped[Event] = relationship()
    requester: Mapped[Participant] = relationship(foreign_keys=[requester_id])
    invitee: Mapped[Participant] = relationship(foreign_keys=[invitee_id])
    proposed_by: Mapped[Participant] = relationship(foreign_keys=[proposed_by_id])
    seats: Mapped[list["MeetingSeat"]] = relationship(back_populates="meeting", cascade="all, delete-orphan")

    @classmethod
    def visible_in_tenant(cls, tenant_id: int):
        """A cluster sees the meetings one of its participants takes part in."""
        sides = select(Participant.id).where(Participant.tenant_id == tenant_id)
        return or_(cls.requester_id.in_(sides), cls.invitee_id.in_(sides))

    @classmethod
    def in_conference(cls, scope):
        """A participant sees their own meetings; the organiser (or a rule about the whole) all of them."""
        return _visitors_part(cls, scope, scope.participant_id and cls.taking_part(scope.participant_id))

    @classmethod
    def taking_part(cls, participant_id: int):
        """The SQL condition: participant `participant_id` is one of the two sides."""
        return or_(cls.requester_id == participant_id, cls.invitee_id == participant_id)

    def __repr__(self) -> str:
        return f"<Meeting event={self.event_id} {self.requester_id}->{self.invitee_id} {self.status}>"


class MeetingSeat(ConferenceScoped, TenantShared, db.Model):
    """A person taken by an accepted meeting in one slot: at most one seat per person and slot."""

    __tablename__ = "meeting_seats"
    __table_args__ = (UniqueConstraint("event_id", "user_id", "starts_at"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    meeting_id: Mapped[int] = mapped_column(ForeignKey("meetings.id", ondelete="CASCADE"), index=True)
    event_id: Mapped[int] = mapped_column(ForeignKey("events.id", ondelete="CASCADE"))
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    starts_at: Mapped[datetime] = mapped_column(UTCDateTime())

    meeting: Mapped[Meeting] = relationship(back_populates="seats")

    @classmethod
    def visible_in_tenant(cls, tenant_id: int):
        """A cluster sees the seats of the meetings it sees."""
        return cls.meeting_id.in_(select(Meeting.id).where(Meeting.visible_in_tenant(tenant_id)))

    @classmethod
    def in_conference(cls, scope):
        """A participant sees the seats of their own meetings; the organiser (or a rule about the whole)
        everyone's."""
        mine = select(Meeting.id).where(Meeting.taking_part(scope.participant_id))
        return _visitors_part(cls, scope, scope.participant_id and cls.meeting_id.in_(mine))

    def __repr__(self) -> str:
        return f"<MeetingSeat user={self.user_id} {self.starts_at:%Y-%m-%d %H:%M}>"
