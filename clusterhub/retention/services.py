"""What is old enough to delete, and deleting it."""

from datetime import datetime, timedelta
from pathlib import Path

from flask import current_app
from sqlalchemy import delete

from clusterhub.accounts.models import FailedLogin
from clusterhub.extensions import db
from clusterhub.security.models import AuditEvent, FormSubmission, RateCount

# Rate-limit windows last minutes to an hour, and failed sign-ins only slow down the next quarter of an hour;
# a day later both are of no use, but still hold addresses (and e-mails) of people.
SHORT_LIVED = timedelta(days=1)


def _mail_files_before(folder: Path, cutoff: datetime) -> int:
    """Delete the .eml files the file mail backend wrote before `cutoff`."""
    if not folder.is_dir():
        return 0
    old = [path for path in folder.glob("*.eml") if path.stat().st_mtime < cutoff.timestamp()]
    for path in old:
        path.unlink(missing_ok=True)  # another prune may have been quicker
    return len(old)


def prune(now: datetime) -> dict[str, int]:
    """Delete what is older than its retention period; how many of each kind were deleted.

    Flushes; the caller commits.
    """
    config = current_app.config
    short_lived = now - SHORT_LIVED
    audit_cutoff = now - timedelta(days=config["AUDIT_RETENTION_DAYS"])
    counts = {
        "audit events": delete(AuditEvent).where(AuditEvent.at < audit_cutoff),
        "rate-limit counters": delete(RateCount).where(RateCount.window_start < int(short_lived.timestamp())),
        "failed sign-ins": delete(FailedLogin).where(FailedLogin.at < short_lived),
        "one-time form tokens": delete(FormSubmission).where(FormSubmission.created_at < short_lived),
    }
    counts = {name: db.session.execute(statement).rowcount for name, statement in counts.items()}
    mail_cutoff = now - timedelta(days=config["MAIL_RETENTION_DAYS"])
    counts["mail files"] = _mail_files_before(Path(config["MAIL_DIR"]), mail_cutoff)
    return counts
