"""`demo load`: three clusters with profiles, boards, conversations and ratings; safe to run twice."""

from sqlalchemy import func, select

from clusterhub.companies.models import Company, CompanyChange, CompanyMembership
from clusterhub.demo.data import DEMO_PASSWORD
from clusterhub.extensions import db
from clusterhub.notifications.models import Notification
from clusterhub.posts.models import Collaboration, Message, Post, Thread
from clusterhub.ratings.models import Rating
from tenants.context import cross_tenant, tenant_scope
from tenants.models import Membership, Tenant

ACTIVITY = (Post, Thread, Message, Collaboration, Rating, Notification)


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
        activity = {
            model.__tablename__: dict(
                db.session.execute(
                    select(Tenant.slug, func.count(model.id))
                    .join(Tenant, Tenant.id == model.tenant_id)
                    .group_by(Tenant.slug)
                ).all()
            )
            for model in ACTIVITY
        }
        changes = db.session.scalar(select(func.count(CompanyChange.id)))
        return {"companies": companies, "managers": managers, "profile changes": changes, **activity}


def test_demo_load_creates_three_populated_clusters_and_prints_logins(app, runner):
    result = runner.invoke(args=["demo", "load"])
    assert result.exit_code == 0, result.output
    assert DEMO_PASSWORD in result.output and "ilze.berzina@avt.demo.lv" in result.output
    counts = _counts(app)
    assert "avt" in counts["companies"] and len(counts["companies"]) >= 3
    assert all(n >= 20 for n in counts["companies"].values())
    assert all(counts["managers"].get(slug, 0) >= 1 for slug in counts["companies"])


def test_every_demo_cluster_has_a_lively_board_with_conversations_and_ratings(app, runner):
    runner.invoke(args=["demo", "load"])
    counts = _counts(app)
    for slug in ("avt", "metal", "partika"):
        assert counts["companies"][slug] >= 20
        assert counts["posts"][slug] >= 30
        assert counts["threads"][slug] >= 5 and counts["messages"][slug] > counts["threads"][slug]
        assert counts["collaborations"][slug] >= 2 and counts["ratings"][slug] >= 3
        with app.app_context():
            tenant = db.session.scalar(select(Tenant).where(Tenant.slug == slug))
            with tenant_scope(tenant):
                posts = db.session.scalars(select(Post)).all()
                assert {post.kind for post in posts} == {"need", "offer", "interest"}
                assert len({post.category for post in posts}) >= 7
                assert all(post.body and post.tags for post in posts)


def test_every_demo_profile_is_filled_in_and_some_show_registration_numbers(app, runner):
    runner.invoke(args=["demo", "load"])
    with app.app_context(), cross_tenant():
        companies = db.session.scalars(select(Company)).all()
        for company in companies:
            assert company.description and company.size and company.region, company.name
            assert company.tag_names("sector") and company.tag_names("competence") and company.role_names
            assert company.contacts and "@" in company.contacts[0].email
        numbered = [company for company in companies if company.registration_number]
        assert len(companies) / 3 < len(numbered) < len(companies)


def test_a_demo_member_signs_in_and_finds_the_answer_to_their_post(app, runner, visitor):
    runner.invoke(args=["demo", "load"])
    visitor.login("janis.ozols@avt.demo.lv", DEMO_PASSWORD)  # represents SIA Ēnu Teātris
    page = visitor.get("/c/avt/threads").get_data(as_text=True)
    assert "Meklējam pētniekus bērnu auditorijas testēšanai" in page


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


def test_demo_load_works_from_the_command_line_without_a_server_name(app, runner):
    # `make run` calls it with no request and no SERVER_NAME; links in notifications must still build.
    app.config["SERVER_NAME"] = None
    result = runner.invoke(args=["demo", "load"])
    assert result.exit_code == 0, result.output
