"""Interest and working groups inside a cluster (seed 000, problem 12 and workshop group 3)."""

from datetime import datetime

from sqlalchemy import CheckConstraint, ForeignKey, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from clusterhub.db import CreatedAtMixin, UTCDateTime, db
from tenants.models import TenantScoped


class Group(TenantScoped, CreatedAtMixin, db.Model):
    """A group of members around one topic (export to Nordic markets, automation, joint purchasing)."""

    __tablename__ = "interest_groups"
    __table_args__ = (
        UniqueConstraint("tenant_id", "name"),
        CheckConstraint("length(name) > 0", name="name_present"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(120))
    description: Mapped[str] = mapped_column(Text, default="")
    # An archived group keeps its members and history but takes no new members or addressed posts.
    archived_at: Mapped[datetime | None] = mapped_column(UTCDateTime())

    members: Mapped[list["GroupMember"]] = relationship(
        back_populates="group", cascade="all, delete-orphan", order_by="GroupMember.id"
    )

    @property
    def archived(self) -> bool:
        return self.archived_at is not None

    def __repr__(self) -> str:
        return f"<Group {self.name!r}>"


class GroupMember(TenantScoped, CreatedAtMixin, db.Model):
    """A person of a member company in a group; the company takes part through its people."""

    __tablename__ = "interest_group_members"
    __table_args__ = (UniqueConstraint("group_id", "user_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    group_id: Mapped[int] = mapped_column(ForeignKey("interest_groups.id", ondelete="CASCADE"), index=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)

    group: Mapped[Group] = relationship(back_populates="members")
    user: Mapped["User"] = relationship()  # noqa: F821

    def __repr__(self) -> str:
        return f"<GroupMember group={self.group_id} user={self.user_id}>"
