"""A representative deletes the company: it leaves its clusters, its profile is erased, its history stays."""

from sqlalchemy import select

from clusterhub.companies.models import Company, CompanyChange, CompanyMembership
from clusterhub.companies.services import admit_company
from clusterhub.extensions import db
from clusterhub.posts.models import Post
from clusterhub.security.models import AuditEvent
from tenants.context import cross_tenant, tenant_scope
from tenants.models import Membership, Tenant
from tests.conftest import World
from tests.factories import PASSWORD

CONFIRMED = {"password": PASSWORD, "understood": "y"}


def test_deleting_a_company_takes_it_out_and_erases_its_profile(app, world, visitor):
    visitor.login("member@alfa.lv")
    page = visitor.get(f"/companies/{world.company_a}/delete").get_data(as_text=True)
    assert f"The company will leave Alfa {World.CANARY_A} klasteris" in page
    response = visitor.post(f"/companies/{world.company_a}/delete", CONFIRMED)
    assert response.status_code == 302
    with app.app_context(), cross_tenant():
        company = db.session.get(Company, world.company_a)
        assert company.deleted_at is not None and World.CANARY_A not in company.name
        assert (company.description, company.tags, company.contacts, company.region) == ("", [], [], None)
        assert not db.session.scalars(
            select(CompanyChange).where(CompanyChange.company_id == company.id)
        ).all()
        link = db.session.scalars(
            select(CompanyMembership).where(CompanyMembership.company_id == company.id)
        ).one()
        assert link.left_reason == "left"
        post = db.session.get(Post, world.post_a)
        assert (post.company_id, post.status) == (company.id, "withdrawn")  # the post stays, withdrawn
        assert not db.session.scalars(select(Membership).where(Membership.user_id == world.member_a)).all()
        assert db.session.scalars(
            select(AuditEvent.subject).where(AuditEvent.kind == "company_deleted")
        ).all() == [f"company:{company.id}"]
    assert "manager@alfa.lv" in [mail["To"] for mail in visitor.mails()]  # managers hear it left
    # No longer within the former representative's reach.
    assert visitor.get(f"/companies/{world.company_a}/data").status_code == 404


def _admit_company_a_to_beta(app, world) -> None:
    """Company A also becomes a member of cluster B, where nobody of A's people represents it."""
    with app.app_context():
        beta = db.session.scalar(select(Tenant).where(Tenant.slug == "beta"))
        with tenant_scope(beta):
            with cross_tenant():
                company = db.session.get(Company, world.company_a)
            admit_company(company)
        db.session.commit()


def test_a_company_in_a_cluster_where_i_do_not_represent_it_is_not_deleted(app, world, visitor):
    _admit_company_a_to_beta(app, world)
    visitor.login("member@alfa.lv")
    page = visitor.get(f"/companies/{world.company_a}/delete").get_data(as_text=True)
    assert f"clusters where you do not represent it (Beta {World.CANARY_B} klasteris)" in page
    visitor.post(f"/companies/{world.company_a}/delete", CONFIRMED)
    with app.app_context(), cross_tenant():
        assert db.session.get(Company, world.company_a).deleted_at is None


def test_only_representatives_reach_the_deletion_page(world, make_visitor):
    visitor = make_visitor()
    visitor.login("manager@alfa.lv")  # a manager of the cluster, representing another company
    assert visitor.get(f"/companies/{world.company_a}/delete").status_code == 404
    assert visitor.post(f"/companies/{world.company_a}/delete", CONFIRMED).status_code == 404


def test_leaving_the_last_cluster_offers_to_delete_the_company_instead(app, world, visitor):
    visitor.login("member@alfa.lv")
    page = visitor.get(f"/c/alfa/companies/{world.company_a}/leave").get_data(as_text=True)
    assert "This is the company's last cluster on the platform." in page
    assert f'href="/companies/{world.company_a}/delete"' in page


def test_leaving_one_of_several_clusters_does_not_offer_to_delete_the_company(app, world, visitor):
    _admit_company_a_to_beta(app, world)
    visitor.login("member@alfa.lv")
    page = visitor.get(f"/c/alfa/companies/{world.company_a}/leave").get_data(as_text=True)
    assert "last cluster on the platform" not in page
    assert f'href="/companies/{world.company_a}/delete"' not in page
