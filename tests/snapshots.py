"""Saved states of the test database, with the index and mail folders beside it, restored for each test.

Building the migrated schema, and the worlds many tests share, once per run and copying them back is
several times cheaper than building them for every test, and each test still starts from the same state.
"""

import shutil
from datetime import UTC, datetime, timedelta
from pathlib import Path

import psycopg

from clusterhub.extensions import db

EMPTY = "empty"
# The folders whose content belongs with the database: the cluster indexes and the e-mails sent.
FOLDERS = ("INDEX_DIR", "MAIL_DIR")
# Shared worlds are built this long before the test's moment, so their records are as old in every test.
BUILT_BEFORE = timedelta(minutes=1)
# A moment later than any real clock this suite runs under: the browser keeps cookies by its own clock.
DEFAULT_MOMENT = datetime(2030, 5, 15, 9, 30, tzinfo=UTC)


def moment(setting: str | None) -> datetime:
    """The moment every test starts at: CLUSTERHUB_TEST_NOW (ISO 8601, UTC if no zone) or the default."""
    if not setting:
        return DEFAULT_MOMENT
    chosen = datetime.fromisoformat(setting)
    return chosen if chosen.tzinfo else chosen.replace(tzinfo=UTC)


class Store:
    """The database the tests of one backend run on, and named states to put it back to."""

    def __init__(self, url: str, folder: Path):
        self.url = url
        self.folder = folder
        self.objects: dict[str, object] = {}
        self.saved: set[str] = set()
        self.shared_app = None

    def has(self, name: str) -> bool:
        return name in self.saved

    def save(self, name: str, app) -> None:
        self.release(app)
        self._save_database(name)
        for setting in FOLDERS:
            source = Path(app.config[setting])
            if source.exists():
                shutil.copytree(source, self.folder / name / setting)
        self.saved.add(name)

    def restore(self, name: str, app) -> None:
        self.release(app)
        self._restore_database(name)
        for setting in FOLDERS:
            target, saved = Path(app.config[setting]), self.folder / name / setting
            shutil.rmtree(target, ignore_errors=True)
            if saved.exists():
                shutil.copytree(saved, target)

    @staticmethod
    def release(app) -> None:
        """Closes the app's connections, so the database can be copied or replaced."""
        with app.app_context():
            db.session.remove()
            db.engine.dispose()

    def _save_database(self, name: str) -> None:
        raise NotImplementedError

    def _restore_database(self, name: str) -> None:
        raise NotImplementedError


class SqliteStore(Store):
    """A state is a copy of the database file."""

    def __init__(self, url: str, folder: Path):
        super().__init__(url, folder)
        self.path = Path(url.removeprefix("sqlite:///"))

    def _copy(self, name: str) -> Path:
        return self.folder / f"{name}.sqlite3"

    def _save_database(self, name: str) -> None:
        shutil.copyfile(self.path, self._copy(name))

    def _restore_database(self, name: str) -> None:
        shutil.copyfile(self._copy(name), self.path)


class PostgresStore(Store):
    """A state is a database on the test server, copied back with CREATE DATABASE … TEMPLATE."""

    NAME = "clusterhub_test"

    def __init__(self, server, folder: Path):
        super().__init__(server.create_database(self.NAME), folder)
        self.admin = psycopg.connect(
            host="127.0.0.1", port=server.port, user="postgres", dbname="postgres", autocommit=True
        )

    def _save_database(self, name: str) -> None:
        # A test's own app (a restarted one, a second worker) may still hold idle connections, and a
        # database with other sessions cannot be a template.
        self.admin.execute(
            "SELECT pg_terminate_backend(pid) FROM pg_stat_activity"
            " WHERE datname = %s AND pid <> pg_backend_pid()",
            (self.NAME,),
        )
        self.admin.execute(f'CREATE DATABASE "state_{name}" TEMPLATE {self.NAME}')

    def _restore_database(self, name: str) -> None:
        self.admin.execute(f"DROP DATABASE {self.NAME} WITH (FORCE)")
        self.admin.execute(f'CREATE DATABASE {self.NAME} TEMPLATE "state_{name}"')
