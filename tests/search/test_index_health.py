"""A lost, emptied or damaged cluster index is said to be so: by the search page (never "nothing found" nor
an error page), by `/healthz` and by `flask check`; a rebuild brings everything back. Damaged files are
Whoosh's; a lost index is a deleted folder there and deleted rows with PostgreSQL's search."""

import shutil
from pathlib import Path

from clusterhub.ops.check import problems
from search import index
from search.backends import whoosh
from tests.factories import make_tenant, make_user
from tests.search.conftest import in_cluster, lose_index
from tests.search.test_page import ANIMATOR, cluster, in_new_worker, result_names  # noqa: F401

SEARCH = "/c/alfa/search?q=anim%C4%81cija"
UNAVAILABLE = "Search is not available at the moment"
REBUILDING = "Search is being rebuilt for this cluster"
# Bytes of a segment turned over at a time: enough places that some damage shows only while searching.
STRIDE = 256


def _folder(app, tenant_id: int) -> Path:
    return Path(app.config["INDEX_DIR"]) / f"cluster-{tenant_id}"


def _largest_segment_file(app, tenant_id: int) -> Path:
    # Segments are written as separate files (postings, terms, stored fields…), not one compound .seg.
    files = [path for path in _folder(app, tenant_id).iterdir() if path.suffix != ".toc"]
    return max(files, key=lambda path: path.stat().st_size)


def _health(visitor) -> dict:
    return visitor.client.get("/healthz").get_json()


def _check(app) -> list[str]:
    with app.app_context():
        return problems(app)


def _turned_over(data: bytes, start: int) -> bytes:
    return data[:start] + bytes(byte ^ 0x5A for byte in data[start : start + 64]) + data[start + 64 :]


def _replace(path: Path, data: bytes) -> None:
    # A new file, not rewritten in place: a searcher may have the old one memory-mapped.
    path.unlink()
    path.write_bytes(data)


def test_a_damaged_segment_gives_the_unavailable_page_never_an_error(app, cluster, alfa, runner, whoosh_only):  # noqa: F811
    segment = _largest_segment_file(app, alfa)
    original = segment.read_bytes()
    statuses = set()
    for start in range(0, len(original), STRIDE):
        _replace(segment, _turned_over(original, start))
        response = in_new_worker(cluster, SEARCH)  # a 500 would raise in the worker
        statuses.add(response.status_code)
        if response.status_code == 503:
            assert UNAVAILABLE in response.get_data(as_text=True)
    _replace(segment, original)
    # Damage in the segment's header is found when it opens, damage in its postings only by a search.
    assert statuses == {200, 503}
    assert _health(cluster) == {"database": "ok", "index": "failed"}
    assert any("the search index of cluster alfa is damaged" in line for line in _check(app))
    assert runner.invoke(args=["search", "reindex", "--tenant", "alfa"]).exit_code == 0
    assert _health(cluster) == {"database": "ok", "index": "ok"}
    response = in_new_worker(cluster, SEARCH)
    assert response.status_code == 200 and ANIMATOR in result_names(response.get_data(as_text=True))


def test_flask_check_reads_every_segment_of_every_index(app, cluster, alfa, whoosh_only):  # noqa: F811
    segment = _largest_segment_file(app, alfa)
    original = segment.read_bytes()
    found = []
    for start in range(0, len(original), STRIDE):
        _replace(segment, _turned_over(original, start))
        (_folder(app, alfa) / whoosh.DAMAGED_MARK).unlink(missing_ok=True)
        found.append(any("cluster alfa is damaged" in line for line in _check(app)))
    assert any(found)


def test_a_deleted_index_is_not_made_again_empty_by_reading_it(app, cluster, alfa):  # noqa: F811
    lose_index(app, "alfa")
    # Suggested partners are stored (the page works without the index); a search reads the index.
    assert cluster.get("/c/alfa/matches").status_code == 200
    for path in (SEARCH, "/c/alfa/search?region=riga", SEARCH):
        response = in_new_worker(cluster, path)
        assert response.status_code == 503 and REBUILDING in response.get_data(as_text=True), path
    assert _health(cluster) == {"database": "ok", "index": "failed"}
    with in_cluster(app, "alfa"):
        assert not index.exists(alfa)


def test_an_index_made_again_empty_says_search_is_being_rebuilt(app, cluster, alfa, runner, whoosh_only):  # noqa: F811
    shutil.rmtree(_folder(app, alfa))
    with in_cluster(app, "alfa"):
        whoosh.open_index(alfa)  # as an older version's reader or a new writer would
    response = in_new_worker(cluster, SEARCH)
    assert response.status_code == 503 and REBUILDING in response.get_data(as_text=True)
    assert _health(cluster) == {"database": "ok", "index": "failed"}
    assert any("cluster alfa is missing or empty" in line for line in _check(app))
    assert runner.invoke(args=["search", "reindex", "--tenant", "alfa"]).exit_code == 0
    assert _health(cluster) == {"database": "ok", "index": "ok"}
    assert in_new_worker(cluster, SEARCH).status_code == 200


def test_a_new_cluster_without_index_finds_nothing_without_an_error(app, world, signed_in):
    make_tenant(app, "gamma", "Gamma klasteris")
    make_user(app, "manager@gamma.lv", "Gints Gamma", "gamma", "manager")
    response = signed_in("manager@gamma.lv").get("/c/gamma/search?q=koks")
    assert response.status_code == 200 and "Nothing found for “koks”." in response.get_data(as_text=True)
