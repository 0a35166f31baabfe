"""The monthly digest: one e-mail per subscriber and month, with a one-click unsubscribe link.

Each delivery is recorded (DigestDelivery, one row per cluster, person and month): a digest that went
out is never sent again in the same month, and one that failed is tried again by the next run.
"""

from datetime import date

from flask import current_app
from itsdangerous import BadSignature, URLSafeTimedSerializer
from sqlalchemy import select

from clusterhub.accounts.models import User
from clusterhub.clock import utcnow
from clusterhub.extensions import db
from clusterhub.mail import send_mail
from clusterhub.markup import markdown_as_text
from clusterhub.navigation import path_for
from clusterhub.news.models import DigestDelivery, NewsItem
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


def _send(membership: Membership, items: list[NewsItem], month: date) -> None:
    """E-mail one subscriber the digest, in their language; raises OSError when the mail server fails."""
    tenant, user = membership.tenant, membership.user
    unsubscribe = _url("digest.unsubscribe", token=unsubscribe_token(membership))
    entries = [
        (
            item,
            excerpt(markdown_as_text(item.body)),
            _url("news.detail", tenant_slug=tenant.slug, news_id=item.id),
        )
        for item in items
    ]
    send_mail(
        user.email,
        user.language,
        "digest",
        headers={
            # RFC 8058: mail programs show an "Unsubscribe" button that POSTs to the link.
            "List-Unsubscribe": f"<{unsubscribe}>",
            "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
        },
        tenant=tenant,
        user=user,
        month=month,
        entries=entries,
        news_link=_url("news.index", tenant_slug=tenant.slug),
        unsubscribe=unsubscribe,
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
