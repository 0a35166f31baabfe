"""A person's notifications: newest first, unread ones marked and counted, read by opening or all at once."""

from sqlalchemy import select

from clusterhub.accounts.models import User
from clusterhub.notifications.models import Notification
from tests.factories import add_to_cluster, make_response, make_user
from tests.posts.conftest import rows

ANSWERED = "SIA CANARYALFA Ābele answered your post “CANARYALFA vajadzība”."
BADGE = '<span class="badge">{}<span class="visually-hidden"> unread</span></span>'


def _unread(app, email: str) -> int:
    statement = select(Notification.id).join(Notification.user)
    return len(rows(app, statement.where(User.email == email, Notification.read_at.is_(None))))


def _second_answer(app, world) -> None:
    make_user(app, "third@alfa.lv", "Trešais", "alfa", "member", "SIA Trešā Puse")
    make_response(app, "alfa", world.post_a, "SIA Trešā Puse", "third@alfa.lv", "Arī mēs varam")


def test_an_answer_shows_as_an_unread_notification_counted_in_the_navigation(app, world, visitor):
    visitor.login("member@alfa.lv")
    page = visitor.get("/c/alfa/notifications/").get_data(as_text=True)
    assert ANSWERED in page and "New:" in page and "Mark all as read" in page
    assert BADGE.format(2) in page  # the answer and the world's rating of the company


def test_opening_a_notification_leads_to_its_page_and_marks_it_read(app, world, visitor):
    visitor.login("member@alfa.lv")
    response = visitor.get(f"/c/alfa/notifications/{world.notification_a}")
    assert response.status_code == 302
    assert response.location.endswith(f"/c/alfa/threads/{world.thread_a}")
    assert _unread(app, "member@alfa.lv") == 1  # the rating is still unread
    page = visitor.get("/c/alfa/notifications/").get_data(as_text=True)
    assert ANSWERED in page and BADGE.format(1) in page


def test_mark_all_as_read(app, world, visitor):
    _second_answer(app, world)
    visitor.login("member@alfa.lv")
    page = visitor.get("/c/alfa/notifications/").get_data(as_text=True)
    assert BADGE.format(3) in page
    # Newest first: the second answer is listed above the world's.
    assert page.index("SIA Trešā Puse answered") < page.index(ANSWERED)
    assert visitor.post("/c/alfa/notifications/read").status_code == 302
    assert _unread(app, "member@alfa.lv") == 0


def test_the_list_is_paginated(app, world, visitor):
    _second_answer(app, world)
    app.config["PAGE_SIZE"] = 1
    visitor.login("member@alfa.lv")
    assert "Page 1 of 3" in visitor.get("/c/alfa/notifications/").get_data(as_text=True)
    assert ANSWERED in visitor.get("/c/alfa/notifications/?page=3").get_data(as_text=True)


def test_another_persons_notification_is_not_found_and_stays_unread(app, world, visitor):
    visitor.login("manager@alfa.lv")
    assert visitor.get(f"/c/alfa/notifications/{world.notification_a}").status_code == 404
    assert ANSWERED not in visitor.get("/c/alfa/notifications/").get_data(as_text=True)
    assert _unread(app, "member@alfa.lv") == 2


def test_notifications_stay_in_their_cluster(app, world, visitor):
    add_to_cluster(app, world.member_a, "beta", "member")
    visitor.login("member@alfa.lv")
    page = visitor.get("/c/beta/notifications/").get_data(as_text=True)
    # Alfa's unread count shows only beside alfa in the cluster switcher; beta's menu has nothing unread.
    menu = page[page.index('<details class="menu">') :]
    assert "No notifications yet." in page and 'class="badge"' not in menu
    assert visitor.get(f"/c/beta/notifications/{world.notification_a}").status_code == 404
    visitor.post("/c/beta/notifications/read")
    assert _unread(app, "member@alfa.lv") == 2
