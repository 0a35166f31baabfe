"""companies sorted without their legal form

Revision ID: a3d9e1f7c482
Revises: a9b0c1d2e345
Create Date: 2026-12-07 02:30:00

"""

import sqlalchemy as sa
from alembic import op

from clusterhub.collation import company_sort_key, latvian_sort_key

# revision identifiers, used by Alembic.
revision = "a3d9e1f7c482"
down_revision = "a9b0c1d2e345"
branch_labels = None
depends_on = None

companies = sa.table(
    "companies", sa.column("id", sa.Integer), sa.column("name", sa.String), sa.column("name_sort", sa.String)
)


def _rewrite(key) -> None:
    # The app's own key functions, not frozen copies: the stored key must be the one the model writes on
    # save, or a company would no longer be found by its own name.
    connection = op.get_bind()
    for company_id, name in connection.execute(sa.select(companies.c.id, companies.c.name)).all():
        connection.execute(companies.update().where(companies.c.id == company_id).values(name_sort=key(name)))


def upgrade():
    _rewrite(company_sort_key)


def downgrade():
    _rewrite(latvian_sort_key)
