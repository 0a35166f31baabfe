"""The README's pictures: the main pages of the demo, as its people see them, on a desktop and a phone.

They are written to docs/screenshots/ when CLUSTERHUB_SCREENSHOTS=1 (`make screenshots`), and to a
temporary folder otherwise, so an ordinary test run checks the pages without changing the repository.
"""

import os
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect
from sqlalchemy import select

from clusterhub.accounts.models import User
from clusterhub.demo.data import DEMO_PASSWORD
from clusterhub.events.models import Event
from clusterhub.extensions import db
from clusterhub.posts.models import Post
from tenants.context import cross_tenant
from tenants.models import Tenant

pytestmark = pytest.mark.browser

DOCS = Path(__file__).resolve().parents[2] / "docs" / "screenshots"
VIEWPORTS = {"desktop": {"width": 1280, "height": 900}, "phone": {"width": 390, "height": 844}}
MEMBER = "janis.ozols@avt.demo.lv"  # the member the README names first
NEED = "Meklējam Unreal Engine izstrādātājus un 3D māksliniekus"


def _ids(app) -> dict:
    """The need with its matches, its author, and the coming forum, found in the loaded demo."""
    with app.app_context(), cross_tenant():
        need = db.session.scalar(select(Post).where(Post.title == NEED))
        # The coming forum: the demo names it by its season and year.
        forum = db.session.scalar(
            select(Event).where(Event.kind == "conference").order_by(Event.starts_at.desc()).limit(1)
        )
        author = db.session.get(User, need.author_id).email
        slug = db.session.get(Tenant, need.tenant_id).slug
        return {"need": f"/c/{slug}/posts/{need.id}", "author": author, "forum": forum.id}


def _sign_in(page: Page, email: str) -> None:
    page.context.clear_cookies()
    page.goto("/login")
    page.locator("#email").fill(email)
    page.locator("#password").fill(DEMO_PASSWORD)
    page.locator("main button[type=submit]").click()
    expect(page.locator("details.menu")).to_be_attached()


def test_screenshots_of_the_main_pages(app, demo, page, live_server, tmp_path):
    ids = _ids(app)
    folder = DOCS if os.environ.get("CLUSTERHUB_SCREENSHOTS") == "1" else tmp_path
    folder.mkdir(parents=True, exist_ok=True)
    shots = (
        ("member-home", MEMBER, "/"),
        ("need-with-matches", ids["author"], ids["need"]),
        ("manager-overview", "ilze.berzina@avt.demo.lv", "/c/avt/"),
        ("needs-dashboard", "ilze.berzina@avt.demo.lv", "/c/avt/manage/"),
        ("conference-agenda", MEMBER, f"/events/{ids['forum']}/agenda"),
    )
    for name, email, path in shots:
        _sign_in(page, email)
        for device, viewport in VIEWPORTS.items():
            page.set_viewport_size(viewport)
            page.goto(path)
            expect(page.locator("main h1")).to_be_visible()
            page.screenshot(path=str(folder / f"{name}-{device}.png"))
