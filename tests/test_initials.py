"""A company without a logo shows its initials: the words that name it, not its legal form."""

import pytest

from clusterhub.markup import initials


@pytest.mark.parametrize(
    ("name", "shown"),
    [
        ("SIA Kadrs un Ritms", "KR"),
        ("AS Rīgas Kinostudija Nova", "RK"),
        ("SIA Ģeometrija 3D", "Ģ3"),
        ("Biedrība “Zaļā Josta”", "ZJ"),
        ("sia mazie burti", "?"),
    ],
)
def test_initials_skip_legal_forms_small_words_and_quotes(name, shown):
    assert initials(name) == shown
