"""Managers invite people by e-mail; a link works once, for 7 days, and only for the invited address."""

import re
from datetime import timedelta

import pytest
from sqlalchemy import select, update

from clusterhub.accounts.models import User
from clusterhub.clock import utcnow
from clusterhub.extensions import db
from clusterhub.invitations.models import Invitation
from clusterhub.invitations.services import InvitationError, accept, invitation_from_token, invitation_token
from tenants.context import cross_tenant
from tenants.models import Membership
from tests.factories import PASSWORD, make_user
from tests.mailbox import plain_text

NEW_PERSON = {
    "name": "Jānis Ķēniņš",
    "password": "jauna-parole-123",
    "confirm": "jauna-parole-123",
    "language": "lv",
}


def _invite(visitor, email="janis@alfa.lv", company="SIA Jaunā Ēra", role="member"):
    visitor.login("manager@alfa.lv")
    response = visitor.submit(
        "/c/alfa/manage/invitations/",
        {"email": email, "role": role, "company_name": company, "language": "en"},
    )
    assert response.status_code == 302, response.get_data(as_text=True)
    mail = visitor.mails()[-1]
    return re.search(r"http://clusterhub\.test(/invitation/\S+)", plain_text(mail)).group(1), mail


def test_manager_invites_and_the_new_person_joins_with_their_company(app, world, visitor, make_visitor):
    link, mail = _invite(visitor)
    assert mail["To"] == "janis@alfa.lv" and "Alfa CANARYALFA klasteris" in mail["Subject"]
    newcomer = make_visitor()
    response = newcomer.submit(link, NEW_PERSON)
    assert response.status_code == 302 and response.location.endswith("/c/alfa/")
    members = newcomer.get("/c/alfa/members").get_data(as_text=True)
    assert "Jānis Ķēniņš" in members and "SIA Jaunā Ēra" in members


def test_the_invitation_list_shows_the_status(app, world, visitor, make_visitor):
    link, _ = _invite(visitor)
    assert "waiting until" in visitor.get("/c/alfa/manage/invitations/").get_data(as_text=True)
    make_visitor().submit(link, NEW_PERSON)
    assert "accepted" in visitor.get("/c/alfa/manage/invitations/").get_data(as_text=True)


def test_an_invitation_link_works_only_once(app, world, visitor, make_visitor):
    link, _ = _invite(visitor)
    make_visitor().submit(link, NEW_PERSON)
    second = make_visitor().get(link)
    assert second.status_code == 410
    assert "used already" in second.get_data(as_text=True)


def test_an_invitation_expires_after_seven_days(app, world, visitor, make_visitor):
    link, _ = _invite(visitor)
    with app.app_context(), cross_tenant():
        invitation = db.session.scalar(select(Invitation).where(Invitation.email == "janis@alfa.lv"))
        assert timedelta(days=6, hours=23) < invitation.expires_at - utcnow() <= timedelta(days=7)
        db.session.execute(update(Invitation).values(expires_at=utcnow() - timedelta(seconds=1)))
        db.session.commit()
    response = make_visitor().get(link)
    assert response.status_code == 410 and "expired" in response.get_data(as_text=True)


def test_a_withdrawn_invitation_stops_working(app, world, visitor, make_visitor):
    link, _ = _invite(visitor)
    page = visitor.get("/c/alfa/manage/invitations/").get_data(as_text=True)
    revoke = re.search(r'href="(/c/alfa/manage/invitations/\d+/revoke)"', page).group(1)
    assert "The link in the e-mail will stop working" in visitor.get(revoke).get_data(as_text=True)
    assert visitor.post(revoke).status_code == 302
    assert make_visitor().get(link).status_code == 410


def test_a_new_invitation_replaces_the_pending_one(app, world, visitor, make_visitor):
    first, _ = _invite(visitor)
    second, _ = _invite(visitor)
    assert make_visitor().get(first).status_code == 410
    assert make_visitor().get(second).status_code == 200


def test_a_forged_link_is_not_found(app, world, visitor):
    assert visitor.get("/invitation/forged").status_code == 404


def test_an_existing_person_joins_a_second_cluster_after_signing_in(app, world, visitor, make_visitor):
    link, _ = _invite(visitor, email="member@beta.lv", company="")
    guest = make_visitor()
    response = guest.get(link)
    assert response.status_code == 302 and "/login" in response.location
    guest.submit(f"/login?next={link}", {"email": "member@beta.lv", "password": PASSWORD})
    assert "Join the cluster" in guest.get(link).get_data(as_text=True)
    assert guest.post(link).location.endswith("/c/alfa/")
    start = guest.get("/").get_data(as_text=True)
    assert "Alfa CANARYALFA klasteris" in start and "Beta CANARYBETA klasteris" in start


def test_someone_else_signed_in_cannot_use_the_link(app, world, visitor, signed_in):
    link, _ = _invite(visitor)
    intruder = signed_in("member@beta.lv")
    assert intruder.get(link).status_code == 403
    assert intruder.post(link).status_code == 403


def test_a_member_cannot_be_invited_again(app, world, visitor):
    visitor.login("manager@alfa.lv")
    page = visitor.submit(
        "/c/alfa/manage/invitations/",
        {"email": "MEMBER@alfa.lv", "role": "member", "company_name": "", "language": "lv"},
    )
    assert page.status_code == 200 and "member of the cluster already" in page.get_data(as_text=True)


def test_bad_input_is_shown_next_to_the_field_and_nothing_is_saved(app, world, visitor):
    visitor.login("manager@alfa.lv")
    page = visitor.submit(
        "/c/alfa/manage/invitations/",
        {"email": "not-an-address", "role": "owner", "company_name": "x" * 300, "language": "lv"},
    )
    body = page.get_data(as_text=True)
    assert page.status_code == 200
    assert 'id="email-errors"' in body and 'id="role-errors"' in body and 'id="company_name-errors"' in body
    with app.app_context(), cross_tenant():
        assert db.session.scalar(select(Invitation).where(Invitation.email == "not-an-address")) is None


def test_accepting_twice_at_the_same_moment_makes_one_membership(app, world):
    user_id = make_user(app, "invitee@alfa.lv", "Ieva")
    with app.app_context(), cross_tenant():
        invitation = db.session.get(Invitation, world.invitation_a)
        stale_copy = invitation_from_token_for(invitation)
        user = db.session.get(User, user_id)
        accept(invitation, user)
        db.session.commit()
        with pytest.raises(InvitationError):
            accept(stale_copy, user)
        db.session.rollback()
        assert len(db.session.scalars(select(Membership).where(Membership.user_id == user_id)).all()) == 1


def invitation_from_token_for(invitation: Invitation) -> Invitation:
    """The invitation as a second request would have loaded it, before the first one accepted it."""
    return invitation_from_token(invitation_token(invitation))
