"""A conversation between two companies of different clusters, started from the network of clusters.

It belongs to no one cluster (like a conference meeting): it names both companies and the cluster each
side reads it in: the starter's, where it wrote from, and the cluster the other company was found in.
Until both companies have written, each sees only the other's public card; then their contact people too.
"""

from datetime import datetime

from sqlalchemy import JSON, BigInteger, CheckConstraint, ForeignKey, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from clusterhub.clock import utcnow
from clusterhub.db import CreatedAtMixin, UTCDateTime, db
from tenants.models import TenantScoped

MESSAGE_MAX = 2000


class NetworkThread(CreatedAtMixin, db.Model):
    __tablename__ = "network_threads"
    __table_args__ = (
        UniqueConstraint("starter_company_id", "other_company_id"),
        CheckConstraint("starter_company_id <> other_company_id", name="two_companies"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    starter_company_id: Mapped[int] = mapped_column(
        ForeignKey("companies.id", ondelete="CASCADE"), index=True
    )
    starter_tenant_id: Mapped[int] = mapped_column(ForeignKey("tenants.id", ondelete="CASCADE"))
    other_company_id: Mapped[int] = mapped_column(ForeignKey("companies.id", ondelete="CASCADE"), index=True)
    other_tenant_id: Mapped[int] = mapped_column(ForeignKey("tenants.id", ondelete="CASCADE"))
    last_message_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)

    messages: Mapped[list["NetworkMessage"]] = relationship(
        back_populates="thread", order_by="NetworkMessage.id", cascade="all, delete-orphan"
    )

    def tenant_of(self, company_id: int) -> int | None:
        """The cluster in which `company_id`'s people read the thread; None when it is not a party."""
        sides = {self.starter_company_id: self.starter_tenant_id, self.other_company_id: self.other_tenant_id}
        return sides.get(company_id)

    def other_side(self, company_id: int) -> tuple[int, int]:
        """(company id, cluster id) of the party that is not `company_id`."""
        if company_id == self.starter_company_id:
            return self.other_company_id, self.other_tenant_id
        return self.starter_company_id, self.starter_tenant_id

    def __repr__(self) -> str:
        return f"<NetworkThread {self.starter_company_id}->{self.other_company_id}>"


class NetworkMessage(CreatedAtMixin, db.Model):
    __tablename__ = "network_messages"
    __table_args__ = (
        CheckConstraint(f"length(body) > 0 and length(body) <= {MESSAGE_MAX}", name="body_length"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    thread_id: Mapped[int] = mapped_column(ForeignKey("network_threads.id", ondelete="CASCADE"), index=True)
    company_id: Mapped[int] = mapped_column(ForeignKey("companies.id", ondelete="CASCADE"))
    author_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    body: Mapped[str] = mapped_column(Text)

    thread: Mapped[NetworkThread] = relationship(back_populates="messages")

    def __repr__(self) -> str:
        return f"<NetworkMessage thread={self.thread_id}>"


class NetworkFound(TenantScoped, CreatedAtMixin, db.Model):
    """What other clusters' cards answer of one need, as the background work scored it when the need was
    posted or changed (clusterhub/network/matching.py), under the key of what it was scored from: a page
    uses it while the key holds, and scores the need itself once the network has changed meanwhile."""

    __tablename__ = "network_found"

    id: Mapped[int] = mapped_column(primary_key=True)
    need_id: Mapped[int] = mapped_column(ForeignKey("posts.id", ondelete="CASCADE"), unique=True)
    key: Mapped[int] = mapped_column(BigInteger)
    found: Mapped[list] = mapped_column(JSON)
