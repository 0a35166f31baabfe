"""One person without clusters is enough for most security tests; the full world is slow to build."""

import pytest

from tests.factories import make_user

EMAIL = "member@alfa.lv"


@pytest.fixture
def person(app):
    return make_user(app, EMAIL, "Andris Bērziņš")
