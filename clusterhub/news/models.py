"""News items managers post, and the monthly digest e-mails that carry them to subscribers."""

from datetime import date, datetime

from sqlalchemy import CheckConstraint, Date, ForeignKey, Index, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from clusterhub.companies.models import _one_of
from clusterhub.db import CreatedAtMixin, UTCDateTime, db
from tenants.models import TenantScoped

DELIVERY_STATUSES = ("sent", "failed")


class NewsItem(TenantScoped, CreatedAtMixin, db.Model):
    """One topic per item, so the digest can list them as separate headlines."""

    __tablename__ = "news_items"
    __table_args__ = (
        CheckConstraint("length(title) > 0", name="title_present"),
        Index("ix_news_items_tenant_created", "tenant_id", "created_at"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    author_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    title: Mapped[str] = mapped_column(String(200))
    body: Mapped[str] = mapped_column(Text, default="")
    # The interest group the item is addressed to, if any; it stays on the cluster's news page too.
    group_id: Mapped[int | None] = mapped_column(
        ForeignKey("interest_groups.id", ondelete="SET NULL"), index=True
    )

    author: Mapped["User | None"] = relationship()  # noqa: F821
    group: Mapped["Group | None"] = relationship()  # noqa: F821

    def __repr__(self) -> str:
        return f"<NewsItem {self.title!r}>"


class DigestDelivery(TenantScoped, CreatedAtMixin, db.Model):
    """One subscriber's digest of one month: sent, or failed and waiting to be retried."""

    __tablename__ = "digest_deliveries"
    __table_args__ = (
        UniqueConstraint("tenant_id", "user_id", "month"),
        CheckConstraint(_one_of("status", DELIVERY_STATUSES), name="status_known"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    # The first day of the month the digest is for.
    month: Mapped[date] = mapped_column(Date)
    status: Mapped[str] = mapped_column(String(10))
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    error: Mapped[str] = mapped_column(String(500), default="")
    sent_at: Mapped[datetime | None] = mapped_column(UTCDateTime())

    def __repr__(self) -> str:
        return f"<DigestDelivery user={self.user_id} {self.month} {self.status}>"
