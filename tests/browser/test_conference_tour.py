"""An inter-cluster conference end to end: the organiser creates it, each cluster's manager nominates a
company, the two companies register, one asks the other for a meeting, and both agendas show it.

Every person has a browser context of their own, as if on their own computer.
"""

import re
from datetime import timedelta
from pathlib import Path

import pytest
from icalendar import Calendar
from playwright.sync_api import Page, expect

from clusterhub.clock import local_today
from tests.browser.test_collaboration import cluster_link
from tests.browser.test_navigation import sign_in
from tests.factories import make_profile, make_tenant, make_user

pytestmark = pytest.mark.browser

TITLE = "Baltijas starpnozaru forums"
ORGANISER = "rita@forums.lv"
FOOD = {"slug": "partika", "name": "Pārtikas klasteris", "manager": "vadiba@partika.lv"}
WOOD = {"slug": "koks", "name": "Kokapstrādes klasteris", "manager": "vadiba@koks.lv"}
BAKERY = {"name": "SIA Rudzu Maiznīca", "person": "anna@maize.lv", "sector": "Maizes ražošana"}
JOINERY = {"name": "SIA Ozola Galdnieki", "person": "juris@ozols.lv", "sector": "Mēbeļu ražošana"}
# The conference day, and its single meeting window of two 30-minute slots at two tables (Rīga time).
DAY = local_today() + timedelta(days=30)
DEADLINE = DAY - timedelta(days=7)
MESSAGE = "Runāsim par koka iepakojumu maizei!"


def build_clusters(app) -> None:
    make_user(app, ORGANISER, "Rita Organizatore", is_organiser=True)
    for cluster, company in ((FOOD, BAKERY), (WOOD, JOINERY)):
        make_tenant(app, cluster["slug"], cluster["name"])
        make_user(app, cluster["manager"], "Klastera vadītājs", cluster["slug"], "manager")
        make_user(
            app, company["person"], f"Pārstāvis {company['name']}", cluster["slug"], "member", company["name"]
        )
        make_profile(app, cluster["slug"], company["name"], sectors=[company["sector"]])


def person(new_context, url: str, email: str) -> Page:
    """A fresh browser of `email`, signed in on the way to `url`."""
    page = new_context().new_page()
    page.goto(url)
    sign_in(page, email)
    return page


def flash(page: Page, text: str):
    return page.get_by_role("status").filter(has_text=text)


def create_the_conference(page: Page) -> None:
    page.get_by_role("link", name="My conferences").click()
    page.get_by_role("link", name="New conference").click()
    page.get_by_label("Title").fill(TITLE)
    page.get_by_label("Description").fill("Pārtika satiek koku: iepakojums, mēbeles, loģistika.")
    page.get_by_label("Venue").fill("Rīga, Kalnciema iela 1")
    page.get_by_label("Starts").fill(f"{DAY:%Y-%m-%d}T09:00")
    page.get_by_label("Ends").fill(f"{DAY:%Y-%m-%d}T17:00")
    page.get_by_label("Registration deadline").fill(f"{DEADLINE:%Y-%m-%d}T18:00")
    page.get_by_label("Length of a meeting slot (minutes)").fill("30")
    page.get_by_label("Number of tables").fill("2")
    page.get_by_label("Meeting windows").fill(f"{DAY:%Y-%m-%d} 10:00-11:00")
    for cluster in (FOOD, WOOD):
        page.get_by_role("checkbox", name=cluster["name"]).check()
        page.get_by_label(f"Quota of {cluster['name']}").fill("5")
    page.get_by_role("button", name="Create the conference").click()
    expect(flash(page, f"The conference “{TITLE}” was created")).to_be_visible()
    expect(page.get_by_role("heading", level=1)).to_have_text(TITLE)
    expect(page.get_by_role("main")).to_contain_text("2 meeting slots of 30 minutes at each of 2 tables")
    invited = page.get_by_role("main").locator("table")
    expect(invited).to_contain_text(FOOD["name"])
    expect(invited).to_contain_text(WOOD["name"])
    page.get_by_role("navigation", name="You are here").get_by_role("link", name="Conferences").click()
    expect(page.get_by_role("row", name=re.compile(TITLE))).to_contain_text("upcoming")


def nominate(page: Page, company: str) -> None:
    cluster_link(page, "Inter-cluster conferences").click()
    page.get_by_role("listitem").filter(has_text=TITLE).get_by_role("link", name="Nominate companies").click()
    expect(page.get_by_role("heading", level=1)).to_have_text(f"Nominations: {TITLE}")
    page.get_by_label("Member company").select_option(label=company)
    page.get_by_role("button", name="Nominate", exact=True).click()
    expect(flash(page, f"{company} is nominated")).to_be_visible()
    expect(page.get_by_role("row", name=re.compile(company))).to_contain_text("Nominated")


def register(page: Page, seeks: str, offers: str, interest: str) -> None:
    cluster_link(page, "Inter-cluster conferences").click()
    page.get_by_role("listitem").filter(has_text=TITLE).get_by_role("link", name="Register now").click()
    expect(page.get_by_role("heading", level=1)).to_have_text(f"Register for {TITLE}")
    page.get_by_label("What we seek in other sectors").fill(seeks)
    page.get_by_label("What we offer").fill(offers)
    page.get_by_role("checkbox", name=interest).check()
    page.get_by_label("My name and e-mail").check()
    page.get_by_role("checkbox", name=re.compile("^Show my company's name")).check()
    page.get_by_role("button", name="Register", exact=True).click()
    expect(flash(page, f"Your company is registered for “{TITLE}”.")).to_be_visible()


def request_a_meeting(page: Page) -> str:
    """Ask the joinery for a meeting in the first free slot; returns that slot as the form named it."""
    page.get_by_role("link", name="All participants").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Participants")
    page.get_by_label("Cluster").select_option(label=WOOD["name"])
    page.get_by_role("button", name="Show").click()
    card = page.get_by_role("listitem").filter(has=page.get_by_role("heading", name=JOINERY["name"]))
    expect(card).to_contain_text("Ozolkoka paliktņi un kastes")
    card.get_by_role("link", name=f"Request a meeting {JOINERY['name']}").click()
    expect(page.get_by_role("heading", level=1)).to_have_text(f"Request a meeting with {JOINERY['name']}")
    slot = page.get_by_label("Time slot").locator("option").nth(1).inner_text()
    page.get_by_label("Time slot").select_option(label=slot)
    page.get_by_label("Message").fill(MESSAGE)
    page.get_by_role("button", name="Send the request").click()
    expect(flash(page, f"Your request was sent to {JOINERY['name']}.")).to_be_visible()
    expect(page.get_by_role("heading", name="Waiting for their answer")).to_be_visible()
    return slot


def open_the_agenda(page: Page) -> None:
    page.get_by_role("link", name="My conferences").click()
    page.get_by_role("main").get_by_role("link", name=TITLE).first.click()
    page.get_by_role("link", name="My agenda").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("My agenda")


def accept_the_request(page: Page) -> None:
    open_the_agenda(page)
    expect(page.get_by_role("heading", name="Waiting for your answer")).to_be_visible()
    request = entry(page, BAKERY["name"])
    expect(request).to_contain_text(MESSAGE)
    # The bakery agreed to show its contact when it registered.
    expect(request).to_contain_text(BAKERY["person"])
    request.get_by_role("button", name="Accept").click()
    expect(flash(page, "The meeting is agreed.")).to_be_visible()


def entry(page: Page, partner: str):
    return page.get_by_role("main").get_by_role("listitem").filter(has_text=partner)


def agreed_meeting(page: Page, partner: str) -> tuple[str, str]:
    """The time and the table of the agreed meeting with `partner` in the agenda on `page`."""
    expect(page.get_by_role("heading", name="Agreed meetings")).to_be_visible()
    meeting = entry(page, partner)
    expect(meeting).to_contain_text(re.compile(r"Table \d+"))
    table = re.search(r"Table \d+", meeting.inner_text()).group()
    return meeting.locator("time").inner_text(), table


def download_the_calendar(page: Page) -> Calendar:
    with page.expect_download() as download:
        page.get_by_role("link", name="Download to your calendar (.ics)").click()
    return Calendar.from_ical(Path(download.value.path()).read_bytes())


def test_companies_of_two_clusters_meet_at_a_conference(app, new_context, live_server):
    build_clusters(app)
    create_the_conference(person(new_context, "/login", ORGANISER))
    for cluster, company in ((FOOD, BAKERY), (WOOD, JOINERY)):
        nominate(person(new_context, f"/c/{cluster['slug']}/", cluster["manager"]), company["name"])
    joinery = person(new_context, f"/c/{WOOD['slug']}/", JOINERY["person"])
    register(joinery, "Pasūtītājus mēbelēm", "Ozolkoka paliktņi un kastes", BAKERY["sector"])
    bakery = person(new_context, f"/c/{FOOD['slug']}/", BAKERY["person"])
    register(bakery, "Koka iepakojums maizei", "Maize pasākumiem", JOINERY["sector"])

    slot = request_a_meeting(bakery)
    accept_the_request(joinery)

    open_the_agenda(bakery)
    time, table = agreed_meeting(bakery, JOINERY["name"])
    assert (time, table) == agreed_meeting(joinery, BAKERY["name"])
    assert time == slot
    assert "10:00" in slot  # typed as Rīga time by the organiser, shown as Rīga time
    meetings = [item for item in download_the_calendar(bakery).walk("VEVENT") if "Meeting" in item["summary"]]
    assert [str(item["summary"]) for item in meetings] == [f"Meeting: {JOINERY['name']}"]
    assert table.lower() in str(meetings[0]["location"])
