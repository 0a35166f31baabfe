"""The board lists open posts newest first, filters them, and keeps expired and closed ones aside."""

import re
from datetime import timedelta

import pytest

from clusterhub.clock import local_today
from tests.factories import make_post, make_tenant, make_user
from tests.posts.conftest import ABELE, CIEKURS
from tests.statements import ids_asked_for, statements_sent

BOARD = "/c/alfa/posts"


@pytest.fixture
def board(app, world):
    """Four posts besides the world's post_a, made in this order (so the last is the newest)."""
    make_post(
        app,
        "alfa",
        ABELE,
        "manager@alfa.lv",
        "Ēnu teātra tehnika",
        kind="offer",
        category="equipment",
        regions=["riga"],
        tags=["Skatuve"],
    )
    make_post(
        app,
        "alfa",
        CIEKURS,
        "member@alfa.lv",
        "Kopīga dalība izstādē",
        kind="interest",
        category="exhibitions",
        regions=["kurzeme"],
    )
    make_post(
        app,
        "alfa",
        ABELE,
        "manager@alfa.lv",
        "Vecā vajadzība",
        category="training",
        valid_until=local_today() - timedelta(days=1),
    )
    make_post(
        app,
        "alfa",
        ABELE,
        "manager@alfa.lv",
        "Visiem reģioniem",
        category="staff",
        valid_until=local_today() + timedelta(days=5),
    )


def _titles(visitor, query: str = "") -> list[str]:
    page = visitor.get(f"{BOARD}{query}").get_data(as_text=True)
    order = [
        "Visiem reģioniem",
        "Vecā vajadzība",
        "Kopīga dalība izstādē",
        "Ēnu teātra tehnika",
        "CANARYALFA vajadzība",
    ]
    found = [(page.index(f">{title}</a>"), title) for title in order if f">{title}</a>" in page]
    return [title for _position, title in sorted(found)]


def test_the_board_shows_open_posts_newest_first_and_leaves_expired_ones_out(app, board, visitor):
    visitor.login("member@alfa.lv")
    assert 'class="errors"' not in visitor.get(BOARD).get_data(as_text=True)  # no filter chosen is no mistake
    assert _titles(visitor) == [
        "Visiem reģioniem",
        "Kopīga dalība izstādē",
        "Ēnu teātra tehnika",
        "CANARYALFA vajadzība",
    ]
    assert _titles(visitor, "?order=oldest")[0] == "CANARYALFA vajadzība"
    assert _titles(visitor, "?order=deadline")[0] == "Visiem reģioniem"


def test_expired_posts_are_found_under_their_own_status(app, board, visitor):
    visitor.login("member@alfa.lv")
    assert _titles(visitor, "?status=expired") == ["Vecā vajadzība"]
    assert "Expired" in visitor.get(f"{BOARD}?status=expired").get_data(as_text=True)
    assert len(_titles(visitor, "?status=all")) == 5
    app.config["PAGE_SIZE"] = 3
    first_page = visitor.get(f"{BOARD}?status=all").get_data(as_text=True)
    assert "status=all" in first_page.split('rel="next"')[0].rsplit("<a", 1)[1]
    assert len(_titles(visitor, "?status=all&page=2")) == 2


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("?kind=offer", ["Ēnu teātra tehnika"]),
        ("?category=exhibitions", ["Kopīga dalība izstādē"]),
        # A post that names no region concerns every region.
        ("?region=riga", ["Visiem reģioniem", "Ēnu teātra tehnika", "CANARYALFA vajadzība"]),
        ("?tag=skatuve", ["Ēnu teātra tehnika"]),
        ("?text=ĒNU", ["Ēnu teātra tehnika"]),
        ("?text=izstādē", ["Kopīga dalība izstādē"]),
        # Typed without Latvian letters, as on a foreign keyboard.
        ("?text=enu teatra", ["Ēnu teātra tehnika"]),
        ("?text=KOPIGA DALIBA", ["Kopīga dalība izstādē"]),
        ("?text=100%25", []),
    ],
)
def test_the_board_filters(app, board, visitor, query, expected):
    visitor.login("member@alfa.lv")
    assert _titles(visitor, query) == expected


def test_a_cards_tag_links_to_the_board_filtered_by_that_tag(app, board, visitor):
    # Letters and signs an address must write otherwise: the link still finds the post by its tag.
    tags = ["CAD/CAM & 3D šūšana"]
    make_post(app, "alfa", ABELE, "manager@alfa.lv", "Zīmējumi", category="staff", tags=tags)
    visitor.login("member@alfa.lv")
    page = visitor.get(BOARD).get_data(as_text=True)
    address = re.search(r'<a href="([^"]+)">CAD/CAM &amp; 3D šūšana</a>', page).group(1)
    filtered = visitor.get(address).get_data(as_text=True)
    assert ">Zīmējumi</a>" in filtered and "Ēnu teātra tehnika" not in filtered


def test_closed_posts_leave_the_open_board(app, world, board, visitor):
    visitor.login("member@alfa.lv")
    visitor.submit(f"/c/alfa/posts/{world.post_a}/close")
    assert "CANARYALFA vajadzība" not in _titles(visitor)
    assert _titles(visitor, "?status=fulfilled") == ["CANARYALFA vajadzība"]


def test_a_bad_filter_value_is_ignored_rather_than_failing(app, board, visitor):
    visitor.login("member@alfa.lv")
    response = visitor.get(f"{BOARD}?kind=nonsense&status=deleted&order=random&page=x")
    assert response.status_code == 200
    assert len(_titles(visitor, "?kind=nonsense&status=deleted")) == 4


def test_the_board_says_when_nothing_matches_and_pages_long_lists(app, world, board, visitor):
    visitor.login("member@alfa.lv")
    assert "No posts match these filters." in visitor.get(f"{BOARD}?text=nav-tāda").get_data(as_text=True)
    app.config["PAGE_SIZE"] = 2
    first = visitor.get(f"{BOARD}?kind=&category=").get_data(as_text=True)
    assert "Page 1 of 2" in first and "page=2" in first
    assert "Page 2 of 2" in visitor.get(f"{BOARD}?page=2").get_data(as_text=True)


def test_an_empty_board_invites_the_first_post(app, visitor):
    make_tenant(app, "gamma", "Gamma klasteris")
    make_user(app, "first@gamma.lv", "Pirmais", "gamma", "member", "SIA Pirmā")
    visitor.login("first@gamma.lv")
    assert "There are no open posts yet." in visitor.get("/c/gamma/posts").get_data(as_text=True)
    assert "has not posted anything yet" in visitor.get("/c/gamma/posts/mine").get_data(as_text=True)


def test_my_posts_lists_every_post_of_my_company_whatever_its_status(app, world, board, visitor):
    visitor.login("member@alfa.lv")
    visitor.submit(f"/c/alfa/posts/{world.post_a}/withdraw")
    page = visitor.get("/c/alfa/posts/mine").get_data(as_text=True)
    assert "CANARYALFA vajadzība" in page and "Withdrawn" in page and "Kopīga dalība izstādē" in page
    assert "Ēnu teātra tehnika" not in page  # Ābele's, not mine


def test_a_board_page_counts_ids_and_loads_only_its_own_posts(app, world, board, visitor):
    visitor.login("member@alfa.lv")
    app.config["PAGE_SIZE"] = 2
    with statements_sent(app) as sent:
        page = visitor.get(f"{BOARD}?page=2").get_data(as_text=True)
    assert "Page 2 of 2" in page and "4 posts" in page
    counts = [statement for statement in sent if "count(" in statement and "posts" in statement]
    assert len(counts) == 1 and "posts.body" not in counts[0]
    # The page's two posts are loaded by id with their companies' names, their tags in one more query; the
    # regions no card shows are not read.
    loads = [statement for statement in sent if "posts.body" in statement]
    assert len(loads) == 1 and ids_asked_for(loads[0], "posts.id") == 2 and "companies" in loads[0]
    assert len([statement for statement in sent if "FROM post_tags" in statement]) == 1
    assert not [
        statement
        for statement in sent
        if "FROM post_regions" in statement or "companies.description" in statement
    ]
