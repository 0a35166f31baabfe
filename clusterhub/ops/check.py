"""`flask --app clusterhub check`: configuration problems, found before they bite in production.

Each check returns one clear line per problem. Checks that only matter in production (the secret key,
where e-mail goes, the site's address) are skipped in development (`FLASK_DEBUG=1`).
"""

import secrets
import smtplib
from pathlib import Path
from urllib.parse import urlsplit

from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from flask import current_app
from sqlalchemy.engine import make_url
from sqlalchemy.exc import SQLAlchemyError

from clusterhub.config import ENV_PREFIX
from clusterhub.extensions import db
from clusterhub.ops.health import clusters_without_index, damaged_clusters, writable

MIN_SECRET_LENGTH = 32
SMTP_TIMEOUT = 5
LOCAL_HOSTS = ("localhost", "127.0.0.1", "::1")
DEFAULT_SENDER_DOMAIN = "clusterhub.localhost"


def _secret_key(config: dict) -> list[str]:
    key = config["SECRET_KEY"]
    if len(key) < MIN_SECRET_LENGTH:
        return [
            f"SECRET_KEY is shorter than {MIN_SECRET_LENGTH} characters: set {ENV_PREFIX}SECRET_KEY"
            " to a long random value."
        ]
    stored = Path(current_app.instance_path) / "secret_key"
    if stored.exists() and secrets.compare_digest(stored.read_text().strip(), key):
        return [
            f"SECRET_KEY was made by this server and kept in {stored}: set {ENV_PREFIX}SECRET_KEY, so"
            " every server and a restored backup sign sessions and e-mailed links alike."
        ]
    return []


def _database(config: dict) -> list[str]:
    url = make_url(config["SQLALCHEMY_DATABASE_URI"])
    found = []
    if url.get_backend_name() == "sqlite" and config["WORKERS"] > 1:
        found.append(
            f"SQLite with {config['WORKERS']} workers: writers of several processes queue for one file"
            f" lock; use PostgreSQL ({ENV_PREFIX}DATABASE_URL) or {ENV_PREFIX}WORKERS=1."
        )
    try:
        with db.engine.connect() as connection:
            current = set(MigrationContext.configure(connection).get_current_heads())
    except SQLAlchemyError as error:
        return [*found, f"DATABASE_URL: cannot connect to the database ({type(error).__name__})."]
    heads = set(ScriptDirectory(current_app.extensions["migrate"].directory).get_heads())
    if current != heads:
        found.append(
            f"The database is at revision {', '.join(sorted(current)) or 'none'}, the code expects"
            f" {', '.join(sorted(heads))}: run `flask --app clusterhub db upgrade`."
        )
    return found


def _smtp_problem(config: dict) -> str | None:
    try:
        with smtplib.SMTP(config["MAIL_HOST"], config["MAIL_PORT"], timeout=SMTP_TIMEOUT) as smtp:
            if config["MAIL_STARTTLS"]:
                smtp.starttls()
            if config.get("MAIL_USERNAME"):
                smtp.login(config["MAIL_USERNAME"], config.get("MAIL_PASSWORD") or "")
    except (OSError, smtplib.SMTPException) as error:
        return (
            f"MAIL_HOST: the SMTP server {config['MAIL_HOST']}:{config['MAIL_PORT']} cannot be used"
            f" ({type(error).__name__})."
        )
    return None


def _mail(config: dict, production: bool) -> list[str]:
    backend = config["MAIL_BACKEND"]
    if backend == "file":
        if not production:
            return []
        return [
            f"MAIL_BACKEND is file: e-mails are written to {config['MAIL_DIR']} and nobody receives"
            f" them; set {ENV_PREFIX}MAIL_BACKEND=smtp and {ENV_PREFIX}MAIL_HOST."
        ]
    if backend != "smtp":
        return [f"MAIL_BACKEND {backend!r} is unknown: use smtp (or file in development)."]
    found = [problem] if (problem := _smtp_problem(config)) else []
    if production and DEFAULT_SENDER_DOMAIN in config["MAIL_FROM"]:
        found.append(
            f"MAIL_FROM is still the default sender: set {ENV_PREFIX}MAIL_FROM to this site's address."
        )
    return found


def _site(config: dict, production: bool) -> list[str]:
    site = urlsplit(config["SITE_URL"])
    found = []
    if site.scheme == "https" and not (config["SESSION_COOKIE_SECURE"] and config["REMEMBER_COOKIE_SECURE"]):
        found.append(
            f"SITE_URL is https but cookies may travel over plain http: set {ENV_PREFIX}SECURE_COOKIES=1."
        )
    if production and site.hostname in LOCAL_HOSTS:
        found.append(
            f"SITE_URL points to {site.hostname}: links in e-mails sent by commands would not reach"
            f" anyone; set {ENV_PREFIX}SITE_URL to the public https address."
        )
    return found


def _index(config: dict) -> list[str]:
    # Only the Whoosh backend keeps files; PostgreSQL search lives in the database checked above.
    if config["SEARCH_BACKEND"] == "whoosh" and not writable(Path(config["INDEX_DIR"])):
        return [
            f"INDEX_DIR {config['INDEX_DIR']} is not a writable folder: search cannot keep its indexes there."
        ]
    missing = [
        f"the search index of cluster {slug} is missing or empty: its search finds nothing until"
        f" `flask --app clusterhub search reindex --tenant {slug}` rebuilds it."
        for slug in clusters_without_index()
    ]
    damaged = [
        f"the search index of cluster {slug} is damaged: its search is unavailable until"
        f" `flask --app clusterhub search reindex --tenant {slug}` rebuilds it."
        for slug in damaged_clusters(read_everything=True)
    ]
    return missing + damaged


def problems(app) -> list[str]:
    """Every configuration problem of `app`, one line each; empty when all is well."""
    config, production = app.config, not app.debug
    found = _database(config) + _mail(config, production) + _site(config, production) + _index(config)
    return (_secret_key(config) if production else []) + found
