"""Matching reads the shared vocabulary: every test here starts with it loaded, as `make run` does. It runs
on both search backends, as the search tests do."""

import pytest

from clusterhub.extensions import db
from search.vocabulary.services import load_vocabulary
from tests.search.conftest import search_backend, snapshot, whoosh_only

__all__ = ["search_backend", "snapshot", "whoosh_only"]


@pytest.fixture(autouse=True)
def vocabulary_loaded(app, search_backend):
    with app.app_context():
        load_vocabulary()
        db.session.commit()
