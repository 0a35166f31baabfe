"""Interest and working groups: managers create them, members join, posts and news can be addressed to one

Revision ID: 33849c56ee97
Revises: b7e2c4d9f013
Create Date: 2026-12-07 01:59:04.876222

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '33849c56ee97'
down_revision = 'b7e2c4d9f013'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table('interest_groups',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('name', sa.String(length=120), nullable=False),
    sa.Column('description', sa.Text(), nullable=False),
    sa.Column('archived_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('tenant_id', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.CheckConstraint('length(name) > 0', name=op.f('ck_interest_groups_name_present')),
    sa.ForeignKeyConstraint(['tenant_id'], ['tenants.id'], name=op.f('fk_interest_groups_tenant_id_tenants'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_interest_groups')),
    sa.UniqueConstraint('tenant_id', 'name', name=op.f('uq_interest_groups_tenant_id_name'))
    )
    with op.batch_alter_table('interest_groups', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_interest_groups_tenant_id'), ['tenant_id'], unique=False)

    op.create_table('interest_group_members',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('group_id', sa.Integer(), nullable=False),
    sa.Column('user_id', sa.Integer(), nullable=False),
    sa.Column('tenant_id', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['group_id'], ['interest_groups.id'], name=op.f('fk_interest_group_members_group_id_interest_groups'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['tenant_id'], ['tenants.id'], name=op.f('fk_interest_group_members_tenant_id_tenants'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['user_id'], ['users.id'], name=op.f('fk_interest_group_members_user_id_users'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_interest_group_members')),
    sa.UniqueConstraint('group_id', 'user_id', name=op.f('uq_interest_group_members_group_id_user_id'))
    )
    with op.batch_alter_table('interest_group_members', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_interest_group_members_group_id'), ['group_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_interest_group_members_tenant_id'), ['tenant_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_interest_group_members_user_id'), ['user_id'], unique=False)

    with op.batch_alter_table('news_items', schema=None) as batch_op:
        batch_op.add_column(sa.Column('group_id', sa.Integer(), nullable=True))
        batch_op.create_index(batch_op.f('ix_news_items_group_id'), ['group_id'], unique=False)
        batch_op.create_foreign_key(batch_op.f('fk_news_items_group_id_interest_groups'), 'interest_groups', ['group_id'], ['id'], ondelete='SET NULL')

    with op.batch_alter_table('posts', schema=None) as batch_op:
        batch_op.add_column(sa.Column('group_id', sa.Integer(), nullable=True))
        batch_op.create_index(batch_op.f('ix_posts_group_id'), ['group_id'], unique=False)
        batch_op.create_foreign_key(batch_op.f('fk_posts_group_id_interest_groups'), 'interest_groups', ['group_id'], ['id'], ondelete='SET NULL')



def downgrade():
    with op.batch_alter_table('posts', schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f('fk_posts_group_id_interest_groups'), type_='foreignkey')
        batch_op.drop_index(batch_op.f('ix_posts_group_id'))
        batch_op.drop_column('group_id')

    with op.batch_alter_table('news_items', schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f('fk_news_items_group_id_interest_groups'), type_='foreignkey')
        batch_op.drop_index(batch_op.f('ix_news_items_group_id'))
        batch_op.drop_column('group_id')

    with op.batch_alter_table('interest_group_members', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_interest_group_members_user_id'))
        batch_op.drop_index(batch_op.f('ix_interest_group_members_tenant_id'))
        batch_op.drop_index(batch_op.f('ix_interest_group_members_group_id'))

    op.drop_table('interest_group_members')
    with op.batch_alter_table('interest_groups', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_interest_groups_tenant_id'))

    op.drop_table('interest_groups')
