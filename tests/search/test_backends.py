"""Both search backends answer the same calls: health, warm-up, the setting that chooses one, values
remembered per index version."""

from datetime import timedelta

import pytest

from clusterhub import create_app
from clusterhub.extensions import db
from clusterhub.posts.models import Post
from search import index
from tests.conftest import MOMENT, World, app_config
from tests.search.conftest import add_post, found, in_cluster, lose_index


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


def test_a_value_remembered_per_index_version_is_computed_again_after_a_write_from_a_slower_clock(
    app, alfa, clock
):
    post_id = add_post(app, "Kokapstrāde")
    add_post(app, "Metālapstrāde")
    computed = []

    def remembered() -> int:
        with in_cluster(app, "alfa") as tenant:
            return index.remembered(tenant.id, "a value", lambda: computed.append(1) or len(computed))

    assert remembered() == remembered() == 1
    # The next write comes from a worker on a machine whose clock is an hour behind this one's.
    clock.move_to(MOMENT - timedelta(hours=1))
    with in_cluster(app, "alfa"):
        db.session.get(Post, post_id).title = "Kokapstrāde un galdniecība"
        db.session.commit()
    assert remembered() == 2
