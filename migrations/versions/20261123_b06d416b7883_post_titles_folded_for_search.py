"""post titles folded for search

Revision ID: b06d416b7883
Revises: 8cc8ac7be854
Create Date: 2026-11-23 19:27:31.132215

"""

import unicodedata

import sqlalchemy as sa
from alembic import op

# revision identifiers, used by Alembic.
revision = "b06d416b7883"
down_revision = "8cc8ac7be854"
branch_labels = None
depends_on = None

posts = sa.table("posts", sa.column("id", sa.Integer), sa.column("title", sa.String),
                 sa.column("title_folded", sa.String))


def _fold(text: str) -> str:
    # Frozen copy of clusterhub.collation.fold as it was when this migration was written.
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(char for char in decomposed if not unicodedata.combining(char))


def upgrade():
    with op.batch_alter_table("posts", schema=None) as batch_op:
        batch_op.add_column(sa.Column("title_folded", sa.String(length=400), nullable=False, server_default=""))
    connection = op.get_bind()
    for post_id, title in connection.execute(sa.select(posts.c.id, posts.c.title)).all():
        connection.execute(posts.update().where(posts.c.id == post_id).values(title_folded=_fold(title)))
    with op.batch_alter_table("posts", schema=None) as batch_op:
        batch_op.alter_column("title_folded", server_default=None)


def downgrade():
    with op.batch_alter_table("posts", schema=None) as batch_op:
        batch_op.drop_column("title_folded")
