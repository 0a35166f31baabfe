"""Outbox ids are never given again on SQLite (AUTOINCREMENT), so a drain never deletes newer work by id

Revision ID: b7d3f1a9c524
Revises: a1c5e7f9b246
Create Date: 2026-12-07 05:30:00.000000

"""
from alembic import op


# revision identifiers, used by Alembic.
revision = 'b7d3f1a9c524'
down_revision = 'a1c5e7f9b246'
branch_labels = None
depends_on = None


def _recreate(autoincrement: bool) -> None:
    # SQLite keeps AUTOINCREMENT in the table's definition: the table is made again with its rows (and the
    # highest id so far recorded, so no id is given twice). PostgreSQL's sequence never repeats an id.
    if op.get_bind().dialect.name != "sqlite":
        return
    with op.batch_alter_table(
        'search_outbox', recreate='always', table_kwargs={'sqlite_autoincrement': autoincrement}
    ):
        pass


def upgrade():
    _recreate(True)


def downgrade():
    _recreate(False)
