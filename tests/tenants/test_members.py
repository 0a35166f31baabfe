"""Managers change roles and remove people; a cluster never loses its last manager."""

import re

from flask_login import login_user
from sqlalchemy import select

from clusterhub.accounts.models import User
from clusterhub.extensions import db
from tenants.context import tenant_scope
from tenants.models import Tenant
from tenants.services import add_member, my_memberships, remove_member
from tests.factories import membership_id


def _row_links(page: str, name: str) -> list[str]:
    """The person's role and removal links (the row also links their company's profile)."""
    row = re.search(rf"<tr>(?:(?!</tr>).)*{name}(?:(?!</tr>).)*</tr>", page, re.S).group(0)
    return re.findall(r'href="([^"]+/members/\d+/(?:role|remove))"', row)


def test_members_are_listed_by_company_in_latvian_order(app, world, visitor):
    visitor.login("member@alfa.lv")
    page = visitor.get("/c/alfa/members").get_data(as_text=True)
    assert page.index("SIA CANARYALFA Ābele") < page.index("SIA CANARYALFA Čiekurs")
    assert "Change the role" not in page  # members only look


def test_manager_promotes_a_member_who_then_sees_manager_pages(app, world, visitor, signed_in):
    visitor.login("manager@alfa.lv")
    role_link = _row_links(visitor.get("/c/alfa/members").get_data(as_text=True), "Andris")[0]
    assert visitor.submit(role_link, {"role": "manager"}).status_code == 302
    promoted = signed_in("member@alfa.lv")
    assert promoted.get("/c/alfa/manage/invitations/").status_code == 200


def test_manager_removes_a_member_after_confirming(app, world, visitor, signed_in):
    visitor.login("manager@alfa.lv")
    remove_link = _row_links(visitor.get("/c/alfa/members").get_data(as_text=True), "Andris")[1]
    assert "Their account and their company" in visitor.get(remove_link).get_data(as_text=True)
    visitor.post(remove_link)
    removed = signed_in("member@alfa.lv")
    assert removed.get("/c/alfa/").status_code == 404


def test_the_last_manager_can_neither_step_down_nor_be_removed(app, world, visitor):
    visitor.login("manager@alfa.lv")
    own = membership_id(app, world.manager_a, "alfa")
    page = visitor.submit(f"/c/alfa/members/{own}/role", {"role": "member"}).get_data(as_text=True)
    assert "at least one manager" in page
    response = visitor.submit(f"/c/alfa/members/{own}/remove", follow_redirects=True)
    assert "at least one manager" in response.get_data(as_text=True)
    assert visitor.get("/c/alfa/manage/invitations/").status_code == 200


def test_a_manager_cannot_touch_a_membership_of_another_cluster(app, world, visitor):
    visitor.login("manager@alfa.lv")
    foreign = membership_id(app, world.member_b, "beta")
    assert visitor.get(f"/c/alfa/members/{foreign}/role").status_code == 404
    assert visitor.post(f"/c/alfa/members/{foreign}/remove").status_code == 404


def test_a_page_lists_the_clusters_a_person_joined_or_left_in_the_same_request(app, world):
    with app.test_request_context():
        person = db.session.get(User, world.member_a)
        login_user(person)
        beta = db.session.scalar(select(Tenant).where(Tenant.slug == "beta"))
        before = [membership.tenant.slug for membership in my_memberships()]
        with tenant_scope(beta):
            joined = add_member(person)
        after_joining = [membership.tenant.slug for membership in my_memberships()]
        with tenant_scope(beta):
            remove_member(joined)
            db.session.flush()
        after_leaving = [membership.tenant.slug for membership in my_memberships()]
    assert (before, after_joining, after_leaving) == (["alfa"], ["alfa", "beta"], ["alfa"])
