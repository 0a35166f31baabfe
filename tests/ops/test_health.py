"""`/healthz` tells monitoring whether the database answers and the search indexes open, and nothing more."""

import shutil
from pathlib import Path

from clusterhub import create_app
from clusterhub.ops.check import problems
from tests.conftest import app_config


def _damage_indexes(app) -> None:
    for toc in Path(app.config["INDEX_DIR"]).glob("cluster-*/*.toc"):
        toc.write_bytes(b"not an index")


def test_health_is_ok_without_signing_in(app, world, visitor):
    response = visitor.get("/healthz")
    assert response.status_code == 200
    assert response.get_json() == {"database": "ok", "index": "ok"}
    assert response.headers["Cache-Control"] == "no-store"


def test_a_damaged_index_makes_the_health_check_fail(app, world, visitor):
    _damage_indexes(app)
    response = visitor.get("/healthz")
    assert response.status_code == 503
    assert response.get_json() == {"database": "ok", "index": "failed"}


def test_an_unreachable_database_makes_the_health_check_fail(tmp_path):
    missing = tmp_path / "no-such-folder" / "clusterhub.sqlite3"
    app = create_app(app_config(f"sqlite:///{missing}", tmp_path))
    response = app.test_client().get("/healthz")
    assert response.status_code == 503
    assert response.get_json() == {"database": "failed", "index": "ok"}


def test_a_deleted_index_of_a_cluster_with_data_makes_health_and_check_fail(app, world, visitor):
    for folder in Path(app.config["INDEX_DIR"]).glob("cluster-*"):
        shutil.rmtree(folder)
    response = visitor.get("/healthz")
    assert response.status_code == 503
    assert response.get_json() == {"database": "ok", "index": "failed"}
    with app.app_context():
        found = problems(app)
    assert any("the search index of cluster alfa is missing" in line for line in found)
    assert any("search reindex --tenant beta" in line for line in found)
