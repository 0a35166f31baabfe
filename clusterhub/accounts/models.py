"""People who sign in, and failed sign-ins for throttling."""

from datetime import datetime

from flask_login import UserMixin
from sqlalchemy import Boolean, CheckConstraint, ForeignKey, Index, String, false
from sqlalchemy.orm import Mapped, mapped_column, relationship, validates

from clusterhub.clock import utcnow
from clusterhub.collation import keeps_sort_key
from clusterhub.db import CreatedAtMixin, UTCDateTime, db
from tenants.models import Membership

LANGUAGES = ("lv", "en")


def normalise_email(value: str) -> str:
    """E-mail addresses are compared without case and surrounding spaces."""
    return value.strip().lower()


class User(UserMixin, CreatedAtMixin, db.Model):
    """A person; may belong to several clusters."""

    __tablename__ = "users"
    __table_args__ = (
        CheckConstraint("email = lower(email)", name="email_lowercase"),
        CheckConstraint("language in ('lv', 'en')", name="language_known"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    email: Mapped[str] = mapped_column(String(254), unique=True)
    name: Mapped[str] = mapped_column(String(200))
    name_sort: Mapped[str] = mapped_column(String(800), index=True)
    password_hash: Mapped[str] = mapped_column(String(400))
    language: Mapped[str] = mapped_column(String(5), default="lv")
    is_admin: Mapped[bool] = mapped_column(Boolean, default=False)
    is_organiser: Mapped[bool] = mapped_column(Boolean, default=False)
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    # Strong match suggestions for the person's needs are always in the app; by e-mail only if asked.
    match_emails: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false())
    # Set when the person deleted the account: name and e-mail are then placeholders.
    deleted_at: Mapped[datetime | None] = mapped_column(UTCDateTime())

    memberships: Mapped[list[Membership]] = relationship(back_populates="user")

    @validates("email")
    def _normalise(self, key, value):
        return normalise_email(value)

    _keep_sort_key = keeps_sort_key("name", "name_sort")

    @property
    def is_active(self) -> bool:
        return self.active

    # The secret of the browser session this request runs in (UserSession), set when it is loaded.
    session_token = ""

    def get_id(self) -> str:
        """What Flask-Login keeps in the session and the remember cookie: the person and their session's
        secret, new at every sign-in; ending the session on the server voids both cookies for good."""
        return f"{self.id}:{self.session_token}"

    def __repr__(self) -> str:
        return f"<User {self.email}>"


class FailedLogin(db.Model):
    """One failed sign-in; recent rows per e-mail, per address and per known browser decide throttling."""

    __tablename__ = "failed_logins"
    __table_args__ = (
        Index("ix_failed_logins_email_at", "email", "at"),
        Index("ix_failed_logins_ip_at", "ip", "at"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    email: Mapped[str] = mapped_column(String(254))
    ip: Mapped[str] = mapped_column(String(64))
    # The nonce of the known browser's device cookie (clusterhub/accounts/devices.py); "" for unknown ones.
    device: Mapped[str] = mapped_column(String(64), default="", server_default="")
    at: Mapped[datetime] = mapped_column(UTCDateTime())


class SignIn(db.Model):
    """One successful sign-in; member segments count them as activity."""

    __tablename__ = "sign_ins"
    __table_args__ = (Index("ix_sign_ins_user_at", "user_id", "at"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"))
    at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)


class UserSession(CreatedAtMixin, db.Model):
    """One signed-in browser, kept on the server: sign-out, a password change or the person ends it."""

    __tablename__ = "user_sessions"

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    # Only a hash of the secret the cookies carry: a copy of the database signs nobody in.
    token_hash: Mapped[str] = mapped_column(String(64), unique=True)
    last_seen_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    browser: Mapped[str] = mapped_column(String(200), default="")
    remember: Mapped[bool] = mapped_column(Boolean, default=False)

    user: Mapped[User] = relationship()

    def __repr__(self) -> str:
        return f"<UserSession {self.id} user={self.user_id}>"
