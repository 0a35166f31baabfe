"""The monthly digest: one e-mail per subscriber and month, with a one-click unsubscribe link.

Each delivery is recorded (DigestDelivery, one row per cluster, person and month): a digest that went
out is never sent again in the same month, and one that failed is tried again by the next run.
"""

from collections import Counter
from datetime import date, datetime, timedelta
from typing import NamedTuple

from flask import current_app
from itsdangerous import BadSignature, URLSafeTimedSerializer
from sqlalchemy import func, select

from clusterhub.accounts.models import User
from clusterhub.clock import utcnow
from clusterhub.extensions import db
from clusterhub.mail import send_mail
from clusterhub.markup import markdown_as_text
from clusterhub.navigation import path_for
from clusterhub.news.models import DigestDelivery, NewsItem
from clusterhub.news.services import latest
from clusterhub.worker.models import JobRun
from tenants.context import tenant_scope
from tenants.models import Membership, Tenant

_SALT = "news-digest-unsubscribe"
EXCERPT_LENGTH = 300


def month_of(day: date) -> date:
    """The month a day belongs to, as its first day (how deliveries are keyed)."""
    return day.replace(day=1)


def _serializer() -> URLSafeTimedSerializer:
    return URLSafeTimedSerializer(current_app.config["SECRET_KEY"], salt=_SALT)


def unsubscribe_token(membership: Membership) -> str:
    """A signed token naming the person and the cluster; it does not expire, like the e-mail it is in."""
    return _serializer().dumps({"u": membership.user_id, "t": membership.tenant_id})


def membership_from_token(token: str) -> Membership | None:
    """The membership an unsubscribe token names, if the token is genuine and the membership still exists."""
    try:
        data = _serializer().loads(token)
    except BadSignature:
        return None
    if not isinstance(data, dict):
        return None
    tenant = db.session.get(Tenant, data.get("t")) if isinstance(data.get("t"), int) else None
    if tenant is None or not tenant.active:
        return None
    with tenant_scope(tenant):
        return db.session.scalar(select(Membership).where(Membership.user_id == data.get("u")))


def subscribers() -> list[Membership]:
    """The current cluster's members who asked for the digest and can still sign in."""
    return list(
        db.session.scalars(
            select(Membership)
            .join(Membership.user)
            .where(Membership.digest.is_(True), User.active.is_(True))
            .order_by(Membership.id)
        )
    )


def excerpt(text: str, length: int = EXCERPT_LENGTH) -> str:
    """The start of a text on one line, cut at a word and marked when cut."""
    flat = " ".join(text.split())
    if len(flat) <= length:
        return flat
    return flat[:length].rsplit(" ", 1)[0] + "…"


def _url(endpoint: str, **values) -> str:
    # Commands have no request to take the address from.
    return current_app.config["SITE_URL"].rstrip("/") + path_for(endpoint, **values)


def message_context(membership: Membership, items: list[NewsItem], month: date) -> dict:
    """What mail/digest.txt needs to write one subscriber's digest (the managers' preview shows it too)."""
    tenant = membership.tenant
    entries = [
        (
            item,
            excerpt(markdown_as_text(item.body)),
            _url("news.detail", tenant_slug=tenant.slug, news_id=item.id),
        )
        for item in items
    ]
    return {
        "tenant": tenant,
        "user": membership.user,
        "month": month,
        "entries": entries,
        "news_link": _url("news.index", tenant_slug=tenant.slug),
        "unsubscribe": _url("digest.unsubscribe", token=unsubscribe_token(membership)),
    }


def _send(membership: Membership, items: list[NewsItem], month: date) -> None:
    """E-mail one subscriber the digest, in their language; raises OSError when the mail server fails."""
    context = message_context(membership, items, month)
    send_mail(
        membership.user.email,
        membership.user.language,
        "digest",
        headers={
            # RFC 8058: mail programs show an "Unsubscribe" button that POSTs to the link.
            "List-Unsubscribe": f"<{context['unsubscribe']}>",
            "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
        },
        **context,
    )


def deliver(membership: Membership, items: list[NewsItem], month: date) -> str:
    """Send a subscriber the month's digest unless it went out already: "sent", "skipped" or "failed".

    Sends e-mail, so the caller commits right after each delivery: what went out is recorded at once.
    """
    delivery = db.session.scalar(
        select(DigestDelivery).where(
            DigestDelivery.user_id == membership.user_id, DigestDelivery.month == month
        )
    )
    if delivery is not None and delivery.status == "sent":
        return "skipped"
    if delivery is None:
        # "failed" until the mail server has taken it: a run that dies here leaves it to be retried.
        delivery = DigestDelivery(user_id=membership.user_id, month=month, status="failed", attempts=0)
        db.session.add(delivery)
    delivery.attempts += 1
    try:
        _send(membership, items, month)
    except OSError as error:  # smtplib's errors are OSErrors too
        delivery.status, delivery.error = "failed", (str(error) or type(error).__name__)[:500]
    else:
        delivery.status, delivery.error, delivery.sent_at = "sent", "", utcnow()
    db.session.flush()
    return delivery.status


def send_month(month: date) -> Counter | None:
    """Send the current cluster's digest of `month` to every subscriber who has not had it: the outcomes
    ("sent", "failed", "skipped"), or None when the cluster has no news to send.

    Each delivery is committed at once: a run that stops half-way never sends anyone the month twice.
    """
    items = latest()
    if not items:
        return None
    outcomes = Counter()
    for membership in subscribers():
        outcomes[deliver(membership, items, month)] += 1
        db.session.commit()
    return outcomes


class PastDigest(NamedTuple):
    """One month's digest as the managers' history shows it."""

    month: date
    sent: int
    failed: int
    last_sent_at: datetime | None


def history() -> list[PastDigest]:
    """The current cluster's digests, newest month first: to how many it went, and when the last left."""
    sent = func.count(DigestDelivery.id).filter(DigestDelivery.status == "sent")
    failed = func.count(DigestDelivery.id).filter(DigestDelivery.status == "failed")
    statement = (
        select(DigestDelivery.month, sent, failed, func.max(DigestDelivery.sent_at))
        .group_by(DigestDelivery.month)
        .order_by(DigestDelivery.month.desc())
    )
    return [PastDigest(*row) for row in db.session.execute(statement)]


def run_key(tenant_id: int, month: date) -> str:
    """The JobRun key of a cluster's digest of one month: taken once, by the schedule or by a manager."""
    return f"digest:{tenant_id}:{month:%Y-%m}"


def summary(outcomes: Counter | None) -> str:
    if outcomes is None:
        return "no news"
    return f"{outcomes['sent']} sent, {outcomes['failed']} failed, {outcomes['skipped']} skipped"


def send_now(tenant: Tenant, month: date) -> Counter | None:
    """A manager sends the month's digest now (to whoever has not had it); the schedule skips the month."""
    outcomes = send_month(month)
    key = run_key(tenant.id, month)
    if db.session.scalar(select(JobRun.id).where(JobRun.key == key)) is None:
        db.session.add(JobRun(key=key, tenant_id=tenant.id, summary=summary(outcomes)))
        db.session.flush()
    return outcomes


def scheduled_day(tenant: Tenant, today: date) -> date:
    """The day the worker sends the cluster's next digest (today when this month's is due and not sent)."""
    month = month_of(today)
    if db.session.scalar(select(JobRun.id).where(JobRun.key == run_key(tenant.id, month))) is None:
        return max(today, month.replace(day=tenant.digest_day))
    return (month + timedelta(days=32)).replace(day=tenant.digest_day)
