"""company profiles posts threads ratings notifications

Revision ID: 8cc8ac7be854
Revises: a9ddcc512a16
Create Date: 2026-11-23 18:16:19.411078

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '8cc8ac7be854'
down_revision = 'a9ddcc512a16'
branch_labels = None
depends_on = None

PROFILE_TEXTS = ('description', 'website', 'infrastructure', 'development_directions', 'partnership_interests',
                 'other_clusters')
COMPANY_CHECKS = {
    'size_known': "size is null or size in ('micro', 'small', 'medium', 'large')",
    'region_known': "region is null or region in"
                    " ('riga', 'pieriga', 'vidzeme', 'kurzeme', 'zemgale', 'latgale', 'abroad')",
    'logo_type_known': "logo_type is null or logo_type in ('image/png', 'image/jpeg', 'image/webp')",
}


def upgrade():
    op.create_table('company_changes',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('user_id', sa.Integer(), nullable=True),
    sa.Column('changes', sa.JSON(), nullable=False),
    sa.Column('company_id', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['company_id'], ['companies.id'], name=op.f('fk_company_changes_company_id_companies'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['user_id'], ['users.id'], name=op.f('fk_company_changes_user_id_users'), ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_company_changes'))
    )
    with op.batch_alter_table('company_changes', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_company_changes_company_id'), ['company_id'], unique=False)

    op.create_table('company_roles',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('role', sa.String(length=30), nullable=False),
    sa.Column('company_id', sa.Integer(), nullable=False),
    sa.CheckConstraint("role in ('producer', 'resource_holder', 'intermediary', 'distributor', 'education_research', 'public_sector', 'finance')", name=op.f('ck_company_roles_role_known')),
    sa.ForeignKeyConstraint(['company_id'], ['companies.id'], name=op.f('fk_company_roles_company_id_companies'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_company_roles')),
    sa.UniqueConstraint('company_id', 'role', name=op.f('uq_company_roles_company_id_role'))
    )
    with op.batch_alter_table('company_roles', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_company_roles_company_id'), ['company_id'], unique=False)

    op.create_table('company_tags',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('kind', sa.String(length=20), nullable=False),
    sa.Column('name', sa.String(length=100), nullable=False),
    sa.Column('key', sa.String(length=400), nullable=False),
    sa.Column('company_id', sa.Integer(), nullable=False),
    sa.CheckConstraint("kind in ('sector', 'competence')", name=op.f('ck_company_tags_kind_known')),
    sa.CheckConstraint('length(name) > 0', name=op.f('ck_company_tags_name_present')),
    sa.ForeignKeyConstraint(['company_id'], ['companies.id'], name=op.f('fk_company_tags_company_id_companies'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_company_tags')),
    sa.UniqueConstraint('company_id', 'kind', 'key', name=op.f('uq_company_tags_company_id_kind_key'))
    )
    with op.batch_alter_table('company_tags', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_company_tags_company_id'), ['company_id'], unique=False)
        batch_op.create_index('ix_company_tags_kind_key', ['kind', 'key'], unique=False)

    op.create_table('contact_people',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('name', sa.String(length=200), nullable=False),
    sa.Column('role', sa.String(length=200), nullable=False),
    sa.Column('email', sa.String(length=254), nullable=False),
    sa.Column('phone', sa.String(length=50), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.Column('company_id', sa.Integer(), nullable=False),
    sa.CheckConstraint('length(name) > 0', name=op.f('ck_contact_people_name_present')),
    sa.ForeignKeyConstraint(['company_id'], ['companies.id'], name=op.f('fk_contact_people_company_id_companies'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_contact_people'))
    )
    with op.batch_alter_table('contact_people', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_contact_people_company_id'), ['company_id'], unique=False)

    op.create_table('notifications',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('user_id', sa.Integer(), nullable=False),
    sa.Column('kind', sa.String(length=40), nullable=False),
    sa.Column('params', sa.JSON(), nullable=False),
    sa.Column('link', sa.String(length=300), nullable=False),
    sa.Column('read_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('tenant_id', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['tenant_id'], ['tenants.id'], name=op.f('fk_notifications_tenant_id_tenants'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['user_id'], ['users.id'], name=op.f('fk_notifications_user_id_users'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_notifications'))
    )
    with op.batch_alter_table('notifications', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_notifications_tenant_id'), ['tenant_id'], unique=False)
        batch_op.create_index('ix_notifications_user_read', ['user_id', 'read_at'], unique=False)

    op.create_table('posts',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('company_id', sa.Integer(), nullable=False),
    sa.Column('author_id', sa.Integer(), nullable=True),
    sa.Column('kind', sa.String(length=20), nullable=False),
    sa.Column('category', sa.String(length=20), nullable=False),
    sa.Column('title', sa.String(length=200), nullable=False),
    sa.Column('body', sa.Text(), nullable=False),
    sa.Column('valid_until', sa.Date(), nullable=True),
    sa.Column('status', sa.String(length=20), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('tenant_id', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.CheckConstraint("category in ('export', 'research', 'automation', 'training', 'staff', 'purchasing', 'exhibitions', 'equipment', 'other')", name=op.f('ck_posts_category_known')),
    sa.CheckConstraint("kind in ('need', 'offer', 'interest')", name=op.f('ck_posts_kind_known')),
    sa.CheckConstraint("status in ('open', 'fulfilled', 'withdrawn')", name=op.f('ck_posts_status_known')),
    sa.CheckConstraint('length(title) > 0', name=op.f('ck_posts_title_present')),
    sa.ForeignKeyConstraint(['author_id'], ['users.id'], name=op.f('fk_posts_author_id_users'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['company_id'], ['companies.id'], name=op.f('fk_posts_company_id_companies'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['tenant_id'], ['tenants.id'], name=op.f('fk_posts_tenant_id_tenants'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_posts'))
    )
    with op.batch_alter_table('posts', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_posts_company_id'), ['company_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_posts_tenant_id'), ['tenant_id'], unique=False)
        batch_op.create_index('ix_posts_tenant_status_created', ['tenant_id', 'status', 'created_at'], unique=False)

    op.create_table('ratings',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('rater_company_id', sa.Integer(), nullable=False),
    sa.Column('rated_company_id', sa.Integer(), nullable=False),
    sa.Column('author_id', sa.Integer(), nullable=True),
    sa.Column('quality', sa.SmallInteger(), nullable=False),
    sa.Column('reliability', sa.SmallInteger(), nullable=False),
    sa.Column('communication', sa.SmallInteger(), nullable=False),
    sa.Column('comment', sa.Text(), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('reply', sa.Text(), nullable=True),
    sa.Column('replied_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('replied_by_id', sa.Integer(), nullable=True),
    sa.Column('hidden_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('hidden_reason', sa.Text(), nullable=True),
    sa.Column('tenant_id', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.CheckConstraint('communication between 1 and 5', name=op.f('ck_ratings_communication_range')),
    sa.CheckConstraint('quality between 1 and 5', name=op.f('ck_ratings_quality_range')),
    sa.CheckConstraint('rater_company_id <> rated_company_id', name=op.f('ck_ratings_not_self')),
    sa.CheckConstraint('reliability between 1 and 5', name=op.f('ck_ratings_reliability_range')),
    sa.ForeignKeyConstraint(['author_id'], ['users.id'], name=op.f('fk_ratings_author_id_users'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['rated_company_id'], ['companies.id'], name=op.f('fk_ratings_rated_company_id_companies'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['rater_company_id'], ['companies.id'], name=op.f('fk_ratings_rater_company_id_companies'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['replied_by_id'], ['users.id'], name=op.f('fk_ratings_replied_by_id_users'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['tenant_id'], ['tenants.id'], name=op.f('fk_ratings_tenant_id_tenants'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_ratings')),
    sa.UniqueConstraint('tenant_id', 'rater_company_id', 'rated_company_id', name=op.f('uq_ratings_tenant_id_rater_company_id_rated_company_id'))
    )
    with op.batch_alter_table('ratings', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_ratings_rated_company_id'), ['rated_company_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_ratings_rater_company_id'), ['rater_company_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_ratings_tenant_id'), ['tenant_id'], unique=False)

    op.create_table('post_regions',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('post_id', sa.Integer(), nullable=False),
    sa.Column('region', sa.String(length=20), nullable=False),
    sa.Column('tenant_id', sa.Integer(), nullable=False),
    sa.CheckConstraint("region in ('riga', 'pieriga', 'vidzeme', 'kurzeme', 'zemgale', 'latgale', 'abroad')", name=op.f('ck_post_regions_region_known')),
    sa.ForeignKeyConstraint(['post_id'], ['posts.id'], name=op.f('fk_post_regions_post_id_posts'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['tenant_id'], ['tenants.id'], name=op.f('fk_post_regions_tenant_id_tenants'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_post_regions')),
    sa.UniqueConstraint('post_id', 'region', name=op.f('uq_post_regions_post_id_region'))
    )
    with op.batch_alter_table('post_regions', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_post_regions_post_id'), ['post_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_post_regions_tenant_id'), ['tenant_id'], unique=False)

    op.create_table('post_tags',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('post_id', sa.Integer(), nullable=False),
    sa.Column('name', sa.String(length=100), nullable=False),
    sa.Column('key', sa.String(length=400), nullable=False),
    sa.Column('tenant_id', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['post_id'], ['posts.id'], name=op.f('fk_post_tags_post_id_posts'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['tenant_id'], ['tenants.id'], name=op.f('fk_post_tags_tenant_id_tenants'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_post_tags')),
    sa.UniqueConstraint('post_id', 'key', name=op.f('uq_post_tags_post_id_key'))
    )
    with op.batch_alter_table('post_tags', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_post_tags_post_id'), ['post_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_post_tags_tenant_id'), ['tenant_id'], unique=False)
        batch_op.create_index('ix_post_tags_tenant_key', ['tenant_id', 'key'], unique=False)

    op.create_table('rating_events',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('rating_id', sa.Integer(), nullable=False),
    sa.Column('user_id', sa.Integer(), nullable=True),
    sa.Column('action', sa.String(length=20), nullable=False),
    sa.Column('note', sa.Text(), nullable=False),
    sa.Column('tenant_id', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.CheckConstraint("action in ('created', 'edited', 'replied', 'flagged', 'hidden', 'shown')", name=op.f('ck_rating_events_action_known')),
    sa.ForeignKeyConstraint(['rating_id'], ['ratings.id'], name=op.f('fk_rating_events_rating_id_ratings'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['tenant_id'], ['tenants.id'], name=op.f('fk_rating_events_tenant_id_tenants'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['user_id'], ['users.id'], name=op.f('fk_rating_events_user_id_users'), ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_rating_events'))
    )
    with op.batch_alter_table('rating_events', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_rating_events_rating_id'), ['rating_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_rating_events_tenant_id'), ['tenant_id'], unique=False)

    op.create_table('rating_flags',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('rating_id', sa.Integer(), nullable=False),
    sa.Column('user_id', sa.Integer(), nullable=False),
    sa.Column('reason', sa.Text(), nullable=False),
    sa.Column('resolved_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('tenant_id', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['rating_id'], ['ratings.id'], name=op.f('fk_rating_flags_rating_id_ratings'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['tenant_id'], ['tenants.id'], name=op.f('fk_rating_flags_tenant_id_tenants'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['user_id'], ['users.id'], name=op.f('fk_rating_flags_user_id_users'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_rating_flags')),
    sa.UniqueConstraint('rating_id', 'user_id', name=op.f('uq_rating_flags_rating_id_user_id'))
    )
    with op.batch_alter_table('rating_flags', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_rating_flags_rating_id'), ['rating_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_rating_flags_tenant_id'), ['tenant_id'], unique=False)

    op.create_table('threads',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('post_id', sa.Integer(), nullable=True),
    sa.Column('initiator_company_id', sa.Integer(), nullable=False),
    sa.Column('recipient_company_id', sa.Integer(), nullable=False),
    sa.Column('subject', sa.String(length=200), nullable=False),
    sa.Column('last_message_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('tenant_id', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.CheckConstraint('initiator_company_id <> recipient_company_id', name=op.f('ck_threads_two_companies')),
    sa.ForeignKeyConstraint(['initiator_company_id'], ['companies.id'], name=op.f('fk_threads_initiator_company_id_companies'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['post_id'], ['posts.id'], name=op.f('fk_threads_post_id_posts'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['recipient_company_id'], ['companies.id'], name=op.f('fk_threads_recipient_company_id_companies'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['tenant_id'], ['tenants.id'], name=op.f('fk_threads_tenant_id_tenants'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_threads')),
    sa.UniqueConstraint('post_id', 'initiator_company_id', name=op.f('uq_threads_post_id_initiator_company_id'))
    )
    with op.batch_alter_table('threads', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_threads_initiator_company_id'), ['initiator_company_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_threads_post_id'), ['post_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_threads_recipient_company_id'), ['recipient_company_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_threads_tenant_id'), ['tenant_id'], unique=False)

    op.create_table('collaborations',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('thread_id', sa.Integer(), nullable=False),
    sa.Column('marked_by_id', sa.Integer(), nullable=True),
    sa.Column('tenant_id', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['marked_by_id'], ['users.id'], name=op.f('fk_collaborations_marked_by_id_users'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['tenant_id'], ['tenants.id'], name=op.f('fk_collaborations_tenant_id_tenants'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['thread_id'], ['threads.id'], name=op.f('fk_collaborations_thread_id_threads'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_collaborations')),
    sa.UniqueConstraint('thread_id', name=op.f('uq_collaborations_thread_id'))
    )
    with op.batch_alter_table('collaborations', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_collaborations_tenant_id'), ['tenant_id'], unique=False)

    op.create_table('messages',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('thread_id', sa.Integer(), nullable=False),
    sa.Column('company_id', sa.Integer(), nullable=False),
    sa.Column('author_id', sa.Integer(), nullable=True),
    sa.Column('body', sa.Text(), nullable=False),
    sa.Column('tenant_id', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.CheckConstraint('length(body) > 0', name=op.f('ck_messages_body_present')),
    sa.ForeignKeyConstraint(['author_id'], ['users.id'], name=op.f('fk_messages_author_id_users'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['company_id'], ['companies.id'], name=op.f('fk_messages_company_id_companies'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['tenant_id'], ['tenants.id'], name=op.f('fk_messages_tenant_id_tenants'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['thread_id'], ['threads.id'], name=op.f('fk_messages_thread_id_threads'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_messages'))
    )
    with op.batch_alter_table('messages', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_messages_tenant_id'), ['tenant_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_messages_thread_id'), ['thread_id'], unique=False)

    # Companies registered before profiles existed get empty profile texts, and their registration as their
    # last update: a NOT NULL column needs a value for the rows already there (SQLite and PostgreSQL refuse).
    with op.batch_alter_table('companies', schema=None) as batch_op:
        batch_op.add_column(sa.Column('description', sa.Text(), nullable=False, server_default=''))
        batch_op.add_column(sa.Column('website', sa.String(length=300), nullable=False, server_default=''))
        batch_op.add_column(sa.Column('size', sa.String(length=10), nullable=True))
        batch_op.add_column(sa.Column('region', sa.String(length=20), nullable=True))
        batch_op.add_column(sa.Column('infrastructure', sa.Text(), nullable=False, server_default=''))
        batch_op.add_column(sa.Column('development_directions', sa.Text(), nullable=False, server_default=''))
        batch_op.add_column(sa.Column('partnership_interests', sa.Text(), nullable=False, server_default=''))
        batch_op.add_column(sa.Column('other_clusters', sa.Text(), nullable=False, server_default=''))
        batch_op.add_column(sa.Column('logo', sa.LargeBinary(), nullable=True))
        batch_op.add_column(sa.Column('logo_type', sa.String(length=20), nullable=True))
        batch_op.add_column(sa.Column('updated_at', sa.DateTime(timezone=True), nullable=True))
    op.execute('update companies set updated_at = created_at')
    with op.batch_alter_table('companies', schema=None) as batch_op:
        for name in PROFILE_TEXTS:
            batch_op.alter_column(name, server_default=None)
        batch_op.alter_column('updated_at', existing_type=sa.DateTime(timezone=True), nullable=False)
        # Autogenerate does not see CHECK constraints of added columns: these are the model's.
        for name, condition in COMPANY_CHECKS.items():
            batch_op.create_check_constraint(name, condition)



def downgrade():
    with op.batch_alter_table('companies', schema=None) as batch_op:
        for name in COMPANY_CHECKS:
            batch_op.drop_constraint(name, type_='check')
        batch_op.drop_column('updated_at')
        batch_op.drop_column('logo_type')
        batch_op.drop_column('logo')
        batch_op.drop_column('other_clusters')
        batch_op.drop_column('partnership_interests')
        batch_op.drop_column('development_directions')
        batch_op.drop_column('infrastructure')
        batch_op.drop_column('region')
        batch_op.drop_column('size')
        batch_op.drop_column('website')
        batch_op.drop_column('description')

    with op.batch_alter_table('messages', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_messages_thread_id'))
        batch_op.drop_index(batch_op.f('ix_messages_tenant_id'))

    op.drop_table('messages')
    with op.batch_alter_table('collaborations', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_collaborations_tenant_id'))

    op.drop_table('collaborations')
    with op.batch_alter_table('threads', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_threads_tenant_id'))
        batch_op.drop_index(batch_op.f('ix_threads_recipient_company_id'))
        batch_op.drop_index(batch_op.f('ix_threads_post_id'))
        batch_op.drop_index(batch_op.f('ix_threads_initiator_company_id'))

    op.drop_table('threads')
    with op.batch_alter_table('rating_flags', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_rating_flags_tenant_id'))
        batch_op.drop_index(batch_op.f('ix_rating_flags_rating_id'))

    op.drop_table('rating_flags')
    with op.batch_alter_table('rating_events', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_rating_events_tenant_id'))
        batch_op.drop_index(batch_op.f('ix_rating_events_rating_id'))

    op.drop_table('rating_events')
    with op.batch_alter_table('post_tags', schema=None) as batch_op:
        batch_op.drop_index('ix_post_tags_tenant_key')
        batch_op.drop_index(batch_op.f('ix_post_tags_tenant_id'))
        batch_op.drop_index(batch_op.f('ix_post_tags_post_id'))

    op.drop_table('post_tags')
    with op.batch_alter_table('post_regions', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_post_regions_tenant_id'))
        batch_op.drop_index(batch_op.f('ix_post_regions_post_id'))

    op.drop_table('post_regions')
    with op.batch_alter_table('ratings', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_ratings_tenant_id'))
        batch_op.drop_index(batch_op.f('ix_ratings_rater_company_id'))
        batch_op.drop_index(batch_op.f('ix_ratings_rated_company_id'))

    op.drop_table('ratings')
    with op.batch_alter_table('posts', schema=None) as batch_op:
        batch_op.drop_index('ix_posts_tenant_status_created')
        batch_op.drop_index(batch_op.f('ix_posts_tenant_id'))
        batch_op.drop_index(batch_op.f('ix_posts_company_id'))

    op.drop_table('posts')
    with op.batch_alter_table('notifications', schema=None) as batch_op:
        batch_op.drop_index('ix_notifications_user_read')
        batch_op.drop_index(batch_op.f('ix_notifications_tenant_id'))

    op.drop_table('notifications')
    with op.batch_alter_table('contact_people', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_contact_people_company_id'))

    op.drop_table('contact_people')
    with op.batch_alter_table('company_tags', schema=None) as batch_op:
        batch_op.drop_index('ix_company_tags_kind_key')
        batch_op.drop_index(batch_op.f('ix_company_tags_company_id'))

    op.drop_table('company_tags')
    with op.batch_alter_table('company_roles', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_company_roles_company_id'))

    op.drop_table('company_roles')
    with op.batch_alter_table('company_changes', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_company_changes_company_id'))

    op.drop_table('company_changes')
