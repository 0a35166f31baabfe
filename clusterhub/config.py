"""Settings come from CLUSTERHUB_* environment variables; tests pass overrides to create_app."""

import contextlib
import os
import secrets
from datetime import timedelta
from pathlib import Path

ENV_PREFIX = "CLUSTERHUB_"


def _env(name: str, default: str | None = None) -> str | None:
    return os.environ.get(ENV_PREFIX + name, default)


def _env_flag(name: str, default: bool = False) -> bool:
    value = _env(name)
    return default if value is None else value.strip().lower() in ("1", "true", "yes", "on")


def instance_folder() -> str | None:
    """CLUSTERHUB_INSTANCE_DIR (absolute), or None for Flask's default: instance/ beside the code."""
    folder = _env("INSTANCE_DIR")
    return str(Path(folder).resolve()) if folder else None


def from_environment(instance_path: str) -> dict:
    """The settings this process was started with."""
    instance = Path(instance_path)
    settings = {
        "SQLALCHEMY_DATABASE_URI": _env("DATABASE_URL", f"sqlite:///{instance / 'clusterhub.sqlite3'}"),
        "SECRET_KEY": _env("SECRET_KEY"),
        "INDEX_DIR": _env("INDEX_DIR", str(instance / "index")),
        # whoosh | postgres (search/index.py settles the default)
        "SEARCH_BACKEND": _env("SEARCH_BACKEND"),
        # Where links in e-mails sent by commands (not by a request) point.
        "SITE_URL": _env("SITE_URL", "http://127.0.0.1:5000"),
        "MAIL_BACKEND": _env("MAIL_BACKEND", "file"),
        "MAIL_DIR": _env("MAIL_DIR", str(instance / "mail")),
        "MAIL_HOST": _env("MAIL_HOST", "localhost"),
        "MAIL_PORT": int(_env("MAIL_PORT", "25")),
        "MAIL_USERNAME": _env("MAIL_USERNAME"),
        "MAIL_PASSWORD": _env("MAIL_PASSWORD"),
        "MAIL_STARTTLS": _env_flag("MAIL_STARTTLS"),
        "MAIL_FROM": _env("MAIL_FROM", "ClusterHub <noreply@clusterhub.localhost>"),
        # `flask retention prune` deletes audit events and the file mail backend's messages older than these.
        "AUDIT_RETENTION_DAYS": int(_env("AUDIT_RETENTION_DAYS", "365")),
        "MAIL_RETENTION_DAYS": int(_env("MAIL_RETENTION_DAYS", "30")),
        # Served over HTTPS: the session and the "keep me signed in" cookies travel only over HTTPS.
        "SESSION_COOKIE_SECURE": _env_flag("SECURE_COOKIES"),
        "REMEMBER_COOKIE_SECURE": _env_flag("SECURE_COOKIES"),
        # A sign-in lasts this long without a request (each request extends it); "keep me signed in" longer.
        "PERMANENT_SESSION_LIFETIME": timedelta(hours=int(_env("SESSION_HOURS", "12"))),
        "REMEMBER_COOKIE_DURATION": timedelta(days=int(_env("REMEMBER_DAYS", "30"))),
        "RATE_LIMITS_ENABLED": _env_flag("RATE_LIMITS", True),
        # Gunicorn's worker count (deploy/gunicorn.conf.py reads the same); `flask check` warns of SQLite
        # with several.
        "WORKERS": int(_env("WORKERS") or os.environ.get("WEB_CONCURRENCY") or "1"),
        # Reverse proxies in front of the app (nginx: 1) whose X-Forwarded-For/-Proto/-Host are trusted;
        # 0 when the app faces the network itself, or a client could forge its address.
        "PROXY_COUNT": int(_env("PROXY_COUNT", "0")),
        # A background worker (`flask worker run`) drains the outbox: requests and commands leave it to it.
        "OUTBOX_WORKER": _env_flag("OUTBOX_WORKER"),
        # How often an idle worker looks for new outbox work, in seconds (scheduled jobs: every minute).
        "WORKER_POLL_SECONDS": float(_env("WORKER_POLL_SECONDS", "0.5")),
        # Responses carry their CPU milliseconds (Server-Timing, clusterhub/ops/timing.py), for the bench.
        "CPU_TIMING": _env_flag("CPU_TIMING"),
        "LOG_LEVEL": _env("LOG_LEVEL", "INFO").upper(),
        # Whose calendar "today", quarters and digest months follow (clusterhub/clock.py).
        "TIME_ZONE": _env("TIME_ZONE", "Europe/Riga"),
        # The privacy page's text (Markdown); privacy.lv.md / privacy.en.md beside it win for that language.
        "PRIVACY_FILE": _env("PRIVACY_FILE", str(instance / "privacy.md")),
        # scrypt is memory-hard; tests lower the cost to stay fast.
        "PASSWORD_HASH_METHOD": _env("PASSWORD_HASH_METHOD", "scrypt:32768:8:1"),
        # PostgreSQL connections per process: a sync gunicorn worker serves one request at a time, so a few
        # suffice, and N servers × workers × (size + overflow) must stay under the server's max_connections.
        "DB_POOL_SIZE": int(_env("DB_POOL_SIZE", "2")),
        "DB_MAX_OVERFLOW": int(_env("DB_MAX_OVERFLOW", "3")),
    }
    return {key: value for key, value in settings.items() if value is not None}


DEFAULTS = {
    "SESSION_COOKIE_HTTPONLY": True,
    "SESSION_COOKIE_SAMESITE": "Lax",
    "REMEMBER_COOKIE_HTTPONLY": True,
    "REMEMBER_COOKIE_SAMESITE": "Lax",
    # Database errors in the log leave out the statement's values: they hold names and e-mail addresses.
    "SQLALCHEMY_ENGINE_OPTIONS": {"pool_pre_ping": True, "hide_parameters": True},
    "BABEL_DEFAULT_LOCALE": "lv",
    "INVITATION_DAYS": 7,
    "PASSWORD_RESET_HOURS": 2,
    "LOGIN_FAILURES_PER_EMAIL": 5,
    "LOGIN_FAILURES_PER_ADDRESS": 30,
    "LOGIN_THROTTLE_MINUTES": 15,
    "PAGE_SIZE": 25,
    # Logos (1 MB) and CSV imports are the largest uploads; anything bigger is refused before it is read.
    "MAX_CONTENT_LENGTH": 4 * 1024 * 1024,
    # (hits, seconds) per fixed window, counted in the database across worker processes. Sign-in and
    # password reset per address (people behind one office or conference network share it), the others per
    # person; the password reset is limited per e-mail too so nobody's mailbox gets flooded.
    "RATE_LIMITS": {
        "login": (60, 15 * 60),
        "password_reset": (10, 60 * 60),
        "password_reset_email": (3, 60 * 60),
        "reauthentication": (10, 15 * 60),
        "invitations": (100, 60 * 60),
        # The invitations one cluster's imports send, per day (UTC): a member list, not a mailing list.
        "cluster_invitations": (500, 24 * 60 * 60),
        "posting": (60, 60 * 60),
        # Applications to join come from anyone: per address.
        "applications": (10, 60 * 60),
        # Every API call, per token: a cluster's script may poll, but not hammer.
        "api": (300, 60),
    },
}


def stored_secret_key(instance_path: str) -> str:
    """A random key made on first start and kept in the instance folder, so sessions survive restarts."""
    path = Path(instance_path) / "secret_key"
    if not path.exists():
        path.parent.mkdir(parents=True, exist_ok=True)
        draft = path.with_name(f"secret_key.{os.getpid()}")
        draft.write_text(secrets.token_urlsafe(48))
        draft.chmod(0o600)
        # A hard link never overwrites: when several workers start at once, the first key wins for all.
        with contextlib.suppress(FileExistsError):
            os.link(draft, path)
        draft.unlink()
    return path.read_text().strip()


def engine_options(config) -> dict:
    """SQLAlchemy's engine options for the configured database: a bounded, recycled pool on PostgreSQL."""
    options = dict(config["SQLALCHEMY_ENGINE_OPTIONS"])
    if config["SQLALCHEMY_DATABASE_URI"].startswith("postgresql"):
        options.update(
            pool_size=config["DB_POOL_SIZE"],
            max_overflow=config["DB_MAX_OVERFLOW"],
            # Fail a request after 10 s without a free connection rather than hang; recycle before a
            # firewall or PgBouncer drops idle connections.
            pool_timeout=10,
            pool_recycle=1800,
        )
    return options
