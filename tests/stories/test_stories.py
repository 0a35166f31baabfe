"""Success stories reach the cluster only after the company approves; drafts stay with those concerned."""

import pytest
from sqlalchemy import select

from clusterhub.stories.models import SuccessStory
from tests.factories import make_user
from tests.mailbox import plain_text
from tests.posts.conftest import CIEKURS, rows, third_company_person
from tests.ratings.conftest import company_id

STORY = {"title": "Eksports uz Vāciju", "body": "Kopā ar klasteri atradām **partneri**."}


@pytest.fixture
def colleague(app, world) -> str:
    """A second person of company_a (member@alfa.lv's company)."""
    make_user(app, "otrais@alfa.lv", "Otrais Čiekurs", "alfa", "member", CIEKURS)
    return "otrais@alfa.lv"


@pytest.fixture
def third(app, world) -> str:
    return third_company_person(app)


def _status(app, story_id: int) -> str:
    return rows(app, select(SuccessStory.status).where(SuccessStory.id == story_id))[0].status


def _draft(visitor, data=STORY) -> int:
    response = visitor.submit("/c/alfa/stories/new", data)
    assert response.status_code == 302, visitor.last_page
    return int(response.location.rsplit("/", 1)[1])


def test_a_members_story_about_their_company_waits_for_an_explicit_approval(app, world, signed_in, third):
    author = signed_in("member@alfa.lv")
    story_id = _draft(author)
    assert _status(app, story_id) == "awaiting_approval"
    page = author.get(f"/c/alfa/stories/{story_id}").get_data(as_text=True)
    assert "Approve publication" in page and "Kopā ar klasteri atradām <strong>partneri</strong>." in page
    reader = signed_in(third)
    assert reader.get(f"/c/alfa/stories/{story_id}").status_code == 404
    assert "Eksports uz Vāciju" not in reader.get("/c/alfa/stories/").get_data(as_text=True)

    assert author.post(f"/c/alfa/stories/{story_id}/approve").status_code == 302
    assert _status(app, story_id) == "published"
    assert "Eksports uz Vāciju" in reader.get("/c/alfa/stories/").get_data(as_text=True)
    assert reader.get(f"/c/alfa/stories/{story_id}").status_code == 200


def test_the_companys_people_are_told_and_one_of_them_approves(app, world, signed_in, colleague):
    author = signed_in("member@alfa.lv")
    story_id = _draft(author)
    mails = [m for m in author.mails() if m["To"] == colleague]
    assert len(mails) == 1
    assert "Andris CANARYALFA wrote a success story about SIA CANARYALFA Čiekurs" in plain_text(mails[0])
    assert all(m["To"] != "member@alfa.lv" for m in author.mails())
    other = signed_in(colleague)
    assert "Eksports uz Vāciju" in other.get("/c/alfa/notifications/").get_data(as_text=True)
    other.get(f"/c/alfa/stories/{story_id}")
    other.post(f"/c/alfa/stories/{story_id}/approve")
    assert _status(app, story_id) == "published"


def test_a_manager_writes_about_any_member_company_but_cannot_approve(app, world, signed_in):
    manager = signed_in("manager@alfa.lv")
    story_id = _draft(manager, {**STORY, "company_id": company_id(app, CIEKURS)})
    page = manager.get(f"/c/alfa/stories/{story_id}").get_data(as_text=True)
    assert "Approve publication" not in page and "waits for the approval of SIA CANARYALFA Čiekurs" in page
    assert manager.post(f"/c/alfa/stories/{story_id}/approve").status_code == 403
    assert _status(app, story_id) == "awaiting_approval"
    member = signed_in("member@alfa.lv")
    assert "Approve publication" in member.get(f"/c/alfa/stories/{story_id}").get_data(as_text=True)


def test_a_manager_must_choose_the_company(app, world, signed_in):
    manager = signed_in("manager@alfa.lv")
    response = manager.submit("/c/alfa/stories/new", {**STORY, "company_id": ""})
    assert response.status_code == 200
    assert 'id="company_id-errors"' in manager.last_page


def test_a_member_writes_only_about_their_own_company(app, world, signed_in):
    author = signed_in("member@alfa.lv")
    abele = company_id(app, "SIA CANARYALFA Ābele")
    story_id = _draft(author, {**STORY, "company_id": abele})
    story = rows(app, select(SuccessStory.company_id).where(SuccessStory.id == story_id))[0]
    assert story.company_id == world.company_a


def test_a_person_without_a_company_is_told_why_they_cannot_write(app, world, signed_in):
    visitor = signed_in("colleague@alfa.lv")
    response = visitor.post("/c/alfa/stories/new", STORY)
    assert response.status_code == 200
    assert "does not represent a member company" in visitor.last_page
    assert rows(app, select(SuccessStory.id).where(SuccessStory.title == STORY["title"])) == []


def test_declining_asks_first_and_keeps_the_story_unpublished(app, world, signed_in, third):
    story_id = world.managed_a["story"]
    member = signed_in("member@alfa.lv")
    assert "Decline “CANARYALFA stāsts”?" in member.get(f"/c/alfa/stories/{story_id}/decline").get_data(
        as_text=True
    )
    assert _status(app, story_id) == "awaiting_approval"
    member.post(f"/c/alfa/stories/{story_id}/decline")
    assert _status(app, story_id) == "declined"
    assert member.post(f"/c/alfa/stories/{story_id}/approve").status_code == 302
    assert _status(app, story_id) == "declined"
    manager = signed_in("manager@alfa.lv")
    assert "Declined by the company" in manager.get("/c/alfa/stories/").get_data(as_text=True)
    assert signed_in(third).get(f"/c/alfa/stories/{story_id}").status_code == 404


def test_the_author_and_managers_edit_while_the_story_awaits_approval(app, world, signed_in, colleague):
    author = signed_in("member@alfa.lv")
    story_id = _draft(author)
    response = author.submit(f"/c/alfa/stories/{story_id}/edit", {**STORY, "title": "Eksports uz Austriju"})
    assert response.status_code == 302
    manager = signed_in("manager@alfa.lv")
    assert manager.submit(f"/c/alfa/stories/{story_id}/edit", STORY).status_code == 302
    other = signed_in(colleague)
    assert other.get(f"/c/alfa/stories/{story_id}/edit").status_code == 403
    other.get(f"/c/alfa/stories/{story_id}")
    other.post(f"/c/alfa/stories/{story_id}/approve")
    after = author.get(f"/c/alfa/stories/{story_id}/edit")
    assert after.status_code == 302
    assert "can no longer be changed" in author.get(after.location).get_data(as_text=True)


def test_a_story_needs_a_title_and_a_text(app, world, signed_in):
    author = signed_in("member@alfa.lv")
    response = author.submit("/c/alfa/stories/new", {"title": "", "body": ""})
    assert response.status_code == 200
    assert 'id="title-errors"' in author.last_page and 'id="body-errors"' in author.last_page


def test_drafts_are_listed_only_for_those_concerned(app, world, signed_in, third):
    title = "CANARYALFA stāsts"
    assert title in signed_in("manager@alfa.lv").get("/c/alfa/stories/").get_data(as_text=True)
    assert title in signed_in("member@alfa.lv").get("/c/alfa/stories/").get_data(as_text=True)
    listing = signed_in(third).get("/c/alfa/stories/").get_data(as_text=True)
    assert title not in listing and "No success stories published yet." in listing
