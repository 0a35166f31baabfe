"""A member company posts, edits, closes, reopens and withdraws its needs and offers; nothing is deleted."""

from datetime import timedelta

from sqlalchemy import func, select

from clusterhub.clock import local_today
from clusterhub.posts.models import Post, PostRegion, PostTag
from tests.factories import make_post, make_user
from tests.posts.conftest import CIEKURS, rows

NEW_POST = {
    "kind": "offer",
    "category": "equipment",
    "title": "Lāzergriešanas iekārta nomai",
    "body": "Piedāvājam **CNC** lāzeri brīvajās stundās.",
    "tags": "CNC, lāzers, cnc",
    "regions": ["kurzeme", "zemgale"],
    "valid_until": (local_today() + timedelta(days=30)).isoformat(),
}


def _post(app, title: str):
    return rows(app, select(Post).where(Post.title == title))[0][0]


def test_a_member_posts_an_offer_and_sees_it_on_its_page(app, world, visitor):
    visitor.login("member@alfa.lv")
    response = visitor.submit("/c/alfa/posts/new", NEW_POST)
    assert response.status_code == 302
    page = visitor.get(response.location).get_data(as_text=True)
    assert "Lāzergriešanas iekārta nomai" in page and "<strong>CNC</strong>" in page
    assert "Offer" in page and "Equipment sharing" in page and "Kurzeme, Zemgale" in page
    assert CIEKURS in page and f"/c/alfa/companies/{world.company_a}" in page
    post = _post(app, "Lāzergriešanas iekārta nomai")
    tags = rows(app, select(PostTag.name).where(PostTag.post_id == post.id))
    regions = rows(app, select(PostRegion.region).where(PostRegion.post_id == post.id))
    assert [t.name for t in tags] == ["CNC", "lāzers"]  # the same tag in another case is kept once
    assert sorted(r.region for r in regions) == ["kurzeme", "zemgale"]
    assert post.status == "open" and post.company_id == world.company_a


def test_an_empty_title_is_refused_beside_the_field(app, world, visitor):
    visitor.login("member@alfa.lv")
    response = visitor.submit("/c/alfa/posts/new", {**NEW_POST, "title": "   "})
    page = response.get_data(as_text=True)
    assert response.status_code == 200
    assert 'id="title-errors"' in page and "This field is required." in page
    assert rows(app, select(func.count(Post.id)))[0][0] == 1  # only the world's post_a


def test_an_overlong_tag_is_refused_beside_the_field_and_nothing_is_saved(app, world, visitor):
    visitor.login("member@alfa.lv")
    response = visitor.submit("/c/alfa/posts/new", {**NEW_POST, "tags": "CNC, " + "ā" * 150})
    page = response.get_data(as_text=True)
    assert response.status_code == 200
    assert 'id="tags-errors"' in page and "a tag has at most 100 characters" in page
    assert rows(app, select(func.count(Post.id)))[0][0] == 1


def test_a_last_day_in_the_past_is_refused_on_creation(app, world, visitor):
    visitor.login("member@alfa.lv")
    yesterday = (local_today() - timedelta(days=1)).isoformat()
    response = visitor.submit("/c/alfa/posts/new", {**NEW_POST, "valid_until": yesterday})
    page = response.get_data(as_text=True)
    assert response.status_code == 200
    assert 'id="valid_until-errors"' in page and "The date cannot be in the past." in page


def test_a_manager_without_a_company_is_told_why_they_cannot_post(app, world, visitor):
    make_user(app, "boss@alfa.lv", "Boss Bez Uzņēmuma", "alfa", "manager")
    visitor.login("boss@alfa.lv")
    for path in ("/c/alfa/posts/new", "/c/alfa/posts/mine", "/c/alfa/threads"):
        page = visitor.get(path).get_data(as_text=True)
        assert "does not represent a member company" in page, path
    response = visitor.post("/c/alfa/posts/new", NEW_POST)
    assert response.status_code == 200 and rows(app, select(func.count(Post.id)))[0][0] == 1


def test_the_author_company_edits_its_post(app, world, visitor):
    visitor.login("member@alfa.lv")
    form = visitor.get(f"/c/alfa/posts/{world.post_a}/edit").get_data(as_text=True)
    assert "CANARYALFA vajadzība" in form and "CANARYALFA birka" in form
    response = visitor.post(f"/c/alfa/posts/{world.post_a}/edit", {**NEW_POST, "title": "Jauns virsraksts"})
    assert response.status_code == 302
    assert "Jauns virsraksts" in visitor.get(f"/c/alfa/posts/{world.post_a}").get_data(as_text=True)


def test_an_edit_keeps_unchanged_tags_and_can_untick_every_region(app, world, visitor):
    visitor.login("member@alfa.lv")
    visitor.submit("/c/alfa/posts/new", NEW_POST)
    post = _post(app, NEW_POST["title"])
    edited = {**NEW_POST, "tags": "cnc, Lāzers, jauns", "regions": []}
    assert visitor.submit(f"/c/alfa/posts/{post.id}/edit", edited).status_code == 302
    tags = rows(app, select(PostTag.name).where(PostTag.post_id == post.id).order_by(PostTag.key))
    assert [t.name for t in tags] == ["cnc", "jauns", "Lāzers"]
    assert rows(app, select(PostRegion.id).where(PostRegion.post_id == post.id)) == []


def test_an_edit_may_keep_a_date_that_has_passed_but_not_set_a_new_one(app, world, visitor):
    past = local_today() - timedelta(days=3)
    post_id = make_post(app, "alfa", CIEKURS, "member@alfa.lv", "Vecs piedāvājums", valid_until=past)
    visitor.login("member@alfa.lv")
    edit = f"/c/alfa/posts/{post_id}/edit"
    kept = visitor.submit(edit, {**NEW_POST, "valid_until": past.isoformat()})
    assert kept.status_code == 302
    earlier = visitor.submit(edit, {**NEW_POST, "valid_until": (past - timedelta(days=1)).isoformat()})
    assert earlier.status_code == 200 and "The date cannot be in the past." in earlier.get_data(as_text=True)


def test_another_company_cannot_edit_a_post_but_a_manager_can(app, world, make_visitor, signed_in):
    other = make_visitor()
    make_user(app, "third@alfa.lv", "Trešais", "alfa", "member", "SIA Trešā Puse")
    other.login("third@alfa.lv")
    assert other.get(f"/c/alfa/posts/{world.post_a}/edit").status_code == 403
    assert other.get(f"/c/alfa/posts/{world.post_a}/withdraw").status_code == 403
    assert "Edit" not in other.get(f"/c/alfa/posts/{world.post_a}").get_data(as_text=True)
    manager = signed_in("manager@alfa.lv")
    assert manager.get(f"/c/alfa/posts/{world.post_a}/edit").status_code == 200


def test_close_reopen_and_withdraw_each_ask_first_and_keep_the_post(app, world, visitor):
    visitor.login("member@alfa.lv")
    base = f"/c/alfa/posts/{world.post_a}"
    for action, question, status in (
        ("close", "as fulfilled?", "fulfilled"),
        ("reopen", "Reopen", "open"),
        ("withdraw", "It leaves the board but is not deleted", "withdrawn"),
    ):
        page = visitor.get(f"{base}/{action}").get_data(as_text=True)
        assert question in page and "CANARYALFA vajadzība" in page, action
        assert _post_status(app, world.post_a) != status  # asking changes nothing
        assert visitor.post(f"{base}/{action}").status_code == 302, action
        assert _post_status(app, world.post_a) == status, action
    assert "Withdrawn" in visitor.get(base).get_data(as_text=True)


def test_an_action_that_does_not_fit_the_status_is_explained(app, world, visitor):
    visitor.login("member@alfa.lv")
    response = visitor.post(f"/c/alfa/posts/{world.post_a}/reopen", follow_redirects=True)
    assert "cannot be done while the post" in response.get_data(as_text=True)
    assert _post_status(app, world.post_a) == "open"


def _post_status(app, post_id: int) -> str:
    return rows(app, select(Post.status).where(Post.id == post_id))[0].status
