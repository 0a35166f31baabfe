"""The managers' landing page shows the cluster's needs as charts and tables, and each number's posts."""

import re

import pytest

from clusterhub.extensions import db
from search.vocabulary.services import load_vocabulary
from tests.factories import make_post, make_profile, make_response, make_tenant, make_user
from tests.posts.conftest import ABELE, CIEKURS

DASHBOARD = "/c/alfa/manage/"
POSTS = "/c/alfa/manage/needs/posts"


@pytest.fixture
def manager(world, visitor):
    visitor.login("manager@alfa.lv")
    return visitor


@pytest.fixture
def posted(app, world):
    """Besides the world's need (post_a, answered): an offer and an interest with regions and tags."""
    offer = make_post(
        app,
        "alfa",
        ABELE,
        "manager@alfa.lv",
        "Skaņas ierakstu studija",
        kind="offer",
        category="equipment",
        regions=["riga"],
        tags=["Skaņa"],
    )
    interest = make_post(
        app,
        "alfa",
        CIEKURS,
        "member@alfa.lv",
        "Kopīgs stends izstādē",
        kind="interest",
        category="exhibitions",
        tags=["Izstādes"],
    )
    make_response(app, "alfa", interest, ABELE, "manager@alfa.lv", "Piedalāmies!")
    return {"offer": offer, "interest": interest}


def _titles(page: str) -> list[str]:
    return re.findall(r'<h2><a href="/c/alfa/posts/\d+">([^<]+)</a></h2>', page)


def test_a_manager_lands_on_the_needs_dashboard_with_charts_and_tables(manager, posted):
    response = manager.get(DASHBOARD)

    page = response.get_data(as_text=True)
    assert response.status_code == 200
    assert "<h1>Aggregated needs</h1>" in page
    # months, states, categories, sectors, regions, interest groups (the world's cluster has one), requested,
    # offered: titled pictures in sections that open
    assert page.count('<svg xmlns="http://www.w3.org/2000/svg" role="group"') == 8
    assert page.count('<details class="section"') == 10  # the kinds' table, the 8 charts and the gap
    assert '<title id="chart-categories-title">Posts by category</title>' in page
    assert '<desc id="chart-categories-desc">' in page
    assert page.count("<details>") == 8 and page.count("<caption>") >= 8
    assert '<th scope="col">Category</th>' in page and '<th scope="row">Equipment sharing</th>' in page
    assert "style=" not in page and "<script" not in page  # nothing the content security policy forbids
    assert f'href="{POSTS}?period=12&amp;kind=offer&amp;category=equipment"' in page
    assert "CANARYBETA" not in page


def test_the_gap_shows_what_is_needed_but_not_offered(app, manager, posted):
    # The world is built with or without the vocabulary, whichever test builds it first: load it here.
    with app.app_context():
        load_vocabulary()
        db.session.commit()
    page = manager.get(DASHBOARD).get_data(as_text=True)

    gap = page[page.index('id="gap-heading"') :]
    # A free tag as typed; "Izstādes" by its concept, named in the reader's language.
    assert "CANARYALFA birka</th>" in gap and "Trade fairs</th>" in gap
    assert "Skaņa</th>" not in gap  # offered, so not a gap


def test_members_may_not_open_the_dashboard_or_its_lists(world, visitor):
    visitor.login("member@alfa.lv")

    assert visitor.get(DASHBOARD).status_code == 403
    assert visitor.get(f"{POSTS}?kind=need").status_code == 403
    assert f'href="{DASHBOARD}"' not in visitor.get("/c/alfa/").get_data(as_text=True)


def test_the_management_link_leads_managers_to_the_dashboard(manager):
    page = manager.get("/c/alfa/").get_data(as_text=True)

    assert f'<a href="{DASHBOARD}">Aggregated needs</a>' in page


def test_a_drill_down_lists_exactly_the_posts_behind_the_number(manager, posted):
    offers = manager.get(f"{POSTS}?period=12&kind=offer").get_data(as_text=True)
    answered = manager.get(f"{POSTS}?period=12&state=responded").get_data(as_text=True)
    riga = manager.get(f"{POSTS}?period=12&region=riga").get_data(as_text=True)
    everywhere = manager.get(f"{POSTS}?period=all&region=all").get_data(as_text=True)

    assert _titles(offers) == ["Skaņas ierakstu studija"]
    assert "Posts: Kind: Offer · since" in offers
    assert f'href="{DASHBOARD}?period=12">Aggregated needs' in offers
    assert _titles(answered) == ["Kopīgs stends izstādē", "CANARYALFA vajadzība"]
    assert "With at least one response" in answered
    assert _titles(riga) == ["Skaņas ierakstu studija"]
    assert _titles(everywhere) == ["Kopīgs stends izstādē", "CANARYALFA vajadzība"]
    assert "Region: All regions (none named) · all time" in everywhere


def test_a_drill_down_by_word_names_the_word_and_the_side(manager, posted, app):
    page = manager.get(DASHBOARD).get_data(as_text=True)
    link = re.search(
        r'href="(/c/alfa/manage/needs/posts\?period=12&amp;word=\d+&amp;side=requested)">1</a>', page
    )

    listed = manager.get(link.group(1).replace("&amp;", "&")).get_data(as_text=True)

    assert len(_titles(listed)) == 1
    assert "Tag “" in listed and "Requested in needs and interests" in listed


def test_a_long_drill_down_is_paged_and_keeps_its_filter(app, manager, posted):
    app.config["PAGE_SIZE"] = 1

    first = manager.get(f"{POSTS}?period=12&state=responded").get_data(as_text=True)
    second = manager.get(f"{POSTS}?period=12&state=responded&page=2").get_data(as_text=True)

    assert "Page 1 of 2" in first
    assert f'href="{POSTS}?page=2&amp;period=12&amp;state=responded"' in first
    assert _titles(first) + _titles(second) == ["Kopīgs stends izstādē", "CANARYALFA vajadzība"]


@pytest.mark.parametrize(
    "query",
    [
        "kind=wish",
        "month=2026-13",
        "month=0001-01",  # beyond what the calendar arithmetic can handle
        "month=9999-12",
        "region=mars",
        "state=lost",
        "word=123",  # a word needs its side
        "side=offered",
        "sector=424242",  # no company names such a sector
        "word=424242&side=requested",
    ],
)
def test_a_broken_drill_down_address_is_not_found(manager, query):
    assert manager.get(f"{POSTS}?{query}").status_code == 404


def test_an_unknown_period_falls_back_to_twelve_months(manager, posted):
    page = manager.get(f"{DASHBOARD}?period=forever").get_data(as_text=True)
    listed = manager.get(f"{POSTS}?period=forever&kind=offer").get_data(as_text=True)

    assert '<option selected value="12">' in page
    assert f'href="{DASHBOARD}?period=12">Aggregated needs' in listed


def test_a_cluster_without_posts_says_so(app, visitor):
    make_tenant(app, "tuksa")
    make_user(app, "vaditajs@tuksa.lv", "Vadītājs", "tuksa", "manager", "SIA Tukša")
    visitor.login("vaditajs@tuksa.lv")

    page = visitor.get("/c/tuksa/manage/").get_data(as_text=True)

    assert "No member company has posted" in page and "<svg" not in page


def test_the_dashboard_speaks_latvian(app, world, signed_in, posted):
    make_user(
        app, "latviete@alfa.lv", "Latviete", "alfa", "manager", f"SIA {world.CANARY_A} Ābele", language="lv"
    )
    visitor = signed_in("latviete@alfa.lv", "lv")

    dashboard = visitor.get(DASHBOARD)
    listed = visitor.get(f"{POSTS}?period=24&kind=need")

    assert dashboard.status_code == 200 and listed.status_code == 200
    assert '<html lang="lv">' in dashboard.get_data(as_text=True)
    assert _titles(listed.get_data(as_text=True)) == ["CANARYALFA vajadzība"]


def test_a_gap_entry_names_its_concept_and_opens_the_posts_and_the_companies_asking(app, world, signed_in):
    with app.app_context():
        load_vocabulary()
        db.session.commit()
    make_post(app, "alfa", CIEKURS, "member@alfa.lv", "Meklējam scenogrāfu", tags=["scenogrāfija"])
    make_post(app, "alfa", ABELE, "manager@alfa.lv", "Vajag dekorācijas", tags=["Set design"])
    manager = signed_in("manager@alfa.lv")  # who reads English: the concept has its English label

    page = manager.get(DASHBOARD).get_data(as_text=True)
    behind = f"{POSTS}?period=12&amp;word=scenography&amp;side=requested"
    row = f'<th scope="row">Set design</th><td class="number"><a href="{behind}">2</a></td>'
    assert f'{row}<td class="number"><a href="{behind}#companies">2</a></td>' in page

    listed = manager.get(behind.replace("&amp;", "&")).get_data(as_text=True)
    assert set(_titles(listed)) == {"Meklējam scenogrāfu", "Vajag dekorācijas"}
    companies = listed.split('id="companies"')[1]
    assert ABELE in companies and CIEKURS in companies


def test_the_directory_filter_of_a_competence_finds_every_spelling_of_its_concept(app, world, signed_in):
    with app.app_context():
        load_vocabulary()
        db.session.commit()
    make_profile(app, "alfa", CIEKURS, competences=["Set design"])
    make_profile(app, "alfa", ABELE, competences=["scenogrāfija"])

    page = (
        signed_in("manager@alfa.lv").get("/c/alfa/companies?competence=Scenogrāfija").get_data(as_text=True)
    )

    assert CIEKURS in page and ABELE in page
