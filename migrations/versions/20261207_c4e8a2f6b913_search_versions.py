"""A version number per cluster's search documents, so that checking what is remembered costs one row

Revision ID: c4e8a2f6b913
Revises: 4c7e2a9b1d35
Create Date: 2026-12-07 05:40:00.000000

"""

import sqlalchemy as sa
from alembic import op

# revision identifiers, used by Alembic.
revision = "c4e8a2f6b913"
down_revision = "4c7e2a9b1d35"
branch_labels = None
depends_on = None


def upgrade():
    # No rows: a cluster without one has no version until its documents next change.
    op.create_table(
        "search_versions",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("version", sa.String(length=32), nullable=False),
        sa.Column("tenant_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["tenant_id"],
            ["tenants.id"],
            name=op.f("fk_search_versions_tenant_id_tenants"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_search_versions")),
        sa.UniqueConstraint("tenant_id", name=op.f("uq_search_versions_tenant_id")),
    )
    op.create_index(op.f("ix_search_versions_tenant_id"), "search_versions", ["tenant_id"])


def downgrade():
    op.drop_table("search_versions")
