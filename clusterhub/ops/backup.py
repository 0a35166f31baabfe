"""Backups of the database with a manifest (tables, row counts, revision); a restore rebuilds the indexes.

SQLite is copied with its online backup API, PostgreSQL with pg_dump, both while the site runs. The
search indexes are not copied: a copy taken at another instant than the database would disagree with
it, while a rebuild from the restored database is exact. Uploaded logos live in the database.
"""

import json
import os
import shutil
import sqlite3
import subprocess
import tarfile
import tempfile
from collections.abc import Iterator
from contextlib import closing, contextmanager
from pathlib import Path

from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from flask import current_app
from flask_migrate import upgrade
from sqlalchemy import create_engine, func, inspect, select, table, text
from sqlalchemy.engine import Connection

from clusterhub.clock import utcnow
from clusterhub.extensions import db
from search.services import reindex
from tenants.models import Tenant

FORMAT = 1
MANIFEST = "manifest.json"
FILES = {"sqlite": "database.sqlite3", "postgresql": "database.dump"}
TAR_SUFFIXES = (".tar", ".tar.gz", ".tgz")
PRIVATE = 0o600  # a backup holds everyone's data and password hashes


class BackupError(RuntimeError):
    """A backup cannot be made or restored; the message says why."""


def contents(connection: Connection) -> tuple[dict[str, int], list[str]]:
    """Rows per table, and the migration revision, as this connection sees them."""
    rows = {
        name: connection.scalar(select(func.count()).select_from(table(name)))
        for name in sorted(inspect(connection).get_table_names())
    }
    return rows, sorted(MigrationContext.configure(connection).get_current_heads())


def _private_file(path: Path) -> Path:
    os.close(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, PRIVATE))
    return path


def _program(name: str) -> str:
    found = shutil.which(name)
    if found is None:
        raise BackupError(f"{name} is not installed: apt-get install postgresql-client")
    return found


def _run_postgres_tool(name: str, *arguments: str) -> None:
    # The password goes to the tool in its environment, never on a command line that `ps` shows.
    url = db.engine.url
    environment = {**os.environ, "PGPASSWORD": url.password} if url.password else None
    dsn = url.set(drivername="postgresql", password=None).render_as_string(hide_password=False)
    done = subprocess.run(
        [_program(name), *arguments, f"--dbname={dsn}"], env=environment, capture_output=True, text=True
    )
    if done.returncode:
        raise BackupError(f"{name} failed: {done.stderr.strip()}")


def _dump_sqlite(target: Path) -> tuple[dict[str, int], list[str]]:
    with db.engine.connect() as connection, closing(sqlite3.connect(_private_file(target))) as copy:
        connection.connection.driver_connection.backup(copy)
    engine = create_engine(f"sqlite:///{target}")
    try:
        with engine.connect() as connection:
            return contents(connection)
    finally:
        engine.dispose()


def _dump_postgresql(target: Path) -> tuple[dict[str, int], list[str]]:
    # pg_dump reads the snapshot this transaction exported, so the counts describe exactly the dump.
    with db.engine.connect() as connection:
        connection.execution_options(isolation_level="REPEATABLE READ")
        with connection.begin():
            snapshot = connection.scalar(text("SELECT pg_export_snapshot()"))
            _run_postgres_tool("pg_dump", "--format=custom", f"--snapshot={snapshot}", f"--file={target}")
            target.chmod(PRIVATE)
            return contents(connection)


DUMPERS = {"sqlite": _dump_sqlite, "postgresql": _dump_postgresql}


def _write(folder: Path) -> dict:
    dialect = db.engine.dialect.name
    rows, revision = DUMPERS[dialect](folder / FILES[dialect])
    manifest = {
        "format": FORMAT,
        "database": dialect,
        "created_at": utcnow().isoformat(timespec="seconds"),
        "revision": revision,
        "rows": rows,
    }
    _private_file(folder / MANIFEST).write_text(json.dumps(manifest, indent=2))
    return manifest


def create(path: Path) -> dict:
    """Back the database up into `path` (a new folder, or a .tar/.tar.gz file); returns the manifest."""
    if path.exists():
        raise BackupError(f"{path} exists already: choose a new name.")
    path.parent.mkdir(parents=True, exist_ok=True)
    if not path.name.endswith(TAR_SUFFIXES):
        path.mkdir(mode=0o700)
        return _write(path)
    with tempfile.TemporaryDirectory(dir=path.parent) as work:
        manifest = _write(Path(work))
        mode = "w" if path.name.endswith(".tar") else "w:gz"
        with _private_file(path).open("wb") as file, tarfile.open(fileobj=file, mode=mode) as archive:
            for item in sorted(Path(work).iterdir()):
                archive.add(item, arcname=item.name)
    return manifest


@contextmanager
def _unpacked(path: Path) -> Iterator[Path]:
    if path.is_dir():
        yield path
        return
    with tempfile.TemporaryDirectory(dir=path.parent) as work:
        try:
            with tarfile.open(path) as archive:
                archive.extractall(work, filter="data")
        except tarfile.TarError as error:
            raise BackupError(f"{path} is neither a backup folder nor a tar archive.") from error
        yield Path(work)


def _manifest(folder: Path) -> dict:
    try:
        manifest = json.loads((folder / MANIFEST).read_text())
    except (OSError, ValueError) as error:
        raise BackupError(f"{MANIFEST} is missing or unreadable: this is not a ClusterHub backup.") from error
    if manifest.get("format") != FORMAT:
        raise BackupError(f"backup format {manifest.get('format')} is not known to this version.")
    return manifest


def _load_sqlite(source: Path) -> None:
    with closing(sqlite3.connect(f"{source.resolve().as_uri()}?mode=ro", uri=True)) as copy:
        with db.engine.connect() as connection:
            copy.backup(connection.connection.driver_connection)


def _load_postgresql(source: Path) -> None:
    _run_postgres_tool(
        "pg_restore",
        "--clean",
        "--if-exists",
        "--no-owner",
        "--no-privileges",
        "--single-transaction",
        "--exit-on-error",
        str(source),
    )


LOADERS = {"sqlite": _load_sqlite, "postgresql": _load_postgresql}


def _bring_up_to_date(revision: list[str]) -> None:
    script = ScriptDirectory(current_app.extensions["migrate"].directory)
    if set(revision) == set(script.get_heads()):
        return
    if any(script.get_revision(name) is None for name in revision):
        raise BackupError(
            f"the backup's revision {', '.join(revision)} is newer than this code: update it first."
        )
    upgrade()


def _rebuild_indexes(processes: int) -> int:
    # Indexes of clusters the restored database does not have (or has under other ids) must go too.
    for folder in Path(current_app.config["INDEX_DIR"]).glob("cluster-*"):
        shutil.rmtree(folder)
    tenants = db.session.scalars(select(Tenant).order_by(Tenant.id)).all()
    # With the suggestions: the rebuild drops the backup's outbox work, which would have updated them.
    return sum(reindex(tenant, processes)[0] for tenant in tenants)


def restore(path: Path, processes: int = 1) -> dict:
    """Replace the database with the backup at `path`, check it, migrate it, rebuild the search indexes."""
    dialect = db.engine.dialect.name
    with _unpacked(path) as folder:
        manifest = _manifest(folder)
        if manifest["database"] != dialect:
            raise BackupError(
                f"the backup holds a {manifest['database']} database; this instance uses {dialect}."
            )
        db.session.remove()
        db.engine.dispose()
        LOADERS[dialect](folder / FILES[dialect])
    with db.engine.connect() as connection:
        rows, revision = contents(connection)
    if rows != manifest["rows"] or revision != manifest["revision"]:
        raise BackupError("the restored database does not hold what the backup's manifest lists.")
    _bring_up_to_date(revision)
    return {"rows": sum(rows.values()), "documents": _rebuild_indexes(processes)}
