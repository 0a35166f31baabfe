"""The member directory: Latvian order, filters, free text ignoring case and accents, sorting, pages."""

import re
from datetime import date

from sqlalchemy import select

from clusterhub.companies.models import CompanyMembership
from clusterhub.extensions import db
from tenants.context import tenant_scope
from tenants.models import Tenant
from tests.companies.helpers import add_company
from tests.factories import make_tenant, make_user
from tests.statements import ids_asked_for, statements_sent


def _names(page: str) -> list[str]:
    """The company names of the directory's cards, in the order shown."""
    return re.findall(r'<h2><a href="/c/\w+/companies/\d+">([^<]+)</a></h2>', page)


def _directory(visitor, query: str = "") -> str:
    response = visitor.get(f"/c/alfa/companies{query}")
    assert response.status_code == 200
    return response.get_data(as_text=True)


def test_companies_are_listed_in_latvian_alphabetical_order(app, world, visitor):
    for name in ("Dārzi", "Čiekuri", "Cukurs", "Ābols", "Abava"):
        add_company(app, "alfa", name)
    visitor.login("member@alfa.lv")
    names = _names(_directory(visitor))
    # C < Č < D, and Ā sorts with A; a plain code-point sort would put Ā and Č after Z. The legal form is
    # left out of the order: "SIA CANARYALFA …" stands under C.
    assert names == [
        "Abava",
        "Ābols",
        "SIA CANARYALFA Ābele",
        "SIA CANARYALFA Čiekurs",
        "Cukurs",
        "Čiekuri",
        "Dārzi",
    ]


def test_the_legal_form_is_shown_but_left_out_of_the_order(app, world, visitor):
    for name in ("AS Rīgas Kinostudija", "Rīgas Kinostudija", "IK Zaļais", "Biedrība „Bites”", "Koks, SIA"):
        add_company(app, "alfa", name)
    visitor.login("member@alfa.lv")
    assert _names(_directory(visitor)) == [
        "Biedrība „Bites”",
        "SIA CANARYALFA Ābele",
        "SIA CANARYALFA Čiekurs",
        "Koks, SIA",
        "Rīgas Kinostudija",
        "AS Rīgas Kinostudija",
        "IK Zaļais",
    ]


def test_each_card_shows_region_size_sectors_roles_and_member_since(app, world, visitor):
    add_company(
        app,
        "alfa",
        "Kino Studija",
        member_since=date(2019, 3, 4),
        region="latgale",
        size="small",
        sectors=["Audiovizuālā tehnika"],
        roles=["education_research"],
    )
    visitor.login("member@alfa.lv")
    card = _directory(visitor, "?text=kino").split('class="cards"')[1]
    for text in (
        "Latgale · Small",
        "Audiovizuālā tehnika",
        "Education and research",
        "member since 4 Mar 2019",
    ):
        assert text in card


def test_each_card_lists_its_own_sectors_in_order_and_roles_in_value_chain_order(app, world, visitor):
    add_company(
        app,
        "alfa",
        "Kino Alfa",
        sectors=["Ēdināšana", "Audiovizuālā tehnika"],
        competences=["Skaņu ierakstīšana"],
        roles=["finance", "producer", "distributor"],
    )
    add_company(app, "alfa", "Kino Beta", sectors=["Būvniecība"])
    visitor.login("member@alfa.lv")
    cards = _directory(visitor, "?text=kino").split('<li class="card">')[1:]
    alfa, beta = (" ".join(card.split()) for card in cards)
    assert "<p>Audiovizuālā tehnika, Ēdināšana</p>" in alfa and "Skaņu ierakstīšana" not in alfa
    assert '<p class="muted">Producer, Distributor, Finance</p>' in alfa
    assert "<p>Būvniecība</p>" in beta and "Audiovizuālā" not in beta and "Producer" not in beta


def test_filters_by_sector_region_size_role_and_competence(app, world, visitor):
    add_company(
        app,
        "alfa",
        "Skaņas Meistari",
        region="riga",
        size="micro",
        roles=["producer", "distributor"],
        sectors=["Audiovizuālā tehnika"],
        competences=["Skaņu ierakstīšana"],
    )
    add_company(
        app,
        "alfa",
        "Zemgales Koks",
        region="zemgale",
        size="large",
        roles=["finance"],
        sectors=["Kokapstrāde"],
    )
    visitor.login("member@alfa.lv")
    expected = {
        "?sector=Audiovizuālā+tehnika": ["Skaņas Meistari"],
        "?sector=Kokapstrāde": ["Zemgales Koks"],
        "?region=zemgale": ["Zemgales Koks"],
        "?region=kurzeme": ["SIA CANARYALFA Čiekurs"],
        "?size=micro": ["Skaņas Meistari"],
        "?role=distributor": ["Skaņas Meistari"],
        "?role=producer": ["SIA CANARYALFA Čiekurs", "Skaņas Meistari"],
        "?competence=Skaņu+ierakstīšana": ["Skaņas Meistari"],
        "?role=producer&region=riga": ["Skaņas Meistari"],
    }
    for query, names in expected.items():
        assert _names(_directory(visitor, query)) == names, query


def test_the_sector_and_competence_lists_offer_the_clusters_own_tags(app, world, visitor):
    add_company(app, "alfa", "Skaņas Meistari", sectors=["Audiovizuālā tehnika"], competences=["Montāža"])
    visitor.login("member@alfa.lv")
    page = _directory(visitor)
    assert '<option value="Audiovizuālā tehnika">' in page and '<option value="Montāža">' in page
    assert "CANARYBETA" not in page


def test_free_text_finds_words_without_regard_to_case_or_latvian_accents(app, world, visitor):
    add_company(app, "alfa", "RĪGAS KOKS")
    add_company(app, "alfa", "Ozols", description="Mēbeļu ražotne Rīgā, Ķengaragā.")
    add_company(app, "alfa", "Liepa", competences=["Skaņu ierakstīšana"])
    add_company(app, "alfa", "Bērzs", description="Mežizstrāde Latgalē")
    visitor.login("member@alfa.lv")
    for typed in ("riga", "RIGA", "Rīga", "rīgā", "RĪGA"):
        assert _names(_directory(visitor, f"?text={typed}")) == ["Ozols", "RĪGAS KOKS"], typed
    assert _names(_directory(visitor, "?text=kengaraga")) == ["Ozols"]
    assert _names(_directory(visitor, "?text=skanu+IERAKSTISANA")) == ["Liepa"]  # a competence tag
    assert _names(_directory(visitor, "?text=rigas+koks")) == ["RĪGAS KOKS"]  # every word must match
    assert _names(_directory(visitor, "?text=mebelu+riga")) == ["Ozols"]


def test_free_text_treats_wildcards_as_plain_characters(app, world, visitor):
    add_company(app, "alfa", "Procenti", description="Atlaide 100% biedriem")
    visitor.login("member@alfa.lv")
    assert _names(_directory(visitor, "?text=%25")) == ["Procenti"]
    assert _names(_directory(visitor, "?text=_")) == []


def test_free_text_combines_with_the_other_filters(app, world, visitor):
    add_company(app, "alfa", "Rīgas Audio", region="riga")
    add_company(app, "alfa", "Rīgas Bites", region="pieriga")
    visitor.login("member@alfa.lv")
    assert _names(_directory(visitor, "?text=rigas&region=pieriga")) == ["Rīgas Bites"]


def test_newest_members_first_and_by_region_on_request(app, world, visitor):
    add_company(app, "alfa", "Vecais", member_since=date(2010, 1, 1), region="latgale")
    add_company(app, "alfa", "Vidējais", member_since=date(2018, 1, 1), region="riga")
    add_company(app, "alfa", "Jaunais", member_since=date(2024, 6, 1), region="vidzeme")
    visitor.login("member@alfa.lv")
    newest = _names(_directory(visitor, "?sort=newest"))
    assert newest[-3:] == ["Jaunais", "Vidējais", "Vecais"]
    by_region = _names(_directory(visitor, "?sort=region"))
    # Rīga, Pierīga, Vidzeme, Kurzeme, Zemgale, Latgale, abroad, then companies that gave no region.
    assert by_region == ["Vidējais", "Jaunais", "SIA CANARYALFA Čiekurs", "Vecais", "SIA CANARYALFA Ābele"]


def test_pages_keep_the_filters(app, world, visitor):
    app.config["PAGE_SIZE"] = 2
    for name in ("Alfa", "Beta", "Gamma"):
        add_company(app, "alfa", f"{name} Rīga", region="riga")
    visitor.login("member@alfa.lv")
    first = _directory(visitor, "?region=riga&sort=name")
    assert _names(first) == ["Alfa Rīga", "Beta Rīga"] and "3 companies" in first
    next_link = re.search(r'href="([^"]+)" rel="next"', first).group(1).replace("&amp;", "&")
    assert "region=riga" in next_link and "page=2" in next_link
    assert _names(visitor.get(next_link).get_data(as_text=True)) == ["Gamma Rīga"]


def test_no_match_says_so_and_offers_to_clear_the_filters(app, world, visitor):
    visitor.login("member@alfa.lv")
    page = _directory(visitor, "?text=nekas+tāds&region=latgale")
    assert "No company matches these filters." in page
    assert re.search(r'<a href="/c/alfa/companies">Clear filters</a>', page)


def test_a_cluster_without_companies_says_so(app, visitor):
    make_tenant(app, "gamma")
    make_user(app, "solo@gamma.lv", "Solo", "gamma")
    visitor.login("solo@gamma.lv")
    page = visitor.get("/c/gamma/companies").get_data(as_text=True)
    assert "No member companies yet." in page and "Clear filters" not in page


def test_an_unknown_filter_value_is_shown_as_an_error_and_ignored(app, world, visitor):
    visitor.login("member@alfa.lv")
    page = _directory(visitor, "?sector=Nav+tādas&region=atlantida")
    assert "Not a valid choice." in page
    assert _names(page) == ["SIA CANARYALFA Ābele", "SIA CANARYALFA Čiekurs"]


def test_members_see_only_the_companies_of_their_cluster(app, world, visitor):
    visitor.login("member@alfa.lv")
    page = _directory(visitor, "?text=CANARYBETA")
    assert _names(page) == [] and "No company matches these filters." in page
    everything = _directory(visitor)
    assert "CANARYBETA" not in everything and "2 companies" in everything


def test_a_page_counts_the_memberships_alone_and_loads_only_its_own_companies(app, world, visitor):
    app.config["PAGE_SIZE"] = 2
    for name in ("Alfa", "Beta", "Gamma"):
        add_company(app, "alfa", f"{name} Rīga", region="riga", sectors=["Kino"])
    visitor.login("member@alfa.lv")
    _directory(visitor)
    with statements_sent(app) as sent:
        page = _directory(visitor, "?page=2")
    assert _names(page) == ["SIA CANARYALFA Ābele", "SIA CANARYALFA Čiekurs"] and "5 companies" in page
    counts = [statement for statement in sent if "count(company_memberships.id)" in statement]
    assert len(counts) == 1 and "companies" not in counts[0].replace("company_memberships", "")
    loads = [statement for statement in sent if "companies.description" in statement]
    # Asked by membership or by company, whichever side the page read its order from.
    asked = ids_asked_for(loads[0], "company_memberships.id") + ids_asked_for(
        loads[0], "company_memberships.company_id"
    )
    assert len(loads) == 1 and asked == 2
    with statements_sent(app) as sent:
        filtered = _directory(visitor, "?region=riga&page=2")
    assert _names(filtered) == ["Gamma Rīga"] and "3 companies" in filtered
    assert len([statement for statement in sent if "companies.description" in statement]) == 1


def _leave(app, tenant_slug: str, company_id: int) -> None:
    with app.app_context(), tenant_scope(db.session.scalar(select(Tenant).where(Tenant.slug == tenant_slug))):
        link = db.session.scalar(select(CompanyMembership).where(CompanyMembership.company_id == company_id))
        link.left_on, link.left_reason = date(2024, 5, 1), "left"
        db.session.commit()


def test_a_cluster_of_most_of_the_platforms_companies_pages_through_its_members_in_order(app, world, visitor):
    # Such a cluster's pages walk all companies by name (cheaper than sorting thousands of members): what
    # they show is the same list, without former members or other clusters' companies met on the way.
    app.config["PAGE_SIZE"] = 3
    names = (
        "Ērglis",
        "Āboliņš",
        "Zīle",
        "Cīrulis",
        "Čakste",
        "Dzenis",
        "Gulbis",
        "Krauklis",
        "Pūce",
        "Strazds",
    )
    ids = {name: add_company(app, "alfa", name) for name in names}
    _leave(app, "alfa", ids["Pūce"])
    add_company(app, "beta", "Dārznieks")
    visitor.login("member@alfa.lv")
    with statements_sent(app) as sent:
        pages = [_directory(visitor, f"?page={number}") for number in (1, 2, 3, 4)]
    assert [_names(page) for page in pages] == [
        ["Āboliņš", "SIA CANARYALFA Ābele", "SIA CANARYALFA Čiekurs"],
        ["Cīrulis", "Čakste", "Dzenis"],
        ["Ērglis", "Gulbis", "Krauklis"],
        ["Strazds", "Zīle"],
    ]
    assert all("11 companies" in page for page in pages)
    assert not [statement for statement in sent if statement.startswith("SELECT company_memberships.id")]
