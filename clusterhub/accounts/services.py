"""People: creating them, checking passwords, throttling guessers, password-reset links."""

import re
from datetime import timedelta

from flask import current_app
from itsdangerous import BadSignature, URLSafeTimedSerializer
from sqlalchemy import delete, func, select
from werkzeug.security import check_password_hash, generate_password_hash

from clusterhub.accounts.devices import known_device
from clusterhub.accounts.models import FailedLogin, SignIn, User, UserSession, normalise_email
from clusterhub.accounts.sessions import end_sessions
from clusterhub.clock import utcnow
from clusterhub.extensions import db
from clusterhub.security import audit

MIN_PASSWORD_LENGTH = 10
# The web forms validate e-mails fully; this keeps commands from storing what no form would accept.
EMAIL_PATTERN = re.compile(r"[^@\s]{1,64}@[^@\s]{1,189}\.[^@\s.]{2,}")
_RESET_SALT = "password-reset"
_EMAIL_SALT = "email-change"


class AccountError(ValueError):
    """A person could not be created or changed as asked; the message says why."""


class Throttled(Exception):
    """Too many failed sign-ins for this e-mail or address lately."""


class WrongPassword(AccountError):
    """The current password given to confirm a change is not the person's password."""


class EmailTaken(AccountError):
    """Another person signs in with this e-mail already."""


class LastAdmin(AccountError):
    """The platform would be left without an administrator."""


def hash_password(password: str) -> str:
    """A memory-hard hash of `password` (scrypt, cost from the settings)."""
    return generate_password_hash(password, method=current_app.config["PASSWORD_HASH_METHOD"])


def find_user(email: str) -> User | None:
    """The person with this e-mail, whatever its case."""
    return db.session.scalar(select(User).where(User.email == normalise_email(email)))


def create_user(
    email: str,
    name: str,
    password: str,
    language: str = "lv",
    is_admin: bool = False,
    is_organiser: bool = False,
) -> User:
    """Add a person; the e-mail must be new."""
    if not EMAIL_PATTERN.fullmatch(normalise_email(email)):
        raise AccountError(f"{email!r} is not an e-mail address")
    if not name.strip() or len(name) > 200:
        raise AccountError("name must have 1-200 characters")
    if len(password) < MIN_PASSWORD_LENGTH:
        raise AccountError(f"password must have at least {MIN_PASSWORD_LENGTH} characters")
    if find_user(email) is not None:
        raise AccountError(
            f"a user with e-mail {normalise_email(email)} exists already "
            "(give a role with `users grant`, make a manager with `tenants appoint`)"
        )
    user = User(
        email=email,
        name=name.strip(),
        password_hash=hash_password(password),
        language=language,
        is_admin=is_admin,
        is_organiser=is_organiser,
    )
    db.session.add(user)
    db.session.flush()
    return user


def _window_start():
    return utcnow() - timedelta(minutes=current_app.config["LOGIN_THROTTLE_MINUTES"])


def _recent_failures(*conditions) -> int:
    return db.session.scalar(
        select(func.count(FailedLogin.id)).where(*conditions, FailedLogin.at >= _window_start())
    )


def is_throttled(email: str, ip: str, device: str = "") -> bool:
    """True after too many recent failures of this known browser (`device`), or, for an unknown browser,
    of unknown browsers for this e-mail (known or not) or from this address."""
    config = current_app.config
    if device:
        return _recent_failures(FailedLogin.device == device) >= config["LOGIN_FAILURES_PER_EMAIL"]
    unknown = FailedLogin.device == ""
    return (
        _recent_failures(unknown, FailedLogin.email == normalise_email(email))
        >= config["LOGIN_FAILURES_PER_EMAIL"]
        or _recent_failures(unknown, FailedLogin.ip == ip) >= config["LOGIN_FAILURES_PER_ADDRESS"]
    )


def authenticate(email: str, password: str, ip: str, device_cookie: str = "") -> User | None:
    """The person if the password is right; records a failure otherwise. Raises Throttled.

    A browser that signed in as this person before (its device cookie) is judged by its own failures only.
    """
    user = find_user(email)
    device = known_device(device_cookie, user)
    if is_throttled(email, ip, device):
        raise Throttled()
    # Hash even for unknown e-mails so the answer takes as long either way.
    stored = user.password_hash if user else hash_password("not-a-real-password")
    if user is not None and user.active and check_password_hash(stored, password):
        # A known browser's success leaves the unknown browsers' failures counted: they keep guessing.
        db.session.execute(
            delete(FailedLogin).where(FailedLogin.email == user.email, FailedLogin.device == device)
        )
        db.session.add(SignIn(user_id=user.id, at=utcnow()))
        audit.record("login", _subject(user), actor=user)
        return user
    db.session.add(FailedLogin(email=normalise_email(email), ip=ip, device=device, at=utcnow()))
    # An unknown address leaves the subject empty: the log never holds what someone typed.
    audit.record("login_failed", _subject(user) if user else "")
    return None


def _subject(user: User) -> str:
    return f"user:{user.id}"


def set_password(user: User, password: str, keep: UserSession | None = None) -> None:
    """Replace a person's password; old reset links and every signed-in session of the person but
    `keep` (the browser that changed it) end."""
    if len(password) < MIN_PASSWORD_LENGTH:
        raise AccountError(f"password must have at least {MIN_PASSWORD_LENGTH} characters")
    user.password_hash = hash_password(password)
    end_sessions(user, keep)
    audit.record("password_changed", _subject(user), actor=user)


def _require_password(user: User, password: str) -> None:
    if not check_password_hash(user.password_hash, password):
        raise WrongPassword("the current password is wrong")


def change_password(user: User, current: str, new: str, keep: UserSession | None = None) -> None:
    """Set a new password once the person has confirmed the current one. Raises WrongPassword."""
    _require_password(user, current)
    set_password(user, new, keep)


def _email_serializer() -> URLSafeTimedSerializer:
    return URLSafeTimedSerializer(current_app.config["SECRET_KEY"], salt=_EMAIL_SALT)


def request_email_change(user: User, current_password: str, email: str) -> str | None:
    """The token of the link that confirms a new sign-in e-mail, to be sent to that address; None when
    another account has it (the person is told the same either way). Raises WrongPassword."""
    _require_password(user, current_password)
    email = normalise_email(email)
    if find_user(email) is not None:
        return None
    return _email_serializer().dumps({"u": user.id, "o": user.email, "e": email})


def confirm_email_change(token: str) -> tuple[User, str]:
    """Switch the sign-in e-mail a confirmation link names; returns the person and the old address.

    Raises EmailTaken when the link is invalid, expired, used (the e-mail changed since) or the address
    was taken meanwhile.
    """
    try:
        data = _email_serializer().loads(token, max_age=current_app.config["PASSWORD_RESET_HOURS"] * 3600)
    except BadSignature:
        raise EmailTaken("invalid or expired link") from None
    user = db.session.get(User, data.get("u"))
    if user is None or not user.active or user.email != data.get("o") or find_user(data.get("e", "")):
        raise EmailTaken("the link is used or the address is taken")
    user.email = data["e"]
    audit.record("email_changed", _subject(user), actor=user)
    return user, data["o"]


def _reset_serializer() -> URLSafeTimedSerializer:
    return URLSafeTimedSerializer(current_app.config["SECRET_KEY"], salt=_RESET_SALT)


def reset_token(user: User) -> str:
    """A signed link token; it dies when the password changes or after the configured hours."""
    return _reset_serializer().dumps({"u": user.id, "p": user.password_hash[-12:]})


def user_from_reset_token(token: str) -> User | None:
    """The person a valid, unused, unexpired reset token belongs to."""
    max_age = current_app.config["PASSWORD_RESET_HOURS"] * 3600
    try:
        data = _reset_serializer().loads(token, max_age=max_age)
    except BadSignature:
        return None
    user = db.session.get(User, data.get("u"))
    if user is None or not user.active or user.password_hash[-12:] != data.get("p"):
        return None
    return user


PLATFORM_ROLES = ("admin", "organiser")


def _has_role(user: User, role: str) -> bool:
    return user.is_admin if role == "admin" else user.is_organiser


def set_platform_role(user: User, role: str, granted: bool) -> None:
    """Grant or remove a platform role (administrator or conference organiser), on the audit log; the last
    administrator keeps theirs, or nobody could manage the platform from the browser again."""
    if role not in PLATFORM_ROLES:
        raise AccountError(f"role must be one of {', '.join(PLATFORM_ROLES)}")
    if _has_role(user, role) == granted:
        return
    if role == "admin" and not granted:
        others = select(func.count(User.id)).where(
            User.is_admin.is_(True), User.active.is_(True), User.id != user.id
        )
        if db.session.scalar(others) == 0:
            raise LastAdmin(f"{user.email} is the last platform administrator")
    setattr(user, "is_admin" if role == "admin" else "is_organiser", granted)
    kind = "platform_role_granted" if granted else "platform_role_removed"
    audit.record(kind, f"user:{user.id} role:{role}", tenant_id=None)
