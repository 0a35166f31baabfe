"""The cluster manager's annual visits to member companies (the source study's main feedback tool)."""

from datetime import date

from sqlalchemy import CheckConstraint, Date, ForeignKey, Index, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from clusterhub.companies.models import Company
from clusterhub.db import CreatedAtMixin, db
from tenants.models import TenantScoped


class Visit(TenantScoped, CreatedAtMixin, db.Model):
    """One visit: the company's top-3 problems, its 2- and 5-year goals and what happens next."""

    __tablename__ = "visits"
    __table_args__ = (
        CheckConstraint("length(visitors) > 0", name="visitors_present"),
        Index("ix_visits_tenant_company_date", "tenant_id", "company_id", "visited_on"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    company_id: Mapped[int] = mapped_column(ForeignKey("companies.id", ondelete="CASCADE"), index=True)
    author_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    visited_on: Mapped[date] = mapped_column(Date)
    visitors: Mapped[str] = mapped_column(String(300))
    problem_1: Mapped[str] = mapped_column(String(300), default="")
    problem_2: Mapped[str] = mapped_column(String(300), default="")
    problem_3: Mapped[str] = mapped_column(String(300), default="")
    goals_2_years: Mapped[str] = mapped_column(Text, default="")
    goals_5_years: Mapped[str] = mapped_column(Text, default="")
    success_story: Mapped[str] = mapped_column(Text, default="")
    next_step: Mapped[str] = mapped_column(Text, default="")

    company: Mapped[Company] = relationship()
    author: Mapped["User | None"] = relationship()  # noqa: F821

    @property
    def problems(self) -> list[str]:
        return [p for p in (self.problem_1, self.problem_2, self.problem_3) if p]

    def __repr__(self) -> str:
        return f"<Visit company={self.company_id} {self.visited_on}>"
