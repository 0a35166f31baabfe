"""Each kind of match reason in the words a member reads, from both sides of the need, in both languages."""

import pytest
from flask_babel import get_translations
from markupsafe import Markup

from search.matching.scoring import Reason
from search.matching.wording import breakdown, reason_text

NEED = Markup('“<a href="/c/rada/posts/7">Animācija</a>”')


def worded(app, reason: Reason, mine: bool = True, language: str = "en") -> str:
    with app.test_request_context(headers={"Accept-Language": language}):
        return str(reason_text(reason, NEED, mine, get_translations().ugettext))


@pytest.mark.parametrize(
    ("where", "mine", "source"),
    [
        ("competence", True, "Their competence “3D <b>”"),
        ("competence", False, "Your competence “3D <b>”"),
        ("sector", True, "Their sector “3D <b>”"),
        ("offer", False, "Your offer “3D <b>”"),
        ("offer_text", True, "The description of their offer “3D <b>”"),
        ("infrastructure", False, "Your infrastructure mentions “3D <b>”"),
        ("description", True, "Their description mentions “3D <b>”"),
        ("description", False, "Your company's description mentions “3D <b>”"),
    ],
)
def test_matched_words_say_where_they_are_on_whose_side(app, where, mine, source):
    text = worded(app, Reason("words", where, theirs="3D <b>", yours="animāciju"), mine)
    need = "your need" if mine else "their need"
    words = "your words" if mine else "their words"
    # The other company's text is escaped; the need's link stays a link.
    assert text == f"{source.replace('<b>', '&lt;b&gt;')} ↔\n{need} {NEED}: {words} “animāciju”"


def test_a_concept_is_named_beside_the_words(app):
    reason = Reason("concept", "competence", theirs="Renderēšana", yours="3D", concept="no-such-concept")
    assert worded(app, reason).endswith("your words “3D” (concept: no-such-concept)")
    assert worded(app, reason, mine=False).startswith("Your competence “Renderēšana” ↔\ntheir need")


def test_roles_category_group_and_region_read_from_the_viewers_side(app):
    roles = Reason("roles", their_role="distributor", your_role="producer")
    assert worded(app, roles) == (
        "Their role: Distributor; yours: Producer — complementary in the value chain."
    )
    assert worded(app, roles, mine=False) == (
        "Their role: Producer; yours: Distributor — complementary in the value chain."
    )
    category = Reason("category", "research", their_role="distributor")
    assert worded(app, category, mine=False).startswith("Your role “Distributor” usually answers needs")
    assert worded(app, Reason("group", theirs="Animācija & co")) == "Both in the group: Animācija &amp; co."
    assert worded(app, Reason("region", theirs="vidzeme")) == "Same region: Vidzeme."


def test_reasons_are_in_the_readers_language(app):
    reason = Reason("words", "competence", theirs="Renderēšana", yours="3D")
    assert worded(app, reason, language="lv").startswith("Viņu kompetence „Renderēšana” ↔\nJūsu vajadzība")
    assert worded(app, Reason("region", theirs="riga"), language="lv") == "Tas pats reģions: Rīga."


def test_a_score_is_told_in_each_readers_language_though_it_is_made_once(app):
    points = {"words": 40, "roles": 15, "region": 0, "group": None}
    told = {}
    for language in ("en", "lv", "en"):
        with app.test_request_context(headers={"Accept-Language": language}):
            told.setdefault(language, []).append(str(breakdown(points, 55)))
    assert "<strong>55 / 100</strong>" in told["en"][0]
    assert (
        "(words 40 of 70, value-chain role 15 of 15, region 0 of 10, interest group 0 of 5)" in told["en"][0]
    )
    assert "Atbilstības punkti:" in told["lv"][0] and "Match score:" not in told["lv"][0]
    assert told["en"][0] == told["en"][1]
