"""Known browsers (OWASP's device cookies): a browser that signed in before keeps getting in.

Failed sign-ins lock out only the unknown browsers of an account (and of an address), so a stranger who
types wrong passwords for someone's e-mail cannot lock its owner out; a known browser that fails too often
is locked out on its own. The cookie names the person and a random nonce, signed with the secret key.
"""

import secrets

from flask import current_app, request
from itsdangerous import BadSignature, URLSafeSerializer

from clusterhub.accounts.models import User
from clusterhub.security.limits import by_address, hashed

COOKIE = "device"
LIFETIME_DAYS = 365
_SALT = "device-cookie"


def _serializer() -> URLSafeSerializer:
    return URLSafeSerializer(current_app.config["SECRET_KEY"], salt=_SALT)


def _read(cookie: str) -> dict | None:
    try:
        data = _serializer().loads(cookie)
    except BadSignature:
        return None
    return data if isinstance(data, dict) else None


def known_device(cookie: str, user: User | None) -> str:
    """The nonce of a device cookie given to `user`; "" for an unknown browser (or another person's)."""
    data = _read(cookie)
    if user is None or data is None or data.get("u") != user.id:
        return ""
    return str(data.get("n", ""))


def new_device_cookie(user: User) -> str:
    """The value of a device cookie for a browser that has just signed in as `user`."""
    return _serializer().dumps({"u": user.id, "n": secrets.token_urlsafe(16)})


def by_device_or_address() -> str:
    """The sign-in page's rate-limit key: a known browser counts on its own, so that an office behind
    one address is not locked out together; any other browser counts against its address."""
    data = _read(request.cookies.get(COOKIE, ""))
    return f"device:{hashed(str(data.get('n')))}" if data else by_address()
