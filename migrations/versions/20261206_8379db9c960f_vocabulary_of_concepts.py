"""Vocabulary of concepts: NACE sectors and the thesaurus of competences with their forms (platform data)

Revision ID: 8379db9c960f
Revises: 05440ef33dc8
Create Date: 2026-12-06 23:16:47.640781

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '8379db9c960f'
down_revision = '05440ef33dc8'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table('concepts',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('key', sa.String(length=80), nullable=False),
    sa.Column('kind', sa.String(length=20), nullable=False),
    sa.Column('code', sa.String(length=10), nullable=True),
    sa.Column('label_lv', sa.String(length=200), nullable=False),
    sa.Column('label_en', sa.String(length=200), nullable=False),
    sa.Column('broader_id', sa.Integer(), nullable=True),
    sa.CheckConstraint("kind in ('sector', 'competence')", name=op.f('ck_concepts_kind_known')),
    sa.ForeignKeyConstraint(['broader_id'], ['concepts.id'], name=op.f('fk_concepts_broader_id_concepts'), ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_concepts')),
    sa.UniqueConstraint('key', name=op.f('uq_concepts_key'))
    )
    with op.batch_alter_table('concepts', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_concepts_broader_id'), ['broader_id'], unique=False)

    op.create_table('concept_forms',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('concept_id', sa.Integer(), nullable=False),
    sa.Column('form', sa.String(length=200), nullable=False),
    sa.Column('terms', sa.String(length=400), nullable=False),
    sa.ForeignKeyConstraint(['concept_id'], ['concepts.id'], name=op.f('fk_concept_forms_concept_id_concepts'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_concept_forms')),
    sa.UniqueConstraint('concept_id', 'terms', name=op.f('uq_concept_forms_concept_id_terms'))
    )
    with op.batch_alter_table('concept_forms', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_concept_forms_concept_id'), ['concept_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_concept_forms_terms'), ['terms'], unique=False)



def downgrade():
    with op.batch_alter_table('concept_forms', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_concept_forms_terms'))
        batch_op.drop_index(batch_op.f('ix_concept_forms_concept_id'))

    op.drop_table('concept_forms')
    with op.batch_alter_table('concepts', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_concepts_broader_id'))

    op.drop_table('concepts')
