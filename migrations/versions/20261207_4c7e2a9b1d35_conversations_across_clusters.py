"""Conversations across clusters: the requests to get in touch become threads of messages between two companies

Revision ID: 4c7e2a9b1d35
Revises: d9a4c6e8b012
Create Date: 2026-12-07 05:30:00.000000

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '4c7e2a9b1d35'
down_revision = 'd9a4c6e8b012'
branch_labels = None
depends_on = None

# A request written before its message was required: the thread keeps that the company wrote.
NO_MESSAGE = "—"

requests = sa.table(
    'network_requests',
    sa.column('id', sa.Integer), sa.column('from_company_id', sa.Integer), sa.column('from_tenant_id', sa.Integer),
    sa.column('to_company_id', sa.Integer), sa.column('to_tenant_id', sa.Integer),
    sa.column('author_id', sa.Integer), sa.column('message', sa.Text), sa.column('created_at', sa.DateTime(timezone=True)),
)
threads = sa.table(
    'network_threads',
    sa.column('id', sa.Integer), sa.column('starter_company_id', sa.Integer), sa.column('starter_tenant_id', sa.Integer),
    sa.column('other_company_id', sa.Integer), sa.column('other_tenant_id', sa.Integer),
    sa.column('last_message_at', sa.DateTime(timezone=True)), sa.column('created_at', sa.DateTime(timezone=True)),
)
messages = sa.table(
    'network_messages',
    sa.column('id', sa.Integer), sa.column('thread_id', sa.Integer), sa.column('company_id', sa.Integer),
    sa.column('author_id', sa.Integer), sa.column('body', sa.Text), sa.column('created_at', sa.DateTime(timezone=True)),
)


def _create_conversations():
    op.create_table('network_threads',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('starter_company_id', sa.Integer(), nullable=False),
    sa.Column('starter_tenant_id', sa.Integer(), nullable=False),
    sa.Column('other_company_id', sa.Integer(), nullable=False),
    sa.Column('other_tenant_id', sa.Integer(), nullable=False),
    sa.Column('last_message_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.CheckConstraint('starter_company_id <> other_company_id', name=op.f('ck_network_threads_two_companies')),
    sa.ForeignKeyConstraint(['other_company_id'], ['companies.id'], name=op.f('fk_network_threads_other_company_id_companies'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['other_tenant_id'], ['tenants.id'], name=op.f('fk_network_threads_other_tenant_id_tenants'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['starter_company_id'], ['companies.id'], name=op.f('fk_network_threads_starter_company_id_companies'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['starter_tenant_id'], ['tenants.id'], name=op.f('fk_network_threads_starter_tenant_id_tenants'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_network_threads')),
    sa.UniqueConstraint('starter_company_id', 'other_company_id', name=op.f('uq_network_threads_starter_company_id_other_company_id'))
    )
    with op.batch_alter_table('network_threads', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_network_threads_other_company_id'), ['other_company_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_network_threads_starter_company_id'), ['starter_company_id'], unique=False)

    op.create_table('network_messages',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('thread_id', sa.Integer(), nullable=False),
    sa.Column('company_id', sa.Integer(), nullable=False),
    sa.Column('author_id', sa.Integer(), nullable=True),
    sa.Column('body', sa.Text(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.CheckConstraint('length(body) > 0 and length(body) <= 2000', name=op.f('ck_network_messages_body_length')),
    sa.ForeignKeyConstraint(['author_id'], ['users.id'], name=op.f('fk_network_messages_author_id_users'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['company_id'], ['companies.id'], name=op.f('fk_network_messages_company_id_companies'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['thread_id'], ['network_threads.id'], name=op.f('fk_network_messages_thread_id_network_threads'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_network_messages'))
    )
    with op.batch_alter_table('network_messages', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_network_messages_thread_id'), ['thread_id'], unique=False)


def _create_requests():
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


def _drop(table, indexes):
    with op.batch_alter_table(table, schema=None) as batch_op:
        for name in indexes:
            batch_op.drop_index(batch_op.f(name))
    op.drop_table(table)


def upgrade():
    _create_conversations()
    connection = op.get_bind()
    # Oldest request first: it started the thread; the other company's request, if any, is its answer.
    rows = connection.execute(sa.select(requests).order_by(requests.c.created_at, requests.c.id)).mappings().all()
    started = {}
    for number, row in enumerate(rows, 1):
        pair = frozenset((row['from_company_id'], row['to_company_id']))
        if pair not in started:
            started[pair] = len(started) + 1
            connection.execute(threads.insert().values(
                id=started[pair], starter_company_id=row['from_company_id'], starter_tenant_id=row['from_tenant_id'],
                other_company_id=row['to_company_id'], other_tenant_id=row['to_tenant_id'],
                last_message_at=row['created_at'], created_at=row['created_at'],
            ))
        else:
            connection.execute(threads.update().where(threads.c.id == started[pair]).values(last_message_at=row['created_at']))
        connection.execute(messages.insert().values(
            id=number, thread_id=started[pair], company_id=row['from_company_id'], author_id=row['author_id'],
            body=row['message'].strip() or NO_MESSAGE, created_at=row['created_at'],
        ))
    if connection.dialect.name == 'postgresql':
        for table in ('network_threads', 'network_messages'):
            connection.execute(sa.text(f"select setval(pg_get_serial_sequence('{table}', 'id'), coalesce(max(id), 1)) from {table}"))
    _drop('network_requests', ('ix_network_requests_to_company_id', 'ix_network_requests_from_company_id'))


def downgrade():
    _create_requests()
    connection = op.get_bind()
    # Each company's first message of a thread is its request, sent to the other company of the thread.
    firsts = (
        sa.select(messages.c.thread_id, messages.c.company_id, sa.func.min(messages.c.id).label('id'))
        .group_by(messages.c.thread_id, messages.c.company_id).subquery()
    )
    rows = connection.execute(
        sa.select(
            messages.c.company_id, messages.c.author_id, messages.c.body, messages.c.created_at,
            threads.c.starter_company_id, threads.c.starter_tenant_id, threads.c.other_company_id, threads.c.other_tenant_id,
        )
        .select_from(messages).join(firsts, firsts.c.id == messages.c.id)
        .join(threads, threads.c.id == messages.c.thread_id).order_by(messages.c.id)
    ).mappings().all()
    for number, row in enumerate(rows, 1):
        starter = row['company_id'] == row['starter_company_id']
        connection.execute(requests.insert().values(
            id=number,
            from_company_id=row['company_id'],
            from_tenant_id=row['starter_tenant_id'] if starter else row['other_tenant_id'],
            to_company_id=row['other_company_id'] if starter else row['starter_company_id'],
            to_tenant_id=row['other_tenant_id'] if starter else row['starter_tenant_id'],
            author_id=row['author_id'],
            message=row['body'][:2000],
            created_at=row['created_at'],
        ))
    if connection.dialect.name == 'postgresql':
        connection.execute(sa.text("select setval(pg_get_serial_sequence('network_requests', 'id'), coalesce(max(id), 1)) from network_requests"))
    _drop('network_messages', ('ix_network_messages_thread_id',))
    _drop('network_threads', ('ix_network_threads_starter_company_id', 'ix_network_threads_other_company_id'))
