"""`flask search reindex | status | drain`: rebuilding, checking and catching up the indexes."""

from clusterhub.companies.models import Company
from clusterhub.extensions import db
from search import index
from search.services import database_counts
from tests.search.conftest import in_cluster, lose_index, waiting


def _in_step_line(app, slug: str) -> str:
    with in_cluster(app, slug) as tenant:
        counts = database_counts(tenant)
    companies, posts = counts["company"], counts["post"]
    counted = f"{companies} companies, {posts} posts"
    return f"{slug}: database {counted}; index {counted}; 0 waiting"


def test_reindex_shows_each_cluster_with_its_count_and_status_then_agrees(app, world, runner):
    result = runner.invoke(args=["search", "reindex"])
    assert result.exit_code == 0, result.output
    assert result.output.splitlines() == [
        "alfa",
        "alfa: 3 documents indexed, 0 match suggestions",
        "beta",
        "beta: 3 documents indexed, 0 match suggestions",
    ]
    status = runner.invoke(args=["search", "status"])
    assert status.exit_code == 0
    assert status.output.splitlines() == [_in_step_line(app, "alfa"), _in_step_line(app, "beta")]


def test_a_deleted_index_is_reported_out_of_step_until_that_cluster_is_reindexed(app, world, runner):
    lose_index(app, "alfa")
    status = runner.invoke(args=["search", "status"])
    assert status.exit_code == 1
    alfa, beta = status.output.splitlines()
    # A worker that had the index open cannot read it any more; one that had not finds it empty.
    assert alfa.endswith("index 0 companies, 0 posts; 0 waiting  <- out of step") or alfa.endswith(
        "the index cannot be read; run `search reindex --tenant alfa`"
    )
    assert beta == _in_step_line(app, "beta")
    reindex = runner.invoke(args=["search", "reindex", "--tenant", "alfa"])
    assert reindex.exit_code == 0
    assert "alfa: 3 documents indexed" in reindex.output and "beta" not in reindex.output
    status = runner.invoke(args=["search", "status"])
    assert status.exit_code == 0, status.output


def test_an_unknown_cluster_is_an_error(app, world, runner):
    for command in ("reindex", "status"):
        result = runner.invoke(args=["search", command, "--tenant", "nope"])
        assert result.exit_code != 0
        assert "There is no cluster 'nope'." in result.output


def test_drain_applies_the_updates_that_waited_in_the_outbox(app, world, runner, visitor, monkeypatch):
    def locked(tenant_id, read_documents):
        return None  # as if another writer never let go of the lock

    monkeypatch.setattr(index, "write", locked)
    visitor.login("member@alfa.lv")
    need = {"kind": "need", "category": "other", "title": "Granulu piegāde"}
    assert visitor.submit("/c/alfa/posts/new", need).status_code == 302
    assert waiting(app) == 1
    status = runner.invoke(args=["search", "status", "--tenant", "alfa"])
    assert status.exit_code == 1 and "1 waiting  <- out of step" in status.output
    monkeypatch.undo()
    result = runner.invoke(args=["search", "drain"])
    assert result.exit_code == 0 and result.output == "1 documents updated\n"
    assert waiting(app) == 0
    assert runner.invoke(args=["search", "status"]).exit_code == 0


def test_reindex_out_of_step_rebuilds_a_lost_index_and_leaves_work_waiting_for_the_drain(app, world, runner):
    assert runner.invoke(args=["search", "reindex", "--out-of-step"]).output == ""
    lose_index(app, "alfa")
    # Another application server changed a company of beta; the worker has not applied it yet.
    app.config["OUTBOX_WORKER"] = True
    with in_cluster(app, "beta"):
        db.session.get(Company, world.company_b).description = "Jauns apraksts"
        db.session.commit()
    result = runner.invoke(args=["search", "reindex", "--out-of-step"])
    assert result.exit_code == 0, result.output
    assert "alfa: 3 documents indexed" in result.output and "beta" not in result.output
    assert waiting(app) == 1
