"""Threads a cluster manager opened between two companies (the brokering desk), with the manager's note

Revision ID: 9c8747fe009b
Revises: 8379db9c960f
Create Date: 2026-12-06 23:50:40.686580

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '9c8747fe009b'
down_revision = '8379db9c960f'
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table('threads', schema=None) as batch_op:
        batch_op.add_column(sa.Column('introduction', sa.Text(), nullable=True))
        batch_op.add_column(sa.Column('introduced_by_id', sa.Integer(), nullable=True))
        batch_op.create_foreign_key(batch_op.f('fk_threads_introduced_by_id_users'), 'users', ['introduced_by_id'], ['id'], ondelete='SET NULL')


def downgrade():
    with op.batch_alter_table('threads', schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f('fk_threads_introduced_by_id_users'), type_='foreignkey')
        batch_op.drop_column('introduced_by_id')
        batch_op.drop_column('introduction')
