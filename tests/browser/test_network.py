"""A member writes to a company of another cluster from the network page, on a phone: the network page,
the conversation, /matches and the own profile with their suggestions, full of content, fit 390 px (and a
desktop) without sideways scrolling or text spilling out of a card, and pass axe, as the walk checks."""

import pytest
from playwright.sync_api import expect

from tests.browser.test_navigation import sign_in
from tests.browser.test_walk import _check as check
from tests.factories import make_post, make_profile
from tests.network.test_pages import A_COMPANY, B_COMPANY, SECRET_CONTACT, _opt_in

pytestmark = pytest.mark.browser

PHONE = {"width": 390, "height": 844}
# A long word and a long address: what usually pushes a phone page sideways.
LONG = "Pārtikasrūpniecībasiepakojumuautomatizācija " + "https://example.lv/" + "x" * 80


def test_a_conversation_across_clusters_on_a_phone(app, world, page, signed_in, live_server):
    make_profile(
        app,
        "beta",
        B_COMPANY,
        competences=["Koka iepakojums", "Paletes"],
        description=LONG,
        contacts=[{"name": SECRET_CONTACT, "email": "slepens.kontakts.ar.garu.adresi@beta.example.lv"}],
    )
    make_post(app, "alfa", A_COMPANY, "member@alfa.lv", "Meklējam koka iepakojuma piegādātāju")
    _opt_in(signed_in, world)
    page.set_viewport_size(PHONE)
    page.goto("/login")
    sign_in(page, "member@alfa.lv")
    page.goto("/c/alfa/network")
    card = page.locator("li.card").filter(has=page.get_by_role("heading", name=B_COMPANY)).first
    card.get_by_role("link", name=f"Write to get in touch {B_COMPANY}").click()
    expect(page.get_by_role("heading", level=1)).to_have_text(f"Conversation with {B_COMPANY}")
    page.get_by_label("Your message").fill(LONG)
    page.get_by_role("button", name="Send").click()
    expect(page.get_by_role("status")).to_have_text(f"Your message was sent to {B_COMPANY}.")
    expect(page.locator("article.message")).to_contain_text("Pārtikasrūpniecības")
    signed_in("member@beta.lv").submit(f"/c/beta/network/{world.company_a}", {"message": LONG})
    page.goto("/c/alfa/matches")
    expect(page.get_by_role("heading", name="Suggested partners from other clusters")).to_be_visible()
    problems: list[str] = []
    for path in (
        "/c/alfa/network",
        f"/c/alfa/network/{world.company_b}",
        "/c/alfa/matches",
        f"/c/alfa/companies/{world.company_a}",
    ):
        check(page, path, problems, {})
    assert problems == []
