"""The managers' brokering desk: every open need with its candidates, and introductions that open a
conversation between the two companies and count in the indicators."""

import pytest
from sqlalchemy import select

from clusterhub.extensions import db
from clusterhub.posts.models import Thread
from tests.factories import make_post, make_profile, make_user
from tests.matching.test_pages import (
    AUTHOR,
    CLUSTER,
    STUDIO,
    TITLE,
    WORKSHOP,
    build_need,
    company_id,
    visitor_of,
)
from tests.search.conftest import in_cluster

MANAGER = "ilze@klasteris.lv"
LONELY = "Meklējam kokmateriālu žāvēšanas kameru"


@pytest.fixture
def desk(app) -> int:
    need = build_need(app)
    make_user(app, MANAGER, "Ilze Bērziņa", CLUSTER, "manager")
    make_profile(app, CLUSTER, WORKSHOP, description="Mēbeles no ozola.")
    make_post(app, CLUSTER, WORKSHOP, AUTHOR, LONELY, body="Žāvētava zāģmateriāliem.")
    return need


def test_the_desk_shows_every_open_need_with_its_candidates_and_needs_without_any_first(
    app, desk, make_visitor
):
    page = visitor_of(make_visitor, MANAGER).get(f"/c/{CLUSTER}/manage/matches").get_data(as_text=True)
    assert page.index(LONELY) < page.index(TITLE) < page.index(STUDIO)
    assert "No company matches this need yet." in page
    assert "the need's words “3D animācijas” (concept: 3D animation)" in page
    assert f"/c/{CLUSTER}/manage/matches/posts/{desk}/companies/{company_id(app, STUDIO)}/introduce" in page


def test_a_long_desk_comes_in_pages_with_the_needs_nobody_answers_first(app, desk, make_visitor):
    app.config["PAGE_SIZE"] = 1
    manager = visitor_of(make_visitor, MANAGER)
    first = manager.get(f"/c/{CLUSTER}/manage/matches").get_data(as_text=True)
    assert LONELY in first and TITLE not in first
    assert "Page 1 of 2" in first and 'href="/c/rada/manage/matches?page=2"' in first
    second = manager.get(f"/c/{CLUSTER}/manage/matches?page=2").get_data(as_text=True)
    assert TITLE in second and STUDIO in second and LONELY not in second


def test_members_cannot_open_the_desk(app, desk, make_visitor):
    assert visitor_of(make_visitor, AUTHOR).get(f"/c/{CLUSTER}/manage/matches").status_code == 403


def test_an_introduction_opens_a_conversation_both_companies_see_and_counts_in_the_indicators(
    app, desk, make_visitor
):
    manager = visitor_of(make_visitor, MANAGER)
    introduce = f"/c/{CLUSTER}/manage/matches/posts/{desk}/companies/{company_id(app, STUDIO)}/introduce"
    assert "This field is required." in manager.post(introduce, {"note": " "}).get_data(as_text=True)

    response = manager.post(introduce, {"note": "Jānis veido 3D animāciju seriāliem."}, follow_redirects=True)
    assert f"{STUDIO} and {WORKSHOP} are introduced" in response.get_data(as_text=True)
    with in_cluster(app, CLUSTER):
        thread_id = db.session.scalar(select(Thread.id).where(Thread.introduction.is_not(None)))
    thread = visitor_of(make_visitor, AUTHOR).get(f"/c/{CLUSTER}/threads/{thread_id}").get_data(as_text=True)
    assert "Introduced by the cluster management" in thread and "Jānis veido 3D animāciju" in thread
    notices = visitor_of(make_visitor, AUTHOR).get(f"/c/{CLUSTER}/notifications/").get_data(as_text=True)
    assert f"The cluster management introduced you to {STUDIO}" in notices

    again = manager.post(introduce, {"note": "Vēlreiz."}, follow_redirects=True).get_data(as_text=True)
    assert "already in a conversation about this need" in again
    report = manager.get(f"/c/{CLUSTER}/manage/indicators").get_data(as_text=True)
    assert "Introductions by the cluster" in report
