"""Interest groups as members and managers meet them: starting, joining, leaving, addressing, archiving."""

from sqlalchemy import select

from clusterhub.groups.models import Group, GroupMember
from clusterhub.posts.models import Post
from tests.factories import make_post
from tests.posts.conftest import rows

MEMBER, MANAGER = "member@alfa.lv", "manager@alfa.lv"
CANARY_COMPANY = "SIA CANARYALFA Ābele"


def _members(page: str) -> str:
    """The members list of a group's page."""
    return page.split("<h2>Members</h2>")[1].split("<h2>")[0]


def _group_id(app, name: str) -> int:
    return rows(app, select(Group.id).where(Group.name == name))[0][0]


def test_a_manager_starts_a_group_that_a_member_joins_and_leaves(app, world, signed_in):
    manager = signed_in(MANAGER)
    response = manager.submit(
        "/c/alfa/manage/groups/new",
        {"name": " Eksports uz Ziemeļvalstīm ", "description": "Kopīgi uz **Zviedriju**."},
    )
    assert response.status_code == 302
    group_id = _group_id(app, "Eksports uz Ziemeļvalstīm")
    assert response.location.endswith(f"/c/alfa/groups/{group_id}")

    member = signed_in(MEMBER)
    assert "Eksports uz Ziemeļvalstīm" in member.get("/c/alfa/groups").get_data(as_text=True)
    page = member.get(f"/c/alfa/groups/{group_id}").get_data(as_text=True)
    assert "Kopīgi uz <strong>Zviedriju</strong>." in page and "Nobody has joined yet." in page
    member.post(f"/c/alfa/groups/{group_id}/join")
    page = member.get(f"/c/alfa/groups/{group_id}").get_data(as_text=True)
    assert "Andris CANARYALFA — " in _members(page) and "SIA CANARYALFA Čiekurs" in _members(page)
    assert "Leave the group" in page
    member.post(f"/c/alfa/groups/{group_id}/join")  # twice is still once
    assert len(rows(app, select(GroupMember.id).where(GroupMember.group_id == group_id))) == 1

    member.post(f"/c/alfa/groups/{group_id}/leave")
    page = member.get(f"/c/alfa/groups/{group_id}").get_data(as_text=True)
    assert "Nobody has joined yet." in _members(page) and "Join the group" in page


def test_a_group_name_is_unique_in_the_cluster_and_required(app, world, signed_in):
    manager = signed_in(MANAGER)
    response = manager.submit("/c/alfa/manage/groups/new", {"name": "canaryalfa GRUPA", "description": ""})
    assert response.status_code == 200
    assert 'id="name-errors"' in manager.last_page
    assert "This cluster has a group of this name already." in manager.last_page
    response = manager.submit("/c/alfa/manage/groups/new", {"name": "   "})
    assert response.status_code == 200 and "This field is required." in manager.last_page


def test_a_manager_renames_a_group(app, world, signed_in):
    group_id = world.managed_a["group"]
    manager = signed_in(MANAGER)
    response = manager.submit(
        f"/c/alfa/manage/groups/{group_id}/edit", {"name": "Automatizācija", "description": "Roboti"}
    )
    assert response.status_code == 302
    assert "Automatizācija" in manager.get(f"/c/alfa/groups/{group_id}").get_data(as_text=True)


def test_members_join_groups_but_do_not_manage_them(app, world, signed_in):
    group_id = world.managed_a["group"]
    member = signed_in(MEMBER)
    for path in (
        "/c/alfa/manage/groups",
        "/c/alfa/manage/groups/new",
        f"/c/alfa/manage/groups/{group_id}/edit",
        f"/c/alfa/manage/groups/{group_id}/archive",
        f"/c/alfa/manage/groups/{group_id}/reopen",
    ):
        assert member.get(path).status_code == 403, path
    assert "Start a group" not in member.get("/c/alfa/groups").get_data(as_text=True)


def test_a_post_addressed_to_a_group_shows_on_its_page_and_on_the_filtered_board(app, world, signed_in):
    group_id = world.managed_a["group"]
    member = signed_in(MEMBER)
    form = member.get("/c/alfa/posts/new").get_data(as_text=True)
    assert "Addressed to a group" in form and "CANARYALFA grupa" in form
    response = member.post(
        "/c/alfa/posts/new",
        {"kind": "need", "category": "export", "title": "Kravas uz Oslo", "group": str(group_id)},
    )
    assert response.status_code == 302
    make_post(app, "alfa", "SIA CANARYALFA Čiekurs", MEMBER, "Bez grupas")

    page = member.get(f"/c/alfa/groups/{group_id}").get_data(as_text=True)
    assert "Kravas uz Oslo" in page and "Bez grupas" not in page
    assert f"/c/alfa/posts?group={group_id}&amp;status=all" in page
    board = member.get(f"/c/alfa/posts?group={group_id}").get_data(as_text=True)
    assert "Kravas uz Oslo" in board and "Bez grupas" not in board
    assert "Bez grupas" in member.get("/c/alfa/posts").get_data(as_text=True)
    detail = member.get(response.location).get_data(as_text=True)
    assert "Addressed to the group" in detail and "CANARYALFA grupa" in detail


def test_a_post_cannot_be_addressed_to_another_clusters_group(app, world, signed_in):
    member = signed_in(MEMBER)
    member.get("/c/alfa/posts/new")
    response = member.post(
        "/c/alfa/posts/new",
        {
            "kind": "need",
            "category": "export",
            "title": "Svešā grupā",
            "group": str(world.managed_b["group"]),
        },
    )
    assert response.status_code == 200 and "Not a valid choice." in member.last_page
    assert rows(app, select(Post.id).where(Post.title == "Svešā grupā")) == []


def test_news_addressed_to_a_group_shows_on_its_page(app, world, signed_in):
    group_id = world.managed_a["group"]
    manager = signed_in(MANAGER)
    response = manager.submit(
        "/c/alfa/manage/news/new", {"title": "Ziemeļu tirgus seminārs", "body": "", "group": str(group_id)}
    )
    assert response.status_code == 302
    assert "for the group" in manager.get(response.location).get_data(as_text=True)
    page = signed_in(MEMBER).get(f"/c/alfa/groups/{group_id}").get_data(as_text=True)
    assert "Ziemeļu tirgus seminārs" in page
    # An item addressed to nobody stays off the group's page.
    assert "CANARYALFA ziņa" not in page


def test_an_archived_group_asks_first_then_takes_nobody_new_until_reopened(app, world, signed_in):
    group_id = world.managed_a["group"]
    manager = signed_in(MANAGER)
    question = manager.get(f"/c/alfa/manage/groups/{group_id}/archive").get_data(as_text=True)
    assert "Archive “CANARYALFA grupa”?" in question
    manager.post(f"/c/alfa/manage/groups/{group_id}/archive")

    page = manager.get(f"/c/alfa/groups/{group_id}").get_data(as_text=True)
    assert "Archived on" in page and "Join the group" not in page
    manager.post(f"/c/alfa/groups/{group_id}/join")
    assert "This group is archived and takes no new members." in manager.get("/c/alfa/groups").get_data(
        as_text=True
    )
    # Its people stay; posts can no longer be addressed to it.
    assert "Andris CANARYALFA" in _members(manager.get(f"/c/alfa/groups/{group_id}").get_data(as_text=True))
    assert "CANARYALFA grupa" not in manager.get("/c/alfa/posts/new").get_data(as_text=True)

    manager.submit(f"/c/alfa/manage/groups/{group_id}/reopen")
    assert "CANARYALFA grupa" in manager.get("/c/alfa/posts/new").get_data(as_text=True)


def test_the_needs_dashboard_counts_and_lists_the_posts_of_each_group(app, world, signed_in):
    group_id = world.managed_a["group"]
    make_post(app, "alfa", CANARY_COMPANY, MANAGER, "Ābeles vajadzība")
    manager = signed_in(MANAGER)
    dashboard = manager.get("/c/alfa/manage/").get_data(as_text=True)
    assert "Posts by interest group" in dashboard and f"group={group_id}" in dashboard
    # The group's member (Andris) represents Čiekurs: its posts count for the group, Ābele's do not.
    listing = manager.get(f"/c/alfa/manage/needs/posts?group={group_id}").get_data(as_text=True)
    assert "Interest group: CANARYALFA grupa" in listing
    assert "CANARYALFA vajadzība" in listing and "Ābeles vajadzība" not in listing
    assert manager.get("/c/alfa/manage/needs/posts?group=999999").status_code == 404
    assert manager.get(f"/c/alfa/manage/needs/posts?group={world.managed_b['group']}").status_code == 404
