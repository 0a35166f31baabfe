"""Queries written naively inside a cluster's request see only that cluster's rows."""

import pytest
from flask import jsonify
from sqlalchemy import delete, func, select, update
from sqlalchemy.orm import aliased

from clusterhub.accounts.models import User
from clusterhub.companies.models import Company, CompanyMembership, CompanyTag
from clusterhub.extensions import db
from clusterhub.invitations.models import Invitation
from clusterhub.posts.models import Message, Post, PostTag, Thread
from clusterhub.ratings.models import Rating
from tenants.blueprint import TenantBlueprint
from tenants.context import cross_tenant, tenant_scope
from tenants.models import Membership, Tenant
from tenants.scoping import TenantScopeError


def _naive_blueprint() -> TenantBlueprint:
    bp = TenantBlueprint("naive", __name__, "/naive")

    @bp.route("/<int:invitation_id>")
    def everything(invitation_id):
        # Written as a careless developer would: no tenant filter anywhere.
        other = aliased(Membership)
        return jsonify(
            companies=sorted(db.session.scalars(select(Company.name))),
            company_count=db.session.scalar(select(func.count()).select_from(select(Company).subquery())),
            memberships=sorted({m.tenant_id for m in db.session.scalars(select(Membership))}),
            joined=sorted(
                {
                    row.tenant_id
                    for row in db.session.execute(
                        select(other.tenant_id).join(User, User.id == other.user_id)
                    )
                }
            ),
            link_companies=sorted(
                db.session.scalars(
                    select(Company.name).join(CompanyMembership, CompanyMembership.company_id == Company.id)
                )
            ),
            invitation=getattr(db.session.get(Invitation, invitation_id), "email", None),
            texts=sorted(
                [
                    *db.session.scalars(select(CompanyTag.name)),
                    *db.session.scalars(select(Post.title)),
                    *db.session.scalars(select(Message.body)),
                    *db.session.scalars(select(Rating.comment)),
                    *db.session.scalars(select(PostTag.name)),
                    *db.session.scalars(select(Thread.subject)),
                ]
            ),
        )

    return bp


@pytest.fixture
def naive_app(app):
    app.register_blueprint(_naive_blueprint())
    return app


@pytest.mark.own_app
def test_a_naive_query_in_cluster_a_never_returns_rows_of_cluster_b(naive_app, world, visitor):
    visitor.login("member@alfa.lv")
    data = visitor.get(f"/c/alfa/naive/{world.invitation_b}").get_json()
    assert all("CANARYALFA" in name for name in data["companies"] + data["link_companies"])
    assert data["company_count"] == len(data["companies"]) == 2
    with naive_app.app_context():
        alfa_id = db.session.scalar(select(Tenant.id).where(Tenant.slug == "alfa"))
    assert data["memberships"] == data["joined"] == [alfa_id]
    assert data["invitation"] is None
    # Tags, the post, its answer, the rated company's reply (signed with its name), the rating, the thread.
    assert len(data["texts"]) == 8 and all("CANARYALFA" in text for text in data["texts"])


@pytest.mark.own_app
def test_the_own_invitation_is_found_by_the_same_naive_code(naive_app, world, visitor):
    visitor.login("member@alfa.lv")
    assert visitor.get(f"/c/alfa/naive/{world.invitation_a}").get_json()["invitation"] == "invitee@alfa.lv"


def test_cluster_data_read_outside_any_cluster_fails_loudly(app, world):
    with app.app_context():
        with pytest.raises(TenantScopeError):
            db.session.scalars(select(Membership)).all()
        with pytest.raises(TenantScopeError):
            db.session.scalar(select(func.count(Company.id)))


def test_the_named_way_out_reads_across_clusters(app, world):
    with app.app_context(), cross_tenant():
        assert len({m.tenant_id for m in db.session.scalars(select(Membership))}) == 2


def test_a_new_row_is_stamped_with_the_current_cluster_and_cannot_be_planted_in_another(app, world):
    with app.app_context():
        alfa, beta = (db.session.scalar(select(Tenant).where(Tenant.slug == s)) for s in ("alfa", "beta"))
        with tenant_scope(alfa):
            link = CompanyMembership(company=Company(name="SIA Jauns"), member_since=func.current_date())
            db.session.add(link)
            db.session.flush()
            assert link.tenant_id == alfa.id
            db.session.add(
                CompanyMembership(
                    company=Company(name="SIA Iestādīts"), tenant_id=beta.id, member_since=func.current_date()
                )
            )
            with pytest.raises(TenantScopeError):
                db.session.flush()
        db.session.rollback()


def _invitation_emails() -> dict[str, str]:
    with cross_tenant():
        return {i.email: i.role for i in db.session.scalars(select(Invitation).order_by(Invitation.email))}


def test_a_naive_update_or_delete_in_cluster_a_never_touches_rows_of_cluster_b(app, world):
    with app.app_context():
        alfa = db.session.scalar(select(Tenant).where(Tenant.slug == "alfa"))
        with tenant_scope(alfa):
            db.session.execute(update(Invitation).values(role="manager"))
            db.session.execute(update(Company).values(website="https://alfa.example"))
        assert _invitation_emails() == {"invitee@alfa.lv": "manager", "invitee@beta.lv": "member"}
        with cross_tenant():
            websites = dict(db.session.execute(select(Company.name, Company.website)).all())
        assert websites[f"SIA {world.CANARY_A} Čiekurs"] == "https://alfa.example"
        assert websites[f"SIA {world.CANARY_B} Dārzs"] != "https://alfa.example"
        with tenant_scope(alfa):
            db.session.execute(delete(Invitation))
        assert _invitation_emails() == {"invitee@beta.lv": "member"}
        db.session.rollback()


def test_an_update_or_delete_of_cluster_data_outside_any_cluster_fails_loudly(app, world):
    with app.app_context():
        with pytest.raises(TenantScopeError):
            db.session.execute(update(Invitation).values(role="manager"))
        with pytest.raises(TenantScopeError):
            db.session.execute(delete(Membership))
        db.session.rollback()
