"""The search page's filters: counts beside each value, links that add and remove them, the type and sort."""

import html
import re

import pytest
from markupsafe import escape

from clusterhub.collation import latvian_sort_key
from tests.factories import make_post, make_profile, make_user
from tests.search.test_page import page, result_names

SEARCHER = "searcher@alfa.lv"
STUDIO = "SIA Studija Rīgā"
VIDEO = "SIA Video Kurzemē"
SOUND = "SIA Skaņa Rīgā"
SECTOR = "Audiovizuālā nozare"


@pytest.fixture
def studios(app, alfa, signed_in):
    """Three studios (two in Rīga, one in Kurzeme) and two of their posts; a visitor signed in as a member."""
    profiles = {
        STUDIO: {"region": "riga", "size": "small", "roles": ["producer"], "sectors": [SECTOR]},
        VIDEO: {
            "region": "kurzeme",
            "size": "micro",
            "roles": ["producer", "distributor"],
            "sectors": [SECTOR],
        },
        SOUND: {"region": "riga", "size": "small", "roles": ["resource_holder"], "sectors": ["Mūzika"]},
    }
    for number, (name, profile) in enumerate(profiles.items()):
        make_user(app, f"studio{number}@alfa.lv", "Pārstāvis", "alfa", "member", name)
        make_profile(app, "alfa", name, description="Studija ar pieredzi.", **profile)
    make_user(app, SEARCHER, "Sanita Meklētāja", "alfa", "member")
    make_post(app, "alfa", STUDIO, "studio0@alfa.lv", "Studija meklē eksportu", "need", "export")
    make_post(app, "alfa", VIDEO, "studio1@alfa.lv", "Studija piedāvā apmācības", "offer", "training")
    visitor = signed_in(SEARCHER)
    return visitor


def facet_link(body: str, href: str, text: str, count: int) -> bool:
    """Whether the page links a filter value with its count."""
    return (
        f'<a href="{href}"><span aria-hidden="true">☐</span> {text} <span class="count">({count})</span></a>'
        in body
    )


def chip(body: str, href: str, text: str) -> bool:
    """Whether the page shows a chosen filter whose link removes it."""
    return f'<li><a href="{href}"><span aria-hidden="true">×</span> {text}<span' in body


def test_each_filter_value_shows_how_many_results_it_keeps(studios):
    _, body = page(studios, q="studija")
    assert "5 results" in body and "(3 companies, 2 posts)" in body
    assert facet_link(body, "/c/alfa/search?q=studija&amp;region=riga", "Rīga", 2)
    assert facet_link(body, "/c/alfa/search?q=studija&amp;region=kurzeme", "Kurzeme", 1)
    assert facet_link(body, "/c/alfa/search?q=studija&amp;size=small", "Small", 2)
    assert facet_link(body, "/c/alfa/search?q=studija&amp;role=producer", "Producer", 2)
    assert facet_link(body, "/c/alfa/search?q=studija&amp;kind=need", "Need", 1)
    assert facet_link(body, "/c/alfa/search?q=studija&amp;category=training", "Training", 1)
    assert facet_link(body, "/c/alfa/search?q=studija&amp;status=open", "Open", 2)


def test_a_filter_narrows_the_results_and_can_be_removed(studios):
    _, body = page(studios, q="studija", region="riga")
    assert sorted(result_names(body)) == [SOUND, STUDIO]
    assert "2 results" in body
    assert chip(body, "/c/alfa/search?q=studija", "Rīga")
    # The chosen value is marked in its list, and its link takes the filter away again.
    assert (
        '<a href="/c/alfa/search?q=studija" aria-current="true"><span aria-hidden="true">☑</span> Rīga'
        in body
    )
    # Another filter is added to the chosen one.
    assert facet_link(body, "/c/alfa/search?q=studija&amp;region=riga&amp;size=small", "Small", 2)


def test_a_new_search_keeps_the_chosen_filters(studios):
    _, body = page(studios, q="studija", region="riga", role="producer")
    assert '<input type="hidden" name="region" value="riga">' in body
    assert '<input type="hidden" name="role" value="producer">' in body
    assert 'href="/c/alfa/search?q=studija">Remove all filters</a>' in body


def test_sectors_are_shown_by_name_and_filter_by_their_key(studios):
    key = latvian_sort_key(SECTOR)
    _, body = page(studios, q="studija")
    assert facet_link(body, f"/c/alfa/search?q=studija&amp;sector={key}", SECTOR, 2)
    assert facet_link(body, f"/c/alfa/search?q=studija&amp;sector={latvian_sort_key('Mūzika')}", "Mūzika", 1)
    _, chosen = page(studios, q="studija", sector=key)
    assert sorted(result_names(chosen)) == [STUDIO, VIDEO]
    assert chip(chosen, "/c/alfa/search?q=studija", SECTOR)


def test_a_sector_given_to_a_company_after_searches_is_named_at_once(app, studios):
    # The companies' tag spellings are kept until the cluster's companies change, not per index version.
    page(studios, q="studija")
    make_profile(app, "alfa", SOUND, sectors=["Mūzika", "Kino"])
    _, body = page(studios, q="studija")
    assert facet_link(body, f"/c/alfa/search?q=studija&amp;sector={latvian_sort_key('Kino')}", "Kino", 1)


def test_a_filter_link_keeps_every_character_of_the_typed_text(studios):
    typed = "studij* OR \"Rīgā & co+/?='x'\""
    _, body = page(studios, q=typed, sort="date")
    link = re.search(r'<a href="([^"]*region=riga[^"]*)"><span aria-hidden="true">☐</span> Rīga', body)
    assert link, "no link to narrow by Rīga"
    # The link, followed as a browser does: the same search, narrowed, in the same order.
    response = studios.get(html.unescape(link.group(1)))
    narrowed = response.get_data(as_text=True)
    assert sorted(result_names(narrowed)) == [SOUND, STUDIO]
    assert f'value="{escape(typed)}"' in narrowed
    assert '<option selected value="date">' in narrowed


def test_post_filters_keep_only_posts_of_that_kind(studios):
    _, body = page(studios, q="studija", kind="offer")
    assert result_names(body) == ["Studija piedāvā apmācības"]
    assert chip(body, "/c/alfa/search?q=studija", "Offer")


def test_the_type_choice_shows_only_companies_or_only_posts(studios):
    _, companies = page(studios, q="studija", type="company")
    assert sorted(result_names(companies)) == [SOUND, STUDIO, VIDEO]
    assert "<h2>Kind</h2>" not in companies  # post filters have nothing to count among companies
    _, posts = page(studios, q="studija", type="post")
    assert sorted(result_names(posts)) == ["Studija meklē eksportu", "Studija piedāvā apmācības"]
    assert "<h2>Region</h2>" not in posts and "<h2>Size</h2>" not in posts


def test_filters_without_words_list_everything_they_keep_newest_first(studios):
    response, body = page(studios, type="post")
    assert response.status_code == 200
    assert result_names(body) == ["Studija piedāvā apmācības", "Studija meklē eksportu"]


def test_values_that_are_not_filters_are_ignored(studios):
    response, body = page(studios, q="studija", region="mars", sector="<b>x</b>", sort="best", page="x")
    assert response.status_code == 200
    assert "5 results" in body
    assert "region=mars" not in body and 'value="mars"' not in body and "<b>x</b>" not in body


def test_no_results_with_filters_offers_to_remove_them(studios):
    _, body = page(studios, q="studija", region="kurzeme", kind="need")
    assert "Nothing found for “studija”." in body
    assert '<a href="/c/alfa/search?q=studija&amp;region=kurzeme">× Need</a>' in body
    assert '<a href="/c/alfa/search?q=studija&amp;kind=need">× Kurzeme</a>' in body
    assert '<a href="/c/alfa/search?q=studija">Remove all filters</a>' in body


def counts(body: str) -> list[tuple[str, str]]:
    """(value, count) of every filter value the page offers, in order."""
    return re.findall(r'</span> ([^<]+) <span class="count">\((\d+)\)</span>', body)


def test_the_next_page_and_the_newest_first_show_the_counts_of_the_first_page(app, studios, monkeypatch):
    monkeypatch.setitem(app.config, "PAGE_SIZE", 2)
    asked = ({"q": "studija"}, {"q": "studija", "page": 2}, {"q": "studija", "sort": "date"})
    first, second, newest = (page(studios, **args)[1] for args in asked)
    assert ("Rīga", "2") in counts(first) and ("Kurzeme", "1") in counts(first)
    for body in (first, second, newest):
        assert "5 results" in body and "(3 companies, 2 posts)" in body
        assert counts(body) == counts(first)
    assert len(set(result_names(first) + result_names(second))) == 4
    make_post(app, "alfa", SOUND, "studio2@alfa.lv", "Studija meklē eksportu skaņai", "need", "export")
    for args in ({"q": "studija"}, {"q": "studija", "page": 2}):
        _, body = page(studios, **args)
        assert "6 results" in body and "(3 companies, 3 posts)" in body, args
        assert facet_link(body, "/c/alfa/search?q=studija&amp;kind=need", "Need", 2)


def test_a_need_posted_after_searches_is_found_and_counted_at_once(app, studios):
    # What the earlier searches read of the index (a phrase's documents, a filter's, the facet values, a
    # typo's spellings) is kept per segment; the new need comes in a new one, which the next search reads too.
    searches = ({"q": '"studija meklē"'}, {"q": "studija", "kind": "need"}, {"q": "eksporrtu"})
    for args in searches:
        _, body = page(studios, **args)
        assert result_names(body) == ["Studija meklē eksportu"], args
    make_post(app, "alfa", SOUND, "studio2@alfa.lv", "Studija meklē eksportu skaņai", "need", "export")
    for args in searches:
        _, body = page(studios, **args)
        assert sorted(result_names(body)) == ["Studija meklē eksportu", "Studija meklē eksportu skaņai"], args
    _, body = page(studios, q="studija")
    assert facet_link(body, "/c/alfa/search?q=studija&amp;kind=need", "Need", 2)
    assert facet_link(body, "/c/alfa/search?q=studija&amp;category=export", "Export and new markets", 2)
