"""A cluster's own words for the vocabulary's concepts: synonyms its managers add, free tags merged

Revision ID: 2381f7e7c32d
Revises: 9c8747fe009b
Create Date: 2026-12-06 23:55:17.672989

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '2381f7e7c32d'
down_revision = '9c8747fe009b'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table('cluster_concept_forms',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('concept_id', sa.Integer(), nullable=False),
    sa.Column('form', sa.String(length=200), nullable=False),
    sa.Column('terms', sa.String(length=400), nullable=False),
    sa.Column('tenant_id', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['concept_id'], ['concepts.id'], name=op.f('fk_cluster_concept_forms_concept_id_concepts'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['tenant_id'], ['tenants.id'], name=op.f('fk_cluster_concept_forms_tenant_id_tenants'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_cluster_concept_forms')),
    sa.UniqueConstraint('tenant_id', 'terms', name=op.f('uq_cluster_concept_forms_tenant_id_terms'))
    )
    with op.batch_alter_table('cluster_concept_forms', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_cluster_concept_forms_concept_id'), ['concept_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_cluster_concept_forms_tenant_id'), ['tenant_id'], unique=False)


def downgrade():
    with op.batch_alter_table('cluster_concept_forms', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_cluster_concept_forms_tenant_id'))
        batch_op.drop_index(batch_op.f('ix_cluster_concept_forms_concept_id'))

    op.drop_table('cluster_concept_forms')