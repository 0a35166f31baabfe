"""An index on a cluster's memberships by leaving and joining date, for the directory and the segments

Revision ID: f7c3d4e5a8b9
Revises: e5b2c3d4f6a7
Create Date: 2026-12-07 03:00:00.000000

"""
from alembic import op


# revision identifiers, used by Alembic.
revision = 'f7c3d4e5a8b9'
down_revision = 'e5b2c3d4f6a7'
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table('company_memberships', schema=None) as batch_op:
        batch_op.create_index('ix_company_memberships_current', ['tenant_id', 'left_on', 'member_since'], unique=False)


def downgrade():
    with op.batch_alter_table('company_memberships', schema=None) as batch_op:
        batch_op.drop_index('ix_company_memberships_current')
