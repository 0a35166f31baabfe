"""The needs-and-offers board, and the contact threads and collaborations that answers open."""

from datetime import date, datetime

from sqlalchemy import CheckConstraint, Date, ForeignKey, Index, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from clusterhub.clock import utcnow
from clusterhub.collation import fold, keeps_sort_key
from clusterhub.companies.models import REGIONS, Company, _one_of
from clusterhub.db import CreatedAtMixin, UTCDateTime, db
from tenants.models import TenantScoped

KINDS = ("need", "offer", "interest")
CATEGORIES = (
    "export",
    "research",
    "automation",
    "training",
    "staff",
    "purchasing",
    "exhibitions",
    "equipment",
    "other",
)
STATUSES = ("open", "fulfilled", "withdrawn")


# What the needs dashboard and the indicators count a period's posts by, besides their time.
COUNTED_BY = ("kind", "company_id", "status", "category")


class Post(TenantScoped, CreatedAtMixin, db.Model):
    """A need, an offer or a partnership interest a member company puts on its cluster's board."""

    __tablename__ = "posts"
    __table_args__ = (
        CheckConstraint(_one_of("kind", KINDS), name="kind_known"),
        CheckConstraint(_one_of("category", CATEGORIES), name="category_known"),
        CheckConstraint(_one_of("status", STATUSES), name="status_known"),
        CheckConstraint("length(title) > 0", name="title_present"),
        Index("ix_posts_tenant_status_created", "tenant_id", "status", "created_at"),
        # The board counts a cluster's open posts still valid from this index alone, reading no post.
        Index("ix_posts_tenant_status_valid", "tenant_id", "status", "valid_until"),
        # The needs dashboard and the indicators count a period's posts by kind, category, status and
        # company: every column they group or filter by is here, so they read this index, not the posts.
        Index("ix_posts_tenant_created_counted", "tenant_id", "created_at", *COUNTED_BY),
        # The brokering desk lists and counts the open needs still valid, newest first, from this index alone.
        Index(
            "ix_posts_tenant_status_kind_valid", "tenant_id", "status", "kind", "valid_until", "created_at"
        ),
        # A company's open offers or needs, read for every match suggestion.
        Index("ix_posts_company_kind_status", "company_id", "kind", "status"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    company_id: Mapped[int] = mapped_column(ForeignKey("companies.id", ondelete="CASCADE"), index=True)
    author_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    kind: Mapped[str] = mapped_column(String(20))
    category: Mapped[str] = mapped_column(String(20))
    title: Mapped[str] = mapped_column(String(200))
    # The title folded (no case, no accents), so "ciekurs" finds "Čiekurs" in either database.
    title_folded: Mapped[str] = mapped_column(String(400), default="")
    body: Mapped[str] = mapped_column(Text, default="")
    valid_until: Mapped[date | None] = mapped_column(Date)
    status: Mapped[str] = mapped_column(String(20), default="open")
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow, onupdate=utcnow)
    # The interest group the post is addressed to, if any; it stays on the whole board too.
    group_id: Mapped[int | None] = mapped_column(
        ForeignKey("interest_groups.id", ondelete="SET NULL"), index=True
    )

    company: Mapped[Company] = relationship()
    author: Mapped["User | None"] = relationship()  # noqa: F821
    group: Mapped["Group | None"] = relationship()  # noqa: F821
    tags: Mapped[list["PostTag"]] = relationship(cascade="all, delete-orphan", order_by="PostTag.key")
    regions: Mapped[list["PostRegion"]] = relationship(
        cascade="all, delete-orphan", order_by="PostRegion.region"
    )

    _keep_title_folded = keeps_sort_key("title", "title_folded", key=fold)

    @property
    def tag_names(self) -> list[str]:
        return [tag.name for tag in self.tags]

    @property
    def region_names(self) -> list[str]:
        return [region.region for region in self.regions]

    def __repr__(self) -> str:
        return f"<Post {self.kind} {self.title!r}>"


class PostTag(TenantScoped, db.Model):
    __tablename__ = "post_tags"
    __table_args__ = (
        UniqueConstraint("post_id", "key"),
        # With the concept and the name: the search page reads a cluster's spellings (search/views.py) from
        # this index alone after every posted need, not from tens of thousands of rows.
        Index("ix_post_tags_tenant_key_spelling", "tenant_id", "key", "concept_id", "name"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    post_id: Mapped[int] = mapped_column(ForeignKey("posts.id", ondelete="CASCADE"), index=True)
    name: Mapped[str] = mapped_column(String(100))
    key: Mapped[str] = mapped_column(String(400))
    # The concept the name stands for, when the vocabulary knows it; the name stays as typed.
    concept_id: Mapped[int | None] = mapped_column(ForeignKey("concepts.id", ondelete="SET NULL"), index=True)

    _keep_key = keeps_sort_key("name", "key")

    def __repr__(self) -> str:
        return f"<PostTag {self.name}>"


class PostRegion(TenantScoped, db.Model):
    """A planning region a post is relevant to (none means: all of them)."""

    __tablename__ = "post_regions"
    __table_args__ = (
        UniqueConstraint("post_id", "region"),
        CheckConstraint(_one_of("region", REGIONS), name="region_known"),
        # "Does this post name a region?" asked per post by the board and the needs dashboard: with the
        # cluster in the same index SQLite never reads the cluster's every region row instead, even on a
        # cluster grown by an import since the planner statistics were last made (there the needs dashboard
        # of a 3,000-company cluster took 5 s of CPU without this index, 0.2 s with it).
        Index("ix_post_regions_post_tenant", "post_id", "tenant_id"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    post_id: Mapped[int] = mapped_column(ForeignKey("posts.id", ondelete="CASCADE"), index=True)
    region: Mapped[str] = mapped_column(String(20))

    def __repr__(self) -> str:
        return f"<PostRegion {self.region}>"


class Thread(TenantScoped, CreatedAtMixin, db.Model):
    """A conversation between two member companies, opened by answering a post or from a profile."""

    __tablename__ = "threads"
    __table_args__ = (
        UniqueConstraint("post_id", "initiator_company_id"),
        CheckConstraint("initiator_company_id <> recipient_company_id", name="two_companies"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    post_id: Mapped[int | None] = mapped_column(ForeignKey("posts.id", ondelete="SET NULL"), index=True)
    initiator_company_id: Mapped[int] = mapped_column(
        ForeignKey("companies.id", ondelete="CASCADE"), index=True
    )
    recipient_company_id: Mapped[int] = mapped_column(
        ForeignKey("companies.id", ondelete="CASCADE"), index=True
    )
    subject: Mapped[str] = mapped_column(String(200))
    last_message_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    # A thread a cluster manager opened between the two companies (the brokering desk), with their note;
    # the note marks it as introduced by the cluster even after the manager's account is gone.
    introduction: Mapped[str | None] = mapped_column(Text)
    introduced_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))

    post: Mapped[Post | None] = relationship()
    initiator: Mapped[Company] = relationship(foreign_keys=[initiator_company_id])
    recipient: Mapped[Company] = relationship(foreign_keys=[recipient_company_id])
    messages: Mapped[list["Message"]] = relationship(
        back_populates="thread", order_by="Message.id", cascade="all, delete-orphan"
    )
    collaboration: Mapped["Collaboration | None"] = relationship(back_populates="thread")

    def involves(self, company_id: int | None) -> bool:
        return company_id in (self.initiator_company_id, self.recipient_company_id)

    def other_company(self, company_id: int) -> Company:
        return self.recipient if company_id == self.initiator_company_id else self.initiator

    def __repr__(self) -> str:
        return f"<Thread {self.initiator_company_id}->{self.recipient_company_id}>"


class Message(TenantScoped, CreatedAtMixin, db.Model):
    __tablename__ = "messages"
    __table_args__ = (CheckConstraint("length(body) > 0", name="body_present"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    thread_id: Mapped[int] = mapped_column(ForeignKey("threads.id", ondelete="CASCADE"), index=True)
    company_id: Mapped[int] = mapped_column(ForeignKey("companies.id", ondelete="CASCADE"))
    author_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    body: Mapped[str] = mapped_column(Text)

    thread: Mapped[Thread] = relationship(back_populates="messages")
    company: Mapped[Company] = relationship()
    author: Mapped["User | None"] = relationship()  # noqa: F821

    def __repr__(self) -> str:
        return f"<Message thread={self.thread_id}>"


class Collaboration(TenantScoped, CreatedAtMixin, db.Model):
    """ "We started working together": recorded once per thread, by either side."""

    __tablename__ = "collaborations"

    id: Mapped[int] = mapped_column(primary_key=True)
    thread_id: Mapped[int] = mapped_column(ForeignKey("threads.id", ondelete="CASCADE"), unique=True)
    marked_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))

    thread: Mapped[Thread] = relationship(back_populates="collaboration")

    def __repr__(self) -> str:
        return f"<Collaboration thread={self.thread_id}>"
