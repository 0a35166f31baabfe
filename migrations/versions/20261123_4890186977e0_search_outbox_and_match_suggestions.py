"""Search outbox (existing companies and posts queued for indexing) and match suggestions

Revision ID: 4890186977e0
Revises: b06d416b7883
Create Date: 2026-11-23 20:26:13.787324

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '4890186977e0'
down_revision = 'b06d416b7883'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table('search_outbox',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('tenant_id', sa.Integer(), nullable=False),
    sa.Column('doc_key', sa.String(length=40), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['tenant_id'], ['tenants.id'], name=op.f('fk_search_outbox_tenant_id_tenants'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_search_outbox'))
    )
    with op.batch_alter_table('search_outbox', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_search_outbox_tenant_id'), ['tenant_id'], unique=False)

    op.create_table('match_dismissals',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('company_id', sa.Integer(), nullable=False),
    sa.Column('partner_company_id', sa.Integer(), nullable=False),
    sa.Column('post_id', sa.Integer(), nullable=True),
    sa.Column('tenant_id', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['company_id'], ['companies.id'], name=op.f('fk_match_dismissals_company_id_companies'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['partner_company_id'], ['companies.id'], name=op.f('fk_match_dismissals_partner_company_id_companies'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['post_id'], ['posts.id'], name=op.f('fk_match_dismissals_post_id_posts'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['tenant_id'], ['tenants.id'], name=op.f('fk_match_dismissals_tenant_id_tenants'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_match_dismissals')),
    sa.UniqueConstraint('company_id', 'partner_company_id', 'post_id', name=op.f('uq_match_dismissals_company_id_partner_company_id_post_id'))
    )
    with op.batch_alter_table('match_dismissals', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_match_dismissals_company_id'), ['company_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_match_dismissals_tenant_id'), ['tenant_id'], unique=False)

    op.create_table('match_notices',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('post_id', sa.Integer(), nullable=False),
    sa.Column('company_id', sa.Integer(), nullable=False),
    sa.Column('score', sa.Integer(), nullable=False),
    sa.Column('tenant_id', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['company_id'], ['companies.id'], name=op.f('fk_match_notices_company_id_companies'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['post_id'], ['posts.id'], name=op.f('fk_match_notices_post_id_posts'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['tenant_id'], ['tenants.id'], name=op.f('fk_match_notices_tenant_id_tenants'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_match_notices')),
    sa.UniqueConstraint('post_id', 'company_id', name=op.f('uq_match_notices_post_id_company_id'))
    )
    with op.batch_alter_table('match_notices', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_match_notices_post_id'), ['post_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_match_notices_tenant_id'), ['tenant_id'], unique=False)

    with op.batch_alter_table('users', schema=None) as batch_op:
        batch_op.add_column(sa.Column('match_emails', sa.Boolean(), server_default=sa.false(), nullable=False))

    # What the database holds already waits in the outbox: the first request indexes it.
    for key, table in (("'company:' || company_id", "company_memberships"), ("'post:' || id", "posts")):
        op.execute(
            "INSERT INTO search_outbox (tenant_id, doc_key, created_at)"
            f" SELECT tenant_id, {key}, CURRENT_TIMESTAMP FROM {table}"
        )


def downgrade():
    with op.batch_alter_table('users', schema=None) as batch_op:
        batch_op.drop_column('match_emails')

    with op.batch_alter_table('match_notices', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_match_notices_tenant_id'))
        batch_op.drop_index(batch_op.f('ix_match_notices_post_id'))

    op.drop_table('match_notices')
    with op.batch_alter_table('match_dismissals', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_match_dismissals_tenant_id'))
        batch_op.drop_index(batch_op.f('ix_match_dismissals_company_id'))

    op.drop_table('match_dismissals')
    with op.batch_alter_table('search_outbox', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_search_outbox_tenant_id'))

    op.drop_table('search_outbox')
