"""Scheduled jobs that ran: one row per job and period, so a job runs once however many workers there are."""

from sqlalchemy import ForeignKey, String
from sqlalchemy.orm import Mapped, mapped_column

from clusterhub.db import CreatedAtMixin, db


class JobRun(CreatedAtMixin, db.Model):
    """A scheduled job's run for one period ("retention:2026-12-07", "digest:3:2026-12").

    Not cluster-scoped: the worker reads the runs of every cluster. Inserted before the job starts; the
    unique key makes a second worker (or a second pass) leave the period alone.
    """

    __tablename__ = "job_runs"

    id: Mapped[int] = mapped_column(primary_key=True)
    key: Mapped[str] = mapped_column(String(120), unique=True)
    tenant_id: Mapped[int | None] = mapped_column(ForeignKey("tenants.id", ondelete="CASCADE"), index=True)
    summary: Mapped[str] = mapped_column(String(500), default="")

    def __repr__(self) -> str:
        return f"<JobRun {self.key}>"
