"""cluster management: visits, services, feedback, onboarding, events, stories, news, admission

Revision ID: 4148aa637a14
Revises: 39b1ab6ec49b
Create Date: 2026-11-23 23:10:19.384645

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '4148aa637a14'
down_revision = '39b1ab6ec49b'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table('digest_deliveries',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('user_id', sa.Integer(), nullable=False),
    sa.Column('month', sa.Date(), nullable=False),
    sa.Column('status', sa.String(length=10), nullable=False),
    sa.Column('attempts', sa.Integer(), nullable=False),
    sa.Column('error', sa.String(length=500), nullable=False),
    sa.Column('sent_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('tenant_id', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.CheckConstraint("status in ('sent', 'failed')", name=op.f('ck_digest_deliveries_status_known')),
    sa.ForeignKeyConstraint(['tenant_id'], ['tenants.id'], name=op.f('fk_digest_deliveries_tenant_id_tenants'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['user_id'], ['users.id'], name=op.f('fk_digest_deliveries_user_id_users'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_digest_deliveries')),
    sa.UniqueConstraint('tenant_id', 'user_id', 'month', name=op.f('uq_digest_deliveries_tenant_id_user_id_month'))
    )
    with op.batch_alter_table('digest_deliveries', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_digest_deliveries_tenant_id'), ['tenant_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_digest_deliveries_user_id'), ['user_id'], unique=False)

    op.create_table('events',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('kind', sa.String(length=30), nullable=False),
    sa.Column('title', sa.String(length=200), nullable=False),
    sa.Column('description', sa.Text(), nullable=False),
    sa.Column('venue', sa.String(length=300), nullable=False),
    sa.Column('starts_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('ends_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('presentations', sa.Boolean(), nullable=False),
    sa.Column('tenant_id', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.CheckConstraint("kind in ('member_meeting', 'breakfast', 'general_meeting', 'training', 'other')", name=op.f('ck_events_kind_known')),
    sa.CheckConstraint('ends_at is null or ends_at >= starts_at', name=op.f('ck_events_ends_after_start')),
    sa.CheckConstraint('length(title) > 0', name=op.f('ck_events_title_present')),
    sa.ForeignKeyConstraint(['tenant_id'], ['tenants.id'], name=op.f('fk_events_tenant_id_tenants'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_events'))
    )
    with op.batch_alter_table('events', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_events_tenant_id'), ['tenant_id'], unique=False)
        batch_op.create_index('ix_events_tenant_starts_at', ['tenant_id', 'starts_at'], unique=False)

    op.create_table('feedback_reports',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('year', sa.Integer(), nullable=False),
    sa.Column('quarter', sa.Integer(), nullable=False),
    sa.Column('published_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('published_by_id', sa.Integer(), nullable=True),
    sa.Column('tenant_id', sa.Integer(), nullable=False),
    sa.CheckConstraint('quarter between 1 and 4', name=op.f('ck_feedback_reports_quarter_range')),
    sa.ForeignKeyConstraint(['published_by_id'], ['users.id'], name=op.f('fk_feedback_reports_published_by_id_users'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['tenant_id'], ['tenants.id'], name=op.f('fk_feedback_reports_tenant_id_tenants'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_feedback_reports')),
    sa.UniqueConstraint('tenant_id', 'year', 'quarter', name=op.f('uq_feedback_reports_tenant_id_year_quarter'))
    )
    with op.batch_alter_table('feedback_reports', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_feedback_reports_tenant_id'), ['tenant_id'], unique=False)

    op.create_table('news_items',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('author_id', sa.Integer(), nullable=True),
    sa.Column('title', sa.String(length=200), nullable=False),
    sa.Column('body', sa.Text(), nullable=False),
    sa.Column('tenant_id', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.CheckConstraint('length(title) > 0', name=op.f('ck_news_items_title_present')),
    sa.ForeignKeyConstraint(['author_id'], ['users.id'], name=op.f('fk_news_items_author_id_users'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['tenant_id'], ['tenants.id'], name=op.f('fk_news_items_tenant_id_tenants'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_news_items'))
    )
    with op.batch_alter_table('news_items', schema=None) as batch_op:
        batch_op.create_index('ix_news_items_tenant_created', ['tenant_id', 'created_at'], unique=False)
        batch_op.create_index(batch_op.f('ix_news_items_tenant_id'), ['tenant_id'], unique=False)

    op.create_table('roadmap_steps',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('title', sa.String(length=200), nullable=False),
    sa.Column('description', sa.Text(), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.Column('tenant_id', sa.Integer(), nullable=False),
    sa.CheckConstraint('length(title) > 0', name=op.f('ck_roadmap_steps_title_present')),
    sa.ForeignKeyConstraint(['tenant_id'], ['tenants.id'], name=op.f('fk_roadmap_steps_tenant_id_tenants'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_roadmap_steps'))
    )
    with op.batch_alter_table('roadmap_steps', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_roadmap_steps_tenant_id'), ['tenant_id'], unique=False)

    op.create_table('services',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('name', sa.String(length=200), nullable=False),
    sa.Column('kind', sa.String(length=30), nullable=False),
    sa.Column('description', sa.Text(), nullable=False),
    sa.Column('active', sa.Boolean(), nullable=False),
    sa.Column('tenant_id', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.CheckConstraint("kind in ('training', 'trade_mission', 'exhibition', 'consultation', 'joint_purchasing', 'networking', 'other')", name=op.f('ck_services_kind_known')),
    sa.CheckConstraint('length(name) > 0', name=op.f('ck_services_name_present')),
    sa.ForeignKeyConstraint(['tenant_id'], ['tenants.id'], name=op.f('fk_services_tenant_id_tenants'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_services')),
    sa.UniqueConstraint('tenant_id', 'name', name=op.f('uq_services_tenant_id_name'))
    )
    with op.batch_alter_table('services', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_services_tenant_id'), ['tenant_id'], unique=False)

    op.create_table('sign_ins',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('user_id', sa.Integer(), nullable=False),
    sa.Column('at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['user_id'], ['users.id'], name=op.f('fk_sign_ins_user_id_users'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_sign_ins'))
    )
    with op.batch_alter_table('sign_ins', schema=None) as batch_op:
        batch_op.create_index('ix_sign_ins_user_at', ['user_id', 'at'], unique=False)

    op.create_table('success_stories',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('company_id', sa.Integer(), nullable=False),
    sa.Column('author_id', sa.Integer(), nullable=True),
    sa.Column('title', sa.String(length=200), nullable=False),
    sa.Column('body', sa.Text(), nullable=False),
    sa.Column('status', sa.String(length=20), nullable=False),
    sa.Column('decided_by_id', sa.Integer(), nullable=True),
    sa.Column('decided_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('tenant_id', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.CheckConstraint("(status = 'awaiting_approval') = (decided_at is null)", name=op.f('ck_success_stories_decided_when_not_awaiting')),
    sa.CheckConstraint("status in ('awaiting_approval', 'published', 'declined')", name=op.f('ck_success_stories_status_known')),
    sa.CheckConstraint('length(title) > 0', name=op.f('ck_success_stories_title_present')),
    sa.ForeignKeyConstraint(['author_id'], ['users.id'], name=op.f('fk_success_stories_author_id_users'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['company_id'], ['companies.id'], name=op.f('fk_success_stories_company_id_companies'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['decided_by_id'], ['users.id'], name=op.f('fk_success_stories_decided_by_id_users'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['tenant_id'], ['tenants.id'], name=op.f('fk_success_stories_tenant_id_tenants'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_success_stories'))
    )
    with op.batch_alter_table('success_stories', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_success_stories_company_id'), ['company_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_success_stories_tenant_id'), ['tenant_id'], unique=False)

    op.create_table('visits',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('company_id', sa.Integer(), nullable=False),
    sa.Column('author_id', sa.Integer(), nullable=True),
    sa.Column('visited_on', sa.Date(), nullable=False),
    sa.Column('visitors', sa.String(length=300), nullable=False),
    sa.Column('problem_1', sa.String(length=300), nullable=False),
    sa.Column('problem_2', sa.String(length=300), nullable=False),
    sa.Column('problem_3', sa.String(length=300), nullable=False),
    sa.Column('goals_2_years', sa.Text(), nullable=False),
    sa.Column('goals_5_years', sa.Text(), nullable=False),
    sa.Column('success_story', sa.Text(), nullable=False),
    sa.Column('next_step', sa.Text(), nullable=False),
    sa.Column('tenant_id', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.CheckConstraint('length(visitors) > 0', name=op.f('ck_visits_visitors_present')),
    sa.ForeignKeyConstraint(['author_id'], ['users.id'], name=op.f('fk_visits_author_id_users'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['company_id'], ['companies.id'], name=op.f('fk_visits_company_id_companies'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['tenant_id'], ['tenants.id'], name=op.f('fk_visits_tenant_id_tenants'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_visits'))
    )
    with op.batch_alter_table('visits', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_visits_company_id'), ['company_id'], unique=False)
        batch_op.create_index('ix_visits_tenant_company_date', ['tenant_id', 'company_id', 'visited_on'], unique=False)
        batch_op.create_index(batch_op.f('ix_visits_tenant_id'), ['tenant_id'], unique=False)

    op.create_table('applications',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('company_name', sa.String(length=200), nullable=False),
    sa.Column('registration_number', sa.String(length=40), nullable=False),
    sa.Column('website', sa.String(length=300), nullable=False),
    sa.Column('contact_name', sa.String(length=200), nullable=False),
    sa.Column('email', sa.String(length=254), nullable=False),
    sa.Column('phone', sa.String(length=50), nullable=False),
    sa.Column('motivation', sa.Text(), nullable=False),
    sa.Column('status', sa.String(length=10), nullable=False),
    sa.Column('reason', sa.Text(), nullable=False),
    sa.Column('decided_by_id', sa.Integer(), nullable=True),
    sa.Column('decided_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('invitation_id', sa.Integer(), nullable=True),
    sa.Column('tenant_id', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.CheckConstraint("status <> 'declined' or length(reason) > 0", name=op.f('ck_applications_declined_with_reason')),
    sa.CheckConstraint("status in ('new', 'accepted', 'declined')", name=op.f('ck_applications_status_known')),
    sa.CheckConstraint('length(company_name) > 0', name=op.f('ck_applications_company_present')),
    sa.CheckConstraint('length(contact_name) > 0', name=op.f('ck_applications_contact_present')),
    sa.ForeignKeyConstraint(['decided_by_id'], ['users.id'], name=op.f('fk_applications_decided_by_id_users'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['invitation_id'], ['invitations.id'], name=op.f('fk_applications_invitation_id_invitations'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['tenant_id'], ['tenants.id'], name=op.f('fk_applications_tenant_id_tenants'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_applications'))
    )
    with op.batch_alter_table('applications', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_applications_tenant_id'), ['tenant_id'], unique=False)
        batch_op.create_index('ix_applications_tenant_status', ['tenant_id', 'status'], unique=False)

    op.create_table('event_attendances',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('event_id', sa.Integer(), nullable=False),
    sa.Column('company_id', sa.Integer(), nullable=False),
    sa.Column('tenant_id', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['company_id'], ['companies.id'], name=op.f('fk_event_attendances_company_id_companies'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['event_id'], ['events.id'], name=op.f('fk_event_attendances_event_id_events'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['tenant_id'], ['tenants.id'], name=op.f('fk_event_attendances_tenant_id_tenants'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_event_attendances')),
    sa.UniqueConstraint('event_id', 'company_id', name=op.f('uq_event_attendances_event_id_company_id'))
    )
    with op.batch_alter_table('event_attendances', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_event_attendances_company_id'), ['company_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_event_attendances_event_id'), ['event_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_event_attendances_tenant_id'), ['tenant_id'], unique=False)

    op.create_table('roadmap_progress',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('step_id', sa.Integer(), nullable=False),
    sa.Column('company_id', sa.Integer(), nullable=False),
    sa.Column('done_by_id', sa.Integer(), nullable=True),
    sa.Column('done_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('tenant_id', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['company_id'], ['companies.id'], name=op.f('fk_roadmap_progress_company_id_companies'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['done_by_id'], ['users.id'], name=op.f('fk_roadmap_progress_done_by_id_users'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['step_id'], ['roadmap_steps.id'], name=op.f('fk_roadmap_progress_step_id_roadmap_steps'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['tenant_id'], ['tenants.id'], name=op.f('fk_roadmap_progress_tenant_id_tenants'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_roadmap_progress')),
    sa.UniqueConstraint('step_id', 'company_id', name=op.f('uq_roadmap_progress_step_id_company_id'))
    )
    with op.batch_alter_table('roadmap_progress', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_roadmap_progress_company_id'), ['company_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_roadmap_progress_step_id'), ['step_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_roadmap_progress_tenant_id'), ['tenant_id'], unique=False)

    op.create_table('service_uses',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('service_id', sa.Integer(), nullable=False),
    sa.Column('company_id', sa.Integer(), nullable=False),
    sa.Column('used_on', sa.Date(), nullable=False),
    sa.Column('recorded_by_id', sa.Integer(), nullable=True),
    sa.Column('tenant_id', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['company_id'], ['companies.id'], name=op.f('fk_service_uses_company_id_companies'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['recorded_by_id'], ['users.id'], name=op.f('fk_service_uses_recorded_by_id_users'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['service_id'], ['services.id'], name=op.f('fk_service_uses_service_id_services'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['tenant_id'], ['tenants.id'], name=op.f('fk_service_uses_tenant_id_tenants'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_service_uses')),
    sa.UniqueConstraint('service_id', 'company_id', 'used_on', name=op.f('uq_service_uses_service_id_company_id_used_on'))
    )
    with op.batch_alter_table('service_uses', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_service_uses_company_id'), ['company_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_service_uses_service_id'), ['service_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_service_uses_tenant_id'), ['tenant_id'], unique=False)
        batch_op.create_index('ix_service_uses_tenant_used_on', ['tenant_id', 'used_on'], unique=False)

    op.create_table('service_feedback',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('use_id', sa.Integer(), nullable=False),
    sa.Column('author_id', sa.Integer(), nullable=True),
    sa.Column('score', sa.Integer(), nullable=False),
    sa.Column('worked', sa.String(length=500), nullable=False),
    sa.Column('change', sa.String(length=500), nullable=False),
    sa.Column('tenant_id', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.CheckConstraint('score between 1 and 5', name=op.f('ck_service_feedback_score_range')),
    sa.ForeignKeyConstraint(['author_id'], ['users.id'], name=op.f('fk_service_feedback_author_id_users'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['tenant_id'], ['tenants.id'], name=op.f('fk_service_feedback_tenant_id_tenants'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['use_id'], ['service_uses.id'], name=op.f('fk_service_feedback_use_id_service_uses'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_service_feedback')),
    sa.UniqueConstraint('use_id', name=op.f('uq_service_feedback_use_id'))
    )
    with op.batch_alter_table('service_feedback', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_service_feedback_tenant_id'), ['tenant_id'], unique=False)

    with op.batch_alter_table('company_memberships', schema=None) as batch_op:
        batch_op.add_column(sa.Column('left_on', sa.Date(), nullable=True))
        batch_op.add_column(sa.Column('left_reason', sa.String(length=10), nullable=True))
        batch_op.create_check_constraint('left_reason_known', "left_reason is null or left_reason in ('left', 'former')")
        batch_op.create_check_constraint('left_with_reason', '(left_on is null) = (left_reason is null)')

    with op.batch_alter_table('memberships', schema=None) as batch_op:
        batch_op.add_column(sa.Column('digest', sa.Boolean(), server_default=sa.false(), nullable=False))

    with op.batch_alter_table('tenants', schema=None) as batch_op:
        batch_op.add_column(sa.Column('segment_new_months', sa.Integer(), server_default='24', nullable=False))
        batch_op.add_column(sa.Column('segment_active_actions', sa.Integer(), server_default='6', nullable=False))
        batch_op.add_column(sa.Column('admission_criteria', sa.Text(), server_default='', nullable=False))
        batch_op.add_column(sa.Column('admissions_open', sa.Boolean(), server_default=sa.true(), nullable=False))
        batch_op.create_check_constraint('segment_new_months_range', 'segment_new_months between 1 and 120')
        batch_op.create_check_constraint('segment_active_actions_range', 'segment_active_actions between 1 and 1000')



def downgrade():
    with op.batch_alter_table('tenants', schema=None) as batch_op:
        batch_op.drop_constraint('segment_new_months_range', type_='check')
        batch_op.drop_constraint('segment_active_actions_range', type_='check')
        batch_op.drop_column('admissions_open')
        batch_op.drop_column('admission_criteria')
        batch_op.drop_column('segment_active_actions')
        batch_op.drop_column('segment_new_months')

    with op.batch_alter_table('memberships', schema=None) as batch_op:
        batch_op.drop_column('digest')

    with op.batch_alter_table('company_memberships', schema=None) as batch_op:
        batch_op.drop_constraint('left_reason_known', type_='check')
        batch_op.drop_constraint('left_with_reason', type_='check')
        batch_op.drop_column('left_reason')
        batch_op.drop_column('left_on')

    with op.batch_alter_table('service_feedback', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_service_feedback_tenant_id'))

    op.drop_table('service_feedback')
    with op.batch_alter_table('service_uses', schema=None) as batch_op:
        batch_op.drop_index('ix_service_uses_tenant_used_on')
        batch_op.drop_index(batch_op.f('ix_service_uses_tenant_id'))
        batch_op.drop_index(batch_op.f('ix_service_uses_service_id'))
        batch_op.drop_index(batch_op.f('ix_service_uses_company_id'))

    op.drop_table('service_uses')
    with op.batch_alter_table('roadmap_progress', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_roadmap_progress_tenant_id'))
        batch_op.drop_index(batch_op.f('ix_roadmap_progress_step_id'))
        batch_op.drop_index(batch_op.f('ix_roadmap_progress_company_id'))

    op.drop_table('roadmap_progress')
    with op.batch_alter_table('event_attendances', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_event_attendances_tenant_id'))
        batch_op.drop_index(batch_op.f('ix_event_attendances_event_id'))
        batch_op.drop_index(batch_op.f('ix_event_attendances_company_id'))

    op.drop_table('event_attendances')
    with op.batch_alter_table('applications', schema=None) as batch_op:
        batch_op.drop_index('ix_applications_tenant_status')
        batch_op.drop_index(batch_op.f('ix_applications_tenant_id'))

    op.drop_table('applications')
    with op.batch_alter_table('visits', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_visits_tenant_id'))
        batch_op.drop_index('ix_visits_tenant_company_date')
        batch_op.drop_index(batch_op.f('ix_visits_company_id'))

    op.drop_table('visits')
    with op.batch_alter_table('success_stories', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_success_stories_tenant_id'))
        batch_op.drop_index(batch_op.f('ix_success_stories_company_id'))

    op.drop_table('success_stories')
    with op.batch_alter_table('sign_ins', schema=None) as batch_op:
        batch_op.drop_index('ix_sign_ins_user_at')

    op.drop_table('sign_ins')
    with op.batch_alter_table('services', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_services_tenant_id'))

    op.drop_table('services')
    with op.batch_alter_table('roadmap_steps', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_roadmap_steps_tenant_id'))

    op.drop_table('roadmap_steps')
    with op.batch_alter_table('news_items', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_news_items_tenant_id'))
        batch_op.drop_index('ix_news_items_tenant_created')

    op.drop_table('news_items')
    with op.batch_alter_table('feedback_reports', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_feedback_reports_tenant_id'))

    op.drop_table('feedback_reports')
    with op.batch_alter_table('events', schema=None) as batch_op:
        batch_op.drop_index('ix_events_tenant_starts_at')
        batch_op.drop_index(batch_op.f('ix_events_tenant_id'))

    op.drop_table('events')
    with op.batch_alter_table('digest_deliveries', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_digest_deliveries_user_id'))
        batch_op.drop_index(batch_op.f('ix_digest_deliveries_tenant_id'))

    op.drop_table('digest_deliveries')
