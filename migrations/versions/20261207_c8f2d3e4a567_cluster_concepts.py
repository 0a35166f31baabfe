"""A cluster's own concepts: managers add concepts the shared vocabulary lacks, for their cluster only

Revision ID: c8f2d3e4a567
Revises: b7e1c2d3f456
Create Date: 2026-12-07 00:50:00.000000

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = 'c8f2d3e4a567'
down_revision = 'b7e1c2d3f456'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table('cluster_concepts',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('concept_id', sa.Integer(), nullable=False),
    sa.Column('tenant_id', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['concept_id'], ['concepts.id'], name=op.f('fk_cluster_concepts_concept_id_concepts'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['tenant_id'], ['tenants.id'], name=op.f('fk_cluster_concepts_tenant_id_tenants'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_cluster_concepts')),
    sa.UniqueConstraint('concept_id', name=op.f('uq_cluster_concepts_concept_id'))
    )
    with op.batch_alter_table('cluster_concepts', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_cluster_concepts_tenant_id'), ['tenant_id'], unique=False)


def downgrade():
    with op.batch_alter_table('cluster_concepts', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_cluster_concepts_tenant_id'))

    op.drop_table('cluster_concepts')
