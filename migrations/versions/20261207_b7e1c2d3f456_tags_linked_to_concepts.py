"""Tags linked to concepts: each company and post tag names the concept its words stand for, if any

Revision ID: b7e1c2d3f456
Revises: a5eb17c9d345
Create Date: 2026-12-07 00:30:00.000000

"""
from alembic import op
import sqlalchemy as sa

from search.analysis import terms


# revision identifiers, used by Alembic.
revision = 'b7e1c2d3f456'
down_revision = 'a5eb17c9d345'
branch_labels = None
depends_on = None

TAGS = ('company_tags', 'post_tags')


def upgrade():
    for table in TAGS:
        with op.batch_alter_table(table, schema=None) as batch_op:
            batch_op.add_column(sa.Column('concept_id', sa.Integer(), nullable=True))
            batch_op.create_index(batch_op.f(f'ix_{table}_concept_id'), ['concept_id'], unique=False)
            batch_op.create_foreign_key(
                batch_op.f(f'fk_{table}_concept_id_concepts'), 'concepts', ['concept_id'], ['id'], ondelete='SET NULL'
            )
    _link_existing_tags()


def _link_existing_tags():
    """A tag whose words, analysed as search text is, are a concept's form: the shared vocabulary's, or
    (for a post's tag) its cluster's own word. The first form stored wins, as in the app."""
    connection = op.get_bind()
    shared = _forms(connection.execute(sa.text('select terms, concept_id from concept_forms order by id')))
    own = {}
    for tenant_id, found, concept_id in connection.execute(
        sa.text('select tenant_id, terms, concept_id from cluster_concept_forms order by id')
    ):
        own.setdefault(tenant_id, {}).setdefault(found, concept_id)
    for tag_id, name in connection.execute(sa.text('select id, name from company_tags')):
        _link(connection, 'company_tags', tag_id, shared.get(' '.join(terms(name))))
    for tag_id, name, tenant_id in connection.execute(sa.text('select id, name, tenant_id from post_tags')):
        analysed = ' '.join(terms(name))
        _link(connection, 'post_tags', tag_id, shared.get(analysed, own.get(tenant_id, {}).get(analysed)))


def _forms(rows) -> dict:
    found = {}
    for analysed, concept_id in rows:
        found.setdefault(analysed, concept_id)
    return found


def _link(connection, table, tag_id, concept_id):
    if concept_id is not None:
        connection.execute(
            sa.text(f'update {table} set concept_id = :concept_id where id = :id'),
            {'concept_id': concept_id, 'id': tag_id},
        )


def downgrade():
    for table in TAGS:
        with op.batch_alter_table(table, schema=None) as batch_op:
            batch_op.drop_constraint(batch_op.f(f'fk_{table}_concept_id_concepts'), type_='foreignkey')
            batch_op.drop_index(batch_op.f(f'ix_{table}_concept_id'))
            batch_op.drop_column('concept_id')
