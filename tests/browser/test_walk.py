"""Every HTML page, as the person who may see it, on a phone and on a desktop: no sideways scrolling, no
text spilling out of its card, no serious or critical accessibility problem (axe-core), one label per
navigation entry."""

import json
import os
from collections import Counter
from pathlib import Path

import pytest
from playwright.sync_api import Page
from werkzeug.routing import Rule

from tests.browser.test_navigation import sign_in
from tests.factories import make_user
from tests.routes import ARGUMENTS

pytestmark = pytest.mark.browser

AXE = Path(__file__).parent / "vendor" / "axe-core-4.14.1.min.js"
VIEWPORTS = ({"width": 390, "height": 844}, {"width": 1280, "height": 900})
BLOCKING = {"serious", "critical"}
# Files, not pages: downloads and images open no document to measure.
NOT_PAGES = (".csv", ".xlsx", ".ics", ".json", ".img", "/healthz", "/static/")
# Who may see a page, by the access its view declares; the member sees everything else.
PERSONA_OF_ACCESS = {
    "manager": "manager@alfa.lv",
    "manager_of_a_cluster": "manager@alfa.lv",
    "organiser": "organiser@clusterhub.lv",
}
ADMIN = "admin@clusterhub.lv"
ANONYMOUS_PAGES = ("/login", "/reset", "/join/", "/join/alfa", "/privacy")
# What the walk records per page, read in the page by one script.
MEASURE = """() => ({
  scrollWidth: document.documentElement.scrollWidth,
  spilling: [...document.querySelectorAll('.card')]
    .filter(card => card.scrollWidth > card.clientWidth + 1)
    .map(card => card.textContent.trim().slice(0, 60)),
  header: Math.max(...[...document.querySelectorAll('header.top, details.menu > summary')]
    .map(element => element.getBoundingClientRect().bottom)),
})"""
AXE_RUN = """async () => (await axe.run(document, {resultTypes: ['violations']})).violations
  .map(v => ({id: v.id, impact: v.impact, nodes: v.nodes.map(n => n.target.join(' ')).slice(0, 3)}))"""
NAV_LABELS = """() => [...document.querySelectorAll('details.menu nav a, details.switcher a')]
  .map(a => a.childNodes[0].textContent.trim())"""


def _persona(app, rule: Rule) -> str:
    if rule.endpoint.startswith("admin."):
        return ADMIN
    access = getattr(app.view_functions[rule.endpoint], "access", None) or ""
    return PERSONA_OF_ACCESS.get(access, "member@alfa.lv")


def _pages(app, world) -> dict[str, list[str]]:
    """The walk's pages, grouped by the person who opens them."""
    pages: dict[str, list[str]] = {"": list(ANONYMOUS_PAGES)}
    for rule in app.url_map.iter_rules():
        if "GET" not in rule.methods or rule.rule.endswith(NOT_PAGES) or rule.endpoint == "static":
            continue
        path = rule.build({name: ARGUMENTS[name](world) for name in rule.arguments})[1]
        if not path.endswith(NOT_PAGES):
            pages.setdefault(_persona(app, rule), []).append(path)
    return pages


def _check(page: Page, path: str, problems: list, figures: dict) -> None:
    for viewport in VIEWPORTS:
        page.set_viewport_size(viewport)
        if not page.goto(path).headers.get("content-type", "").startswith("text/html"):
            return  # JSON, CSV, calendars and images are no pages to lay out
        width = viewport["width"]
        measured = page.evaluate(MEASURE)
        where = f"{path} at {width} px"
        if measured["scrollWidth"] > width:
            problems.append(f"{where}: the page is {measured['scrollWidth']} px wide")
        problems.extend(f"{where}: text spills out of the card “{text}”" for text in measured["spilling"])
        figures.setdefault(width, {})[path] = measured["header"]
        # Evaluated through the browser's debugging protocol: the CSP forbids adding the script to the page.
        page.evaluate(AXE.read_text())
        for violation in page.evaluate(AXE_RUN):
            if violation["impact"] in BLOCKING:
                problems.append(
                    f"{where}: axe {violation['id']} ({violation['impact']}) at {violation['nodes']}"
                )
        labels = Counter(page.evaluate(NAV_LABELS))
        problems.extend(
            f"{where}: two navigation entries say “{label}”" for label, n in labels.items() if n > 1
        )


def test_every_page_fits_a_phone_and_a_desktop_and_passes_axe(app, world, page, live_server):
    make_user(app, ADMIN, "Aiga Administratore", is_admin=True)
    problems: list[str] = []
    figures: dict = {}
    for email, paths in _pages(app, world).items():
        page.context.clear_cookies()
        if email:
            page.goto("/login")
            sign_in(page, email)
        for path in paths:
            _check(page, path, problems, figures)
    if os.environ.get("CLUSTERHUB_WALK_REPORT"):  # the figures of the README's closing note
        report = {"problems": problems, "header": figures}
        Path(os.environ["CLUSTERHUB_WALK_REPORT"]).write_text(json.dumps(report, indent=1))
    phone_header = max(figures[390].values())
    # A phone keeps three quarters of its screen for the page: the header with the folded menu at most 211 px.
    assert phone_header <= 844 / 4, f"the header takes {phone_header} px of 844"
    assert not problems, "\n".join(problems)
