"""Whom to meet: suggestions across clusters, other sectors first, each point explained."""

import pytest

from clusterhub.conferences.directory.suggestions import suggestions
from clusterhub.conferences.models import Participant
from clusterhub.extensions import db
from tenants.context import cross_tenant
from tests.conferences.directory_world import Fair
from tests.factories import make_participant, make_profile, make_user


@pytest.fixture
def fair(app, snapshot):
    return snapshot("directory-fair", lambda: Fair(app))


def _suggested(app, participant_id: int) -> list[tuple[str, int, list[str]]]:
    """(company, score, reason kinds) of each suggestion, best first."""
    with app.app_context(), cross_tenant():
        found = suggestions(db.session.get(Participant, participant_id))
        return [(m.card.company, m.score, [r.kind for r in m.reasons]) for m in found]


def _page(signed_in, email: str, path: str) -> str:
    visitor = signed_in(email)
    response = visitor.get(path)
    assert response.status_code == 200
    return response.get_data(as_text=True)


def test_a_cross_sector_complementary_partner_ranks_above_a_same_sector_one(app, fair):
    found = _suggested(app, fair.anna)
    assert [company for company, _, _ in found] == ["SIA Ceļvedis", "SIA Skaidas"]
    celvedis, skaidas = found
    assert celvedis[1] > skaidas[1]
    assert {"their_offer", "your_offer", "roles", "their_interest", "your_interest", "other_sector"} <= set(
        celvedis[2]
    )
    assert "same_sector" in skaidas[2] and "other_sector" not in skaidas[2]


def test_roles_count_only_when_the_other_participant_shows_them(app, fair):
    # Skaidas is a distributor too (complementary to Anna, a producer) but keeps its roles to itself.
    (skaidas,) = [found for found in _suggested(app, fair.anna) if found[0] == "SIA Skaidas"]
    assert "roles" not in skaidas[2]


def test_own_participation_is_never_suggested(app, fair):
    for participant, company in (
        (fair.anna, "SIA Kokmeistars"),
        (fair.celvedis, "SIA Ceļvedis"),
        (fair.skaidas, "SIA Skaidas"),
    ):
        assert company not in [found[0] for found in _suggested(app, participant)]


def test_registered_participants_only_are_suggested(app, fair):
    make_user(app, "late@beta.lv", "Vēlā Persona", "beta", "member", "SIA Vēlais")
    make_participant(
        app, fair.conference, "beta", "SIA Vēlais", status="nominated", offers="Loģistika eksportam uz Vāciju"
    )
    assert "SIA Vēlais" not in [found[0] for found in _suggested(app, fair.anna)]


def test_own_cluster_comes_after_an_equally_good_other_cluster(app, fair):
    for slug, company in (("alfa", "SIA Alfa Vedējs"), ("gamma", "SIA Gamma Vedējs")):
        email = f"vedejs@{slug}.lv"
        make_user(app, email, "Vedēja Persona", slug, "member", company)
        make_profile(app, slug, company, sectors=["Transports"])
        make_participant(app, fair.conference, slug, company, email, offers="Paletes vedam uz Vāciju")
    names = [found[0] for found in _suggested(app, fair.anna)]
    assert names.index("SIA Gamma Vedējs") < names.index("SIA Alfa Vedējs")
    scores = {found[0]: found[1] for found in _suggested(app, fair.anna)}
    assert scores["SIA Gamma Vedējs"] == scores["SIA Alfa Vedējs"]


def test_the_page_explains_each_suggestion_with_their_own_words(app, fair, signed_in):
    page = _page(signed_in, "anna@alfa.lv", fair.matches())
    assert page.index("SIA Ceļvedis") < page.index("SIA Skaidas")
    # Their offer "Loģistikas pakalpojumi … eksportam" answers Anna's "loģistikas partneri eksportam".
    assert "Their offer answers what you seek: “Loģistikas, eksportam”" in page
    # Anna's "Koka iepakojums" answers their "Iepakojumu kravām".
    assert "Your offer answers what they seek: their words “Iepakojumu”" in page
    assert "Complementary value-chain roles: theirs “Distributor”, yours “Producer”." in page
    assert "Interested in your sector: “Kokapstrāde”." in page
    assert "Same sector as yours (“kokapstrāde”)" in page
    assert f"meetings/new?with={fair.celvedis}" in page
    assert f"meetings/new?with={fair.anna}" not in page


def test_the_page_shows_only_what_suggested_participants_agreed_to_show(app, fair, signed_in):
    page = _page(signed_in, "anna@alfa.lv", fair.matches())
    assert "REDZAMS apraksts" in page and "bruno@beta.lv" in page
    assert "SLEPENS" not in page and "slepens.lv" not in page and "gita@gamma.lv" not in page


def test_a_participant_nobody_fits_is_told_how_to_get_suggestions(app, fair, signed_in):
    make_user(app, "dzintars@beta.lv", "Dzintara Persona", "beta", "member", "SIA Dzintars")
    make_participant(
        app, fair.conference, "beta", "SIA Dzintars", "dzintars@beta.lv", offers="Dzintara rotas"
    )
    page = _page(signed_in, "dzintars@beta.lv", fair.matches())
    assert "No suggestions yet." in page
    assert "SIA Kokmeistars" not in page


def test_the_organiser_has_no_suggestions_page(app, fair, signed_in):
    visitor = signed_in("org@clusterhub.lv")
    assert visitor.get(fair.matches()).status_code == 403
