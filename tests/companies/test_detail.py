"""The profile page: everything the company tells, safely rendered, inside its clusters only."""

from datetime import date
from html.parser import HTMLParser

from tests.companies.helpers import add_company, admit_elsewhere, edit_profile
from tests.factories import make_post, make_profile


def _profile(visitor, company_id: int, slug: str = "alfa") -> str:
    response = visitor.get(f"/c/{slug}/companies/{company_id}")
    assert response.status_code == 200
    return response.get_data(as_text=True)


def test_the_profile_shows_every_field_with_labels(app, world, visitor):
    company = add_company(
        app,
        "alfa",
        "Skaņas Meistari",
        member_since=date(2021, 5, 17),
        registration_number="40003012345",
        website="https://skana.example.lv",
        size="small",
        region="pieriga",
        description="Ierakstām **skaņu** filmām.",
        sectors=["Audiovizuālā tehnika"],
        competences=["Skaņu ierakstīšana", "Montāža"],
        roles=["producer", "education_research"],
        infrastructure="Skaņas studija 60 m²",
        development_directions="Eksports uz Ziemeļvalstīm",
        partnership_interests="Kopīgi projekti ar kino skolām",
        other_clusters="Latvijas IT klasteris",
        contacts=[
            {
                "name": "Ilze Bērziņa",
                "role": "Valdes locekle",
                "email": "ilze@skana.lv",
                "phone": "+371 2000 0000",
            }
        ],
    )
    visitor.login("member@alfa.lv")
    page = _profile(visitor, company)
    for text in (
        "<h1>Skaņas Meistari</h1>",
        "May 17, 2021",
        "40003012345",
        '<a href="https://skana.example.lv" rel="nofollow noopener" target="_blank">',
        "Small",
        "Pierīga",
        "Producer, Education and research",
        "<strong>skaņu</strong>",
        "Audiovizuālā tehnika",
        "Skaņu ierakstīšana",
        "Skaņas studija 60 m²",
        "Eksports uz Ziemeļvalstīm",
        "Kopīgi projekti ar kino skolām",
        "Latvijas IT klasteris",
        "Ilze Bērziņa",
        "Valdes locekle",
        'href="mailto:ilze@skana.lv"',
        'href="tel:+37120000000"',
    ):
        assert text in page, text
    # A tag leads to the directory filtered by it.
    assert 'href="/c/alfa/companies?competence=Mont%C4%81%C5%BEa"' in page


def test_the_profile_shows_the_ratings_summary(app, world, visitor):
    visitor.login("member@alfa.lv")
    assert "Average 5.0 of 5 from 1 rating." in _profile(visitor, world.company_a)
    abele = add_company(app, "alfa", "SIA CANARYALFA Ābele")  # the manager's company, rated by nobody
    assert "No ratings yet." in _profile(visitor, abele)


def test_the_profile_shows_the_newest_open_posts_and_links_to_all_of_them_a_page_at_a_time(
    app, world, visitor
):
    app.config["PAGE_SIZE"] = 4
    visitor.login("colleague@alfa.lv")  # a member without a company: the profile shows no match panel
    link = f'href="/c/alfa/companies/{world.company_a}/posts"'
    assert link not in _profile(visitor, world.company_a)  # one open post: all of it shows
    titles = [f"Pasūtījums Nr. {n}</a>" for n in range(1, 7)]
    for title in titles:
        make_post(app, "alfa", "SIA CANARYALFA Čiekurs", "member@alfa.lv", title.removesuffix("</a>"))
    newest_first = [*reversed(titles), "CANARYALFA vajadzība</a>"]

    page = _profile(visitor, world.company_a)
    assert [title in page for title in newest_first] == [True] * 6 + [False]
    assert f"{link}>All open needs and offers of SIA CANARYALFA Čiekurs</a>" in page
    first = visitor.get(f"/c/alfa/companies/{world.company_a}/posts").get_data(as_text=True)
    assert "7 open posts, the newest first." in first and "Page 1 of 2" in first
    assert [title in first for title in newest_first] == [True] * 4 + [False] * 3
    second = visitor.get(f"/c/alfa/companies/{world.company_a}/posts?page=2").get_data(as_text=True)
    assert [title in second for title in newest_first] == [False] * 4 + [True] * 3


def test_a_company_of_another_cluster_is_not_found(app, world, visitor):
    visitor.login("member@alfa.lv")
    for suffix in ("", "/edit", "/logo", "/logo.img", "/history", "/logo/remove", "/posts"):
        assert visitor.get(f"/c/alfa/companies/{world.company_b}{suffix}").status_code == 404, suffix
    assert visitor.get("/c/alfa/companies/999999").status_code == 404


def test_a_company_in_two_clusters_has_one_profile_shown_in_both(app, world, make_visitor):
    admit_elsewhere(app, world.company_a, "beta", member_since=date(2015, 2, 1))
    alfa, beta = make_visitor(), make_visitor()
    alfa.login("member@alfa.lv")
    beta.login("member@beta.lv")
    assert "SIA CANARYALFA Čiekurs" in beta.get("/c/beta/companies").get_data(as_text=True)
    assert (
        edit_profile(alfa, "alfa", world.company_a, description="Jauns apraksts abiem klasteriem").status_code
        == 302
    )
    in_beta = _profile(beta, world.company_a, "beta")
    assert "Jauns apraksts abiem klasteriem" in in_beta
    # Member since is the cluster's own date.
    assert "February 1, 2015" in in_beta
    assert "February 1, 2015" not in _profile(alfa, world.company_a)


def test_edit_links_show_only_to_those_who_may_edit(app, world, make_visitor):
    abele = add_company(app, "alfa", "SIA CANARYALFA Ābele")
    member, manager, colleague = make_visitor(), make_visitor(), make_visitor()
    member.login("member@alfa.lv")
    manager.login("manager@alfa.lv")
    colleague.login("colleague@alfa.lv")
    assert "Edit the profile" in _profile(member, world.company_a)
    assert "Edit the profile" not in _profile(member, abele)
    assert "Edit the profile" in _profile(manager, world.company_a)
    assert "Change history" not in _profile(colleague, world.company_a)


class _ActiveContent(HTMLParser):
    """Collects what could run in a browser: script elements, event handlers, script: links."""

    def __init__(self):
        super().__init__()
        self.found = []

    def handle_starttag(self, tag, attrs):
        if tag in ("script", "iframe", "object", "embed", "img", "svg"):
            self.found.append(tag)
        for name, value in attrs:
            if name.startswith("on") or (value or "").strip().lower().startswith(("javascript:", "data:")):
                self.found.append(f"{tag} {name}={value}")


def test_hostile_markdown_is_rendered_harmless(app, world, visitor):
    hostile = (
        "<script>alert('x')</script>\n\n"
        "[click](javascript:alert(1)) [data](data:text/html;base64,PHNjcmlwdD4=)\n\n"
        '<img src=x onerror="alert(2)"> <a href="#" onclick="alert(3)">link</a>\n\n'
        "![pic](https://evil.example/x.png)\n\n"
        "<svg onload=alert(4)></svg>"
    )
    make_profile(app, "alfa", "SIA CANARYALFA Čiekurs", description=hostile, partnership_interests=hostile)
    visitor.login("member@alfa.lv")
    page = _profile(visitor, world.company_a)
    checker = _ActiveContent()
    checker.feed(page)
    assert checker.found == []
    assert "alert(" in page  # the text is still there for the reader, only inert
