"""The Whoosh backend ranks the search page's hits itself (search/backends/ranking.py): the page must show
what Whoosh's own scoring finds, in its order, ties included."""

from collections import OrderedDict

import pytest
from sqlalchemy import select
from whoosh.query import FuzzyTerm, Phrase, Term

from clusterhub.extensions import db
from clusterhub.posts.models import Post
from clusterhub.posts.services import update_post
from search import index
from search.backends import ranking, whoosh
from search.documents import post_key
from search.services import rebuild
from search.vocabulary.services import load_vocabulary
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


def scores_both_ways(tenant_id: int, text: str) -> tuple[dict[int, float], dict[int, float]]:
    """{document: score} of every match as the page's ranking scores it, and as Whoosh's own search does."""
    reader = whoosh.searcher(tenant_id)
    query = whoosh.parse(text, reader)
    context = reader.context()
    ours = {}
    for leaf, offset in reader.leaf_searchers():
        scored = ranking.scores(query, leaf, context, {})
        ours.update({offset + number: score for number, score in scored.items()})
    return ours, {hit.docnum: hit.score for hit in reader.search(query, limit=None)}


def test_postings_kept_from_before_a_change_are_scored_and_hidden_as_the_new_index_says(app, posts):
    # A term's postings are kept per segment across index versions: a post edited since must not be found by
    # the words it lost (its old document is only hidden in its old segment), a new one must be, and every
    # score must use the new version's statistics.
    text = "eksports metināšana"
    with in_cluster(app, "alfa") as tenant:
        rebuild(tenant)  # one segment, which the next two changes leave as it is (Whoosh merges five or more)
        before = index.search(posts, text, {}, "relevance", 0, 20)
        edited = db.session.scalar(select(Post.id).where(Post.title == "Metināšanas darbi"))
        assert post_key(edited) in before.keys
        update_post(db.session.get(Post, edited), {"body": "Krāsošana."})
        db.session.commit()
    new = add_post(app, "Eksports", body="Eksports un metināšana, metināšana.")
    with in_cluster(app, "alfa"):
        after = index.search(posts, text, {}, "relevance", 0, 20)
        ours, whooshs = scores_both_ways(posts, text)
        segments = len(whoosh.searcher(posts).leaf_searchers())
    assert segments == 3  # the edited post's old document hidden in the first
    assert ours == whooshs
    assert post_key(new) in after.keys
    assert post_key(edited) not in after.keys
    assert after.total == before.total


def test_a_big_cluster_s_most_frequent_words_are_read_at_start_and_ranked_as_whoosh_does(
    app, posts, monkeypatch
):
    monkeypatch.setattr(whoosh, "READ_AHEAD_DOCUMENTS", len(TEXTS))  # this cluster counts as big
    # As in a worker just started: the suggestions' scoring, which posting read, kept none.
    monkeypatch.setattr(ranking, "_segment_postings", OrderedDict())
    monkeypatch.setattr(ranking, "_postings_kept", [0])
    with in_cluster(app, "alfa"):
        index.warm_up()
        read_later = []
        reading = ranking._read

        def counted(*args):
            found = reading(*args)
            if found and len(found[0]):
                read_later.append(args[1:3])
            return found

        monkeypatch.setattr(ranking, "_read", counted)
        ours, whooshs = scores_both_ways(posts, "metināšana")
    assert ours == whooshs and ours
    # Its most frequent word's postings were read at start, in every field and segment: scoring it read none
    # (only that segments without the word have none).
    assert read_later == []


def phrases_in(query) -> list:
    if isinstance(query, Phrase):
        return [query]
    return [] if query.is_leaf() else [found for child in query.children() for found in phrases_in(child)]


@pytest.mark.parametrize(
    "text", ['"saules paneļi"', '"paneļi saules"', '"metināšana un eksports"', '"saules jumta"']
)
def test_a_phrase_finds_the_documents_whoosh_s_own_phrase_query_finds(app, posts, text):
    # Read from the words' positions in the documents having them all: the same documents as Whoosh's span
    # matchers. Words apart do not match ("saules … jumta"), words in the other order match another title;
    # a left-out common word is no gap ("paneļus, arī saules").
    with in_cluster(app, "alfa"):
        reader = whoosh.searcher(posts)
        phrases = phrases_in(whoosh.parse(text, reader))
        found = {}
        for leaf, _offset in reader.leaf_searchers():
            for phrase in phrases:
                ours = ranking.phrase_documents(phrase.fieldname, phrase.words, leaf)
                assert ours == list(Phrase.matcher(phrase, leaf).all_ids())
                found[phrase.fieldname] = found.get(phrase.fieldname, 0) + len(ours)
    expected = {
        '"saules paneļi"': (1, 1),
        '"paneļi saules"': (1, 1),
        '"metināšana un eksports"': (0, 1),
        '"saules jumta"': (0, 0),
    }[text]
    assert (found["title"], found["body"]) == expected


def test_a_big_cluster_s_concept_phrases_are_found_at_start(app, posts, monkeypatch):
    # "saules paneļi" names a concept of the vocabulary: its search is widened to the concept's forms, phrases
    # such as "solar panels" in every text field, whose documents a worker's start finds in a big cluster.
    with app.app_context():
        load_vocabulary()
        db.session.commit()
    monkeypatch.setattr(whoosh, "READ_AHEAD_DOCUMENTS", len(TEXTS))
    monkeypatch.setattr(whoosh, "_of_segments", OrderedDict())
    with in_cluster(app, "alfa"):
        index.warm_up()
        read_later = []
        reading = ranking._positions

        def counted(*args):
            read_later.append(args[1:3])
            return reading(*args)

        monkeypatch.setattr(ranking, "_positions", counted)
        ours, whooshs = scores_both_ways(posts, "saules paneļi")
    assert ours == whooshs and ours
    assert read_later == []


@pytest.mark.parametrize("typed", ["metinašana", "metināšanaa", "metnāšana", "eksprts", "ksports", "paneli"])
def test_a_typo_is_read_as_the_words_whoosh_s_automaton_finds(app, posts, typed):
    # One letter changed, added or left out, the first one kept: the words Whoosh's Levenshtein automaton
    # finds, from the segment's words in memory.
    with in_cluster(app, "alfa"):
        reader = whoosh.searcher(posts)
        term = next(iter(whoosh.words_by_term(typed)))  # as the index spells it
        found = set()
        for leaf, _offset in reader.leaf_searchers():
            for name in whoosh.TEXT_FIELDS:
                ours = whoosh._Typo(name, term, maxdist=1, prefixlength=1)._within(leaf.reader())
                whooshs = FuzzyTerm(name, term, maxdist=1, prefixlength=1)._btexts(leaf.reader())
                assert sorted(ours) == sorted(whooshs)
                found.update(ours)
    assert bool(found) == (typed != "ksports")  # the first letter is never read as a typo
