"""The navigation in both languages: one label per entry, the current page marked, sections per role."""

import re
from html.parser import HTMLParser

import pytest

from tests.factories import add_to_cluster, make_user
from tests.notifications.test_notifications import BADGE

PERSONAS = {
    "member": "member@alfa.lv",
    "manager": "manager@alfa.lv",
    "organiser": "organiser@clusterhub.lv",
    "admin": "admin@clusterhub.lv",
}


class NavigationLinks(HTMLParser):
    """The links of the menu and of the cluster switcher: (label, aria-current) in page order."""

    def __init__(self):
        super().__init__()
        self.depth = 0  # >0 while inside the menu or the switcher
        self.link: dict | None = None
        self.links: list[tuple[str, str | None]] = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "details" and attrs.get("class") in ("menu", "switcher") or self.depth and tag == "details":
            self.depth += 1
        elif tag == "a" and self.depth:
            self.link = {"text": "", "current": attrs.get("aria-current")}
        elif tag == "span" and self.link is not None:
            # The unread badge follows the label: the label is the text before it.
            self.links.append((self.link["text"].strip(), self.link["current"]))
            self.link = None

    def handle_endtag(self, tag):
        if tag == "details" and self.depth:
            self.depth -= 1
        elif tag == "a" and self.link is not None:
            self.links.append((self.link["text"].strip(), self.link["current"]))
            self.link = None

    def handle_data(self, data):
        if self.link is not None:
            self.link["text"] += data


def navigation_of(page: str) -> list[tuple[str, str | None]]:
    parser = NavigationLinks()
    parser.feed(page)
    return parser.links


@pytest.mark.parametrize("language", ["lv", "en"])
@pytest.mark.parametrize("persona", PERSONAS)
def test_no_two_navigation_entries_share_a_label(app, world, make_visitor, persona, language):
    make_user(app, PERSONAS["admin"], "Aiga Administratore", "alfa", is_admin=True)
    visitor = make_visitor(language)
    visitor.login(PERSONAS[persona])
    path = "/events/" if persona == "organiser" else "/c/alfa/"
    links = navigation_of(visitor.get(path).get_data(as_text=True))
    labels = [label for label, _ in links]

    assert labels, f"{persona} sees no navigation on {path}"
    assert len(labels) == len(set(labels)), sorted(label for label in labels if labels.count(label) > 1)


def test_the_current_page_is_marked_once_in_the_menu(world, make_visitor):
    visitor = make_visitor()
    visitor.login("manager@alfa.lv")
    for path, label in (
        ("/c/alfa/", "Overview"),
        ("/c/alfa/posts", "Needs and offers"),
        ("/c/alfa/manage/", "Aggregated needs"),
        ("/c/alfa/manage/members", "Member segments"),
    ):
        links = navigation_of(visitor.get(path).get_data(as_text=True))
        assert [text for text, current in links if current == "page"] == [label], path


def test_management_is_a_section_of_its_own_for_managers_only(world, make_visitor):
    manager, member = make_visitor(), make_visitor()
    manager.login("manager@alfa.lv")
    member.login("member@alfa.lv")

    managing = [label for label, _ in navigation_of(manager.get("/c/alfa/").get_data(as_text=True))]
    membering = [label for label, _ in navigation_of(member.get("/c/alfa/").get_data(as_text=True))]

    assert {"Aggregated needs", "Member segments", "Manage services", "Indicators"} <= set(managing)
    assert not {"Aggregated needs", "Member segments", "Manage services", "Indicators"} & set(membering)
    assert {"Overview", "Members", "Needs and offers", "Messages", "News", "Notifications"} <= set(membering)


def _menu_link(page: str, label: str) -> str:
    """The address of a menu entry, found by its label."""
    menu = page[page.index('class="menu"') :]
    return re.search(rf'<li><a href="([^"]+)"[^>]*>{re.escape(label)}', menu).group(1)


def test_the_kept_menu_is_each_persons_own(app, world, make_visitor):
    # The menu's HTML is kept per cluster, role, page and unread count (clusterhub/fragments.py): a
    # colleague of another company, and the same person after reading, must not get what was kept before.
    make_user(app, "third@alfa.lv", "Trešais", "alfa", "member", "SIA Trešā Puse")
    colleague, member = make_visitor(), make_visitor()
    colleague.login("third@alfa.lv")
    member.login("member@alfa.lv")
    assert f"Notifications {BADGE.format(2)}" in member.get("/c/alfa/posts").get_data(as_text=True)
    member.post("/c/alfa/notifications/read")
    assert "Notifications</a>" in member.get("/c/alfa/posts").get_data(as_text=True)

    colleagues_page = colleague.get("/c/alfa/posts").get_data(as_text=True)
    members_page = member.get("/c/alfa/posts").get_data(as_text=True)
    assert _menu_link(members_page, "My company") == f"/c/alfa/companies/{world.company_a}"
    assert _menu_link(colleagues_page, "My company") != _menu_link(members_page, "My company")


def test_a_page_links_within_its_own_cluster(app, world, make_visitor):
    # Addresses built by templates are kept per process (clusterhub/fragments.py), keyed by the cluster.
    add_to_cluster(app, world.member_a, "beta", "member", f"SIA {world.CANARY_B} Ēna")
    visitor = make_visitor()
    visitor.login("member@alfa.lv")
    alfa = visitor.get("/c/alfa/posts").get_data(as_text=True)
    beta = visitor.get("/c/beta/posts").get_data(as_text=True)

    assert 'href="/c/alfa/posts/new"' in alfa and 'href="/c/beta/posts/new"' not in alfa
    assert 'href="/c/beta/posts/new"' in beta and 'href="/c/alfa/posts/new"' not in beta
