"""Making, finding and revoking API tokens. Services: they flush, never commit."""

import hashlib
import secrets
from datetime import timedelta

from sqlalchemy import select

from clusterhub.api.models import ACCESS, ApiToken
from clusterhub.clock import utcnow
from clusterhub.extensions import db
from clusterhub.security import audit
from tenants.context import cross_tenant
from tenants.models import Membership, Tenant

PREFIX = "chub_"
LIFETIMES = (30, 90, 365)  # days a token may live; a key that never ends is a key nobody remembers to revoke
# last_used_at is written at most this often: not one UPDATE per API call.
LAST_USED_PRECISION = timedelta(minutes=5)


class TokenError(ValueError):
    """The token cannot be made or revoked; `reason` names why."""

    def __init__(self, reason: str):
        super().__init__(reason)
        self.reason = reason


def hashed(secret: str) -> str:
    return hashlib.sha256(secret.encode()).hexdigest()


def create_token(
    user, tenant: Tenant, name: str, access: str, days: int, integration: bool = False
) -> tuple[ApiToken, str]:
    """A new token of `user` for `tenant`, and its secret (shown once, never stored)."""
    if access not in ACCESS or days not in LIFETIMES or not name.strip():
        raise TokenError("invalid")
    secret = PREFIX + secrets.token_urlsafe(32)
    token = ApiToken(
        user_id=user.id,
        tenant_id=tenant.id,
        name=name.strip(),
        access=access,
        integration=integration,
        secret_hash=hashed(secret),
        hint=secret[: len(PREFIX) + 4],
        expires_at=utcnow() + timedelta(days=days),
    )
    db.session.add(token)
    db.session.flush()
    audit.record("api_token_created", f"api_token:{token.id}", actor=user, tenant_id=tenant.id)
    return token, secret


def revoke(token: ApiToken, by) -> None:
    """Stop the token working at once; revoking twice is the same as once."""
    if token.revoked_at is None:
        token.revoked_at = utcnow()
        audit.record("api_token_revoked", f"api_token:{token.id}", actor=by, tenant_id=token.tenant_id)


def personal_tokens(user) -> list[ApiToken]:
    """A person's own tokens in every cluster, newest first (integration tokens: on the clusters' pages)."""
    with cross_tenant():
        return list(
            db.session.scalars(
                select(ApiToken)
                .where(ApiToken.user_id == user.id, ApiToken.integration.is_(False))
                .order_by(ApiToken.created_at.desc(), ApiToken.id.desc())
            )
        )


def integration_tokens() -> list[ApiToken]:
    """The current cluster's integration tokens, newest first."""
    return list(
        db.session.scalars(
            select(ApiToken)
            .where(ApiToken.integration.is_(True))
            .order_by(ApiToken.created_at.desc(), ApiToken.id.desc())
        )
    )


def usable(token: ApiToken) -> bool:
    return token.revoked_at is None and token.expires_at > utcnow()


def token_of(secret: str) -> ApiToken | None:
    """The token with this secret in any cluster, usable or not; None for a secret nobody was given."""
    if not secret.startswith(PREFIX):
        return None
    with cross_tenant():
        return db.session.scalar(select(ApiToken).where(ApiToken.secret_hash == hashed(secret)))


def membership_of(token: ApiToken) -> Membership | None:
    """The token's person's membership in the token's cluster now (they may have left it since)."""
    with cross_tenant():
        return db.session.scalar(
            select(Membership).where(
                Membership.user_id == token.user_id, Membership.tenant_id == token.tenant_id
            )
        )


def note_use(token: ApiToken) -> None:
    """Remember when the token was last used (shown on the token pages), to a few minutes."""
    now = utcnow()
    if token.last_used_at is None or now - token.last_used_at >= LAST_USED_PRECISION:
        token.last_used_at = now
