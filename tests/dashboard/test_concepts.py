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

    assert [word.name for word in board.summary().gap] == ["scenogrāfija"]
