"""Concepts and the words people use for them: platform data, the same for every cluster, and each
cluster's own words for them (cluster data)."""

from sqlalchemy import CheckConstraint, ForeignKey, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from clusterhub.db import db
from tenants.models import TenantScoped

CONCEPT_KINDS = ("sector", "competence")


class Concept(db.Model):
    """A sector (a NACE section or division) or a competence of the thesaurus, with its two labels."""

    __tablename__ = "concepts"
    __table_args__ = (CheckConstraint("kind in ('sector', 'competence')", name="kind_known"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    key: Mapped[str] = mapped_column(String(80), unique=True)
    kind: Mapped[str] = mapped_column(String(20))
    # The NACE code of a sector ("J", "62"); none for the thesaurus.
    code: Mapped[str | None] = mapped_column(String(10))
    label_lv: Mapped[str] = mapped_column(String(200))
    label_en: Mapped[str] = mapped_column(String(200))
    broader_id: Mapped[int | None] = mapped_column(ForeignKey("concepts.id", ondelete="SET NULL"), index=True)

    forms: Mapped[list["ConceptForm"]] = relationship(
        back_populates="concept", cascade="all, delete-orphan", order_by="ConceptForm.id"
    )

    def label(self, language: str) -> str:
        """The preferred label in `language` ("lv" or "en")."""
        return self.label_lv if language == "lv" else self.label_en

    def __repr__(self) -> str:
        return f"<Concept {self.key}>"


class ConceptForm(db.Model):
    """A label, synonym or common form of a concept; `terms` is it analysed as search text is."""

    __tablename__ = "concept_forms"
    __table_args__ = (UniqueConstraint("concept_id", "terms"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    concept_id: Mapped[int] = mapped_column(ForeignKey("concepts.id", ondelete="CASCADE"), index=True)
    form: Mapped[str] = mapped_column(String(200))
    terms: Mapped[str] = mapped_column(String(400), index=True)

    concept: Mapped[Concept] = relationship(back_populates="forms")

    def __repr__(self) -> str:
        return f"<ConceptForm {self.form}>"


class ClusterConcept(TenantScoped, db.Model):
    """A concept a cluster's managers added: its row in `concepts` is known to that cluster only (its
    labels are the cluster's own words for it)."""

    __tablename__ = "cluster_concepts"

    id: Mapped[int] = mapped_column(primary_key=True)
    concept_id: Mapped[int] = mapped_column(ForeignKey("concepts.id", ondelete="CASCADE"), unique=True)

    concept: Mapped[Concept] = relationship()

    def __repr__(self) -> str:
        return f"<ClusterConcept {self.concept_id}>"


class ClusterForm(TenantScoped, db.Model):
    """A cluster's own word for a concept: a synonym its managers added, or a free tag merged into it."""

    __tablename__ = "cluster_concept_forms"
    __table_args__ = (UniqueConstraint("tenant_id", "terms"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    concept_id: Mapped[int] = mapped_column(ForeignKey("concepts.id", ondelete="CASCADE"), index=True)
    form: Mapped[str] = mapped_column(String(200))
    terms: Mapped[str] = mapped_column(String(400))

    concept: Mapped[Concept] = relationship()

    def __repr__(self) -> str:
        return f"<ClusterForm {self.form}>"
