"""inter-cluster conferences

Revision ID: 9a275609eac7
Revises: 4148aa637a14
Create Date: 2026-11-24 01:51:57.552481

"""

from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = "9a275609eac7"
down_revision = "4148aa637a14"
branch_labels = None
depends_on = None


def upgrade():
    op.create_table(
        "event_clusters",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("event_id", sa.Integer(), nullable=False),
        sa.Column("quota", sa.Integer(), nullable=False),
        sa.Column("tenant_id", sa.Integer(), nullable=False),
        sa.CheckConstraint("quota between 1 and 1000", name=op.f("ck_event_clusters_quota_range")),
        sa.ForeignKeyConstraint(
            ["event_id"], ["events.id"], name=op.f("fk_event_clusters_event_id_events"), ondelete="CASCADE"
        ),
        sa.ForeignKeyConstraint(
            ["tenant_id"],
            ["tenants.id"],
            name=op.f("fk_event_clusters_tenant_id_tenants"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_event_clusters")),
        sa.UniqueConstraint("event_id", "tenant_id", name=op.f("uq_event_clusters_event_id_tenant_id")),
    )
    with op.batch_alter_table("event_clusters", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_event_clusters_event_id"), ["event_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_event_clusters_tenant_id"), ["tenant_id"], unique=False)

    op.create_table(
        "meeting_windows",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("event_id", sa.Integer(), nullable=False),
        sa.Column("starts_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("ends_at", sa.DateTime(timezone=True), nullable=False),
        sa.CheckConstraint("ends_at > starts_at", name=op.f("ck_meeting_windows_ends_after_start")),
        sa.ForeignKeyConstraint(
            ["event_id"], ["events.id"], name=op.f("fk_meeting_windows_event_id_events"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_meeting_windows")),
    )
    with op.batch_alter_table("meeting_windows", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_meeting_windows_event_id"), ["event_id"], unique=False)

    op.create_table(
        "participants",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("event_id", sa.Integer(), nullable=False),
        sa.Column("company_id", sa.Integer(), nullable=False),
        sa.Column("status", sa.String(length=20), nullable=False),
        sa.Column("requested_by_id", sa.Integer(), nullable=True),
        sa.Column("user_id", sa.Integer(), nullable=True),
        sa.Column("seeks", sa.Text(), server_default="", nullable=False),
        sa.Column("offers", sa.Text(), server_default="", nullable=False),
        sa.Column("interests", sa.Text(), server_default="", nullable=False),
        sa.Column("consented_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("show_description", sa.Boolean(), server_default=sa.false(), nullable=False),
        sa.Column("show_website", sa.Boolean(), server_default=sa.false(), nullable=False),
        sa.Column("show_region", sa.Boolean(), server_default=sa.false(), nullable=False),
        sa.Column("show_size", sa.Boolean(), server_default=sa.false(), nullable=False),
        sa.Column("show_roles", sa.Boolean(), server_default=sa.false(), nullable=False),
        sa.Column("show_contact", sa.Boolean(), server_default=sa.false(), nullable=False),
        sa.Column("rating", sa.Integer(), nullable=True),
        sa.Column("rating_comment", sa.Text(), server_default="", nullable=False),
        sa.Column("tenant_id", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.CheckConstraint(
            "status <> 'registered' or (user_id is not null and consented_at is not null)",
            name=op.f("ck_participants_registered_has_person_and_consent"),
        ),
        sa.CheckConstraint(
            "status in ('requested', 'nominated', 'registered')", name=op.f("ck_participants_status_known")
        ),
        sa.CheckConstraint(
            "rating is null or rating between 1 and 5", name=op.f("ck_participants_rating_range")
        ),
        sa.ForeignKeyConstraint(
            ["company_id"],
            ["companies.id"],
            name=op.f("fk_participants_company_id_companies"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["event_id"], ["events.id"], name=op.f("fk_participants_event_id_events"), ondelete="CASCADE"
        ),
        sa.ForeignKeyConstraint(
            ["requested_by_id"],
            ["users.id"],
            name=op.f("fk_participants_requested_by_id_users"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["tenant_id"], ["tenants.id"], name=op.f("fk_participants_tenant_id_tenants"), ondelete="CASCADE"
        ),
        sa.ForeignKeyConstraint(
            ["user_id"], ["users.id"], name=op.f("fk_participants_user_id_users"), ondelete="SET NULL"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_participants")),
        sa.UniqueConstraint("event_id", "company_id", name=op.f("uq_participants_event_id_company_id")),
    )
    with op.batch_alter_table("participants", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_participants_company_id"), ["company_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_participants_event_id"), ["event_id"], unique=False)
        batch_op.create_index("ix_participants_event_tenant", ["event_id", "tenant_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_participants_tenant_id"), ["tenant_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_participants_user_id"), ["user_id"], unique=False)

    op.create_table(
        "meetings",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("event_id", sa.Integer(), nullable=False),
        sa.Column("requester_id", sa.Integer(), nullable=False),
        sa.Column("invitee_id", sa.Integer(), nullable=False),
        sa.Column("proposed_by_id", sa.Integer(), nullable=False),
        sa.Column("starts_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("status", sa.String(length=20), nullable=False),
        sa.Column("table_no", sa.Integer(), nullable=True),
        sa.Column("message", sa.Text(), server_default="", nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("requester_followed_up", sa.Boolean(), nullable=True),
        sa.Column("invitee_followed_up", sa.Boolean(), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.CheckConstraint(
            "status <> 'accepted' or table_no is not null", name=op.f("ck_meetings_accepted_has_table")
        ),
        sa.CheckConstraint(
            "status in ('pending', 'accepted', 'declined', 'cancelled')",
            name=op.f("ck_meetings_status_known"),
        ),
        sa.CheckConstraint("requester_id <> invitee_id", name=op.f("ck_meetings_two_participants")),
        sa.CheckConstraint("table_no is null or table_no >= 1", name=op.f("ck_meetings_table_positive")),
        sa.ForeignKeyConstraint(
            ["event_id"], ["events.id"], name=op.f("fk_meetings_event_id_events"), ondelete="CASCADE"
        ),
        sa.ForeignKeyConstraint(
            ["invitee_id"],
            ["participants.id"],
            name=op.f("fk_meetings_invitee_id_participants"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["proposed_by_id"],
            ["participants.id"],
            name=op.f("fk_meetings_proposed_by_id_participants"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["requester_id"],
            ["participants.id"],
            name=op.f("fk_meetings_requester_id_participants"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_meetings")),
    )
    with op.batch_alter_table("meetings", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_meetings_event_id"), ["event_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_meetings_invitee_id"), ["invitee_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_meetings_requester_id"), ["requester_id"], unique=False)
        batch_op.create_index(
            "uq_meetings_event_slot_table",
            ["event_id", "starts_at", "table_no"],
            unique=True,
            sqlite_where=sa.text("status = 'accepted'"),
            postgresql_where=sa.text("status = 'accepted'"),
        )

    op.create_table(
        "meeting_seats",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("meeting_id", sa.Integer(), nullable=False),
        sa.Column("event_id", sa.Integer(), nullable=False),
        sa.Column("user_id", sa.Integer(), nullable=False),
        sa.Column("starts_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["event_id"], ["events.id"], name=op.f("fk_meeting_seats_event_id_events"), ondelete="CASCADE"
        ),
        sa.ForeignKeyConstraint(
            ["meeting_id"],
            ["meetings.id"],
            name=op.f("fk_meeting_seats_meeting_id_meetings"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["user_id"], ["users.id"], name=op.f("fk_meeting_seats_user_id_users"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_meeting_seats")),
        sa.UniqueConstraint(
            "event_id", "user_id", "starts_at", name=op.f("uq_meeting_seats_event_id_user_id_starts_at")
        ),
    )
    with op.batch_alter_table("meeting_seats", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_meeting_seats_meeting_id"), ["meeting_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_meeting_seats_user_id"), ["user_id"], unique=False)

    with op.batch_alter_table("events", schema=None) as batch_op:
        batch_op.add_column(sa.Column("organiser_id", sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column("registration_closes_at", sa.DateTime(timezone=True), nullable=True))
        batch_op.add_column(sa.Column("default_quota", sa.Integer(), server_default="10", nullable=False))
        batch_op.add_column(sa.Column("slot_minutes", sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column("tables", sa.Integer(), nullable=True))
        batch_op.alter_column("tenant_id", existing_type=sa.INTEGER(), nullable=True)
        batch_op.create_index(batch_op.f("ix_events_organiser_id"), ["organiser_id"], unique=False)
        batch_op.create_foreign_key(
            batch_op.f("fk_events_organiser_id_users"), "users", ["organiser_id"], ["id"], ondelete="RESTRICT"
        )
        batch_op.drop_constraint("kind_known", type_="check")
        batch_op.create_check_constraint(
            "kind_known",
            "kind in ('member_meeting', 'breakfast', 'general_meeting', 'training', 'other', 'conference')",
        )
        batch_op.create_check_constraint(
            "conference_has_no_cluster",
            "(tenant_id is null and kind = 'conference' and organiser_id is not null)"
            " or (tenant_id is not null and kind <> 'conference')",
        )
        batch_op.create_check_constraint(
            "slot_minutes_range", "slot_minutes is null or slot_minutes between 5 and 240"
        )
        batch_op.create_check_constraint("tables_range", "tables is null or tables between 1 and 500")
        batch_op.create_check_constraint("default_quota_range", "default_quota between 1 and 1000")


def downgrade():
    # Conferences have no cluster, which the earlier schema cannot hold.
    op.execute("delete from events where tenant_id is null")
    with op.batch_alter_table("events", schema=None) as batch_op:
        for name in (
            "default_quota_range",
            "tables_range",
            "slot_minutes_range",
            "conference_has_no_cluster",
            "kind_known",
        ):
            batch_op.drop_constraint(name, type_="check")
        batch_op.create_check_constraint(
            "kind_known", "kind in ('member_meeting', 'breakfast', 'general_meeting', 'training', 'other')"
        )
        batch_op.drop_constraint(batch_op.f("fk_events_organiser_id_users"), type_="foreignkey")
        batch_op.drop_index(batch_op.f("ix_events_organiser_id"))
        batch_op.alter_column("tenant_id", existing_type=sa.INTEGER(), nullable=False)
        batch_op.drop_column("tables")
        batch_op.drop_column("slot_minutes")
        batch_op.drop_column("default_quota")
        batch_op.drop_column("registration_closes_at")
        batch_op.drop_column("organiser_id")

    with op.batch_alter_table("meeting_seats", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_meeting_seats_user_id"))
        batch_op.drop_index(batch_op.f("ix_meeting_seats_meeting_id"))

    op.drop_table("meeting_seats")
    with op.batch_alter_table("meetings", schema=None) as batch_op:
        batch_op.drop_index(
            "uq_meetings_event_slot_table",
            sqlite_where=sa.text("status = 'accepted'"),
            postgresql_where=sa.text("status = 'accepted'"),
        )
        batch_op.drop_index(batch_op.f("ix_meetings_requester_id"))
        batch_op.drop_index(batch_op.f("ix_meetings_invitee_id"))
        batch_op.drop_index(batch_op.f("ix_meetings_event_id"))

    op.drop_table("meetings")
    with op.batch_alter_table("participants", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_participants_user_id"))
        batch_op.drop_index(batch_op.f("ix_participants_tenant_id"))
        batch_op.drop_index("ix_participants_event_tenant")
        batch_op.drop_index(batch_op.f("ix_participants_event_id"))
        batch_op.drop_index(batch_op.f("ix_participants_company_id"))

    op.drop_table("participants")
    with op.batch_alter_table("meeting_windows", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_meeting_windows_event_id"))

    op.drop_table("meeting_windows")
    with op.batch_alter_table("event_clusters", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_event_clusters_tenant_id"))
        batch_op.drop_index(batch_op.f("ix_event_clusters_event_id"))

    op.drop_table("event_clusters")
