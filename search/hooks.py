"""The ONE hook that keeps every cluster's index in step with the database.

At flush, the changed companies and posts become outbox rows in the same transaction, so a
rollback drops them and a commit keeps them even if the process dies next. Draining writes the
indexes, recomputes the match suggestions the change affects and tells authors of strong new matches.
With OUTBOX_WORKER set, `flask worker run` (clusterhub/worker) drains in the background; without it (tests,
one-process setups) each request and command drains its own work when it ends, and the first request of
each process drains whatever an earlier process left behind.
"""

import logging
from collections import defaultdict

from flask import current_app, g, has_app_context
from sqlalchemy import delete, event, insert, select
from sqlalchemy.orm import Session

from clusterhub.clock import utcnow
from clusterhub.companies.kept import mark_changed
from clusterhub.companies.models import Company, CompanyMembership, CompanyOwned
from clusterhub.extensions import db
from clusterhub.groups.models import GroupMember
from clusterhub.network import matching as network
from clusterhub.notifications import services as notifications
from clusterhub.posts.models import Post, PostRegion, PostTag
from search import index
from search.documents import company_key, documents_for, ids_by_kind, parse_key, post_key
from search.matching import notices, stored
from search.models import IndexOutbox
from tenants.context import tenant_scope
from tenants.models import Membership, Tenant

log = logging.getLogger(__name__)


def _company_id(obj) -> int | None:
    if isinstance(obj, Company):
        return obj.id
    if isinstance(obj, CompanyOwned):
        return obj.company_id
    return None


def _post_work(obj) -> tuple[int, str] | None:
    if isinstance(obj, Post):
        return obj.tenant_id, post_key(obj.id)
    if isinstance(obj, (PostTag, PostRegion)):
        return obj.tenant_id, post_key(obj.post_id)
    if isinstance(obj, CompanyMembership):
        return obj.tenant_id, company_key(obj.company_id)
    return None


def _clusters_of(session: Session, company_ids: set[int]) -> dict[int, set[int]]:
    links = select(CompanyMembership.company_id, CompanyMembership.tenant_id).where(
        CompanyMembership.company_id.in_(company_ids)
    )
    found = defaultdict(set)
    # Through the connection: a plain read that neither flushes nor needs a cluster chosen.
    for company_id, tenant_id in session.connection().execute(links):
        found[company_id].add(tenant_id)
    return found


def _companies_of_group_members(session: Session, members: set[tuple[int, int]]) -> set[tuple[int, str]]:
    # A shared group is a reason in a suggestion, so joining or leaving one rescores the person's company.
    if not members:
        return set()
    companies = select(Membership.tenant_id, Membership.company_id).where(
        Membership.tenant_id.in_({t for t, _ in members}),
        Membership.user_id.in_({u for _, u in members}),
        Membership.company_id.is_not(None),
    )
    rows = session.connection().execute(companies)
    return {(t, company_key(c)) for t, c in rows}


def _remember_doomed_companies(session: Session, flush_context, instances) -> None:
    # A deleted company takes its membership rows with it, so its clusters are read before the flush.
    doomed = {obj.id for obj in session.deleted if isinstance(obj, Company)}
    if doomed:
        session.info.setdefault("index_doomed", {}).update(_clusters_of(session, doomed))


def _record_work(session: Session, flush_context) -> None:
    work: set[tuple[int, str]] = set()
    companies: set[int] = set()
    group_members: set[tuple[int, int]] = set()
    for obj in (*session.new, *session.dirty, *session.deleted):
        if isinstance(obj, GroupMember):
            group_members.add((obj.tenant_id, obj.user_id))
        elif (item := _post_work(obj)) is not None:
            work.add(item)
        elif (company_id := _company_id(obj)) is not None:
            companies.add(company_id)
    if companies:
        clusters = _clusters_of(session, companies)
        for company_id, tenant_ids in session.info.pop("index_doomed", {}).items():
            clusters[company_id] |= tenant_ids
        work |= {(t, company_key(c)) for c in companies for t in clusters.get(c, ())}
    work |= _companies_of_group_members(session, group_members)
    # The directory's filter lists follow the companies (and their memberships) of every cluster touched;
    # a new cluster gets its first stamp, so its lists are kept from the start.
    new_clusters = {obj.id for obj in session.new if isinstance(obj, Tenant)}
    # The needs dashboard's counts follow the posts as well.
    touched = {t for t, key in work if parse_key(key)[0] == "company"}
    posted = {t for t, key in work if parse_key(key)[0] == "post"}
    mark_changed(session.connection(), touched | new_clusters, posted)
    if work:
        now = utcnow()
        rows = [{"tenant_id": t, "doc_key": key, "created_at": now} for t, key in sorted(work)]
        session.connection().execute(insert(IndexOutbox), rows)
        session.info.setdefault("index_tenants", set()).update(t for t, _ in work)


def rescore(tenant_id: int) -> None:
    """Have all of the cluster's stored suggestions computed again once this transaction commits (the
    vocabulary changed), by the background work as any change."""
    db.session.add(IndexOutbox(tenant_id=tenant_id, doc_key=stored.EVERY))
    # Suggestions from other clusters are kept under the clusters' stamps (clusterhub/network/matching.py).
    mark_changed(db.session.connection(), {tenant_id})
    db.session.info.setdefault("index_tenants", set()).add(tenant_id)


def _committed(session: Session) -> None:
    tenant_ids = session.info.pop("index_tenants", None)
    if tenant_ids and has_app_context():
        g.setdefault("index_pending", set()).update(tenant_ids)


def _rolled_back(session: Session) -> None:
    session.info.pop("index_tenants", None)
    session.info.pop("index_doomed", None)


LISTENERS = (
    ("before_flush", _remember_doomed_companies),
    ("after_flush", _record_work),
    ("after_commit", _committed),
    ("after_rollback", _rolled_back),
)


# Outbox rows applied in one transaction: a cluster with more waiting is taken again by the next round.
BATCH = 500


def drain(tenant_ids: set[int] | None = None) -> int:
    """Apply the outbox (of the given clusters, or all) cluster by cluster; returns the documents written.

    Each cluster's work is claimed by locking its row (FOR NO KEY UPDATE SKIP LOCKED on PostgreSQL), so
    several workers never write one cluster's index or suggestions at once; each takes another cluster.
    A drain that skipped a held cluster leaves its work to the holder: whoever wrote something looks
    again, so work that arrived meanwhile is not left waiting for the next change of that cluster.
    """
    written = 0
    while found := _drain_round(tenant_ids):
        written += found
    return written


def _drain_round(tenant_ids: set[int] | None) -> int:
    # Each waiting cluster once (up to BATCH rows), so a busy cluster does not hold up the others.
    tried: set[int] = set()
    written = 0
    while (tenant_id := _claim(tenant_ids, tried)) is not None:
        tried.add(tenant_id)
        written += _apply(tenant_id, _pending(tenant_id))
    return written


def _claim(tenant_ids: set[int] | None, tried: set[int]) -> int | None:
    waiting = select(IndexOutbox.tenant_id)
    if tenant_ids is not None:
        waiting = waiting.where(IndexOutbox.tenant_id.in_(tenant_ids))
    statement = (
        select(Tenant.id)
        .where(Tenant.id.in_(waiting), Tenant.id.not_in(tried))
        .order_by(Tenant.id)
        .limit(1)
        # NO KEY: rows that only refer to the cluster (its posts, its members) can still be written meanwhile.
        .with_for_update(skip_locked=True, key_share=True)
    )
    return db.session.scalar(statement)


def _pending(tenant_id: int) -> dict[str, list[int]]:
    statement = (
        select(IndexOutbox.id, IndexOutbox.doc_key)
        .where(IndexOutbox.tenant_id == tenant_id)
        .order_by(IndexOutbox.id)
        .limit(BATCH)
    )
    keys = defaultdict(list)
    for row_id, key in db.session.execute(statement):
        keys[key].append(row_id)
    return keys


def _apply(tenant_id: int, keys: dict[str, list[int]]) -> int:
    tenant = db.session.get(Tenant, tenant_id)
    with tenant_scope(tenant):
        documents = index.write(tenant_id, lambda: documents_for(set(keys) - {stored.EVERY}))
        if documents is None:
            db.session.rollback()
            return 0
        done = [row_id for row_ids in keys.values() for row_id in row_ids]
        db.session.execute(delete(IndexOutbox).where(IndexOutbox.id.in_(done)))
        to_mail = notices.notify_strong_matches(stored.recompute(set(keys)))
        network.store_for(tenant, ids_by_kind(set(keys) - {stored.EVERY})["post"])
        db.session.commit()
        notifications.mail_safely(to_mail)
    return len(documents)


def _drain_committed(error=None) -> None:
    tenant_ids = g.pop("index_pending", None)
    if tenant_ids and not current_app.config["OUTBOX_WORKER"]:
        _drain_safely(tenant_ids)


def _drain_safely(tenant_ids: set[int] | None) -> None:
    # The user's action is committed already; an index problem must not turn it into an error page.
    try:
        drain(tenant_ids)
    except Exception:
        db.session.rollback()
        log.exception("search index update failed; the work stays in the outbox")


def _drain_left_over() -> None:
    state = current_app.extensions["search"]
    if not state["drained_at_start"] and not current_app.config["OUTBOX_WORKER"]:
        state["drained_at_start"] = True
        _drain_safely(None)


def install(app, session_class) -> None:
    """Follow every session's flushes and commits, and drain after each request and command."""
    for name, listener in LISTENERS:
        if not event.contains(session_class, name, listener):
            event.listen(session_class, name, listener)
    app.extensions["search"] = {"drained_at_start": False}
    app.before_request(_drain_left_over)
    # During a request the request context is still there (links in mails); commands end with the app context.
    app.teardown_request(_drain_committed)
    app.teardown_appcontext(_drain_committed)
