"""The declarative base and the one SQLAlchemy handle every model uses."""

import sqlite3
from datetime import UTC, datetime

from flask_sqlalchemy import SQLAlchemy
from sqlalchemy import DateTime, MetaData, event, update
from sqlalchemy.engine import Engine
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column
from sqlalchemy.types import TypeDecorator

from clusterhub.clock import utcnow

# Named constraints let Alembic create and drop them the same way on SQLite and PostgreSQL.
NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)


db = SQLAlchemy(model_class=Base)


class UTCDateTime(TypeDecorator):
    """A timestamp stored in UTC that comes back timezone-aware on SQLite too."""

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_result_value(self, value, dialect):
        if value is not None and value.tzinfo is None:
            value = value.replace(tzinfo=UTC)
        return value


class CreatedAtMixin:
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow, nullable=False)


@event.listens_for(Engine, "connect")
def _sqlite_enforces_foreign_keys(dbapi_connection, connection_record) -> None:
    # SQLite ignores foreign keys unless each connection asks for them.
    if isinstance(dbapi_connection, sqlite3.Connection):
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.close()


def reuse_rows(existing, key_of, keys, make) -> list:
    """Rows for `keys`, in order, keeping the existing row of every key that stays.

    A flush inserts new rows before it deletes old ones, so recreating a row whose unique key
    stays would break the constraint.
    """
    by_key = {key_of(row): row for row in existing}
    return [by_key.get(key) or make(key) for key in keys]


def decide_once(model, row_id: int, waiting: str, **values) -> bool:
    """Move a row out of its `waiting` status with a conditional UPDATE, so that two people deciding at
    the same moment cannot both succeed; False when it was decided already."""
    decided = db.session.execute(
        update(model)
        .where(model.id == row_id, model.status == waiting)
        .values(**values)
        .execution_options(synchronize_session=False)
    )
    return decided.rowcount == 1


def _sqlite_write_ahead(dbapi_connection, connection_record) -> None:
    # WAL: readers never wait for the writer; synchronous=NORMAL is durable in WAL except for the last
    # commits on a power loss, and spares a disk sync per commit.
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.close()


def tune_sqlite(app) -> None:
    """Outside tests, SQLite databases run in WAL mode (tests keep their throwaway files as they are)."""
    if app.testing or not app.config["SQLALCHEMY_DATABASE_URI"].startswith("sqlite"):
        return
    with app.app_context():
        event.listen(db.engine, "connect", _sqlite_write_ahead)
