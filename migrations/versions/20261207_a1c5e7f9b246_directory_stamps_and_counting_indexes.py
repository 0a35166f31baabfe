"""Directory stamps: each cluster's mark that its companies changed, so the directory's filter lists are kept; indexes counting the board's and the needs dashboard's posts

Every existing cluster gets a first stamp, so its lists are kept from the first page load after the upgrade.
The board counts a cluster's open, still valid posts from the first new index alone; the needs dashboard and
the indicators count a period's posts from the second. Whether a post names a region is read through the
post and its cluster together, so SQLite's plan stays right before fresh planner statistics.

Revision ID: a1c5e7f9b246
Revises: c4e8a2f6b913
Create Date: 2026-12-07 05:20:00.000000

"""
from uuid import uuid4

from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = 'a1c5e7f9b246'
down_revision = 'c4e8a2f6b913'
branch_labels = None
depends_on = None


def upgrade():
    stamps = op.create_table('directory_stamps',
    sa.Column('tenant_id', sa.Integer(), nullable=False),
    sa.Column('stamp', sa.String(length=32), nullable=False),
    sa.ForeignKeyConstraint(['tenant_id'], ['tenants.id'], name=op.f('fk_directory_stamps_tenant_id_tenants'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('tenant_id', name=op.f('pk_directory_stamps'))
    )
    tenant_ids = op.get_bind().scalars(sa.text('SELECT id FROM tenants')).all()
    if tenant_ids:
        op.bulk_insert(stamps, [{'tenant_id': tenant_id, 'stamp': uuid4().hex} for tenant_id in tenant_ids])
    with op.batch_alter_table('posts', schema=None) as batch_op:
        batch_op.create_index('ix_posts_tenant_status_valid', ['tenant_id', 'status', 'valid_until'], unique=False)
        batch_op.create_index('ix_posts_tenant_created_counted', ['tenant_id', 'created_at', 'kind', 'company_id', 'status', 'category'], unique=False)
    with op.batch_alter_table('post_regions', schema=None) as batch_op:
        batch_op.create_index('ix_post_regions_post_tenant', ['post_id', 'tenant_id'], unique=False)


def downgrade():
    with op.batch_alter_table('post_regions', schema=None) as batch_op:
        batch_op.drop_index('ix_post_regions_post_tenant')
    with op.batch_alter_table('posts', schema=None) as batch_op:
        batch_op.drop_index('ix_posts_tenant_created_counted')
        batch_op.drop_index('ix_posts_tenant_status_valid')
    op.drop_table('directory_stamps')
