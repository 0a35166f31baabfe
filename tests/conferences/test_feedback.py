"""After the conference each participant rates it and says which of its meetings led to a follow-up; the
organiser's report sums the answers up."""

import re

import pytest
from sqlalchemy import select

from clusterhub.clock import instant, local_today
from clusterhub.conferences.models import Meeting, Participant
from clusterhub.extensions import db
from tenants.context import cross_tenant
from tests.conferences.report_world import ORGANISER, Fair


def _stored(app, fair):
    """Each participant's rating and comment, and each accepted meeting's two answers."""
    with app.app_context(), cross_tenant():
        ratings = {
            p.company.name: (p.rating, p.rating_comment)
            for p in db.session.scalars(select(Participant).where(Participant.event_id == fair.conference))
        }
        answers = {
            m.id: (m.requester_followed_up, m.invitee_followed_up)
            for m in db.session.scalars(select(Meeting).where(Meeting.status == "accepted"))
        }
        return ratings, answers


@pytest.fixture
def past(app, snapshot):
    return snapshot("past-report-fair", lambda: Fair(app, past=True))


def test_before_the_event_the_page_says_when_feedback_opens(app, signed_in, snapshot):
    fair = snapshot("report-fair", lambda: Fair(app))
    anna = signed_in("anna@alfa.lv")
    page = anna.get(fair.path("/feedback"))
    assert page.status_code == 200 and "Feedback opens after the event" in anna.last_page
    assert "<form" not in anna.last_page.split('id="main"')[1]
    sent = anna.post(fair.path("/feedback"), {"rating": "5"})
    assert sent.status_code == 200
    assert _stored(app, fair)[0]["SIA Ābols"] == (None, "")


def test_feedback_is_for_the_conferences_participants_only(past, signed_in):
    for email in (ORGANISER, "cits@alfa.lv"):  # the organiser; a member whose company only asked to go
        assert signed_in(email).get(past.path("/feedback")).status_code == 403


def test_a_participant_rates_the_event_and_answers_for_each_of_its_meetings(app, past, signed_in):
    anna = signed_in("anna@alfa.lv")
    page = anna.get(past.path("/feedback")).get_data(as_text=True)
    # Ābols's two accepted meetings are asked about; the cancelled one with Gulbis is not.
    assert "SIA Dzērve (Beta klasteris)" in page and "SIA Bērzs (Alfa klasteris)" in page
    assert "SIA Gulbis" not in page
    sent = anna.post(
        past.path("/feedback"),
        {
            "rating": "4",
            "comment": "  Labi organizēts  ",
            f"meeting_{past.abols_dzerve}": "yes",  # Ābols asked Dzērve: the requester's side
            f"meeting_{past.abols_berzs}": "no",
        },
    )
    assert sent.status_code == 302 and sent.location.endswith(past.path())
    ratings, answers = _stored(app, past)
    assert ratings["SIA Ābols"] == (4, "Labi organizēts")
    assert answers[past.abols_dzerve] == (True, None)
    assert answers[past.abols_berzs] == (False, None)

    dace = signed_in("dace@beta.lv")  # Dzērve was invited: the invitee's side
    dace.submit(past.path("/feedback"), {"rating": "5", f"meeting_{past.abols_dzerve}": "no"})
    assert _stored(app, past)[1][past.abols_dzerve] == (True, False)


def test_giving_feedback_again_updates_the_answers(app, past, signed_in):
    bruno = signed_in("bruno@alfa.lv")
    bruno.submit(past.path("/feedback"), {"rating": "2", f"meeting_{past.berzs_gulbis}": "yes"})
    page = bruno.get(past.path("/feedback")).get_data(as_text=True)
    # The earlier answers are shown.
    assert re.search(r'<input checked id="rating-\d" name="rating" [^>]*value="2">', page)
    assert re.search(rf'<input checked [^>]*name="meeting_{past.berzs_gulbis}" [^>]*value="yes">', page)
    bruno.post(
        past.path("/feedback"), {"rating": "3", "comment": "Vairāk laika", f"meeting_{past.berzs_gulbis}": ""}
    )
    assert "Your feedback is updated." in bruno.get(past.path()).get_data(as_text=True)
    ratings, answers = _stored(app, past)
    assert ratings["SIA Bērzs"] == (3, "Vairāk laika")
    assert answers[past.berzs_gulbis] == (None, None)  # "cannot say yet" takes the answer back


@pytest.mark.parametrize("rating", ["", "0", "6", "five"])
def test_a_rating_outside_one_to_five_is_refused_beside_the_field(app, past, signed_in, rating):
    gita = signed_in("gita@gamma.lv")
    sent = gita.submit(past.path("/feedback"), {"rating": rating, f"meeting_{past.berzs_gulbis}": "maybe"})
    assert sent.status_code == 200 and 'id="rating-errors"' in gita.last_page
    assert f'id="meeting_{past.berzs_gulbis}-errors"' in gita.last_page
    assert _stored(app, past)[0]["SIA Gulbis"] == (None, "")


def test_a_conference_without_an_end_opens_feedback_at_its_start(app, signed_in):
    fair = Fair(app, starts_at=instant(local_today()), ends_at=None)  # midnight in Rīga
    page = signed_in("gita@gamma.lv").get(fair.path("/feedback")).get_data(as_text=True)
    assert "Did it lead to a follow-up?" in page or "did it lead to a follow-up?" in page


def test_the_report_sums_up_ratings_comments_and_follow_ups(past, signed_in):
    answers = {
        "anna@alfa.lv": {"rating": "4", "comment": "Labi", f"meeting_{past.abols_dzerve}": "yes"},
        "dace@beta.lv": {"rating": "5", f"meeting_{past.abols_dzerve}": "no"},
        "bruno@alfa.lv": {"rating": "3", f"meeting_{past.berzs_gulbis}": "no"},
    }
    for email, data in answers.items():
        signed_in(email).submit(past.path("/feedback"), data)
    html = signed_in(ORGANISER).get(past.path("/report")).get_data(as_text=True)
    assert "4.0 of 5" in html and "3 ratings" in html  # (4 + 5 + 3) / 3
    assert "“Labi” — SIA Ābols (Alfa klasteris), rating 4" in html
    # Ābols-Dzērve: one side says yes; Bērzs-Gulbis: no; Ābols-Bērzs: nobody answered.
    assert "1 of 2 meetings with an answer (50%)" in html
    assert "1 accepted meeting has no answer from either company" in html
