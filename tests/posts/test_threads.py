"""Answering a post opens a private conversation of two companies; either side records a collaboration."""

from datetime import timedelta

from sqlalchemy import func, select

from clusterhub.clock import local_today
from clusterhub.notifications.models import Notification
from clusterhub.posts.models import Collaboration, Message, Thread
from tests.factories import make_post, make_user
from tests.mailbox import plain_text
from tests.posts.conftest import ABELE, CIEKURS, THIRD, rows, third_company_person


def _count(app, model) -> int:
    return rows(app, select(func.count(model.id)))[0][0]


def test_answering_a_post_opens_a_thread_and_tells_the_post_company(app, world, signed_in):
    third = third_company_person(app)
    answerer = signed_in(third)
    post = f"/c/alfa/posts/{world.post_a}"
    assert "Send the answer" in answerer.get(post).get_data(as_text=True)
    mails_before = len(answerer.mails())
    response = answerer.post(post, {"body": "Varam palīdzēt ar **eksportu**."})
    assert response.status_code == 302 and "/c/alfa/threads/" in response.location
    page = answerer.get(response.location).get_data(as_text=True)
    assert "<strong>eksportu</strong>" in page and THIRD in page and CIEKURS in page
    mail = answerer.mails()[-1]
    assert len(answerer.mails()) == mails_before + 1
    assert mail["To"] == "member@alfa.lv"
    assert f"{THIRD} answered your post “CANARYALFA vajadzība”." in plain_text(mail)
    assert "http://clusterhub.test/c/alfa/threads/" in plain_text(mail)
    poster = signed_in("member@alfa.lv")
    assert f"{THIRD} answered your post" in poster.get("/c/alfa/notifications/").get_data(as_text=True)
    assert THIRD in poster.get("/c/alfa/threads").get_data(as_text=True)


def test_a_reply_tells_the_other_side_not_the_writer(app, world, signed_in):
    poster = signed_in("member@alfa.lv")
    response = poster.submit(f"/c/alfa/threads/{world.thread_a}", {"body": "Paldies, sazināsimies."})
    assert response.status_code == 302
    mail = poster.mails()[-1]
    assert mail["To"] == "manager@alfa.lv" and f"{CIEKURS} wrote to you" in plain_text(mail)
    assert "Paldies, sazināsimies." in poster.get(f"/c/alfa/threads/{world.thread_a}").get_data(as_text=True)


def test_an_empty_reply_is_refused_beside_the_field(app, world, visitor):
    visitor.login("member@alfa.lv")
    messages = _count(app, Message)
    response = visitor.submit(f"/c/alfa/threads/{world.thread_a}", {"body": "  "})
    assert response.status_code == 200 and 'id="body-errors"' in response.get_data(as_text=True)
    assert _count(app, Message) == messages


def test_a_company_cannot_answer_its_own_post(app, world, visitor):
    visitor.login("member@alfa.lv")
    page = visitor.get(f"/c/alfa/posts/{world.post_a}").get_data(as_text=True)
    assert "This is your company's own post" in page and "Send the answer" not in page
    assert ABELE in page  # the answers to it are listed instead
    threads = _count(app, Thread)
    response = visitor.post(f"/c/alfa/posts/{world.post_a}", {"body": "Sev pašiem"})
    assert response.status_code == 200 and _count(app, Thread) == threads


def test_a_closed_or_expired_post_cannot_be_answered(app, world, make_visitor, signed_in):
    third = make_visitor()
    third.login(third_company_person(app))
    owner = signed_in("member@alfa.lv")
    owner.submit(f"/c/alfa/posts/{world.post_a}/close")
    expired = make_post(
        app, "alfa", CIEKURS, "member@alfa.lv", "Novecojis", valid_until=local_today() - timedelta(1)
    )
    threads = _count(app, Thread)
    for post_id, reason in ((world.post_a, "closed"), (expired, "expired")):
        page = third.get(f"/c/alfa/posts/{post_id}").get_data(as_text=True)
        assert f"This post has {reason}" in page or f"This post is {reason}" in page
        assert third.post(f"/c/alfa/posts/{post_id}", {"body": "Vēl aktuāli?"}).status_code == 200
    assert _count(app, Thread) == threads


def test_answering_again_continues_the_same_thread(app, world, signed_in):
    answerer = signed_in("manager@alfa.lv")
    page = answerer.get(f"/c/alfa/posts/{world.post_a}").get_data(as_text=True)
    assert "Continue the conversation" in page and f"/c/alfa/threads/{world.thread_a}" in page
    response = answerer.post(f"/c/alfa/posts/{world.post_a}", {"body": "Vēl viena ziņa"})
    assert response.location.endswith(f"/c/alfa/threads/{world.thread_a}")
    assert _count(app, Thread) == 1


def test_only_the_two_companies_see_a_thread(app, world, make_visitor):
    outsider = make_visitor()
    outsider.login(third_company_person(app))
    for path in (f"/c/alfa/threads/{world.thread_a}", f"/c/alfa/threads/{world.thread_a}/collaboration"):
        assert outsider.get(path).status_code == 404, path
        assert outsider.post(path, {"body": "Ielauzties"}).status_code == 404, path
    assert "CANARYALFA atbilde" not in outsider.get("/c/alfa/threads").get_data(as_text=True)


def test_a_manager_whose_company_is_not_a_party_does_not_see_the_thread(app, world, visitor):
    make_user(app, "boss@alfa.lv", "Boss", "alfa", "manager", THIRD)
    visitor.login("boss@alfa.lv")
    assert visitor.get(f"/c/alfa/threads/{world.thread_a}").status_code == 404


def test_a_thread_of_another_cluster_is_not_found(app, world, visitor):
    visitor.login("member@beta.lv")
    assert visitor.get(f"/c/beta/threads/{world.thread_a}").status_code == 404
    assert visitor.get(f"/c/alfa/threads/{world.thread_a}").status_code == 404


def test_contacting_a_company_from_its_profile_opens_a_thread(app, world, visitor):
    visitor.login("manager@alfa.lv")
    contact = f"/c/alfa/companies/{world.company_a}/contact"
    empty = visitor.submit(contact, {"subject": "", "body": ""})
    assert empty.status_code == 200 and 'id="subject-errors"' in empty.get_data(as_text=True)
    response = visitor.submit(contact, {"subject": "Kopīgs projekts", "body": "Vai runājam?"})
    assert response.status_code == 302
    page = visitor.get(response.location).get_data(as_text=True)
    assert "Kopīgs projekts" in page and "Vai runājam?" in page
    assert visitor.mails()[-1]["To"] == "member@alfa.lv"
    assert "wrote to you: “Kopīgs projekts”" in plain_text(visitor.mails()[-1])


def test_a_company_cannot_write_to_itself(app, world, visitor):
    visitor.login("member@alfa.lv")
    contact = f"/c/alfa/companies/{world.company_a}/contact"
    assert "This is your own company." in visitor.get(contact).get_data(as_text=True)
    threads = _count(app, Thread)
    assert visitor.post(contact, {"subject": "Sev", "body": "Sev"}).status_code == 200
    assert _count(app, Thread) == threads


def test_either_side_records_a_collaboration_once(app, world, signed_in):
    poster = signed_in("member@alfa.lv")
    page = f"/c/alfa/threads/{world.thread_a}/collaboration"
    assert "started working together?" in poster.get(page).get_data(as_text=True)
    assert _count(app, Collaboration) == 0  # asking records nothing
    assert poster.post(page).status_code == 302
    answerer = signed_in("manager@alfa.lv")
    assert "recorded on" in answerer.get(page).get_data(as_text=True)
    response = answerer.post(page, follow_redirects=True)
    assert "recorded already" in response.get_data(as_text=True)
    assert _count(app, Collaboration) == 1
    told = rows(app, select(Notification.kind).where(Notification.kind == "collaboration"))
    assert len(told) == 1
    assert "You started working together" in answerer.get(f"/c/alfa/threads/{world.thread_a}").get_data(
        as_text=True
    )


def test_a_profile_shows_the_open_posts_and_a_contact_button_except_on_ones_own(app, world, signed_in):
    make_post(app, "alfa", CIEKURS, "member@alfa.lv", "Aizvērtais", valid_until=local_today() - timedelta(1))
    profile = f"/c/alfa/companies/{world.company_a}"
    other = signed_in("manager@alfa.lv")
    page = other.get(profile).get_data(as_text=True)
    assert f'href="/c/alfa/posts/{world.post_a}"' in page and "Aizvērtais" not in page
    assert f'href="{profile}/contact"' in page
    own = signed_in("member@alfa.lv")
    assert f'href="{profile}/contact"' not in own.get(profile).get_data(as_text=True)
