"""`flask retention prune` deletes audit events, sent-mail files and short-lived counters past their time."""

import os
from datetime import timedelta
from pathlib import Path

from sqlalchemy import func, select

from clusterhub.accounts.models import FailedLogin
from clusterhub.clock import utcnow
from clusterhub.config import from_environment
from clusterhub.extensions import db
from clusterhub.security.audit import record
from clusterhub.security.models import AuditEvent, FormSubmission, RateCount


def _age(days: float) -> timedelta:
    return timedelta(days=days)


def _fill(app, now) -> None:
    """One row of each kind on either side of its limit (365 days for events, a day for the rest)."""
    with app.app_context():
        for days, subject in ((366, "old"), (364, "recent")):
            record("export", subject).at = now - _age(days)
        for hours in (25, 23):
            start = int((now - timedelta(hours=hours)).timestamp())
            db.session.add(RateCount(key=f"login:{hours}", window_start=start, hits=3))
            db.session.add(
                FailedLogin(email=f"x{hours}@alfa.lv", ip="192.0.2.1", at=now - timedelta(hours=hours))
            )
            db.session.add(
                FormSubmission(token_hash=f"t{hours}", location="/", created_at=now - timedelta(hours=hours))
            )
        db.session.commit()


def _mail(app, name: str, days_old: float) -> Path:
    folder = Path(app.config["MAIL_DIR"])
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_text("Subject: test\n\nbody\n")
    moment = (utcnow() - _age(days_old)).timestamp()
    os.utime(path, (moment, moment))
    return path


def _count(app, model) -> int:
    with app.app_context():
        return db.session.scalar(select(func.count()).select_from(model))


def test_prune_deletes_what_is_past_its_time_and_says_how_much(app, runner):
    _fill(app, utcnow())
    old_mail, new_mail = _mail(app, "old.eml", 31), _mail(app, "new.eml", 29)
    other_file = _mail(app, "notes.txt", 100)

    result = runner.invoke(args=["retention", "prune"])

    assert result.exit_code == 0, result.output
    assert result.output.splitlines() == [
        "audit events: 1 deleted",
        "rate-limit counters: 1 deleted",
        "failed sign-ins: 1 deleted",
        "one-time form tokens: 1 deleted",
        "mail files: 1 deleted",
    ]
    with app.app_context():
        assert db.session.scalars(select(AuditEvent.subject)).all() == ["recent"]
        assert db.session.scalars(select(RateCount.key)).all() == ["login:23"]
        assert db.session.scalars(select(FailedLogin.email)).all() == ["x23@alfa.lv"]
        assert db.session.scalars(select(FormSubmission.token_hash)).all() == ["t23"]
    assert not old_mail.exists() and new_mail.exists() and other_file.exists()
    again = runner.invoke(args=["retention", "prune"])
    assert again.output.count(": 0 deleted") == 5


def test_the_retention_periods_are_settings(app, runner):
    _fill(app, utcnow())
    _mail(app, "week-old.eml", 7)
    app.config.update(AUDIT_RETENTION_DAYS=30, MAIL_RETENTION_DAYS=5)
    result = runner.invoke(args=["retention", "prune"])
    assert "audit events: 2 deleted" in result.output and "mail files: 1 deleted" in result.output
    assert _count(app, AuditEvent) == 0


def test_without_a_mail_folder_prune_deletes_no_files(app, runner):
    result = runner.invoke(args=["retention", "prune"])
    assert result.exit_code == 0 and "mail files: 0 deleted" in result.output


def test_the_retention_days_come_from_the_environment(monkeypatch, tmp_path):
    for name in ("CLUSTERHUB_AUDIT_RETENTION_DAYS", "CLUSTERHUB_MAIL_RETENTION_DAYS"):
        monkeypatch.delenv(name, raising=False)
    assert from_environment(str(tmp_path))["AUDIT_RETENTION_DAYS"] == 365
    assert from_environment(str(tmp_path))["MAIL_RETENTION_DAYS"] == 30
    monkeypatch.setenv("CLUSTERHUB_AUDIT_RETENTION_DAYS", "730")
    monkeypatch.setenv("CLUSTERHUB_MAIL_RETENTION_DAYS", "7")
    settings = from_environment(str(tmp_path))
    assert (settings["AUDIT_RETENTION_DAYS"], settings["MAIL_RETENTION_DAYS"]) == (730, 7)
