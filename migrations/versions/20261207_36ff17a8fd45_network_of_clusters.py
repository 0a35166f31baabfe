"""A network of clusters: a company may be found from the other clusters, a cluster may switch that off

Revision ID: 36ff17a8fd45
Revises: 33849c56ee97
Create Date: 2026-12-07 02:15:26.269400

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '36ff17a8fd45'
down_revision = '33849c56ee97'
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table('companies', schema=None) as batch_op:
        batch_op.add_column(sa.Column('network_visible', sa.Boolean(), server_default=sa.false(), nullable=False))

    with op.batch_alter_table('tenants', schema=None) as batch_op:
        batch_op.add_column(sa.Column('network_open', sa.Boolean(), server_default=sa.true(), nullable=False))


def downgrade():
    with op.batch_alter_table('tenants', schema=None) as batch_op:
        batch_op.drop_column('network_open')

    with op.batch_alter_table('companies', schema=None) as batch_op:
        batch_op.drop_column('network_visible')

