"""Representation requests: an applicant naming an existing member company waits for its representatives

Revision ID: a5eb17c9d345
Revises: f4da06b8c234
Create Date: 2026-12-07 00:40:00.000000

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = 'a5eb17c9d345'
down_revision = 'f4da06b8c234'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table('representation_requests',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('application_id', sa.Integer(), nullable=False),
    sa.Column('company_id', sa.Integer(), nullable=False),
    sa.Column('status', sa.String(length=10), nullable=False),
    sa.Column('decided_by_id', sa.Integer(), nullable=True),
    sa.Column('decided_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('tenant_id', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.CheckConstraint("status in ('waiting', 'accepted', 'refused')", name=op.f('ck_representation_requests_status_known')),
    sa.ForeignKeyConstraint(['application_id'], ['applications.id'], name=op.f('fk_representation_requests_application_id_applications'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['company_id'], ['companies.id'], name=op.f('fk_representation_requests_company_id_companies'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['decided_by_id'], ['users.id'], name=op.f('fk_representation_requests_decided_by_id_users'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['tenant_id'], ['tenants.id'], name=op.f('fk_representation_requests_tenant_id_tenants'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_representation_requests'))
    )
    with op.batch_alter_table('representation_requests', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_representation_requests_application_id'), ['application_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_representation_requests_company_id'), ['company_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_representation_requests_tenant_id'), ['tenant_id'], unique=False)


def downgrade():
    with op.batch_alter_table('representation_requests', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_representation_requests_tenant_id'))
        batch_op.drop_index(batch_op.f('ix_representation_requests_company_id'))
        batch_op.drop_index(batch_op.f('ix_representation_requests_application_id'))

    op.drop_table('representation_requests')
