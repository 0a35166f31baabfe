"""The host's pages of a visit on a phone (390 px): the shortlist, picking, the confirmation of not
picking, and the delegation's form fit the screen without sideways scrolling."""

import pytest
from playwright.sync_api import Page, expect

from tests.browser.test_navigation import sign_in
from tests.conferences.test_shortlist import visit_with_applicants

pytestmark = pytest.mark.browser

WIDTH = 390
FITS = "() => document.documentElement.scrollWidth"


def _fits(page: Page) -> None:
    assert page.evaluate(FITS) <= WIDTH, page.url


def test_the_host_picks_on_a_phone(app, world, signed_in, page):
    visit = visit_with_applicants(app, signed_in)
    page.set_viewport_size({"width": WIDTH, "height": 844})
    page.goto(f"/events/{visit}/shortlist")
    sign_in(page, "manager@alfa.lv")
    expect(page.get_by_role("heading", level=1)).to_contain_text("Shortlist")
    _fits(page)
    page.get_by_role("button", name="Pick").first.click()
    expect(page.get_by_role("status").filter(has_text="is picked")).to_be_visible()
    _fits(page)
    page.get_by_role("link", name="Do not pick").first.click()
    expect(page.get_by_role("button", name="Do not pick")).to_be_visible()
    _fits(page)
    page.get_by_role("button", name="Do not pick").click()
    expect(page.get_by_role("status").filter(has_text="is not picked")).to_be_visible()
    page.goto(f"/events/{visit}/delegation")
    expect(page.get_by_label("What the delegation seeks")).to_be_visible()
    _fits(page)
    page.goto(f"/events/{visit}")
    _fits(page)
