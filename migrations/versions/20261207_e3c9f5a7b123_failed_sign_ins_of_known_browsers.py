"""Failed sign-ins remember the known browser (device cookie) they came from

Revision ID: e3c9f5a7b123
Revises: d2b8e4f6a012
Create Date: 2026-12-07 00:20:00.000000

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = 'e3c9f5a7b123'
down_revision = 'd2b8e4f6a012'
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table('failed_logins', schema=None) as batch_op:
        batch_op.add_column(sa.Column('device', sa.String(length=64), server_default='', nullable=False))


def downgrade():
    with op.batch_alter_table('failed_logins', schema=None) as batch_op:
        batch_op.drop_column('device')
