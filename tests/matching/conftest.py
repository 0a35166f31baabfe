"""Matching reads the shared vocabulary: every test here starts with it loaded, as `make run` does."""

import pytest

from clusterhub.extensions import db
from search.vocabulary.services import load_vocabulary


@pytest.fixture(autouse=True)
def vocabulary_loaded(app):
    with app.app_context():
        load_vocabulary()
        db.session.commit()
