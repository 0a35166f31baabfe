"""The migrations build the schema the models describe, and keep the data of a database already in use:
upgrading from every earlier revision to head, and downgrading one step from every revision and back."""

import itertools
from datetime import timedelta
from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from alembic.script import ScriptDirectory
from flask_migrate import downgrade, upgrade
from sqlalchemy import CheckConstraint, event, text

from clusterhub import create_app
from clusterhub.collation import company_sort_key, latvian_sort_key
from clusterhub.extensions import db
from search.analysis import terms
from tests.conftest import app_config
from tests.migration_data import WHEN, fill, missing, schema, snapshot

# Oldest first; read from the migrations folder, so a new migration is tested without a word here.
REVISIONS = [
    script.revision
    for script in reversed(
        list(ScriptDirectory(str(Path(__file__).parent.parent / "migrations")).walk_revisions())
    )
]

# What a downgrade cannot keep, because the older schema has no place for it.
GONE_ON_DOWNGRADE = {
    # Conferences belong to no cluster; before them every event had one.
    "9a275609eac7": lambda table, row: table == "events" and row["tenant_id"] is None,
    # Visits and missions are hosted by a cluster; before them only conferences crossed clusters.
    "d5a1f3c8e207": lambda table, row: table == "events" and row["kind"] == "visit",
}

DATABASE_NUMBERS = itertools.count(1)


@pytest.fixture
def migrating_app(fresh_database, tmp_path):
    """An app on its own empty database, inside an app context."""
    app = create_app(app_config(fresh_database(f"migrations_{next(DATABASE_NUMBERS)}"), tmp_path))
    with app.app_context():
        if db.engine.dialect.name == "sqlite":
            event.listen(db.engine, "connect", _without_waiting_for_the_disk)
        yield app
        db.engine.dispose()


def _without_waiting_for_the_disk(dbapi_connection, connection_record) -> None:
    # SQLite commits every DDL statement of a migration on its own; on a busy machine waiting for each to
    # reach the disk made these tests several times slower. The databases are thrown away anyway.
    dbapi_connection.execute("PRAGMA synchronous=OFF")


def _differences() -> list:
    with db.engine.connect() as connection:
        context = MigrationContext.configure(connection, opts={"compare_type": True})
        return compare_metadata(context, db.metadata)


def _filled_at(revision: str) -> dict:
    """Upgrades the empty database to `revision`, fills every table and returns what it holds."""
    upgrade(revision=revision)
    with db.engine.begin() as connection:
        fill(connection)
    return _rows()


def _rows() -> dict:
    with db.engine.connect() as connection:
        return snapshot(connection)


def _schema() -> dict:
    with db.engine.connect() as connection:
        return schema(connection)


def test_upgrade_on_an_empty_database_matches_the_models(migrating_app):
    upgrade()
    assert _differences() == []
    # Alembic compares no CHECK constraints, and its autogenerate writes none for columns added to a table.
    checks = {table: shape["checks"] for table, shape in _schema().items()}
    assert checks == {
        table.name: sorted(check.name for check in table.constraints if isinstance(check, CheckConstraint))
        for table in db.metadata.sorted_tables
    }


@pytest.mark.parametrize("revision", REVISIONS[:-1])
def test_upgrading_a_database_with_data_from_an_earlier_revision_keeps_every_row(migrating_app, revision):
    filled = _filled_at(revision)
    upgrade()
    assert missing(filled, _rows()) == []


@pytest.mark.parametrize("revision", REVISIONS)
def test_downgrading_one_step_and_back_keeps_the_rows_the_older_schema_can_hold(migrating_app, revision):
    filled = _filled_at(revision)
    shape = _schema()
    downgrade(revision="-1")
    downgraded = _rows()
    assert missing(filled, downgraded, GONE_ON_DOWNGRADE.get(revision, lambda table, row: False)) == []
    upgrade(revision=revision)
    assert missing(downgraded, _rows()) == []
    assert _schema() == shape


def test_tags_are_linked_to_the_concepts_their_words_name_and_kept_when_downgraded(migrating_app):
    _filled_at("a5eb17c9d345")
    with db.engine.begin() as connection:
        connection.execute(
            text("update concept_forms set terms = :terms"), {"terms": " ".join(terms("Krāsu korekcija"))}
        )
        connection.execute(text("update cluster_concept_forms set terms = 'zinatn'"))
        connection.execute(text("update company_tags set name = 'KRĀSU KOREKCIJU'"))
        connection.execute(text("update post_tags set name = 'Zinātne'"))
        connection.execute(
            text("insert into post_tags (id, post_id, name, key, tenant_id) values (2, 1, 'Čiekuri', 'c', 1)")
        )

    upgrade()
    linked = "select name, concept_id from {} order by id"
    with db.engine.connect() as connection:
        assert connection.execute(text(linked.format("company_tags"))).all() == [("KRĀSU KOREKCIJU", 2)]
        assert connection.execute(text(linked.format("post_tags"))).all() == [
            ("Zinātne", 1),
            ("Čiekuri", None),
        ]

    downgrade(revision="a5eb17c9d345")
    with db.engine.connect() as connection:
        assert connection.execute(text("select name from post_tags order by id")).scalars().all() == [
            "Zinātne",
            "Čiekuri",
        ]
        assert "concept_id" not in connection.execute(text("select * from company_tags")).keys()


def test_company_sort_keys_leave_out_the_legal_form_and_come_back_when_downgraded(migrating_app):
    _filled_at("c8f2d3e4a567")
    names = {1: "AS Rīgas Kinostudija", 2: "Bites, SIA"}
    with db.engine.begin() as connection:
        for company_id, name in names.items():
            connection.execute(
                text("update companies set name = :name, name_sort = :key where id = :id"),
                {"name": name, "key": latvian_sort_key(name), "id": company_id},
            )
    keys = "select name_sort from companies order by id"

    upgrade()
    with db.engine.connect() as connection:
        upgraded = connection.execute(text(keys)).scalars().all()
    assert upgraded == [company_sort_key("Rīgas Kinostudija AS"), company_sort_key("SIA Bites")]
    assert upgraded[0].startswith(latvian_sort_key("Rīgas Kinostudija")[:-1])  # under R, not A

    downgrade(revision="c8f2d3e4a567")
    with db.engine.connect() as connection:
        assert connection.execute(text(keys)).scalars().all() == [latvian_sort_key(n) for n in names.values()]


def test_requests_to_get_in_touch_become_conversations_and_come_back_when_downgraded(migrating_app):
    _filled_at("d9a4c6e8b012")  # company 1 asked company 2 (the filled row)
    with db.engine.begin() as connection:
        connection.execute(
            text(
                "insert into network_requests (id, from_company_id, from_tenant_id, to_company_id,"
                " to_tenant_id, author_id, message, created_at)"
                " values (2, 2, 1, 1, 1, 2, 'Jā, zvaniet!', :later)"
            ),
            {"later": WHEN + timedelta(hours=1)},
        )
    first = "Čiekurs ābele's <b>network_requests.message</b> 1"

    upgrade()
    with db.engine.begin() as connection:
        assert connection.execute(
            text("select starter_company_id, other_company_id from network_threads")
        ).all() == [(1, 2)]
        said = "select thread_id, company_id, author_id, body from network_messages order by id"
        assert connection.execute(text(said)).all() == [(1, 1, 1, first), (1, 2, 2, "Jā, zvaniet!")]
        # A conversation goes on after the migration: a later message is no request when downgraded.
        connection.execute(
            text(
                "insert into network_messages (id, thread_id, company_id, author_id, body, created_at)"
                " values (3, 1, 1, 1, 'Tiekamies otrdien', :later)"
            ),
            {"later": WHEN + timedelta(hours=2)},
        )

    downgrade(revision="d9a4c6e8b012")
    with db.engine.connect() as connection:
        asked = "select from_company_id, to_company_id, author_id, message from network_requests order by id"
        assert connection.execute(text(asked)).all() == [(1, 2, 1, first), (2, 1, 2, "Jā, zvaniet!")]
