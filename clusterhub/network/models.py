"""A company's request to get in touch with a company of another cluster, found in the network of clusters.

It belongs to no one cluster (like a conference meeting): it names both companies and the clusters they
asked from and were found in. When each of the two has asked the other, they see each other's contacts.
"""

from sqlalchemy import CheckConstraint, ForeignKey, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from clusterhub.db import CreatedAtMixin, db

MESSAGE_MAX = 2000


class NetworkRequest(CreatedAtMixin, db.Model):
    __tablename__ = "network_requests"
    __table_args__ = (
        UniqueConstraint("from_company_id", "to_company_id"),
        CheckConstraint("from_company_id <> to_company_id", name="two_companies"),
        CheckConstraint(f"length(message) <= {MESSAGE_MAX}", name="message_length"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    from_company_id: Mapped[int] = mapped_column(ForeignKey("companies.id", ondelete="CASCADE"), index=True)
    from_tenant_id: Mapped[int] = mapped_column(ForeignKey("tenants.id", ondelete="CASCADE"))
    to_company_id: Mapped[int] = mapped_column(ForeignKey("companies.id", ondelete="CASCADE"), index=True)
    to_tenant_id: Mapped[int] = mapped_column(ForeignKey("tenants.id", ondelete="CASCADE"))
    author_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    message: Mapped[str] = mapped_column(Text, default="")

    def involves(self, company_id: int) -> bool:
        return company_id in (self.from_company_id, self.to_company_id)

    def __repr__(self) -> str:
        return f"<NetworkRequest {self.from_company_id}->{self.to_company_id}>"
