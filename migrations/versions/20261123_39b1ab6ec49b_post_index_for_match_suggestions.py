"""Index on posts by company, kind and status, read for every match suggestion

Revision ID: 39b1ab6ec49b
Revises: 4890186977e0
Create Date: 2026-11-23 21:25:59.319746

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '39b1ab6ec49b'
down_revision = '4890186977e0'
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table('posts', schema=None) as batch_op:
        batch_op.create_index('ix_posts_company_kind_status', ['company_id', 'kind', 'status'], unique=False)



def downgrade():
    with op.batch_alter_table('posts', schema=None) as batch_op:
        batch_op.drop_index('ix_posts_company_kind_status')

