"""Security audit log, rate limit counters, deleted people and companies

Revision ID: 05440ef33dc8
Revises: 9a275609eac7
Create Date: 2026-11-24 05:07:22.912643

"""
from alembic import op
import sqlalchemy as sa


# The company checks migration 8cc8ac7be854 creates since issue 7; databases upgraded past it before then lack them.
COMPANY_CHECKS = {
    'size_known': "size is null or size in ('micro', 'small', 'medium', 'large')",
    'region_known': "region is null or region in"
                    " ('riga', 'pieriga', 'vidzeme', 'kurzeme', 'zemgale', 'latgale', 'abroad')",
    'logo_type_known': "logo_type is null or logo_type in ('image/png', 'image/jpeg', 'image/webp')",
}

# revision identifiers, used by Alembic.
revision = '05440ef33dc8'
down_revision = '9a275609eac7'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table('rate_counts',
    sa.Column('key', sa.String(length=200), nullable=False),
    sa.Column('window_start', sa.Integer(), nullable=False),
    sa.Column('hits', sa.Integer(), nullable=False),
    sa.CheckConstraint('hits > 0', name=op.f('ck_rate_counts_hits_positive')),
    sa.PrimaryKeyConstraint('key', 'window_start', name=op.f('pk_rate_counts'))
    )
    with op.batch_alter_table('rate_counts', schema=None) as batch_op:
        batch_op.create_index('ix_rate_counts_window_start', ['window_start'], unique=False)

    op.create_table('audit_events',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('kind', sa.String(length=40), nullable=False),
    sa.Column('actor_id', sa.Integer(), nullable=True),
    sa.Column('tenant_id', sa.Integer(), nullable=True),
    sa.Column('subject', sa.String(length=200), nullable=False),
    sa.Column('ip', sa.String(length=64), nullable=False),
    sa.CheckConstraint('length(kind) > 0', name=op.f('ck_audit_events_kind_present')),
    sa.ForeignKeyConstraint(['actor_id'], ['users.id'], name=op.f('fk_audit_events_actor_id_users'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['tenant_id'], ['tenants.id'], name=op.f('fk_audit_events_tenant_id_tenants'), ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_audit_events'))
    )
    with op.batch_alter_table('audit_events', schema=None) as batch_op:
        batch_op.create_index('ix_audit_events_at', ['at'], unique=False)
        batch_op.create_index('ix_audit_events_kind_at', ['kind', 'at'], unique=False)

    present = {check['name'] for check in sa.inspect(op.get_bind()).get_check_constraints('companies')}
    with op.batch_alter_table('companies', schema=None) as batch_op:
        batch_op.add_column(sa.Column('deleted_at', sa.DateTime(timezone=True), nullable=True))
        for name, condition in COMPANY_CHECKS.items():
            if f'ck_companies_{name}' not in present:
                batch_op.create_check_constraint(name, condition)

    with op.batch_alter_table('users', schema=None) as batch_op:
        batch_op.add_column(sa.Column('session_version', sa.Integer(), server_default='1', nullable=False))
        batch_op.add_column(sa.Column('deleted_at', sa.DateTime(timezone=True), nullable=True))

    # ### end Alembic commands ###


def downgrade():
    with op.batch_alter_table('users', schema=None) as batch_op:
        batch_op.drop_column('deleted_at')
        batch_op.drop_column('session_version')

    with op.batch_alter_table('companies', schema=None) as batch_op:
        batch_op.drop_column('deleted_at')

    with op.batch_alter_table('audit_events', schema=None) as batch_op:
        batch_op.drop_index('ix_audit_events_kind_at')
        batch_op.drop_index('ix_audit_events_at')

    op.drop_table('audit_events')
    with op.batch_alter_table('rate_counts', schema=None) as batch_op:
        batch_op.drop_index('ix_rate_counts_window_start')

    op.drop_table('rate_counts')
    # ### end Alembic commands ###
