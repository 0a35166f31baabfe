"""The participant directory: every registered company across clusters, as far as each agreed to be shown."""

import pytest

from tests.conferences.directory_world import Fair
from tests.factories import make_conference, make_participant, make_user


@pytest.fixture
def fair(app, snapshot):
    return snapshot("directory-fair", lambda: Fair(app))


def _cards(response) -> str:
    """The list of participants, without the filters (whose choices name every region and role)."""
    body = response.get_data(as_text=True)
    return body.split('role="search"', 1)[1].split("</form>", 1)[1]


def test_participants_of_every_invited_cluster_are_listed_with_their_cluster(app, fair, signed_in):
    page = _cards(signed_in("anna@alfa.lv").get(fair.participants()))
    for company, cluster in (
        ("SIA Kokmeistars", "Alfa klasteris"),
        ("SIA Ceļvedis", "Beta klasteris"),
        ("SIA Skaidas", "Gamma klasteris"),
    ):
        assert company in page and cluster in page
    assert "3 participants" in page
    assert "Loģistikas pakalpojumi un kravu pārvadājumi eksportam" in page  # what they offer


def test_companies_that_asked_or_were_nominated_but_did_not_register_are_not_listed(app, fair, signed_in):
    page = signed_in("bruno@beta.lv").get(fair.participants()).get_data(as_text=True)
    assert "SIA Lūdzējs" not in page
    assert "SIA Nominētais" not in page
    assert "SIA Mājās" not in page


def test_fields_shown_by_consent_appear_and_hidden_ones_never_do(app, fair, signed_in):
    page = _cards(signed_in("anna@alfa.lv").get(fair.participants()))
    # Ceļvedis shows its description, website, region, roles and contact person.
    assert "REDZAMS apraksts" in page
    assert "https://celvedis.lv" in page
    assert "Vidzeme" in page
    assert "Distributor" in page
    assert "Persona SIA Ceļvedis" in page and "bruno@beta.lv" in page
    # Skaidas shows nothing optional; Anna's own company neither.
    assert "SLEPENS" not in page
    assert "slepens.lv" not in page
    assert "Latgale" not in page
    assert "Small" not in page
    assert "gita@gamma.lv" not in page and "Persona SIA Skaidas" not in page
    assert "Kurzeme" not in page and "Producer" not in page


def test_competences_and_other_cluster_data_are_not_shown(app, fair, signed_in):
    make_user(app, "colleague@beta.lv", "Kolēģe SLEPENA", "beta", "member", "SIA Ceļvedis")
    page = _cards(signed_in("anna@alfa.lv").get(fair.participants()))
    assert "SLEPENA" not in page
    assert "colleague@beta.lv" not in page


def test_region_filter_finds_only_participants_who_show_their_region(app, fair, signed_in):
    visitor = signed_in("anna@alfa.lv")
    shown = _cards(visitor.get(f"{fair.participants()}?region=vidzeme"))
    assert "SIA Ceļvedis" in shown and "SIA Skaidas" not in shown
    # Skaidas is in Latgale but does not show it: the filter must not give that away.
    hidden = _cards(visitor.get(f"{fair.participants()}?region=latgale"))
    assert "SIA Skaidas" not in hidden
    assert "No participant matches these filters." in hidden


def test_role_filter_finds_only_participants_who_show_their_roles(app, fair, signed_in):
    body = _cards(signed_in("anna@alfa.lv").get(f"{fair.participants()}?role=distributor"))
    assert "SIA Ceļvedis" in body
    assert "SIA Skaidas" not in body  # a distributor that keeps its roles to itself


def test_cluster_and_sector_filters(app, fair, signed_in):
    visitor = signed_in("anna@alfa.lv")
    gamma = _cards(visitor.get(f"{fair.participants()}?cluster=gamma"))
    assert "SIA Skaidas" in gamma and "SIA Ceļvedis" not in gamma and "SIA Kokmeistars" not in gamma
    wood = _cards(visitor.get(f"{fair.participants()}?sector=Kokapstrāde"))
    assert "SIA Kokmeistars" in wood and "SIA Skaidas" in wood and "SIA Ceļvedis" not in wood


def test_search_finds_latvian_inflected_forms_without_accents(app, fair, signed_in):
    visitor = signed_in("anna@alfa.lv")
    # Ceļvedis offers "kravu pārvadājumi"; someone types another case, without the long vowels.
    page = _cards(visitor.get(f"{fair.participants()}?text=parvadajumus"))
    assert "SIA Ceļvedis" in page
    assert "SIA Skaidas" not in page and "SIA Kokmeistars" not in page
    # The sector counts too: "kokapstrādes" finds both wood processors.
    page = _cards(visitor.get(f"{fair.participants()}?text=kokapstrādes"))
    assert "SIA Skaidas" in page and "SIA Kokmeistars" in page


def test_search_does_not_look_into_hidden_fields(app, fair, signed_in):
    page = signed_in("anna@alfa.lv").get(f"{fair.participants()}?text=slepens")
    assert "SIA Skaidas" not in page.get_data(as_text=True)


def test_search_of_only_common_words_says_so(app, fair, signed_in):
    page = signed_in("anna@alfa.lv").get(f"{fair.participants()}?text=un+ar")
    assert "too common" in page.get_data(as_text=True)


def test_sorting_by_cluster(app, fair, signed_in):
    body = _cards(signed_in("anna@alfa.lv").get(f"{fair.participants()}?sort=cluster"))
    assert body.index("SIA Kokmeistars") < body.index("SIA Ceļvedis") < body.index("SIA Skaidas")


def test_long_directories_are_paged(app, fair, signed_in):
    for number in range(30):
        email = f"p{number}@beta.lv"
        make_user(app, email, f"Persona {number}", "beta", "member", f"SIA Dalībnieks {number:02d}")
        make_participant(app, fair.conference, "beta", f"SIA Dalībnieks {number:02d}", email)
    visitor = signed_in("anna@alfa.lv")
    first = visitor.get(fair.participants()).get_data(as_text=True)
    assert "33 participants" in first and "Page 1 of 2" in first
    second = _cards(visitor.get(f"{fair.participants()}?page=2"))
    assert "Page 2 of 2" in second and "SIA Skaidas" in second
    past = _cards(visitor.get(f"{fair.participants()}?page=9"))
    assert "There is no participant on this page." in past


def test_every_card_but_ones_own_offers_a_meeting_request(app, fair, signed_in):
    page = _cards(signed_in("anna@alfa.lv").get(fair.participants()))
    assert f"meetings/new?with={fair.celvedis}" in page
    assert f"meetings/new?with={fair.skaidas}" in page
    assert f"meetings/new?with={fair.anna}" not in page


def test_the_organiser_sees_the_directory_without_meeting_requests(app, fair, signed_in):
    response = signed_in("org@clusterhub.lv").get(fair.participants())
    body = response.get_data(as_text=True)
    assert response.status_code == 200
    assert "SIA Skaidas" in body and "SLEPENS" not in body
    assert "meetings/new" not in body


@pytest.mark.parametrize(
    "email",
    [
        "asks@gamma.lv",  # invited cluster, asked to go
        "nominee@gamma.lv",  # invited cluster, nominated company, but someone else would register it
        "stay@gamma.lv",  # invited cluster, not going
        "delta@delta.lv",  # cluster not invited
    ],
)
def test_non_participants_are_refused_and_see_nothing(app, fair, signed_in, email):
    visitor = signed_in(email)
    for path in (fair.participants(), fair.matches()):
        response = visitor.get(path)
        body = response.get_data(as_text=True)
        assert response.status_code == 403, path
        for text in ("SIA Ceļvedis", "SIA Skaidas", "SIA Kokmeistars", "Loģistikas pakalpojumi"):
            assert text not in body, path


def test_a_conference_without_registrations_says_so(app, fair, signed_in):
    empty = make_conference(app, "org@clusterhub.lv", {"alfa": 5}, title="Tukša konference")
    page = signed_in("org@clusterhub.lv").get(f"/events/{empty}/participants")
    assert "No company has registered for this conference yet." in page.get_data(as_text=True)
