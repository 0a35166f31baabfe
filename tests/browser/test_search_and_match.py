"""A member searches the cluster with a filter, opens a result, then acts on match suggestions."""

import re

import pytest
from playwright.sync_api import Page, expect

from tests.browser.test_collaboration import cluster_link
from tests.browser.test_navigation import sign_in
from tests.matching.test_pages import AUTHOR, CLUSTER, DRAWINGS, STUDIO, TITLE, build_need

pytestmark = pytest.mark.browser


def search_with_a_filter(page: Page) -> None:
    cluster_link(page, "Search").click()
    main = page.get_by_role("main")
    main.get_by_label("Search for").fill("animacija")
    main.get_by_role("button", name="Search").click()
    results = page.locator("ol.results")
    expect(results.get_by_role("link", name=DRAWINGS)).to_be_visible()
    facets = page.get_by_role("complementary", name="Narrow the results")
    facets.get_by_role("link", name=re.compile(r"^\W*Vidzeme")).click()
    expect(results.get_by_role("link", name=STUDIO)).to_be_visible()
    expect(results.get_by_role("link", name=DRAWINGS)).to_have_count(0)


def open_the_result(page: Page) -> None:
    page.locator("ol.results").get_by_role("link", name=STUDIO).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(STUDIO)
    connects = page.locator("section.matches")
    expect(connects.get_by_role("heading", name="What connects you")).to_be_visible()
    expect(connects).to_contain_text("Their competence “3D animācija” ↔ your need")


def contact_the_suggested_partner(page: Page) -> None:
    cluster_link(page, "Matches").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Matches")
    card = page.locator("li.card").filter(has=page.get_by_role("heading", name=STUDIO)).first
    expect(card).to_contain_text(re.compile(r"\d+ / 100"))
    # A list gives the two strongest reasons and counts the rest (the need's page gives them all).
    expect(card).to_contain_text("Their competence “3D animācija” ↔ your need")
    expect(card).to_contain_text(re.compile(r"and \d+ more reasons?"))
    card.get_by_role("link", name=f"Contact {STUDIO}").click()
    expect(page.get_by_role("heading", level=1)).to_have_text(f"Write to {STUDIO}")
    expect(page.get_by_label("Subject")).to_have_value(TITLE)
    page.get_by_label("Your message").fill("Labdien! Vai jūs varētu izveidot animāciju mūsu stendam?")
    page.get_by_role("button", name="Send").click()
    expect(page.get_by_role("status")).to_have_text(f"Your message was sent to {STUDIO}.")
    expect(page).to_have_url(re.compile(rf"/c/{CLUSTER}/threads/\d+$"))
    expect(page.locator("article.message")).to_contain_text("izveidot animāciju")


def dismiss_another(page: Page) -> None:
    cluster_link(page, "Matches").click()
    page.get_by_role("link", name=f"Dismiss {DRAWINGS}").first.click()
    expect(page.get_by_role("heading", level=1)).to_have_text(f"Stop suggesting {DRAWINGS}")
    page.get_by_role("button", name="Dismiss").click()
    expect(page.get_by_role("status")).to_have_text(f"{DRAWINGS} will not be suggested again.")
    expect(page.get_by_role("heading", level=1)).to_have_text("Matches")
    expect(page.get_by_role("main").get_by_role("link", name=DRAWINGS)).to_have_count(0)
    expect(page.get_by_role("main").get_by_role("link", name=STUDIO).first).to_be_visible()


def test_member_searches_with_a_filter_opens_a_result_and_acts_on_suggestions(app, page):
    build_need(app)
    page.goto(f"/c/{CLUSTER}/")
    sign_in(page, AUTHOR)
    search_with_a_filter(page)
    open_the_result(page)
    contact_the_suggested_partner(page)
    dismiss_another(page)
