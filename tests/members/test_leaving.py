"""Leaving a cluster, and managers moving a member to the former members: access ends, history stays."""

import re

from sqlalchemy import func, select

from clusterhub.clock import local_today
from clusterhub.companies.models import Company, CompanyMembership
from clusterhub.extensions import db
from clusterhub.notifications.models import Notification
from clusterhub.posts.models import Post, Thread
from search.query import search
from tenants.models import Membership
from tests.companies.helpers import admit_elsewhere
from tests.mailbox import plain_text
from tests.members.conftest import in_cluster, segments_on

CIEKURS = "SIA CANARYALFA Čiekurs"  # company_a, represented by member@alfa.lv
ABELE = "SIA CANARYALFA Ābele"  # represented by manager@alfa.lv


def _link(app, company_id: int, slug: str = "alfa") -> tuple:
    with in_cluster(app, slug):
        link = db.session.scalar(select(CompanyMembership).where(CompanyMembership.company_id == company_id))
        return link.left_on, link.left_reason


def _company_named(app, name: str) -> int:
    with in_cluster(app):
        return db.session.scalar(select(Company.id).where(Company.name == name))


def _representatives(app, company_id: int) -> list[str]:
    with in_cluster(app):
        rows = db.session.scalars(select(Membership).where(Membership.company_id == company_id))
        return [membership.user.email for membership in rows]


def _company_hits(app, text: str, slug: str = "alfa") -> list[str]:
    with in_cluster(app, slug):
        return [hit.item.name for hit in search(text, {}).hits if hit.type == "company"]


def _leave(visitor, company_id: int, **kwargs):
    return visitor.submit(f"/c/alfa/companies/{company_id}/leave", {"confirm": "y"}, **kwargs)


def test_a_representative_leaves_only_after_ticking_the_box(app, world, signed_in):
    member = signed_in("member@alfa.lv")
    profile = member.get(f"/c/alfa/companies/{world.company_a}").get_data(as_text=True)
    assert f'href="/c/alfa/companies/{world.company_a}/leave">Leave the cluster</a>' in profile
    page = member.get(f"/c/alfa/companies/{world.company_a}/leave").get_data(as_text=True)
    assert "You and the other people who represent the company lose access" in page
    unticked = member.post(f"/c/alfa/companies/{world.company_a}/leave")
    assert unticked.status_code == 200 and "Tick the box to confirm." in unticked.get_data(as_text=True)
    assert _link(app, world.company_a) == (None, None)
    response = _leave(member, world.company_a)
    assert response.headers["Location"] == "/"
    assert f"{CIEKURS} has left" in member.get("/").get_data(as_text=True)
    assert _link(app, world.company_a) == (local_today(), "left")


def test_after_leaving_the_companys_people_have_no_access_and_its_open_posts_are_withdrawn(
    app, world, signed_in
):
    member = signed_in("member@alfa.lv")
    _leave(member, world.company_a)
    assert member.get("/c/alfa/").status_code == 404
    assert member.get(f"/c/alfa/posts/{world.post_a}").status_code == 404
    assert _representatives(app, world.company_a) == []
    with in_cluster(app):
        assert db.session.get(Post, world.post_a).status == "withdrawn"


def test_the_managers_are_told_when_a_member_leaves(app, world, signed_in):
    _leave(signed_in("member@alfa.lv"), world.company_a)
    manager = signed_in("manager@alfa.lv")
    assert f"{CIEKURS} left the cluster." in manager.get("/c/alfa/notifications/").get_data(as_text=True)
    mail = manager.mails()[-1]
    assert mail["To"] == "manager@alfa.lv" and f"{CIEKURS} left the cluster." in plain_text(mail)
    assert "/c/alfa/manage/members?segment=former" in plain_text(mail)


def test_the_history_of_a_company_that_left_stays_readable_for_the_others(app, world, signed_in):
    _leave(signed_in("member@alfa.lv"), world.company_a)
    manager = signed_in("manager@alfa.lv")
    profile = manager.get(f"/c/alfa/companies/{world.company_a}").get_data(as_text=True)
    assert "Left the cluster on" in profile and "Write to this company" not in profile
    assert "CANARYALFA vajadzība" in manager.get(f"/c/alfa/posts/{world.post_a}").get_data(as_text=True)
    assert "CANARYALFA atbilde" in manager.get(f"/c/alfa/threads/{world.thread_a}").get_data(as_text=True)
    history = manager.get(f"/c/alfa/manage/visits/company/{world.company_a}").get_data(as_text=True)
    assert "CANARYALFA vadītāja" in history  # the visit of the world


def test_a_company_that_left_is_gone_from_the_directory_search_segments_and_counts(app, world, signed_in):
    assert _company_hits(app, "Čiekurs") == [CIEKURS]
    _leave(signed_in("member@alfa.lv"), world.company_a)
    manager = signed_in("manager@alfa.lv")
    assert CIEKURS not in manager.get("/c/alfa/companies").get_data(as_text=True)
    assert _company_hits(app, "Čiekurs") == []
    assert world.company_a not in segments_on(app, local_today())
    home = manager.get("/c/alfa/").get_data(as_text=True)
    assert "<strong>1</strong> member company" in home and CIEKURS not in home
    former = manager.get("/c/alfa/manage/members?segment=former").get_data(as_text=True)
    row = re.search(rf"<tr>(?:(?!</tr>).)*{CIEKURS}(?:(?!</tr>).)*</tr>", former, re.S).group(0)
    assert "Left on their own" in row
    assert CIEKURS not in manager.get("/c/alfa/manage/members").get_data(as_text=True)


def test_a_company_of_two_clusters_that_leaves_one_stays_in_the_other(app, world, signed_in):
    admit_elsewhere(app, world.company_a, "beta")
    _leave(signed_in("member@alfa.lv"), world.company_a)
    assert _company_hits(app, "Čiekurs") == []
    assert _company_hits(app, "Čiekurs", "beta") == [CIEKURS]
    assert _link(app, world.company_a, "beta") == (None, None)
    beta = signed_in("member@beta.lv")
    assert CIEKURS in beta.get("/c/beta/companies").get_data(as_text=True)


def test_a_manager_moves_a_member_to_the_former_members(app, world, signed_in):
    manager = signed_in("manager@alfa.lv")
    page = manager.get(f"/c/alfa/manage/members/{world.company_a}/former").get_data(as_text=True)
    assert "Its profile, posts, conversations, ratings and visits are kept" in page
    assert manager.post(f"/c/alfa/manage/members/{world.company_a}/former").status_code == 200  # not ticked
    assert _link(app, world.company_a) == (None, None)
    response = manager.submit(f"/c/alfa/manage/members/{world.company_a}/former", {"confirm": "y"})
    assert response.headers["Location"] == "/c/alfa/manage/members?segment=former"
    assert _link(app, world.company_a) == (local_today(), "former")
    former = manager.get(response.headers["Location"]).get_data(as_text=True)
    assert "Moved to former members by a manager" in former
    assert signed_in("member@alfa.lv").get("/c/alfa/").status_code == 404
    with in_cluster(app):
        assert db.session.scalar(select(Notification).where(Notification.kind == "member_left")) is None
    # Gone is gone: neither the leave page nor the move is there for a former member.
    assert manager.get(f"/c/alfa/manage/members/{world.company_a}/former").status_code == 404


def test_a_manager_whose_company_leaves_keeps_managing_the_cluster(app, world, signed_in):
    manager = signed_in("manager@alfa.lv")
    abele = _company_named(app, ABELE)
    assert _leave(manager, abele).headers["Location"] == "/c/alfa/"
    assert manager.get("/c/alfa/manage/members").status_code == 200
    assert _representatives(app, abele) == []
    with in_cluster(app):
        assert (
            db.session.scalar(select(Membership.role).where(Membership.user_id == world.manager_a))
            == "manager"
        )
    assert ABELE not in manager.get("/c/alfa/companies").get_data(as_text=True)


def test_only_the_companys_own_representatives_can_take_it_out(app, world, signed_in):
    colleague = signed_in("colleague@alfa.lv")  # a member of alfa who represents no company
    assert colleague.get(f"/c/alfa/companies/{world.company_a}/leave").status_code == 403
    assert colleague.post(f"/c/alfa/companies/{world.company_a}/leave", {"confirm": "y"}).status_code == 403
    assert _link(app, world.company_a) == (None, None)
    outsider = signed_in("member@beta.lv")
    assert outsider.post(f"/c/alfa/companies/{world.company_a}/leave", {"confirm": "y"}).status_code == 404


def test_a_company_that_left_can_be_neither_contacted_nor_rated(app, world, signed_in):
    _leave(signed_in("member@alfa.lv"), world.company_a)
    manager = signed_in("manager@alfa.lv")
    contact = manager.submit(
        f"/c/alfa/companies/{world.company_a}/contact", {"subject": "Sveiki", "body": "Vai runājam?"}
    )
    assert "no longer a member of the cluster, so it cannot be contacted" in contact.get_data(as_text=True)
    rating = manager.get(f"/c/alfa/companies/{world.company_a}/rate", follow_redirects=True)
    assert "is no longer a member of the cluster, so it cannot be rated" in rating.get_data(as_text=True)
    with in_cluster(app):
        assert (
            db.session.scalar(select(func.count()).select_from(Thread).where(Thread.subject == "Sveiki")) == 0
        )
