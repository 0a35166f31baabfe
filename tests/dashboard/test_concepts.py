"""The gap between what members need and what nobody offers is computed on the vocabulary's concepts."""

import pytest

from clusterhub.extensions import db
from search.vocabulary.services import load_vocabulary
from tests.factories import riga


@pytest.fixture
def vocabulary_board(app, board):
    load_vocabulary()
    db.session.flush()
    return board


def test_a_need_is_covered_by_an_offer_of_the_same_or_a_narrower_concept_in_any_language(vocabulary_board):
    board = vocabulary_board
    seeker = board.member("Producents")
    board.member("Kadru Fabrika", competences=["3D animācija"])
    board.member("Amber Docs", competences=["Co-production"])
    at = riga(2026, 2, 1, 10, 0)
    board.post(seeker, at, tags=["animācija", "kopražojums", "scenogrāfija"])

    # "scenogrāfija" is the concept of set design, named in the reader's language (English here).
    assert [(word.key, word.name) for word in board.summary().gap] == [("scenography", "Set design")]


def test_the_spellings_of_one_concept_are_counted_together_under_its_label(vocabulary_board):
    board = vocabulary_board
    studio = board.member("Studija", sectors=["IT", "Informācijas tehnoloģijas"], competences=["Animation"])
    school = board.member("Skola", sectors=["ikt"], competences=["animācija", "Multenes"])
    at = riga(2026, 2, 1, 10, 0)
    board.post(studio, at, tags=["animācijas", "Animation"])
    board.post(school, at, tags=["Animācija"])
    board.post(school, at, kind="interest", tags=["multenes"])

    found = board.summary()

    words = {word.name: (word.requested, word.companies, word.askers) for word in found.requested}
    assert words == {"Animation": (2, 2, 2), "multenes": (1, 1, 1)}  # a post with two spellings counts once
    # The studio names the sector twice; its need counts once.
    assert [(tally.value, tally.name, tally.counts) for tally in found.sectors] == [
        (
            "nace-62",
            "Computer programming, consultancy and related activities",
            {"need": 2, "offer": 0, "interest": 1},
        )
    ]
    assert len(board.ids(kind="need", sector="nace-62")) == 2
    assert len(board.ids(word="animation", side="requested")) == 2
