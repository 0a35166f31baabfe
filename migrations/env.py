"""Alembic environment: the app's engine and metadata, batch mode so SQLite can alter tables."""

import logging
from logging.config import fileConfig

from alembic import context
from flask import current_app
from sqlalchemy import text

from clusterhub.db import UTCDateTime

config = context.config
if config.config_file_name and not logging.getLogger().handlers:
    fileConfig(config.config_file_name, disable_existing_loggers=False)

db = current_app.extensions["migrate"].db
# PostgreSQL advisory lock of `db upgrade` (a one-number key; the index writers use two-number keys).
MIGRATION_LOCK = 17018


def render_item(type_, obj, autogen_context):
    """Write our timestamp type as the plain type it stores, so migrations import nothing of ours."""
    if type_ == "type" and isinstance(obj, UTCDateTime):
        return "sa.DateTime(timezone=True)"
    return False


def _configure(**kwargs) -> None:
    context.configure(
        target_metadata=db.metadata,
        compare_type=True,
        render_as_batch=True,
        render_item=render_item,
        **kwargs,
    )


def run_migrations_offline() -> None:
    _configure(url=db.engine.url.render_as_string(hide_password=False), literal_binds=True)
    with context.begin_transaction():
        context.run_migrations()


def _foreign_keys(connection, enforced: bool) -> None:
    # SQLite changes a table's columns by copying it and dropping the original, and dropping a table
    # whose rows others reference ON DELETE CASCADE would delete those rows too (every cluster's posts
    # and memberships, when `tenants` changes). So checks are off while migrating, outside a transaction.
    if connection.dialect.name == "sqlite":
        connection.exec_driver_sql(f"PRAGMA foreign_keys={'ON' if enforced else 'OFF'}")
        connection.commit()


def _check_references(connection) -> None:
    if connection.dialect.name == "sqlite":
        broken = connection.exec_driver_sql("PRAGMA foreign_key_check").all()
        if broken:
            raise RuntimeError(f"the migration left rows that reference missing rows: {broken[:5]}")


def _one_at_a_time(connection) -> None:
    # Application servers restarted together each run `db upgrade` (deploy/serve): on PostgreSQL they take
    # turns, and the next one finds the database at head once the first has committed, instead of failing
    # on the tables the first is making. Held until this transaction ends.
    if connection.dialect.name == "postgresql":
        connection.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": MIGRATION_LOCK})


def run_migrations_online() -> None:
    with db.engine.connect() as connection:
        _foreign_keys(connection, enforced=False)
        _configure(connection=connection)
        with context.begin_transaction():
            _one_at_a_time(connection)
            context.run_migrations()
            _check_references(connection)
            # Fresh planner statistics at every upgrade (each start of `make run`, each release): without
            # them SQLite reads a big cluster's rows through the tenant index instead of the selective one.
            connection.execute(text("ANALYZE"))
        _foreign_keys(connection, enforced=True)


if context.is_offline_mode():
    run_migrations_offline()
else:
    run_migrations_online()
