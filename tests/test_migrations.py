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
