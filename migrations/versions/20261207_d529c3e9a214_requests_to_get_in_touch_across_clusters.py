"""Requests to get in touch across clusters: once two companies have asked each other, they see contacts

Revision ID: d529c3e9a214
Revises: 36ff17a8fd45
Create Date: 2026-12-07 02:35:37.255047

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = 'd529c3e9a214'
down_revision = '36ff17a8fd45'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table('network_requests',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('from_company_id', sa.Integer(), nullable=False),
    sa.Column('from_tenant_id', sa.Integer(), nullable=False),
    sa.Column('to_company_id', sa.Integer(), nullable=False),
    sa.Column('to_tenant_id', sa.Integer(), nullable=False),
    sa.Column('author_id', sa.Integer(), nullable=True),
    sa.Column('message', sa.Text(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.CheckConstraint('from_company_id <> to_company_id', name=op.f('ck_network_requests_two_companies')),
    sa.CheckConstraint('length(message) <= 2000', name=op.f('ck_network_requests_message_length')),
    sa.ForeignKeyConstraint(['author_id'], ['users.id'], name=op.f('fk_network_requests_author_id_users'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['from_company_id'], ['companies.id'], name=op.f('fk_network_requests_from_company_id_companies'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['from_tenant_id'], ['tenants.id'], name=op.f('fk_network_requests_from_tenant_id_tenants'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['to_company_id'], ['companies.id'], name=op.f('fk_network_requests_to_company_id_companies'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['to_tenant_id'], ['tenants.id'], name=op.f('fk_network_requests_to_tenant_id_tenants'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_network_requests')),
    sa.UniqueConstraint('from_company_id', 'to_company_id', name=op.f('uq_network_requests_from_company_id_to_company_id'))
    )
    with op.batch_alter_table('network_requests', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_network_requests_from_company_id'), ['from_company_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_network_requests_to_company_id'), ['to_company_id'], unique=False)


def downgrade():
    with op.batch_alter_table('network_requests', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_network_requests_to_company_id'))
        batch_op.drop_index(batch_op.f('ix_network_requests_from_company_id'))

    op.drop_table('network_requests')
