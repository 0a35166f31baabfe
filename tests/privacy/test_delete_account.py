"""Deleting one's account: personal data erased, what was written stays with the company."""

from sqlalchemy import func, select

from clusterhub.accounts.models import SignIn, User
from clusterhub.events.models import Event
from clusterhub.extensions import db
from clusterhub.notifications.models import Notification
from clusterhub.posts.models import Post
from clusterhub.security.models import AuditEvent
from tenants.context import cross_tenant
from tenants.models import Membership
from tests.conftest import World
from tests.factories import PASSWORD, make_user

CONFIRMED = {"password": PASSWORD, "understood": "y"}


def _count(model, *where) -> int:
    with cross_tenant():
        return db.session.scalar(select(func.count()).select_from(model).where(*where))


def test_deleting_my_account_erases_me_but_keeps_my_post_with_the_company(
    app, world, make_visitor, signed_in
):
    elsewhere = signed_in("member@alfa.lv")
    visitor = signed_in("member@alfa.lv")
    response = visitor.submit("/account/delete", CONFIRMED)
    assert response.status_code == 302 and "/login" in response.headers["Location"]
    with app.app_context():
        user = db.session.get(User, world.member_a)
        assert (user.email, user.active) == (f"deleted-{user.id}@invalid", False)
        assert user.deleted_at is not None and World.CANARY_A not in user.name
        assert not user.password_hash.startswith("scrypt")
        for model in (Membership, Notification, SignIn):
            assert _count(model, model.user_id == user.id) == 0
        with cross_tenant():
            post = db.session.get(Post, world.post_a)
            assert (post.author_id, post.company_id) == (user.id, world.company_a)
        assert _count(
            AuditEvent, AuditEvent.kind == "account_deleted", AuditEvent.subject == f"user:{user.id}"
        )
    # Signed out here and on the other device; the old password no longer works.
    assert visitor.get("/account").status_code == 302
    assert elsewhere.get("/account").status_code == 302
    again = make_visitor().submit("/login", {"email": "member@alfa.lv", "password": PASSWORD})
    assert again.status_code == 200


def test_the_post_of_a_deleted_person_shows_former_member_as_its_author(world, signed_in):
    member = signed_in("member@alfa.lv")
    member.submit("/account/delete", CONFIRMED)
    manager = signed_in("manager@alfa.lv")
    body = manager.get(f"/c/alfa/posts/{world.post_a}").get_data(as_text=True)
    assert f"SIA {World.CANARY_A} Čiekurs" in body and "Former member" in body
    assert f"Andris {World.CANARY_A}" not in body


def test_a_wrong_password_or_an_unticked_box_deletes_nothing(app, world, visitor):
    visitor.login("member@alfa.lv")
    wrong = visitor.submit("/account/delete", {"password": "not-my-password", "understood": "y"})
    assert "The password is wrong." in wrong.get_data(as_text=True)
    unticked = visitor.submit("/account/delete", {"password": PASSWORD})
    assert "Tick the box to confirm." in unticked.get_data(as_text=True)
    with app.app_context():
        assert db.session.get(User, world.member_a).deleted_at is None


def test_the_only_manager_of_a_cluster_is_told_to_hand_over_first(app, world, visitor):
    visitor.login("manager@alfa.lv")
    page = visitor.get("/account/delete").get_data(as_text=True)
    assert f"You are the only manager of Alfa {World.CANARY_A} klasteris" in page
    visitor.post("/account/delete", CONFIRMED)
    with app.app_context():
        assert db.session.get(User, world.manager_a).deleted_at is None
    make_user(app, "deputy@alfa.lv", "Deputy", "alfa", "manager")
    assert visitor.submit("/account/delete", CONFIRMED).status_code == 302
    with app.app_context():
        assert db.session.get(User, world.manager_a).deleted_at is not None


def test_the_organiser_of_an_upcoming_conference_is_refused(app, world, visitor):
    visitor.login("organiser@clusterhub.lv")
    page = visitor.get("/account/delete").get_data(as_text=True)
    assert "Starpklasteru konference" in page and "hand them to another organiser" in page
    visitor.post("/account/delete", CONFIRMED)
    with app.app_context(), cross_tenant():
        assert db.session.get(User, world.organiser).deleted_at is None
        assert db.session.scalar(select(Event.organiser_id).where(Event.id == world.conference)) == (
            world.organiser
        )
