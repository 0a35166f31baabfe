"""Where members meet ratings: the company profile's ratings section and the paginated list of all."""

from tests.factories import make_rating, make_response
from tests.ratings.conftest import ABELE, CIEKURS

COMMENT = "CANARYALFA vērtējums"


def test_the_profile_shows_the_average_the_latest_ratings_and_a_link_to_all(app, world, signed_in):
    page = signed_in("colleague@alfa.lv").get(f"/c/alfa/companies/{world.company_a}")
    text = page.get_data(as_text=True)
    assert "Average 5.0 of 5 from 1 rating." in text and COMMENT in text
    assert f'href="/c/alfa/companies/{world.company_a}/ratings"' in text
    assert "Rate this company" not in text  # this person represents no company


def test_the_profile_offers_to_rate_only_to_partners(app, world, signed_in, abele, stranger):
    partner = signed_in("member@alfa.lv")
    assert "Rate this company" in partner.get(f"/c/alfa/companies/{abele}").get_data(as_text=True)
    own = partner.get(f"/c/alfa/companies/{world.company_a}").get_data(as_text=True)
    assert "Rate this company" not in own and "Change your rating" not in own
    rater = signed_in("manager@alfa.lv").get(f"/c/alfa/companies/{world.company_a}")
    assert "Change your rating" in rater.get_data(as_text=True)
    unknown = signed_in("stranger@alfa.lv").get(f"/c/alfa/companies/{world.company_a}")
    assert "Rate this company" not in unknown.get_data(as_text=True)


def test_a_hidden_rating_leaves_the_profile_and_its_average(app, world, signed_in):
    manager = signed_in("manager@alfa.lv")
    manager.submit(f"/c/alfa/ratings/{world.rating_a}/hide", {"reason": "Nepamatots."})
    text = signed_in("colleague@alfa.lv").get(f"/c/alfa/companies/{world.company_a}")
    assert "No ratings yet." in text.get_data(as_text=True) and COMMENT not in text.get_data(as_text=True)


def test_the_list_of_ratings_is_paginated_newest_first(app, world, signed_in, stranger):
    app.config["PAGE_SIZE"] = 1
    make_response(app, "alfa", world.post_a, "SIA Svešais", "stranger@alfa.lv", "Varam palīdzēt.")
    make_rating(app, "alfa", "SIA Svešais", CIEKURS, "stranger@alfa.lv", 3, "Jaunākais vērtējums")
    visitor = signed_in("colleague@alfa.lv")
    first = visitor.get(f"/c/alfa/companies/{world.company_a}/ratings").get_data(as_text=True)
    assert "Jaunākais vērtējums" in first and COMMENT not in first and "Page 1 of 2" in first
    assert "average of 2 ratings" in first
    second = visitor.get(f"/c/alfa/companies/{world.company_a}/ratings?page=2").get_data(as_text=True)
    assert COMMENT in second and f"{ABELE}</a> rated" in second


def test_the_managers_see_the_moderation_queue_in_the_navigation(app, world, signed_in):
    nav = '<a href="/c/alfa/manage/ratings">Rating moderation</a>'
    assert nav in signed_in("manager@alfa.lv").get("/c/alfa/").get_data(as_text=True)
    assert nav not in signed_in("member@alfa.lv").get("/c/alfa/").get_data(as_text=True)
