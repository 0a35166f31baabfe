"""`flask check` names each configuration problem on one line before it bites in production."""

import pytest
from aiosmtpd.controller import Controller
from sqlalchemy import text

from clusterhub.config import from_environment, stored_secret_key
from clusterhub.extensions import db
from clusterhub.ops.check import problems
from tests.pgserver import free_port

LONG_KEY = "k" * 48


class Inbox:
    async def handle_DATA(self, server, session, envelope):
        return "250 OK"


@pytest.fixture
def smtp_port():
    controller = Controller(Inbox(), hostname="127.0.0.1", port=free_port())
    controller.start()
    yield controller.port
    controller.stop()


@pytest.fixture
def production(app, smtp_port, tmp_path):
    """An app configured as production should be: nothing to report."""
    app.instance_path = str(tmp_path / "instance")
    app.config.update(
        SECRET_KEY=LONG_KEY,
        WORKERS=1,
        MAIL_BACKEND="smtp",
        MAIL_HOST="127.0.0.1",
        MAIL_PORT=smtp_port,
        MAIL_FROM="Klasteris <noreply@klasteris.example.lv>",
        SITE_URL="https://klasteris.example.lv",
        SESSION_COOKIE_SECURE=True,
        REMEMBER_COOKIE_SECURE=True,
    )
    return app


def _problems(app) -> list[str]:
    with app.app_context():
        return problems(app)


def test_a_production_ready_configuration_passes_the_check(production):
    result = production.test_cli_runner().invoke(args=["check"])
    assert result.exit_code == 0, result.output
    assert "No configuration problems found." in result.output


def test_each_problem_is_one_line_and_the_check_exits_1(production, tmp_path):
    blocker = tmp_path / "a-file"
    blocker.write_text("")
    production.config.update(
        SECRET_KEY="short",
        WORKERS=4,
        MAIL_BACKEND="file",
        SESSION_COOKIE_SECURE=False,
        INDEX_DIR=str(blocker / "index"),
    )
    result = production.test_cli_runner().invoke(args=["check"])
    assert result.exit_code == 1
    lines = result.stdout.splitlines()
    expected = ("SECRET_KEY is shorter", "SQLite with 4 workers", "MAIL_BACKEND is file", "SECURE_COOKIES=1")
    is_sqlite = production.config["SQLALCHEMY_DATABASE_URI"].startswith("sqlite")
    for start in expected if is_sqlite else expected[:1] + expected[2:]:
        assert sum(start in line for line in lines) == 1, (start, lines)
    assert any(line.startswith("INDEX_DIR") and "not a writable folder" in line for line in lines)
    assert len(lines) == len(expected) + 1 - (not is_sqlite)


def test_a_secret_key_made_by_the_server_itself_is_reported(production):
    production.config["SECRET_KEY"] = stored_secret_key(production.instance_path)
    assert [line for line in _problems(production) if "SECRET_KEY was made by this server" in line]


def test_the_worker_count_is_read_from_gunicorns_web_concurrency(monkeypatch, production):
    monkeypatch.delenv("CLUSTERHUB_WORKERS", raising=False)
    monkeypatch.setenv("WEB_CONCURRENCY", "3")
    assert from_environment(production.instance_path)["WORKERS"] == 3


def test_an_unreachable_smtp_server_and_the_default_sender_are_reported(production):
    production.config.update(MAIL_PORT=free_port(), MAIL_FROM="ClusterHub <noreply@clusterhub.localhost>")
    found = _problems(production)
    assert any(line.startswith("MAIL_HOST: the SMTP server 127.0.0.1:") for line in found)
    assert any(line.startswith("MAIL_FROM is still the default") for line in found)


def test_a_database_behind_the_code_is_reported(production):
    with production.app_context():
        head = db.session.scalar(text("SELECT version_num FROM alembic_version"))
        db.session.execute(text("UPDATE alembic_version SET version_num = 'older'"))
        db.session.commit()
        try:
            found = problems(production)
        finally:
            db.session.execute(text("UPDATE alembic_version SET version_num = :head"), {"head": head})
            db.session.commit()
    assert any("run `flask --app clusterhub db upgrade`" in line for line in found)


def test_development_skips_the_production_only_checks(production):
    production.config.update(SECRET_KEY="short", MAIL_BACKEND="file", SITE_URL="http://127.0.0.1:5000")
    production.debug = True
    assert _problems(production) == []
