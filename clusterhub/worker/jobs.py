"""Scheduled jobs: each is due once per period (a day, a cluster's month); JobRun records who took it."""

import logging
from collections.abc import Callable
from datetime import date, datetime

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError

from clusterhub.clock import local
from clusterhub.extensions import db
from clusterhub.news import digest
from clusterhub.retention.services import prune
from clusterhub.worker.models import JobRun
from search import hooks
from search.matching import rules, stored
from tenants.context import tenant_scope
from tenants.models import Tenant

log = logging.getLogger(__name__)


def _take(key: str, tenant_id: int | None = None) -> int | None:
    """Record that this worker runs the job `key` (its JobRun's id), or None when it ran or runs already."""
    run = JobRun(key=key, tenant_id=tenant_id)
    db.session.add(run)
    try:
        db.session.commit()
    except IntegrityError:
        db.session.rollback()
        return None
    return run.id


def run_once(key: str, job: Callable[[], str], tenant_id: int | None = None) -> bool:
    """Run `job` unless its period's run is recorded; its summary is recorded with it. Whether it ran."""
    run_id = _take(key, tenant_id)
    if run_id is None:
        return False
    try:
        summary = job()
    except Exception:
        db.session.rollback()
        log.exception("scheduled job %s failed", key)
        summary = "failed"
    db.session.get(JobRun, run_id).summary = summary[:500]
    db.session.commit()
    return True


def _retention(now: datetime) -> str:
    counts = prune(now)
    return ", ".join(f"{name}: {count}" for name, count in counts.items())


def _send_digest(tenant: Tenant, month: date) -> str:
    with tenant_scope(tenant):
        return digest.summary(digest.send_month(month))


def _once_per_cluster(clusters: list[Tenant], key_of: Callable[[Tenant], str], job) -> int:
    """`job(tenant)` for each cluster whose run under `key_of(tenant)` is not recorded; how many ran."""
    keys = {tenant.id: key_of(tenant) for tenant in clusters}
    taken = set(db.session.scalars(select(JobRun.key).where(JobRun.key.in_(keys.values()))))
    waiting = [tenant for tenant in clusters if keys[tenant.id] not in taken]
    return sum(run_once(keys[t.id], lambda t=t: job(t), t.id) for t in waiting)


def _digests(today: date) -> int:
    """Each active cluster's digest of this month, from the day its managers chose; how many were sent."""
    month = digest.month_of(today)
    clusters = db.session.scalars(
        select(Tenant).where(Tenant.active.is_(True), Tenant.digest_day <= today.day).order_by(Tenant.id)
    ).all()
    return _once_per_cluster(
        clusters, lambda t: digest.run_key(t.id, month), lambda t: _send_digest(t, month)
    )


def _rescore(tenant: Tenant) -> str:
    with tenant_scope(tenant):
        if not stored.scored_by_older_rules():
            return "no suggestion scored by older rules"
        hooks.rescore(tenant.id)  # the outbox pass right after does the work
    return f"suggestions queued for scoring version {rules.SCORING_VERSION}"


def _rescored_clusters() -> int:
    """Each cluster's stored suggestions scored again once per version of the scoring rules."""
    clusters = db.session.scalars(select(Tenant).order_by(Tenant.id)).all()
    return _once_per_cluster(clusters, lambda t: f"scoring:{rules.SCORING_VERSION}:{t.id}", _rescore)


def due(now: datetime) -> int:
    """Run every job due at `now` that no worker has run for its period; how many ran."""
    today = local(now).date()
    ran = run_once(f"retention:{today.isoformat()}", lambda: _retention(now))
    return int(ran) + _digests(today) + _rescored_clusters()
