"""Member companies rate partners they have worked with; the rated side may reply, managers moderate."""

from datetime import datetime

from sqlalchemy import CheckConstraint, ForeignKey, SmallInteger, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from clusterhub.clock import utcnow
from clusterhub.companies.models import Company
from clusterhub.db import CreatedAtMixin, UTCDateTime, db
from tenants.models import TenantScoped

SCORES = ("quality", "reliability", "communication")


def _score_check(column: str) -> CheckConstraint:
    return CheckConstraint(f"{column} between 1 and 5", name=f"{column}_range")


class Rating(TenantScoped, CreatedAtMixin, db.Model):
    """One company's rating of another, signed with the rater's name: never anonymous, never of itself."""

    __tablename__ = "ratings"
    __table_args__ = (
        UniqueConstraint("tenant_id", "rater_company_id", "rated_company_id"),
        CheckConstraint("rater_company_id <> rated_company_id", name="not_self"),
        *(_score_check(score) for score in SCORES),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    rater_company_id: Mapped[int] = mapped_column(ForeignKey("companies.id", ondelete="CASCADE"), index=True)
    rated_company_id: Mapped[int] = mapped_column(ForeignKey("companies.id", ondelete="CASCADE"), index=True)
    author_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    quality: Mapped[int] = mapped_column(SmallInteger)
    reliability: Mapped[int] = mapped_column(SmallInteger)
    communication: Mapped[int] = mapped_column(SmallInteger)
    comment: Mapped[str] = mapped_column(Text, default="")
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow, onupdate=utcnow)
    reply: Mapped[str | None] = mapped_column(Text)
    replied_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    replied_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    hidden_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    hidden_reason: Mapped[str | None] = mapped_column(Text)

    rater: Mapped[Company] = relationship(foreign_keys=[rater_company_id])
    rated: Mapped[Company] = relationship(foreign_keys=[rated_company_id])
    author: Mapped["User | None"] = relationship(foreign_keys=[author_id])  # noqa: F821
    flags: Mapped[list["RatingFlag"]] = relationship(back_populates="rating", cascade="all, delete-orphan")
    events: Mapped[list["RatingEvent"]] = relationship(
        back_populates="rating", cascade="all, delete-orphan", order_by="RatingEvent.id"
    )

    @property
    def average(self) -> float:
        return (self.quality + self.reliability + self.communication) / len(SCORES)

    @property
    def hidden(self) -> bool:
        return self.hidden_at is not None

    def __repr__(self) -> str:
        return f"<Rating {self.rater_company_id}->{self.rated_company_id}>"


class RatingFlag(TenantScoped, CreatedAtMixin, db.Model):
    """A member's report that a rating is unfair or abusive; managers decide."""

    __tablename__ = "rating_flags"
    __table_args__ = (UniqueConstraint("rating_id", "user_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    rating_id: Mapped[int] = mapped_column(ForeignKey("ratings.id", ondelete="CASCADE"), index=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"))
    reason: Mapped[str] = mapped_column(Text)
    resolved_at: Mapped[datetime | None] = mapped_column(UTCDateTime())

    rating: Mapped[Rating] = relationship(back_populates="flags")
    user: Mapped["User"] = relationship()  # noqa: F821

    def __repr__(self) -> str:
        return f"<RatingFlag rating={self.rating_id}>"


class RatingEvent(TenantScoped, CreatedAtMixin, db.Model):
    """The audit log of a rating: written, edited, replied to, flagged, hidden, shown again."""

    __tablename__ = "rating_events"
    __table_args__ = (
        CheckConstraint(
            "action in ('created', 'edited', 'replied', 'flagged', 'hidden', 'shown')", name="action_known"
        ),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    rating_id: Mapped[int] = mapped_column(ForeignKey("ratings.id", ondelete="CASCADE"), index=True)
    user_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    action: Mapped[str] = mapped_column(String(20))
    note: Mapped[str] = mapped_column(Text, default="")

    rating: Mapped[Rating] = relationship(back_populates="events")
    user: Mapped["User | None"] = relationship()  # noqa: F821

    def __repr__(self) -> str:
        return f"<RatingEvent {self.action} rating={self.rating_id}>"
