"""Matches stamps: each cluster's mark that its stored match suggestions changed, so the lists of
suggestions on /matches and the own profile are kept

Every existing cluster gets a first matches stamp, so its lists are kept from the first page load after the
upgrade.

Revision ID: c4e8a2d6f1b3
Revises: b3d9e1f5a7c2
Create Date: 2026-12-07 20:05:00.000000

"""

from uuid import uuid4

from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = "c4e8a2d6f1b3"
down_revision = "b3d9e1f5a7c2"
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table("directory_stamps", schema=None) as batch_op:
        batch_op.add_column(sa.Column("matches_stamp", sa.String(length=32), nullable=True))
    bind = op.get_bind()
    for tenant_id in bind.scalars(sa.text("SELECT tenant_id FROM directory_stamps")).all():
        bind.execute(
            sa.text("UPDATE directory_stamps SET matches_stamp = :stamp WHERE tenant_id = :tenant_id"),
            {"stamp": uuid4().hex, "tenant_id": tenant_id},
        )
    with op.batch_alter_table("directory_stamps", schema=None) as batch_op:
        batch_op.alter_column("matches_stamp", existing_type=sa.String(length=32), nullable=False)


def downgrade():
    with op.batch_alter_table("directory_stamps", schema=None) as batch_op:
        batch_op.drop_column("matches_stamp")
