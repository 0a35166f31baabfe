"""A search in cluster A never shows cluster B's data: not from B's index copied over A's, not from a stale
entry, and a damaged index says so instead of showing anything."""

import os
import shutil
from concurrent.futures import ThreadPoolExecutor

import pytest

from search import index
from search.backends import whoosh
from search.documents import documents_for, post_key
from search.index import IndexUnavailable
from search.query import search
from tests.conftest import World
from tests.search.conftest import found, in_cluster


def _folder(app, slug: str):
    with in_cluster(app, slug) as tenant:
        return whoosh.cluster_dir(tenant.id)


def _counted(facets: dict) -> int:
    return sum(sum(counts.values()) for counts in facets.values())


def _search(app, text: str):
    with in_cluster(app, "alfa"):
        return search(text, {})


def _in_new_worker(function, *args):
    """Run in a new thread: a worker that has not opened the index yet (searchers are kept per thread)."""
    with ThreadPoolExecutor(1) as pool:
        return pool.submit(function, *args).result()


def test_a_search_never_shows_another_clusters_companies_or_posts(app, world):
    assert found(app, "alfa", World.CANARY_B) == []
    with in_cluster(app, "alfa"):
        everything = search("", {})
    names = [hit.item.name if hit.type == "company" else hit.item.title for hit in everything.hits]
    assert names and all(World.CANARY_A in name for name in names)
    assert everything.total == len(names)


def test_another_clusters_index_copied_over_shows_nothing_of_it(app, world, whoosh_only):
    alfa = _folder(app, "alfa")
    shutil.rmtree(alfa)
    shutil.copytree(_folder(app, "beta"), alfa)  # say, a backup restored into the wrong folder
    for text in (World.CANARY_B, ""):
        results = _in_new_worker(_search, app, text)
        assert results.hits == [] and results.total == 0
        assert _counted(results.facets) == 0  # B's documents are not counted in A's filters either


def test_a_stale_entry_naming_another_clusters_post_shows_nothing(app, world):
    with in_cluster(app, "beta"):
        [entry] = documents_for({post_key(world.post_b)}).values()
    with in_cluster(app, "alfa") as tenant:
        # An entry filed under A that points at B's post, as an index out of step might hold.
        index.write(tenant.id, lambda: {entry["key"]: {**entry, "tenant": str(tenant.id)}})
        assert entry["key"] in index.search(tenant.id, "", {}, "relevance", 0, 100).keys
        results = search(World.CANARY_B, {})
    assert results.hits == []


def test_a_damaged_index_is_reported_and_a_reindex_repairs_it(app, world, runner, whoosh_only):
    for path in _folder(app, "alfa").iterdir():
        # Replaced, not overwritten in place: a file a searcher has mapped must not shrink under it.
        junk = path.with_name(f"{path.name}.junk")
        junk.write_bytes(os.urandom(300))
        junk.replace(path)
    with pytest.raises(IndexUnavailable):
        _in_new_worker(found, app, "alfa", World.CANARY_A)
    result = runner.invoke(args=["search", "reindex", "--tenant", "alfa"])
    assert result.exit_code == 0, result.output
    assert sorted(_in_new_worker(found, app, "alfa", World.CANARY_A)) == sorted(
        [f"SIA {World.CANARY_A} Ābele", f"SIA {World.CANARY_A} Čiekurs", f"{World.CANARY_A} vajadzība"]
    )
    assert runner.invoke(args=["search", "status"]).exit_code == 0
