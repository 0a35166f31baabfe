"""Admission requests: a cluster asks a company of other clusters to join, its representatives decide

Revision ID: c1a7d3e5f901
Revises: 2381f7e7c32d
Create Date: 2026-12-07 00:00:00.000000

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = 'c1a7d3e5f901'
down_revision = '2381f7e7c32d'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table('admission_requests',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('company_id', sa.Integer(), nullable=False),
    sa.Column('requested_by_id', sa.Integer(), nullable=True),
    sa.Column('member_since', sa.Date(), nullable=True),
    sa.Column('status', sa.String(length=10), nullable=False),
    sa.Column('decided_by_id', sa.Integer(), nullable=True),
    sa.Column('decided_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('tenant_id', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.CheckConstraint("(status = 'waiting') = (decided_at is null)", name=op.f('ck_admission_requests_decided_with_time')),
    sa.CheckConstraint("status in ('waiting', 'accepted', 'refused')", name=op.f('ck_admission_requests_status_known')),
    sa.ForeignKeyConstraint(['company_id'], ['companies.id'], name=op.f('fk_admission_requests_company_id_companies'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['decided_by_id'], ['users.id'], name=op.f('fk_admission_requests_decided_by_id_users'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['requested_by_id'], ['users.id'], name=op.f('fk_admission_requests_requested_by_id_users'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['tenant_id'], ['tenants.id'], name=op.f('fk_admission_requests_tenant_id_tenants'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_admission_requests'))
    )
    with op.batch_alter_table('admission_requests', schema=None) as batch_op:
        batch_op.create_index('ix_admission_requests_company_status', ['company_id', 'status'], unique=False)
        batch_op.create_index(batch_op.f('ix_admission_requests_tenant_id'), ['tenant_id'], unique=False)


def downgrade():
    with op.batch_alter_table('admission_requests', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_admission_requests_tenant_id'))
        batch_op.drop_index('ix_admission_requests_company_status')

    op.drop_table('admission_requests')
