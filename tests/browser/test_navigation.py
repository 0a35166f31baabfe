"""What a person notices in a real browser: signing in, moving between clusters, language, Latvian letters."""

import re

import pytest
from babel.support import Translations
from playwright.sync_api import Page, expect

from clusterhub.i18n import LOGIN_MESSAGE, TRANSLATIONS
from tests.factories import PASSWORD, add_to_cluster, make_tenant, make_user

pytestmark = pytest.mark.browser

WOOD = {"slug": "koks", "name": "Kokapstrādes klasteris", "vision": "Gudra koksne katrā Latvijas novadā"}
IT = {"slug": "ikt", "name": "IKT klasteris", "vision": "Digitāli pakalpojumi visai Baltijai"}


def latvian(text: str) -> str:
    """The Latvian of an interface text, read from the compiled catalogue the app uses."""
    translated = Translations.load(str(TRANSLATIONS), ["lv"]).gettext(text)
    # An untranslated text would look the same in both languages and prove nothing.
    assert translated != text, f"messages.po has no Latvian translation for {text!r}"
    return translated


def make_cluster(app, cluster: dict) -> None:
    make_tenant(app, cluster["slug"], cluster["name"], vision=cluster["vision"])


def sign_in(page: Page, email: str) -> None:
    page.get_by_label("E-mail").fill(email)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()


def test_member_of_two_clusters_switches_between_them(app, page, live_server):
    make_cluster(app, WOOD)
    make_cluster(app, IT)
    ilze = make_user(app, "ilze@koks.lv", "Ilze Bērziņa", WOOD["slug"], "member", "SIA Skaidas")
    add_to_cluster(app, ilze, IT["slug"], "member", "SIA Skaidas")

    page.goto("/login")
    sign_in(page, "ilze@koks.lv")
    expect(page).to_have_url(f"{live_server}/")
    clusters = page.get_by_role("list", name="My clusters").locator("h3")
    expect(clusters).to_have_text([IT["name"], WOOD["name"]])

    page.get_by_role("main").get_by_role("link", name=WOOD["name"]).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(WOOD["name"])
    switcher = page.locator("details.switcher")
    switcher.locator("summary").click()
    switcher.get_by_role("link", name=IT["name"]).click()

    expect(page).to_have_url(f"{live_server}/c/{IT['slug']}/")
    expect(page.get_by_role("heading", level=1)).to_have_text(IT["name"])
    expect(page.locator("main .vision")).to_have_text(IT["vision"])
    switcher.locator("summary").click()
    expect(switcher.get_by_role("link", name=IT["name"])).to_have_attribute("aria-current", "true")
    expect(switcher.get_by_role("link", name=WOOD["name"])).not_to_have_attribute("aria-current", "true")


def expect_latvian(page: Page) -> None:
    expect(page.locator("html")).to_have_attribute("lang", "lv")
    expect(page.get_by_role("button", name=latvian("Sign out"))).to_be_visible()
    expect(page.get_by_role("navigation").get_by_role("link", name=latvian("Members"))).to_be_visible()


def test_language_switch_changes_texts_and_survives_reload(app, page, live_server):
    make_cluster(app, WOOD)
    make_user(app, "anna@koks.lv", "Anna Ozola", WOOD["slug"], "member", language="en")
    page.goto(f"/c/{WOOD['slug']}/")
    sign_in(page, "anna@koks.lv")
    expect(page.get_by_role("button", name="Sign out")).to_be_visible()

    page.get_by_label("Language").select_option("lv")
    page.get_by_role("button", name="Change").click()

    # The switch keeps the person on the page they were reading.
    expect(page).to_have_url(f"{live_server}/c/{WOOD['slug']}/")
    expect_latvian(page)
    page.reload()
    expect_latvian(page)


def test_anonymous_visitor_returns_to_the_asked_page_after_signing_in(app, page, live_server):
    make_cluster(app, WOOD)
    make_user(app, "ilze@koks.lv", "Ilze Bērziņa", WOOD["slug"])

    page.goto(f"/c/{WOOD['slug']}/members")
    expect(page).to_have_url(re.compile(r"/login\?next="))
    # Outside a request the lazy text is its English original, the language of this browser.
    expect(page.get_by_role("status")).to_have_text(str(LOGIN_MESSAGE))
    sign_in(page, "ilze@koks.lv")

    expect(page).to_have_url(f"{live_server}/c/{WOOD['slug']}/members")


def test_members_page_keeps_latvian_letters_and_order(app, page):
    make_cluster(app, WOOD)
    make_user(app, "janis@koks.lv", "Jānis Ķēniņš", WOOD["slug"], "manager", "SIA Ēnu Teātris")
    # Added out of order, so only the sorting can put them right.
    for number, company in enumerate(["SIA Cits", "SIA Čiekurs", "SIA Ābele", "SIA Abra", "SIA Dārzs"]):
        make_user(app, f"person{number}@koks.lv", f"Persona {number}", WOOD["slug"], "member", company)

    page.goto(f"/c/{WOOD['slug']}/members")
    sign_in(page, "janis@koks.lv")

    companies = page.locator("main tbody td:first-child")
    expect(companies).to_have_text(
        ["SIA Ābele", "SIA Abra", "SIA Cits", "SIA Čiekurs", "SIA Dārzs", "SIA Ēnu Teātris"]
    )
    expect(page.get_by_role("row").filter(has_text="SIA Ēnu Teātris")).to_contain_text("Jānis Ķēniņš")
