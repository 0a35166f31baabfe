"""The PostgreSQL backend's tables: each cluster's search documents and the terms they use.

On SQLite the tables are made too (the schema is one for both databases) and stay empty: only the
PostgreSQL backend writes them, and only there are they indexed with GIN and trigrams.
"""

from datetime import datetime

from sqlalchemy import JSON, DateTime, Index, Integer, String, Text, UniqueConstraint
from sqlalchemy.dialects.postgresql import ARRAY, TSVECTOR
from sqlalchemy.orm import Mapped, mapped_column

from clusterhub.db import UTCDateTime, db
from tenants.models import TenantScoped

# A list of strings: an array on PostgreSQL (GIN-indexed), JSON on SQLite where nothing reads it.
WORDS = JSON().with_variant(ARRAY(String), "postgresql")


class SearchDocument(TenantScoped, db.Model):
    """A company or post as search sees it: weighted terms (A name or title, B competences, C
    infrastructure and body, D sectors and directions), facet values ("sector:J"), a date to sort by."""

    __tablename__ = "search_documents"
    __table_args__ = (
        UniqueConstraint("tenant_id", "key"),
        Index("ix_search_documents_vector", "vector", postgresql_using="gin"),
        Index("ix_search_documents_facets", "facets", postgresql_using="gin"),
        Index("ix_search_documents_title_terms", "title_terms", postgresql_using="gin"),
        Index("ix_search_documents_body_terms", "body_terms", postgresql_using="gin"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    key: Mapped[str] = mapped_column(String(40))
    company_id: Mapped[int] = mapped_column(Integer)
    date: Mapped[datetime] = mapped_column(DateTime())
    facets: Mapped[list[str]] = mapped_column(WORDS)
    vector: Mapped[str] = mapped_column(Text().with_variant(TSVECTOR(), "postgresql"))
    # The distinct terms of the title and of the body: how rare a word is, for matching.
    title_terms: Mapped[list[str]] = mapped_column(WORDS)
    body_terms: Mapped[list[str]] = mapped_column(WORDS)
    written_at: Mapped[datetime] = mapped_column(UTCDateTime())

    def __repr__(self) -> str:
        return f"<SearchDocument {self.tenant_id}:{self.key}>"


class SearchTerm(TenantScoped, db.Model):
    """A term some document of the cluster has had: a typed word that is none of them may be a typo of
    one, found by trigram likeness (pg_trgm)."""

    __tablename__ = "search_terms"
    __table_args__ = (
        UniqueConstraint("tenant_id", "term"),
        Index(
            "ix_search_terms_trigrams",
            "term",
            postgresql_using="gin",
            postgresql_ops={"term": "gin_trgm_ops"},
        ),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    term: Mapped[str] = mapped_column(String(100))

    def __repr__(self) -> str:
        return f"<SearchTerm {self.tenant_id}:{self.term}>"


class SearchVersion(TenantScoped, db.Model):
    """A new random version each time the cluster's search documents change. What is remembered per version
    of them (the tag names of the facets) is checked against this one row, not a count of every document;
    random, so that a version of another database (a test's, a restored backup's) never looks the same."""

    __tablename__ = "search_versions"
    __table_args__ = (UniqueConstraint("tenant_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    version: Mapped[str] = mapped_column(String(32))

    def __repr__(self) -> str:
        return f"<SearchVersion {self.tenant_id}:{self.version}>"
