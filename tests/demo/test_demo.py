"""`demo load`: three populated clusters, the AVT cluster among them, safe to run twice."""

from sqlalchemy import func, select

from clusterhub.companies.models import Company, CompanyMembership
from clusterhub.demo.data import DEMO_PASSWORD
from clusterhub.extensions import db
from tenants.context import cross_tenant
from tenants.models import Membership, Tenant


def _counts(app) -> dict:
    with app.app_context(), cross_tenant():
        companies = dict(
            db.session.execute(
                select(Tenant.slug, func.count(CompanyMembership.id))
                .join(CompanyMembership.tenant)
                .group_by(Tenant.slug)
            ).all()
        )
        managers = dict(
            db.session.execute(
                select(Tenant.slug, func.count(Membership.id))
                .join(Membership.tenant)
                .where(Membership.role == "manager")
                .group_by(Tenant.slug)
            ).all()
        )
        return {"companies": companies, "managers": managers}


def test_demo_load_creates_three_populated_clusters_and_prints_logins(app, runner):
    result = runner.invoke(args=["demo", "load"])
    assert result.exit_code == 0, result.output
    assert DEMO_PASSWORD in result.output and "ilze.berzina@avt.demo.lv" in result.output
    counts = _counts(app)
    assert "avt" in counts["companies"] and len(counts["companies"]) >= 3
    assert all(n >= 20 for n in counts["companies"].values())
    assert all(counts["managers"].get(slug, 0) >= 1 for slug in counts["companies"])


def test_demo_load_twice_adds_nothing(app, runner):
    runner.invoke(args=["demo", "load"])
    before = _counts(app)
    assert runner.invoke(args=["demo", "load"]).exit_code == 0
    assert _counts(app) == before


def test_demo_load_if_empty_leaves_a_used_database_alone(app, runner, world):
    result = runner.invoke(args=["demo", "load", "--if-empty"])
    assert result.exit_code == 0 and "not loaded" in result.output
    assert "avt" not in _counts(app)["companies"]


def test_a_demo_manager_can_sign_in_and_see_the_avt_members(app, runner, visitor):
    runner.invoke(args=["demo", "load"])
    visitor.login("ilze.berzina@avt.demo.lv", DEMO_PASSWORD)
    page = visitor.get("/c/avt/members").get_data(as_text=True)
    assert "SIA Ēnu Teātris" in page and "Latvijas audiovizuālo tehnoloģiju klasteris" in page


def test_the_two_cluster_member_company_has_one_profile_in_both_clusters(app, runner):
    runner.invoke(args=["demo", "load"])
    with app.app_context(), cross_tenant():
        rows = db.session.execute(
            select(Tenant.slug, CompanyMembership.company_id)
            .join(CompanyMembership.tenant)
            .join(CompanyMembership.company)
            .where(Company.name == "SIA Automatizācijas Risinājumi")
        ).all()
    assert sorted(slug for slug, _ in rows) == ["avt", "metal"]
    assert len({company_id for _, company_id in rows}) == 1
