"""Network found: each need's suggestions from other clusters, scored by the background work

Empty at first: a need gets its row when it is next posted or changed; until then its page scores it as
before, and keeps the result in the process.

Revision ID: a7d2c9e4b6f1
Revises: c4e8a2d6f1b3
Create Date: 2026-12-07 20:40:00.000000

"""

from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = "a7d2c9e4b6f1"
down_revision = "c4e8a2d6f1b3"
branch_labels = None
depends_on = None


def upgrade():
    op.create_table(
        "network_found",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("need_id", sa.Integer(), nullable=False),
        sa.Column("key", sa.BigInteger(), nullable=False),
        sa.Column("found", sa.JSON(), nullable=False),
        sa.Column("tenant_id", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["need_id"], ["posts.id"], name=op.f("fk_network_found_need_id_posts"), ondelete="CASCADE"
        ),
        sa.ForeignKeyConstraint(
            ["tenant_id"], ["tenants.id"], name=op.f("fk_network_found_tenant_id_tenants"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_network_found")),
        sa.UniqueConstraint("need_id", name=op.f("uq_network_found_need_id")),
    )
    with op.batch_alter_table("network_found", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_network_found_tenant_id"), ["tenant_id"], unique=False)


def downgrade():
    with op.batch_alter_table("network_found", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_network_found_tenant_id"))
    op.drop_table("network_found")
