"""Two member companies meet on the board, talk, start working together and one rates the other."""

import re
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from tests.browser.test_navigation import sign_in
from tests.factories import make_tenant, make_user

pytestmark = pytest.mark.browser

CLUSTER = "koks"
WORKSHOP = "SIA Kokapstrāde"
THEATRE = "SIA Ēnu Teātris"
TITLE = "Meklējam 3D animācijas partneri"
SCREENSHOT = Path("/tmp/clusterhub-collaboration-thread.png")


def cluster_link(page: Page, name: str):
    return page.get_by_role("navigation", name="Cluster").get_by_role("link", name=name)


def mine_link(page: Page, name: str):
    return page.get_by_role("navigation", name="Mine").get_by_role("link", name=name)


def publish_need(page: Page) -> None:
    cluster_link(page, "Needs and offers").click()
    page.get_by_role("link", name="Post a need or an offer").click()
    page.get_by_label("Kind").select_option(label="Need")
    page.get_by_label("Category").select_option(label="New product with research")
    page.get_by_label("Title").fill(TITLE)
    page.get_by_label("Description").fill(
        "Gatavojam **interaktīvu stendu** izstādei.\n\n- 3D modeļi no mūsu mēbelēm\n- īsa animācija"
    )
    page.get_by_role("button", name="Publish").click()
    expect(page.get_by_role("status")).to_have_text("Your post is on the board.")


def answer_the_post(page: Page) -> None:
    cluster_link(page, "Needs and offers").click()
    page.get_by_label("Title contains").fill("animācijas")
    page.get_by_role("button", name="Show").click()
    page.get_by_role("link", name=TITLE).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(TITLE)
    # The author's Markdown arrives as formatting, not as asterisks.
    expect(page.locator(".markdown strong")).to_have_text("interaktīvu stendu")
    expect(page.locator(".markdown li")).to_have_text(["3D modeļi no mūsu mēbelēm", "īsa animācija"])
    page.get_by_label("Your message").fill("Labdien! Mūsu studija veido **3D ēnu animācijas**. Runāsim?")
    page.get_by_role("button", name="Send the answer").click()
    expect(page.get_by_role("status")).to_have_text(f"Your answer was sent to {WORKSHOP}.")


def record_the_collaboration(page: Page) -> None:
    page.get_by_role("link", name="We started working together").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("We started working together")
    page.get_by_role("button", name="Record the collaboration").click()
    expect(page.get_by_role("status")).to_have_text("Recorded: you started working together.")
    expect(page.get_by_text("You started working together (recorded on")).to_be_visible()


def rate_the_partner(page: Page) -> None:
    page.get_by_role("main").get_by_role("link", name=WORKSHOP).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(WORKSHOP)
    page.get_by_role("link", name="Rate this company").click()
    expect(page.get_by_role("heading", level=1)).to_have_text(f"Rate {WORKSHOP}")
    page.get_by_label("Quality").select_option(label="5 – excellent")
    page.get_by_label("Reliability").select_option(label="4 – good")
    page.get_by_label("Communication").select_option(label="5 – excellent")
    page.get_by_label("Comment").fill("Kopā uztaisījām stendu izstādei; viena piegāde nedaudz kavējās.")
    page.get_by_role("button", name="Save the rating").click()
    expect(page.get_by_role("status")).to_have_text(f"Your rating of {WORKSHOP} is saved.")


def test_two_companies_meet_on_the_board_work_together_and_rate(app, page, new_context):
    make_tenant(app, CLUSTER, "Kokapstrādes klasteris")
    make_user(app, "anna@kokapstrade.lv", "Anna Liepa", CLUSTER, "member", WORKSHOP)
    make_user(app, "janis@enuteatris.lv", "Jānis Ozols", CLUSTER, "member", THEATRE)
    # Two people at two computers: separate browser contexts, so separate sessions.
    anna = page
    janis = new_context().new_page()

    anna.goto(f"/c/{CLUSTER}/")
    sign_in(anna, "anna@kokapstrade.lv")
    publish_need(anna)
    cluster_link(anna, "Needs and offers").click()
    card = anna.locator(".card").filter(has=anna.get_by_role("heading", name=TITLE))
    labels = re.compile(r"^\s*Need\s+New product with research\s+Open\s*$")  # kind and status are badges
    expect(card.locator(".labels")).to_have_text(labels)
    expect(card).to_contain_text(WORKSHOP)

    janis.goto(f"/c/{CLUSTER}/")
    sign_in(janis, "janis@enuteatris.lv")
    answer_the_post(janis)

    anna.reload()
    expect(mine_link(anna, "Notifications")).to_have_accessible_name("Notifications 1 unread")
    mine_link(anna, "Notifications").click()
    anna.get_by_role("link", name=f"{THEATRE} answered your post “{TITLE}”.").click()
    expect(anna.get_by_role("heading", level=1)).to_have_text(TITLE)
    expect(anna.get_by_role("main")).to_contain_text(f"Conversation with {THEATRE}")
    message = anna.locator("article.message")
    expect(message).to_contain_text(f"{THEATRE} · Jānis Ozols")
    expect(message.locator("strong").filter(has_text="3D ēnu animācijas")).to_be_visible()
    # Reading the conversation the notification pointed to counts as reading the notification.
    expect(mine_link(anna, "Notifications")).to_have_accessible_name("Notifications")
    record_the_collaboration(anna)
    anna.screenshot(path=SCREENSHOT, full_page=True)

    rate_the_partner(janis)

    cluster_link(anna, "Company directory").click()
    anna.get_by_role("main").get_by_role("link", name=WORKSHOP).click()
    expect(anna.get_by_text("Average 4.7 of 5 from 1 rating.")).to_be_visible()
    rating = anna.locator("article").filter(
        has=anna.get_by_role("heading", name=f"{THEATRE} rated {WORKSHOP}")
    )
    expect(rating).to_contain_text("Quality: 5/5 · Reliability: 4/5 · Communication: 5/5")
    expect(rating).to_contain_text("viena piegāde nedaudz kavējās")
    expect(rating.get_by_role("link", name="Reply")).to_be_visible()
