"""The Whoosh backend ranks the search page's hits itself (search/backends/ranking.py): the page must show
what Whoosh's own scoring finds, in its order, ties included."""

import pytest
from whoosh.query import Term

from search import index
from search.backends import whoosh
from tests.search.conftest import add_post, in_cluster

TEXTS = (
    ("Metināšana", "Metināšana un eksports uz Vāciju."),
    ("Eksports", "Metināšana, metināšana un vēlreiz metināšana."),
    ("Metināšanas darbi", "Eksports."),
    ("Metināšana", "Metināšana ir mūsu darbs."),
    ("Metināšana", "Metināšana ir mūsu darbs."),  # the same as the one before: a tie, the earlier first
    ("Saules paneļi", "Saules paneļi un metināšana uz jumta."),
    ("Paneļi saules stacijai", "Vajag paneļus, arī saules kolektorus."),
    ("Noliktava", "Aukstuma noliktava eksportam, metināšana uz vietas."),
)


@pytest.fixture
def posts(app, alfa, whoosh_only) -> int:
    for title, body in TEXTS:
        add_post(app, title, body=body)
    return alfa


def whooshs_own(tenant_id: int, text: str) -> tuple[list[str], int]:
    """The keys Whoosh's own collector ranks first for the same query and filter, and how many match."""
    reader = whoosh.searcher(tenant_id)
    allowed = whoosh.documents_matching(reader, Term("tenant", str(tenant_id)))
    hits = reader.search(whoosh.parse(text, reader), limit=None, filter=allowed)
    return [hit["key"] for hit in hits[:3]], len(hits)


@pytest.mark.parametrize(
    "text",
    [
        "metināšana",
        "metināšana eksports",
        "metināšana OR eksports",
        '"saules paneļi"',
        "saules paneļi",
        "metināšana NOT eksports",
        "eksports^2 metināšana",
        "metin*",
        "metinašana",  # a typo
    ],
)
def test_the_page_ranks_as_whoosh_itself_scores(app, posts, text):
    with in_cluster(app, "alfa"):
        page = index.search(posts, text, {}, "relevance", 0, 3)
        assert (page.keys, page.total) == whooshs_own(posts, text)
        assert page.total > 0


def test_the_ranking_follows_the_index_after_it_changes(app, posts):
    # The terms' scores a search reads are kept for the next one; a change to the index makes new ones.
    with in_cluster(app, "alfa"):
        before = index.search(posts, "eksports metināšana", {}, "relevance", 0, 3)
    for _ in range(3):
        add_post(app, "Eksports", body="Eksports, eksports un metināšana eksportam.")
    with in_cluster(app, "alfa"):
        after = index.search(posts, "eksports metināšana", {}, "relevance", 0, 3)
        assert (after.keys, after.total) == whooshs_own(posts, "eksports metināšana")
    assert after.total == before.total + 3
    assert after.keys != before.keys
