"""A manager's tour: needs dashboard → the posts behind a figure → member segments → feedback report."""

import re
from datetime import timedelta

import pytest
from playwright.sync_api import Page, expect

from clusterhub.catalogue.models import Service, ServiceFeedback, ServiceUse
from clusterhub.clock import local_today
from clusterhub.companies.services import company_or_none
from clusterhub.extensions import db
from tests.browser.test_navigation import sign_in
from tests.factories import make_post, make_tenant, make_user
from tests.members.conftest import in_cluster, member

pytestmark = pytest.mark.browser

NEED = "Meklējam CNC frēzēšanas partneri"
DRIFTING = "SIA Vecās Dzirnavas"
NEWCOMER = "SIA Jaunais Ozols"
SERVICE = "Eksporta mārketinga apmācība"


def build_cluster(app) -> None:
    today = local_today()
    make_tenant(app, "metals", "Metālapstrādes klasteris")
    make_user(app, "vadiba@metals.lv", "Inga Vadītāja", "metals", "manager", "Klastera birojs")
    make_user(app, "janis@ozols.lv", "Jānis Ozols", "metals", "member", NEWCOMER)
    make_post(app, "metals", NEWCOMER, "janis@ozols.lv", NEED, category="equipment")
    member(app, DRIFTING, today - timedelta(days=5 * 365), slug="metals")
    with in_cluster(app, "metals"):
        use = ServiceUse(
            service=Service(name=SERVICE, kind="training"), company=company_or_none(NEWCOMER), used_on=today
        )
        db.session.add(ServiceFeedback(use=use, score=5, worked="Praktiski piemēri"))
        db.session.commit()


def manage_link(page: Page, name: str):
    return page.get_by_role("navigation", name="Cluster management").get_by_role("link", name=name)


def drill_down_from_the_dashboard(page: Page) -> None:
    manage_link(page, "Aggregated needs").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Aggregated needs")
    needs = page.get_by_role("row", name=re.compile(r"^Need\b"))
    needs.get_by_role("link").first.click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Posts:")
    expect(page.get_by_role("main").get_by_role("link", name=NEED)).to_be_visible()


def see_the_segments(page: Page) -> None:
    manage_link(page, "Member segments").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Member segments")
    tabs = page.get_by_role("navigation", name="Segments")
    tabs.get_by_role("link", name=re.compile(r"^To be re-activated")).click()
    table = page.get_by_role("main").locator("table")
    expect(table).to_contain_text(DRIFTING)
    expect(table.get_by_role("link", name="Re-activation call")).to_be_visible()
    tabs.get_by_role("link", name=re.compile(r"^New")).click()
    expect(page.get_by_role("main").locator("table")).to_contain_text(NEWCOMER)


def read_the_feedback_report(page: Page) -> None:
    manage_link(page, "Manage services").click()
    page.get_by_role("link", name="Quarterly feedback reports").click()
    page.get_by_role("main").locator("table").get_by_role("link").first.click()
    report = page.get_by_role("main")
    expect(report).to_contain_text(SERVICE)
    expect(report).to_contain_text("1 of 1 member rates it 4 or 5")
    expect(report).to_contain_text("Praktiski piemēri")


def test_manager_tours_dashboard_segments_and_feedback(app, page: Page, live_server):
    build_cluster(app)
    page.goto("/login")
    sign_in(page, "vadiba@metals.lv")
    page.get_by_role("link", name="Metālapstrādes klasteris").first.click()
    drill_down_from_the_dashboard(page)
    see_the_segments(page)
    read_the_feedback_report(page)
