"""Both search backends answer the same calls: health, warm-up, the setting that chooses one."""

import pytest

from clusterhub import create_app
from search import index
from tests.conftest import World, app_config
from tests.search.conftest import found, lose_index


def test_healthz_says_the_index_is_ok_then_failed_once_a_cluster_with_data_lost_it(app, world, visitor):
    assert visitor.get("/healthz").get_json() == {"database": "ok", "index": "ok"}
    lose_index(app, "alfa")
    response = visitor.get("/healthz")
    assert response.status_code == 503
    assert response.get_json() == {"database": "ok", "index": "failed"}


def test_a_warmed_up_worker_finds_the_same_as_a_cold_one(app, world, search_backend):
    with app.app_context():
        warmed = index.warm_up()
    # Whoosh opens both clusters' folders; PostgreSQL has nothing to open in the application server.
    assert warmed == (2 if search_backend == "whoosh" else 0)
    assert found(app, "alfa", World.CANARY_A.lower())


def test_the_postgresql_backend_is_refused_with_a_sqlite_database(tmp_path):
    settings = {**app_config(f"sqlite:///{tmp_path / 'db.sqlite3'}", tmp_path), "SEARCH_BACKEND": "postgres"}
    with pytest.raises(RuntimeError, match="needs a PostgreSQL database"):
        create_app(settings)


def test_an_unknown_backend_is_refused_by_name(tmp_path):
    settings = {**app_config(f"sqlite:///{tmp_path / 'db.sqlite3'}", tmp_path), "SEARCH_BACKEND": "solr"}
    with pytest.raises(RuntimeError, match="must be one of whoosh, postgres, not 'solr'"):
        create_app(settings)
