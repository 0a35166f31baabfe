"""A company rates a partner only after a contact, never itself, once (then edits), 1–5, signed."""

import re

from sqlalchemy import select

from clusterhub.notifications.models import Notification
from tests.mailbox import plain_text
from tests.ratings.conftest import ABELE, CIEKURS, in_cluster, ratings_in


def _error_beside(page: str, field: str) -> str:
    return re.search(rf'id="{field}-errors">\s*<li>(.*?)</li>', page).group(1)


SCORES = {"quality": "4", "reliability": "3", "communication": "5", "comment": "Piegāde laikā, labi strādāt."}


def test_a_company_cannot_rate_a_member_it_has_never_been_in_contact_with(app, world, signed_in, stranger):
    visitor = signed_in("member@alfa.lv")
    page = visitor.get(f"/c/alfa/companies/{stranger}/rate")
    assert page.status_code == 403
    assert "once your companies have been in contact" in page.get_data(as_text=True)
    assert visitor.post(f"/c/alfa/companies/{stranger}/rate", SCORES).status_code == 403
    assert len(ratings_in(app)) == 1  # only the world's rating_a


def test_a_company_cannot_rate_itself(app, world, signed_in):
    visitor = signed_in("member@alfa.lv")
    page = visitor.get(f"/c/alfa/companies/{world.company_a}/rate")
    assert page.status_code == 403 and "A company cannot rate itself." in page.get_data(as_text=True)
    assert visitor.post(f"/c/alfa/companies/{world.company_a}/rate", SCORES).status_code == 403
    assert len(ratings_in(app)) == 1


def test_a_person_who_represents_no_company_cannot_rate(app, world, signed_in, abele):
    visitor = signed_in("colleague@alfa.lv")
    page = visitor.get(f"/c/alfa/companies/{abele}/rate")
    assert page.status_code == 403 and "Ratings are given by companies" in page.get_data(as_text=True)


def test_after_a_contact_the_company_rates_and_the_rated_company_is_told(app, world, signed_in, abele):
    visitor = signed_in("member@alfa.lv")
    response = visitor.submit(f"/c/alfa/companies/{abele}/rate", SCORES)
    assert response.status_code == 302 and response.location.endswith(f"/c/alfa/companies/{abele}/ratings")
    page = visitor.get(response.location).get_data(as_text=True)
    assert f"Your rating of {ABELE} is saved." in page
    assert f"{CIEKURS}</a> rated {ABELE}" in page and "Piegāde laikā, labi strādāt." in page
    mail = visitor.mails()[-1]
    assert mail["To"] == "manager@alfa.lv" and f"{CIEKURS} rated your company." in plain_text(mail)
    kinds = in_cluster(app, "alfa", select(Notification.kind, Notification.user_id))
    assert ("rating", world.manager_a) in [tuple(row) for row in kinds]


def test_the_rated_company_shows_the_rater_company_and_the_scores(app, world, signed_in):
    page = signed_in("colleague@alfa.lv").get(f"/c/alfa/companies/{world.company_a}/ratings")
    text = page.get_data(as_text=True)
    assert page.status_code == 200
    assert f"{ABELE}</a> rated {CIEKURS}" in text and "CANARYALFA vērtējums" in text
    assert "Quality: <strong>5</strong>/5" in text
    assert "average of 1 rating" in text


def test_a_second_rating_of_the_same_company_changes_the_first_and_the_history_keeps_both(
    app, world, signed_in
):
    visitor = signed_in("manager@alfa.lv")
    form = visitor.get(f"/c/alfa/companies/{world.company_a}/rate").get_data(as_text=True)
    assert '<option selected value="5">' in form and "CANARYALFA vērtējums" in form  # the rating given before
    response = visitor.submit(f"/c/alfa/companies/{world.company_a}/rate", {**SCORES, "comment": "Labāk"})
    assert response.status_code == 302
    assert "is updated" in visitor.get(response.location).get_data(as_text=True)
    (rating,) = ratings_in(app)
    assert (rating.quality, rating.reliability, rating.communication, rating.comment) == (4, 3, 5, "Labāk")
    history = visitor.get(f"/c/alfa/ratings/{world.rating_a}/history").get_data(as_text=True)
    assert "wrote the rating" in history and "edited the rating" in history
    assert "CANARYALFA vērtējums" in history and "Labāk" in history


def test_scores_outside_one_to_five_are_refused_beside_the_field(app, world, signed_in, abele):
    visitor = signed_in("member@alfa.lv")
    response = visitor.submit(
        f"/c/alfa/companies/{abele}/rate", {**SCORES, "quality": "7", "reliability": "0", "communication": ""}
    )
    page = response.get_data(as_text=True)
    assert response.status_code == 200
    assert _error_beside(page, "quality") == "Not a valid choice."
    assert _error_beside(page, "reliability") == "Not a valid choice."
    assert _error_beside(page, "communication") == "This field is required."
    assert len(ratings_in(app)) == 1


def test_the_rate_link_shows_only_to_those_allowed(app, world, signed_in, abele):
    own = signed_in("member@alfa.lv").get(f"/c/alfa/companies/{world.company_a}/ratings")
    assert "Rate this company" not in own.get_data(as_text=True)
    partner = signed_in("member@alfa.lv").get(f"/c/alfa/companies/{abele}/ratings")
    assert "Rate this company" in partner.get_data(as_text=True)
