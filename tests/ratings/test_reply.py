"""The rated company has the right of reply, once; the rater's people are told."""

from tests.mailbox import plain_text
from tests.ratings.conftest import CIEKURS, ratings_in


def test_the_rated_company_replies_once(app, world, signed_in):
    visitor = signed_in("member@alfa.lv")
    path = f"/c/alfa/ratings/{world.rating_a}/reply"
    response = visitor.submit(path, {"text": "Paldies par sadarbību!"})
    assert response.status_code == 302
    page = visitor.get(response.location).get_data(as_text=True)
    assert f"Reply from {CIEKURS}" in page and "Paldies par sadarbību!" in page
    mail = visitor.mails()[-1]
    assert mail["To"] == "manager@alfa.lv" and f"{CIEKURS} replied to the rating you gave." in plain_text(
        mail
    )
    again = visitor.get(path)
    assert again.status_code == 403 and "has replied to this rating already" in again.get_data(as_text=True)
    assert visitor.post(path, {"text": "Vēlreiz"}).status_code == 403
    assert ratings_in(app)[0].reply == "Paldies par sadarbību!"


def test_an_empty_reply_is_refused_beside_the_field(app, world, signed_in):
    visitor = signed_in("member@alfa.lv")
    response = visitor.submit(f"/c/alfa/ratings/{world.rating_a}/reply", {"text": "  "})
    assert response.status_code == 200 and 'id="text-errors"' in response.get_data(as_text=True)
    assert ratings_in(app)[0].reply is None


def test_only_the_rated_company_can_reply(app, world, signed_in, stranger):
    for email in ("manager@alfa.lv", "stranger@alfa.lv", "colleague@alfa.lv"):
        page = signed_in(email).get(f"/c/alfa/ratings/{world.rating_a}/reply")
        assert page.status_code == 403, email
        assert f"Only the people of {CIEKURS}" in page.get_data(as_text=True)
