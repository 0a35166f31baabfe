"""The managers' landing page shows the cluster's needs as charts and tables, and each number's posts."""

import re
from datetime import timedelta

import pytest
from sqlalchemy import select

from clusterhub.accounts.models import User
from clusterhub.clock import local_today
from clusterhub.companies.models import Company, CompanyMembership
from clusterhub.extensions import db
from clusterhub.members.services import end_membership
from clusterhub.posts.models import Post
from clusterhub.posts.services import update_post
from search.vocabulary.services import load_vocabulary
from tenants.context import tenant_scope
from tenants.models import Tenant
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


def _cluster(slug: str) -> Tenant:
    return db.session.scalar(select(Tenant).where(Tenant.slug == slug))


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


# The dashboard's counts of posts are kept between page loads until the cluster's posts or companies change
# or the day ends: each test below loads the page first, so that what it asserts comes after a kept answer.
def _row(page: str, label: str) -> list[int]:
    """The numbers of a table row: per kind, then all kinds (or needs, offers, member profiles for words)."""
    found = re.search(rf'<th scope="row">{re.escape(label)}</th>(.*?)</tr>', page, re.DOTALL)
    return [int(number) for number in re.findall(r"(\d+)(?:</a>)?</td>", found.group(1))] if found else []


def test_a_new_post_and_a_changed_one_show_on_a_dashboard_seen_before(app, manager, posted):
    before = manager.get(DASHBOARD).get_data(as_text=True)
    make_post(app, "alfa", CIEKURS, "member@alfa.lv", "Vajag mikrofonu", category="equipment", tags=["Skaņa"])
    with app.app_context(), tenant_scope(_cluster("alfa")):
        update_post(db.session.get(Post, posted["offer"]), {"tags": ["Gaisma"], "regions": ["kurzeme"]})
        db.session.commit()

    after = manager.get(DASHBOARD).get_data(as_text=True)

    assert _row(before, "Equipment sharing") == [0, 1, 0, 1]
    assert _row(after, "Equipment sharing") == [1, 1, 0, 2]
    assert _row(before, "Skaņa")[:2] == [0, 1] and _row(after, "Skaņa")[:2] == [1, 0]
    assert _row(after, "Gaisma")[:2] == [0, 1]
    assert _row(before, "Rīga")[1] == 1 and _row(after, "Rīga")[1] == 0 and _row(after, "Kurzeme")[1] == 1


def test_the_posts_of_a_company_that_left_leave_a_dashboard_seen_before(app, world, manager, posted):
    before = manager.get(DASHBOARD).get_data(as_text=True)
    with app.app_context(), tenant_scope(_cluster("alfa")):
        company = db.session.scalar(select(Company).where(Company.name == CIEKURS))
        link = db.session.scalar(select(CompanyMembership).where(CompanyMembership.company_id == company.id))
        end_membership(link, "former", db.session.get(User, world.manager_a), local_today())
        db.session.commit()

    after = manager.get(DASHBOARD).get_data(as_text=True)

    assert _row(before, "Exhibitions and trade missions") == [0, 0, 1, 1]
    assert _row(after, "Exhibitions and trade missions") == [0, 0, 0, 0]


def test_each_cluster_sees_its_own_counts_however_often_both_are_seen(app, world, manager, signed_in):
    beta = signed_in("manager@beta.lv")
    make_post(
        app, "beta", f"SIA {world.CANARY_B} Ēna", "manager@beta.lv", "Beta aprīkojums", category="equipment"
    )
    for _ in range(2):
        alfa_page = manager.get(DASHBOARD).get_data(as_text=True)
        beta_page = beta.get("/c/beta/manage/").get_data(as_text=True)

        assert _row(alfa_page, "Equipment sharing") == [0, 0, 0, 0]
        assert _row(beta_page, "Equipment sharing") == [1, 0, 0, 1]


def test_the_months_move_on_when_the_day_comes(app, clock, world, signed_in, posted):
    posted_in = f"{local_today():%Y-%m}"
    offers = r'period=all&amp;kind=offer&amp;month=([\d-]+)">1</a>'
    manager = signed_in("manager@alfa.lv")
    before = manager.get(f"{DASHBOARD}?period=all").get_data(as_text=True)
    clock.move_to(local_today() + timedelta(days=400))
    manager = signed_in("manager@alfa.lv")

    after = manager.get(f"{DASHBOARD}?period=all").get_data(as_text=True)

    # Still among the 24 months shown, in the month it was posted in.
    assert re.findall(offers, before) == [posted_in] and re.findall(offers, after) == [posted_in]
