"""Members see the catalogue, record that their company used a service, and say how it went."""

from datetime import timedelta

from clusterhub.catalogue.models import ServiceFeedback, ServiceUse
from clusterhub.clock import local_today
from tests.catalogue.conftest import CIEKURS, count, ids_of
from tests.factories import make_user
from tests.mailbox import plain_text

SERVICE = "CANARYALFA pakalpojums"
ASKED = f"Your company used “{SERVICE}”. How was it? Tell the cluster management."


def _colleague_at_ciekurs(app) -> None:
    make_user(app, "kolega@ciekurs.lv", "Kolēģe Čiekurā", "alfa", "member", CIEKURS)


def test_members_find_the_catalogue_in_the_navigation_and_open_a_service(app, world, signed_in):
    visitor = signed_in("colleague@alfa.lv")
    home = visitor.get("/c/alfa/").get_data(as_text=True)
    assert '<a href="/c/alfa/services">Services</a>' in home
    catalogue = visitor.get("/c/alfa/services").get_data(as_text=True)
    service_id = world.managed_a["service"]
    assert f'href="/c/alfa/services/{service_id}"' in catalogue and "Training" in catalogue
    page = visitor.get(f"/c/alfa/services/{service_id}").get_data(as_text=True)
    assert "CANARYALFA apraksts" in page
    assert "your membership does not name one" in page  # colleague@alfa.lv represents no company


def test_a_member_records_a_use_is_asked_for_feedback_and_gives_it(app, world, signed_in):
    _colleague_at_ciekurs(app)
    visitor = signed_in("member@alfa.lv")
    service_id = world.managed_a["service"]
    page = visitor.get(f"/c/alfa/services/{service_id}").get_data(as_text=True)
    assert f'value="{local_today().isoformat()}"' in page  # the day defaults to today in Rīga
    # Days apart from the world's use, which is of the factory's (server's) today.
    day = local_today() - timedelta(days=3)
    response = visitor.post(f"/c/alfa/services/{service_id}", {"used_on": day.isoformat()})
    assert response.status_code == 302
    [use_id] = ids_of(app, ServiceUse, used_on=day)
    assert response.location.endswith(f"/c/alfa/services/uses/{use_id}/feedback")
    form = visitor.get(response.location).get_data(as_text=True)
    assert "Recorded: SIA CANARYALFA Čiekurs used “CANARYALFA pakalpojums”" in form
    assert 'type="radio"' in form and "5 – excellent" in form and "1 – poor" in form

    notifications = visitor.get("/c/alfa/notifications/").get_data(as_text=True)
    assert ASKED in notifications
    # The colleague is e-mailed the link; the person who recorded it is on the page already.
    mails = [mail for mail in visitor.mails() if ASKED in plain_text(mail)]
    assert [mail["To"] for mail in mails] == ["kolega@ciekurs.lv"]
    assert f"/c/alfa/services/uses/{use_id}/feedback" in plain_text(mails[0])

    waiting = visitor.get("/c/alfa/services").get_data(as_text=True)
    assert "1 use waits for your feedback" in waiting
    sent = visitor.post(
        f"/c/alfa/services/uses/{use_id}/feedback",
        {"score": "4", "worked": "  Noderīgi piemēri ", "change": "Vairāk laika"},
    )
    assert sent.status_code == 302 and sent.location.endswith("/c/alfa/services")
    after = visitor.get("/c/alfa/services").get_data(as_text=True)
    assert "Thank you for your feedback." in after and "waits for your feedback" not in after
    assert count(app, ServiceFeedback, use_id=use_id, score=4, worked="Noderīgi piemēri") == 1


def test_feedback_can_be_changed_by_the_companys_people_and_stays_one_answer(app, world, signed_in):
    _colleague_at_ciekurs(app)
    use_id = world.managed_a["use"]
    visitor = signed_in("kolega@ciekurs.lv")
    form = visitor.get(f"/c/alfa/services/uses/{use_id}/feedback").get_data(as_text=True)
    assert (
        '<input checked id="score-0" name="score" required type="radio" value="5">' in form
        and "CANARYALFA labi" in form
    )
    assert "you can change it" in form
    visitor.post(f"/c/alfa/services/uses/{use_id}/feedback", {"score": "2", "worked": "", "change": "Citādi"})
    assert "Your feedback is updated." in visitor.get("/c/alfa/services").get_data(as_text=True)
    assert count(app, ServiceFeedback) == 1
    assert count(app, ServiceFeedback, use_id=use_id, score=2, worked="", change="Citādi") == 1


def test_only_the_people_of_the_company_that_used_the_service_give_feedback(app, world, signed_in):
    use_id = world.managed_a["use"]
    for email in ("manager@alfa.lv", "colleague@alfa.lv"):
        visitor = signed_in(email)
        page = visitor.get(f"/c/alfa/services/uses/{use_id}/feedback")
        assert page.status_code == 403
        assert "Only the people of SIA CANARYALFA Čiekurs" in page.get_data(as_text=True)
        assert visitor.post(f"/c/alfa/services/uses/{use_id}/feedback", {"score": "1"}).status_code == 403
    assert count(app, ServiceFeedback, score=5) == 1


def test_a_score_outside_1_to_5_or_too_long_texts_are_refused_beside_the_fields(app, world, signed_in):
    visitor = signed_in("member@alfa.lv")
    path = f"/c/alfa/services/uses/{world.managed_a['use']}/feedback"
    visitor.get(path)
    page = visitor.post(path, {"score": "7", "worked": "x" * 501}).get_data(as_text=True)
    assert "Not a valid choice." in page and "Field cannot be longer than 500 characters." in page
    assert 'maxlength="500"' in page
    missing = visitor.post(path, {}).get_data(as_text=True)
    assert '<ul class="errors" id="score-errors"><li>This field is required.</li>' in missing
    assert count(app, ServiceFeedback, score=5) == 1


def test_a_use_cannot_be_in_the_future_or_recorded_twice(app, world, signed_in):
    visitor = signed_in("member@alfa.lv")
    path = f"/c/alfa/services/{world.managed_a['service']}"
    visitor.get(path)
    tomorrow = (local_today() + timedelta(days=1)).isoformat()
    assert "The day cannot be in the future." in visitor.post(path, {"used_on": tomorrow}).get_data(
        as_text=True
    )
    # The world's use is of the factory's day.
    twice = visitor.post(path, {"used_on": local_today().isoformat()}).get_data(as_text=True)
    assert "This use is recorded already: the same company, service and day." in twice
    assert count(app, ServiceUse) == 1


def test_the_list_of_uses_waiting_for_feedback(app, world, signed_in):
    visitor = signed_in("member@alfa.lv")
    path = f"/c/alfa/services/{world.managed_a['service']}"
    visitor.get(path)
    for days in (2, 3, 4, 5, 6, 7):
        visitor.post(path, {"used_on": (local_today() - timedelta(days=days)).isoformat()})
    catalogue = visitor.get("/c/alfa/services").get_data(as_text=True)
    assert "6 uses wait for your feedback" in catalogue and "All uses waiting for feedback" in catalogue
    app.config["PAGE_SIZE"] = 4
    first = visitor.get("/c/alfa/services/feedback").get_data(as_text=True)
    assert first.count("Give feedback") == 4 and "Page 1 of 2" in first
    service_page = visitor.get(path).get_data(as_text=True)
    assert service_page.count("Give feedback") == 6 and "Change the feedback" in service_page


def test_members_without_a_company_cannot_record_uses(app, world, signed_in):
    visitor = signed_in("colleague@alfa.lv")
    path = f"/c/alfa/services/{world.managed_a['service']}"
    visitor.get(path)
    page = visitor.post(path, {"used_on": local_today().isoformat()}).get_data(as_text=True)
    assert "your membership does not name one" in page
    assert count(app, ServiceUse) == 1
    assert "your membership does not name one" in visitor.get("/c/alfa/services/feedback").get_data(
        as_text=True
    )
