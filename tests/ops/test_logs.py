"""One JSON log line per request with its id and cluster; no e-mails, names or search words in logs."""

import io
import json
import logging
import shutil
from pathlib import Path

import pytest

from clusterhub.extensions import db
from clusterhub.ops.logs import log_handler

HEX_ID = 32


@pytest.fixture
def log_lines():
    """The JSON log lines written while the test runs, as the production handler writes them."""
    stream, root = io.StringIO(), logging.getLogger()
    handler, level = log_handler(stream), root.level
    root.addHandler(handler)
    root.setLevel(logging.INFO)
    yield lambda: [json.loads(line) for line in stream.getvalue().splitlines()]
    root.removeHandler(handler)
    root.setLevel(level)


def _requests(lines) -> list[dict]:
    return [line for line in lines if line["logger"] == "clusterhub.requests"]


def test_the_request_id_from_the_proxy_is_kept_and_echoed(visitor, log_lines):
    response = visitor.get("/healthz", headers={"X-Request-Id": "nginx-0af3.77"})
    assert response.headers["X-Request-Id"] == "nginx-0af3.77"
    assert _requests(log_lines())[-1]["request_id"] == "nginx-0af3.77"


def test_a_missing_or_strange_request_id_is_replaced_by_a_new_one(visitor):
    made = visitor.get("/healthz").headers["X-Request-Id"]
    replaced = visitor.get("/healthz", headers={"X-Request-Id": '"} forged {"'}).headers["X-Request-Id"]
    assert len(made) == len(replaced) == HEX_ID and made != replaced


def test_a_member_request_is_one_line_with_cluster_and_user_id_but_no_personal_data(
    app, world, visitor, log_lines
):
    visitor.login("member@alfa.lv")
    response = visitor.get("/c/alfa/search?q=Čiekurs+member@alfa.lv")
    line = _requests(log_lines())[-1]
    assert line["request_id"] == response.headers["X-Request-Id"]
    assert {key: line[key] for key in ("method", "path", "status", "tenant", "user_id")} == {
        "method": "GET",
        "path": "/c/alfa/search",
        "status": 200,
        "tenant": "alfa",
        "user_id": world.member_a,
    }
    assert line["ms"] >= 0
    written = json.dumps(log_lines(), ensure_ascii=False)
    assert "alfa.lv" not in written and world.CANARY_A not in written and "Čiekurs" not in written


def test_secret_link_tokens_are_not_logged(visitor, log_lines):
    visitor.get("/reset/a-secret-reset-token")
    assert _requests(log_lines())[-1]["path"] == "/reset/<token>"
    assert "a-secret-reset-token" not in json.dumps(log_lines())


def test_log_records_made_during_a_request_carry_its_id_and_cluster(app, world, visitor, log_lines):
    # A file where the cluster's index folder belongs: the search page cannot open it and logs why.
    for folder in Path(app.config["INDEX_DIR"]).glob("cluster-*"):
        shutil.rmtree(folder)
        folder.write_text("")
    visitor.login("member@alfa.lv")
    request_id = visitor.get("/c/alfa/search?q=eksports").headers["X-Request-Id"]
    errors = [line for line in log_lines() if line["logger"] == "search.index"]
    assert errors and errors[0]["request_id"] == request_id and errors[0]["tenant"] == "alfa"
    assert "Traceback" in errors[0]["exception"]


def test_e_mail_addresses_in_log_messages_and_errors_are_masked(log_lines):
    log = logging.getLogger("tests.ops")
    try:
        raise OSError("recipient refused: {'member@alfa.lv': (550, 'no')}")
    except OSError:
        log.exception("could not mail %s", "Member@Alfa.lv")
    line = log_lines()[-1]
    assert line["message"] == "could not mail <e-mail>"
    assert "alfa.lv" not in line["exception"] and "<e-mail>" in line["exception"]


def test_database_errors_in_the_log_leave_out_the_values(app):
    with app.app_context():
        assert db.engine.hide_parameters
