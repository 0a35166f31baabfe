"""Search documents and terms for the PostgreSQL search backend (tsvector with GIN, pg_trgm for typos)

On SQLite the tables are made without their PostgreSQL indexing and stay empty (Whoosh searches there).

Revision ID: d9a4c6e8b012
Revises: d5a1f3c8e207
Create Date: 2026-12-07 02:40:00.000000

"""
from alembic import op
import sqlalchemy as sa
from sqlalchemy.dialects import postgresql


# revision identifiers, used by Alembic.
revision = 'd9a4c6e8b012'
down_revision = 'd5a1f3c8e207'
branch_labels = None
depends_on = None

WORDS = sa.JSON().with_variant(postgresql.ARRAY(sa.String()), "postgresql")
GIN = {"postgresql_using": "gin"}


def upgrade():
    if op.get_bind().dialect.name == "postgresql":
        op.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")
    op.create_table('search_documents',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('key', sa.String(length=40), nullable=False),
    sa.Column('company_id', sa.Integer(), nullable=False),
    sa.Column('date', sa.DateTime(), nullable=False),
    sa.Column('facets', WORDS, nullable=False),
    sa.Column('vector', sa.Text().with_variant(postgresql.TSVECTOR(), "postgresql"), nullable=False),
    sa.Column('title_terms', WORDS, nullable=False),
    sa.Column('body_terms', WORDS, nullable=False),
    sa.Column('written_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('tenant_id', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['tenant_id'], ['tenants.id'], name=op.f('fk_search_documents_tenant_id_tenants'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_search_documents')),
    sa.UniqueConstraint('tenant_id', 'key', name=op.f('uq_search_documents_tenant_id_key'))
    )
    op.create_index(op.f('ix_search_documents_tenant_id'), 'search_documents', ['tenant_id'])
    for column in ('vector', 'facets', 'title_terms', 'body_terms'):
        op.create_index(f'ix_search_documents_{column}', 'search_documents', [column], **GIN)
    op.create_table('search_terms',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('term', sa.String(length=100), nullable=False),
    sa.Column('tenant_id', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['tenant_id'], ['tenants.id'], name=op.f('fk_search_terms_tenant_id_tenants'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_search_terms')),
    sa.UniqueConstraint('tenant_id', 'term', name=op.f('uq_search_terms_tenant_id_term'))
    )
    op.create_index(op.f('ix_search_terms_tenant_id'), 'search_terms', ['tenant_id'])
    op.create_index(
        'ix_search_terms_trigrams', 'search_terms', ['term'], postgresql_ops={'term': 'gin_trgm_ops'}, **GIN
    )


def downgrade():
    # The documents are made again from the database by `search reindex`; nothing is lost with them.
    # pg_trgm stays installed: other databases' objects may use it, and it costs nothing unused.
    op.drop_table('search_terms')
    op.drop_table('search_documents')
