"""The background worker: with it configured, requests leave the outbox to it, and it drains it (index,
stored suggestions, notices), claims each cluster's work so several workers can run, and runs the schedule."""

import pytest
from sqlalchemy import func, select, text

from clusterhub.extensions import db
from clusterhub.notifications.models import Notification
from clusterhub.worker.models import JobRun
from search import hooks
from search.matching import rules
from search.models import IndexOutbox, MatchSuggestion
from tests.factories import make_post, make_profile, make_tenant, make_user
from tests.matching.test_pages import AUTHOR, CLUSTER, STUDIO, build_need, visitor_of
from tests.search.conftest import found, in_cluster, waiting

TITLE = "Renderēšana izstādei"


@pytest.fixture
def with_worker(app):
    """The app as `make run` and deploy/ start it: a worker runs, so requests do not drain."""
    build_need(app)
    app.config["OUTBOX_WORKER"] = True
    return app


def test_a_need_posted_with_a_worker_is_searchable_and_matched_after_the_worker_pass(
    app, with_worker, make_visitor, runner
):
    author = visitor_of(make_visitor, AUTHOR)
    response = author.submit(
        f"/c/{CLUSTER}/posts/new",
        {"kind": "need", "category": "research", "title": TITLE, "tags": "Renderēšana"},
    )
    assert response.status_code == 302
    # The response did not wait for the index nor the matching.
    assert waiting(app) > 0
    assert found(app, CLUSTER, "renderēšana izstādei") == []
    assert STUDIO not in author.get(response.headers["Location"]).get_data(as_text=True)

    result = runner.invoke(args=["worker", "run", "--once"])
    assert result.exit_code == 0, result.output
    assert waiting(app) == 0
    assert TITLE in found(app, CLUSTER, "renderēšana izstādei")
    page = author.get(response.headers["Location"]).get_data(as_text=True)
    assert "Companies that may answer this need" in page and STUDIO in page


def test_the_strong_match_notice_is_made_by_the_worker_not_the_request(app, with_worker, runner):
    make_post(app, CLUSTER, "SIA Kokapstrāde", AUTHOR, TITLE, category="research", tags=["3D animācija"])

    def notices() -> int:
        with in_cluster(app, CLUSTER):
            return db.session.scalar(select(func.count(Notification.id)).where(Notification.kind == "match"))

    before = notices()
    runner.invoke(args=["worker", "run", "--once"])
    assert notices() > before


def test_scheduled_retention_runs_once_a_day_however_often_the_worker_looks(app, runner):
    for _ in range(2):
        assert runner.invoke(args=["worker", "run", "--once"]).exit_code == 0
    with app.app_context():
        keys = db.session.scalars(select(JobRun.key)).all()
    assert [key for key in keys if key.startswith("retention:")] == ["retention:2030-05-15"]


def outbox_clusters(app) -> set[int]:
    with app.app_context():
        return set(db.session.scalars(select(IndexOutbox.tenant_id)))


def test_a_cluster_another_worker_holds_is_skipped_and_the_other_clusters_drained(app, with_worker):
    with app.app_context():
        if db.engine.dialect.name != "postgresql":
            pytest.skip("SQLite has no row locks: one worker per SQLite database")
    make_tenant(app, "otra", "Otrais klasteris")
    make_user(app, "ilze@otra.lv", "Ilze Otra", "otra", "member", "SIA Otrā")
    make_profile(app, "otra", "SIA Otrā", competences=["Kokapstrāde"])
    make_profile(app, CLUSTER, STUDIO, description="Arī skaņu ierakstu studija.")
    with in_cluster(app, CLUSTER) as held, db.engine.connect() as other_worker:
        other_worker.execute(text("SELECT id FROM tenants WHERE id = :id FOR NO KEY UPDATE"), {"id": held.id})
        assert len(outbox_clusters(app)) == 2
        assert hooks.drain() > 0
        db.session.commit()
        assert outbox_clusters(app) == {held.id}
        other_worker.rollback()
        assert hooks.drain() > 0
    assert waiting(app) == 0


def stored_points(app) -> list[dict]:
    with in_cluster(app, CLUSTER):
        return [row.detail["points"] for row in db.session.scalars(select(MatchSuggestion))]


def test_suggestions_scored_by_an_older_rule_are_scored_again_once_per_version_of_the_rules(
    app, with_worker, runner
):
    runner.invoke(args=["worker", "run", "--once"])
    with in_cluster(app, CLUSTER):
        for row in db.session.scalars(select(MatchSuggestion)):  # as stored before roles weighed 15
            older = {key: value for key, value in row.detail.items() if key != "scoring"}
            row.detail = older | {"points": {**row.detail["points"], "roles": 20}}
        db.session.commit()
    assert stored_points(app) and all(points["roles"] == 20 for points in stored_points(app))
    make_tenant(app, "otra", "Klasteris bez ieteikumiem")
    with app.app_context():  # the version before this one had run: a new version is due
        db.session.execute(text("DELETE FROM job_runs WHERE key LIKE 'scoring:%'"))
        db.session.commit()

    assert runner.invoke(args=["worker", "run", "--once"]).exit_code == 0
    assert all(points["roles"] <= rules.WEIGHTS["roles"] for points in stored_points(app))
    with app.app_context():
        scoring = select(JobRun.summary).where(JobRun.key.like("scoring:%"))
        summaries = set(db.session.scalars(scoring))
    assert f"suggestions queued for scoring version {rules.SCORING_VERSION}" in summaries
    assert "no suggestion scored by older rules" in summaries  # a cluster with nothing stale is left alone
    runner.invoke(args=["worker", "run", "--once"])
    assert waiting(app) == 0
