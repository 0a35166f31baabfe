"""joint visits and trade missions: cross-cluster events of kind visit or mission, hosted by a cluster

Revision ID: d5a1f3c8e207
Revises: f7c3d4e5a8b9
Create Date: 2026-12-07 03:20:00

"""

import sqlalchemy as sa
from alembic import op

# revision identifiers, used by Alembic.
revision = "d5a1f3c8e207"
down_revision = "f7c3d4e5a8b9"
branch_labels = None
depends_on = None

CLUSTER = "'member_meeting', 'breakfast', 'general_meeting', 'training', 'other'"


def _kinds(cross: str) -> None:
    with op.batch_alter_table("events", schema=None) as batch_op:
        batch_op.drop_constraint("conference_has_no_cluster", type_="check")
        batch_op.drop_constraint("kind_known", type_="check")
        batch_op.create_check_constraint("kind_known", f"kind in ({CLUSTER}, {cross})")
        batch_op.create_check_constraint(
            "conference_has_no_cluster",
            f"(tenant_id is null and kind in ({cross}) and organiser_id is not null)"
            f" or (tenant_id is not null and kind not in ({cross}))",
        )


def upgrade():
    _kinds("'conference', 'visit', 'mission'")
    with op.batch_alter_table("events", schema=None) as batch_op:
        batch_op.add_column(sa.Column("host_tenant_id", sa.Integer(), nullable=True))
        batch_op.create_index(batch_op.f("ix_events_host_tenant_id"), ["host_tenant_id"], unique=False)
        batch_op.create_foreign_key(
            batch_op.f("fk_events_host_tenant_id_tenants"),
            "tenants",
            ["host_tenant_id"],
            ["id"],
            ondelete="CASCADE",
        )
        batch_op.create_check_constraint(
            "visit_has_host",
            "(kind in ('visit', 'mission') and host_tenant_id is not null)"
            " or (kind not in ('visit', 'mission') and host_tenant_id is null)",
        )


def downgrade():
    # The older schema has no visits or missions; their rows (participants, meetings) go with them.
    for table in ("meeting_seats", "meetings", "participants", "meeting_windows", "event_clusters"):
        op.execute(
            f"delete from {table} where event_id in (select id from events where host_tenant_id is not null)"
        )
    op.execute("delete from events where host_tenant_id is not null")
    with op.batch_alter_table("events", schema=None) as batch_op:
        batch_op.drop_constraint("visit_has_host", type_="check")
        batch_op.drop_constraint(batch_op.f("fk_events_host_tenant_id_tenants"), type_="foreignkey")
        batch_op.drop_index(batch_op.f("ix_events_host_tenant_id"))
        batch_op.drop_column("host_tenant_id")
    _kinds("'conference'")
