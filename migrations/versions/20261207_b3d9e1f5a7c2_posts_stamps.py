"""Posts stamps: each cluster's mark that its posts changed, so the needs dashboard's counts are kept

Every existing cluster gets a first posts stamp, so its counts are kept from the first page load after the
upgrade.

Revision ID: b3d9e1f5a7c2
Revises: e2f4a6c8d013
Create Date: 2026-12-07 17:20:00.000000

"""

from uuid import uuid4

from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = "b3d9e1f5a7c2"
down_revision = "e2f4a6c8d013"
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table("directory_stamps", schema=None) as batch_op:
        batch_op.add_column(sa.Column("posts_stamp", sa.String(length=32), nullable=True))
    bind = op.get_bind()
    for tenant_id in bind.scalars(sa.text("SELECT tenant_id FROM directory_stamps")).all():
        bind.execute(
            sa.text("UPDATE directory_stamps SET posts_stamp = :stamp WHERE tenant_id = :tenant_id"),
            {"stamp": uuid4().hex, "tenant_id": tenant_id},
        )
    with op.batch_alter_table("directory_stamps", schema=None) as batch_op:
        batch_op.alter_column("posts_stamp", existing_type=sa.String(length=32), nullable=False)


def downgrade():
    with op.batch_alter_table("directory_stamps", schema=None) as batch_op:
        batch_op.drop_column("posts_stamp")
