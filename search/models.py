"""Index work waiting to be done, the match suggestions it computes, and what people did with them."""

from sqlalchemy import JSON, ForeignKey, Integer, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from clusterhub.companies.models import Company
from clusterhub.db import CreatedAtMixin, db
from clusterhub.posts.models import Post
from tenants.models import TenantScoped


class IndexOutbox(CreatedAtMixin, db.Model):
    """A document to refresh in a cluster's index, written in the transaction that changed it.

    Rows outlive a crash between the commit and the index write; whoever drains next applies them.
    Not cluster-scoped on purpose: draining reads the work of every cluster.
    """

    __tablename__ = "search_outbox"
    # Ids are never given again (AUTOINCREMENT; PostgreSQL's sequences never repeat): a drain deletes the
    # rows it read by id once the index holds them, and SQLite would otherwise give a row removed by another
    # drain meanwhile (the highest id) to the next change, which that delete would then drop unindexed.
    __table_args__ = {"sqlite_autoincrement": True}

    id: Mapped[int] = mapped_column(primary_key=True)
    tenant_id: Mapped[int] = mapped_column(ForeignKey("tenants.id", ondelete="CASCADE"), index=True)
    doc_key: Mapped[str] = mapped_column(String(40))

    def __repr__(self) -> str:
        return f"<IndexOutbox {self.tenant_id}:{self.doc_key}>"


class MatchDismissal(TenantScoped, CreatedAtMixin, db.Model):
    """A company does not want to see another company suggested again (for one post, or at all)."""

    __tablename__ = "match_dismissals"
    __table_args__ = (UniqueConstraint("company_id", "partner_company_id", "post_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    company_id: Mapped[int] = mapped_column(ForeignKey("companies.id", ondelete="CASCADE"), index=True)
    partner_company_id: Mapped[int] = mapped_column(ForeignKey("companies.id", ondelete="CASCADE"))
    post_id: Mapped[int | None] = mapped_column(ForeignKey("posts.id", ondelete="CASCADE"))

    def __repr__(self) -> str:
        return f"<MatchDismissal {self.company_id}->{self.partner_company_id} post={self.post_id}>"


class MatchNotice(TenantScoped, CreatedAtMixin, db.Model):
    """The author of a need was told about a strong match with a company; once is enough."""

    __tablename__ = "match_notices"
    __table_args__ = (UniqueConstraint("post_id", "company_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    post_id: Mapped[int] = mapped_column(ForeignKey("posts.id", ondelete="CASCADE"), index=True)
    company_id: Mapped[int] = mapped_column(ForeignKey("companies.id", ondelete="CASCADE"))
    score: Mapped[int] = mapped_column(Integer)

    def __repr__(self) -> str:
        return f"<MatchNotice post={self.post_id} company={self.company_id}>"


class MatchSuggestion(TenantScoped, CreatedAtMixin, db.Model):
    """A company that may answer a need, as the background work last computed it: pages read these rows.

    Written when the need, the company or its offers change (search/matching/stored.py); `detail` keeps
    the points, the reasons and the matched weight, so a page shows them without scoring anything.
    """

    __tablename__ = "match_suggestions"
    __table_args__ = (UniqueConstraint("need_id", "company_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    need_id: Mapped[int] = mapped_column(ForeignKey("posts.id", ondelete="CASCADE"), index=True)
    # The need's company, kept beside it: a company's partners are read without joining the posts.
    need_company_id: Mapped[int] = mapped_column(ForeignKey("companies.id", ondelete="CASCADE"), index=True)
    company_id: Mapped[int] = mapped_column(ForeignKey("companies.id", ondelete="CASCADE"), index=True)
    score: Mapped[int] = mapped_column(Integer)
    detail: Mapped[dict] = mapped_column(JSON)

    need: Mapped[Post] = relationship(foreign_keys=[need_id])
    company: Mapped[Company] = relationship(foreign_keys=[company_id])

    def __repr__(self) -> str:
        return f"<MatchSuggestion need={self.need_id} company={self.company_id} {self.score}>"
