"""Match suggestions stored when data changes, read by the pages

Revision ID: d9a1b2c3e4f5
Revises: d529c3e9a214
Create Date: 2026-12-07 02:20:00.000000

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = 'd9a1b2c3e4f5'
down_revision = 'd529c3e9a214'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table('match_suggestions',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('need_id', sa.Integer(), nullable=False),
    sa.Column('need_company_id', sa.Integer(), nullable=False),
    sa.Column('company_id', sa.Integer(), nullable=False),
    sa.Column('score', sa.Integer(), nullable=False),
    sa.Column('detail', sa.JSON(), nullable=False),
    sa.Column('tenant_id', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['company_id'], ['companies.id'], name=op.f('fk_match_suggestions_company_id_companies'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['need_company_id'], ['companies.id'], name=op.f('fk_match_suggestions_need_company_id_companies'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['need_id'], ['posts.id'], name=op.f('fk_match_suggestions_need_id_posts'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['tenant_id'], ['tenants.id'], name=op.f('fk_match_suggestions_tenant_id_tenants'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_match_suggestions')),
    sa.UniqueConstraint('need_id', 'company_id', name=op.f('uq_match_suggestions_need_id_company_id'))
    )
    with op.batch_alter_table('match_suggestions', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_match_suggestions_company_id'), ['company_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_match_suggestions_need_company_id'), ['need_company_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_match_suggestions_need_id'), ['need_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_match_suggestions_tenant_id'), ['tenant_id'], unique=False)
    # Existing needs get their suggestions when the worker (or `flask search drain`) next drains.
    if op.get_bind().dialect.name == "postgresql":
        # Rows written with explicit ids (a restore, a copy) leave the sequence behind them.
        op.execute(
            "SELECT setval(pg_get_serial_sequence('search_outbox', 'id'), "
            "COALESCE((SELECT MAX(id) FROM search_outbox), 0) + 1, false)"
        )
    op.execute(
        "INSERT INTO search_outbox (tenant_id, doc_key, created_at) "
        "SELECT tenant_id, 'post:' || id, CURRENT_TIMESTAMP FROM posts "
        "WHERE kind IN ('need', 'interest') AND status = 'open'"
    )


def downgrade():
    with op.batch_alter_table('match_suggestions', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_match_suggestions_tenant_id'))
        batch_op.drop_index(batch_op.f('ix_match_suggestions_need_id'))
        batch_op.drop_index(batch_op.f('ix_match_suggestions_need_company_id'))
        batch_op.drop_index(batch_op.f('ix_match_suggestions_company_id'))

    op.drop_table('match_suggestions')
