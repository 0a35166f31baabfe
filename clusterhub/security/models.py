"""The audit log of security-relevant events, and the shared counters of the rate limits."""

from datetime import datetime

from sqlalchemy import CheckConstraint, ForeignKey, Index, Integer, String
from sqlalchemy.orm import Mapped, mapped_column, relationship

from clusterhub.accounts.models import User
from clusterhub.clock import utcnow
from clusterhub.db import CreatedAtMixin, UTCDateTime, db
from tenants.models import Tenant


class AuditEvent(db.Model):
    """Something a platform admin may need to reconstruct: who signed in, changed roles, hid or exported what.

    Platform-wide on purpose (not scoped to a cluster): admins read it across clusters. A deleted person's
    events stay, pointing at nobody.
    """

    __tablename__ = "audit_events"
    __table_args__ = (
        CheckConstraint("length(kind) > 0", name="kind_present"),
        Index("ix_audit_events_at", "at"),
        Index("ix_audit_events_kind_at", "kind", "at"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    kind: Mapped[str] = mapped_column(String(40))
    actor_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    tenant_id: Mapped[int | None] = mapped_column(ForeignKey("tenants.id", ondelete="SET NULL"))
    # What the event was about, as "kind:id" (e.g. "rating:12"): ids, never names or text.
    subject: Mapped[str] = mapped_column(String(200), default="")
    ip: Mapped[str] = mapped_column(String(64), default="")

    actor: Mapped[User | None] = relationship()
    tenant: Mapped[Tenant | None] = relationship()


class RateCount(db.Model):
    """Hits on one limited action by one key (an address or a person) within one fixed window.

    Kept in the database so that every worker process counts the same hits.
    """

    __tablename__ = "rate_counts"
    __table_args__ = (
        CheckConstraint("hits > 0", name="hits_positive"),
        Index("ix_rate_counts_window_start", "window_start"),
    )

    key: Mapped[str] = mapped_column(String(200), primary_key=True)
    window_start: Mapped[int] = mapped_column(Integer, primary_key=True)
    hits: Mapped[int] = mapped_column(Integer, default=1)


class FormSubmission(CreatedAtMixin, db.Model):
    """A form that created something, by its one-time token: a repeated submit shows the first result.

    Written in the transaction of the action itself, so a worker killed after the commit and before its
    answer leaves the record, and the browser's retry finds it instead of storing a duplicate.
    """

    __tablename__ = "form_submissions"

    id: Mapped[int] = mapped_column(primary_key=True)
    token_hash: Mapped[str] = mapped_column(String(64), unique=True)
    user_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"))
    # Where the first submit led; the form's own page until the answer is known.
    location: Mapped[str] = mapped_column(String(300))

    def __repr__(self) -> str:
        return f"<FormSubmission {self.id} → {self.location}>"
