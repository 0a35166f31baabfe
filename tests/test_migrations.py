"""The migrations build the schema the models describe, on an empty database of each backend."""

from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from flask_migrate import downgrade, upgrade

from clusterhub import create_app
from clusterhub.extensions import db
from tests.conftest import app_config


def _differences(app) -> list:
    with app.app_context(), db.engine.connect() as connection:
        context = MigrationContext.configure(connection, opts={"compare_type": True})
        return compare_metadata(context, db.metadata)


def test_upgrade_on_an_empty_database_matches_the_models(fresh_database, tmp_path):
    app = create_app(app_config(fresh_database("migrations_check"), tmp_path))
    with app.app_context():
        upgrade()
    assert _differences(app) == []


def test_downgrade_to_nothing_and_back_up_again(fresh_database, tmp_path):
    app = create_app(app_config(fresh_database("migrations_roundtrip"), tmp_path))
    with app.app_context():
        upgrade()
        downgrade(revision="base")
        upgrade()
    assert _differences(app) == []


def test_upgrading_a_database_with_data_keeps_every_row(fresh_database, tmp_path):
    # Before the cluster-management migration, which changes the `tenants` table itself: on SQLite that
    # means copying the table and dropping the original, which must not take the rows that refer to it.
    app = create_app(app_config(fresh_database("migrations_data"), tmp_path))
    with app.app_context():
        upgrade(revision="39b1ab6ec49b")
        with db.engine.begin() as connection:
            for statement in KEPT_ROWS:
                connection.exec_driver_sql(statement)
        upgrade()
        with db.engine.connect() as connection:
            counts = {
                table: _count(connection, table) for table in ("memberships", "company_memberships", "posts")
            }
    assert counts == {"memberships": 1, "company_memberships": 1, "posts": 1}


KEPT = ("memberships", "company_memberships", "posts")
KEPT_ROWS = (
    "insert into tenants (id, slug, name, name_sort, description, vision, sector, region, active, created_at)"
    " values (1, 'alfa', 'Alfa', 'alfa', '', '', '', '', true, '2026-01-01')",
    "insert into users (id, email, name, name_sort, password_hash, language, is_admin, is_organiser, active,"
    " created_at) values (1, 'a@alfa.lv', 'A', 'a', 'x', 'lv', false, false, true, '2026-01-01')",
    "insert into companies (id, name, name_sort, description, website, infrastructure,"
    " development_directions, partnership_interests, other_clusters, created_at, updated_at)"
    " values (1, 'SIA A', 'sia a', '', '', '', '', '', '', '2026-01-01', '2026-01-01')",
    "insert into memberships (id, tenant_id, user_id, role, company_id, created_at)"
    " values (1, 1, 1, 'member', 1, '2026-01-01')",
    "insert into company_memberships (id, tenant_id, company_id, member_since, created_at)"
    " values (1, 1, 1, '2026-01-01', '2026-01-01')",
    "insert into posts (id, tenant_id, company_id, kind, category, title, title_folded, body, status,"
    " created_at, updated_at) values (1, 1, 1, 'need', 'other', 'Vajadzība', 'vajadziba', '', 'open',"
    " '2026-01-01', '2026-01-01')",
)


def _count(connection, table: str) -> int:
    return connection.exec_driver_sql(f"select count(*) from {table}").scalar()
