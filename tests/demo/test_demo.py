"""`demo load`: three clusters with profiles, boards, conversations, ratings and two years of their own
life (services and feedback, meetings, visits, news, stories, a road map, applications); safe to run twice."""

from datetime import date, timedelta

from sqlalchemy import func, select

from clusterhub.accounts.models import SignIn
from clusterhub.admission.models import Application
from clusterhub.catalogue.models import Service, ServiceFeedback, ServiceUse
from clusterhub.companies.models import Company, CompanyChange, CompanyMembership
from clusterhub.demo.data import CLUSTERS, DEMO_PASSWORD
from clusterhub.events.models import Event, EventAttendance
from clusterhub.extensions import db
from clusterhub.members.models import Visit
from clusterhub.members.segments import SEGMENTS, segments
from clusterhub.news.models import NewsItem
from clusterhub.notifications.models import Notification
from clusterhub.onboarding.models import RoadmapProgress, RoadmapStep
from clusterhub.posts.models import Collaboration, Message, Post, Thread
from clusterhub.ratings.models import Rating
from clusterhub.stories.models import SuccessStory
from tenants.context import cross_tenant, tenant_scope
from tenants.models import Membership, Tenant

ACTIVITY = (
    Post,
    Thread,
    Message,
    Collaboration,
    Rating,
    Notification,
    Service,
    ServiceUse,
    ServiceFeedback,
    Event,
    EventAttendance,
    Visit,
    NewsItem,
    SuccessStory,
    Application,
    RoadmapStep,
    RoadmapProgress,
)
SPECS = {spec["slug"]: spec for spec in CLUSTERS}


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
        sign_ins = db.session.scalar(select(func.count(SignIn.id)))
        return {
            "companies": companies,
            "managers": managers,
            "profile changes": changes,
            "sign-ins": sign_ins,
            **activity,
        }


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


def _months(moments) -> set[tuple[int, int]]:
    return {(moment.year, moment.month) for moment in moments}


def test_the_avt_cluster_has_a_company_in_every_segment_a_drifting_member_and_a_newcomer(app, runner):
    runner.invoke(args=["demo", "load"])
    spec, today = SPECS["avt"], date.today()
    with app.app_context():
        tenant = db.session.scalar(select(Tenant).where(Tenant.slug == "avt"))
        with tenant_scope(tenant):
            found = segments(today)
            names = dict(db.session.execute(select(Company.id, Company.name)).all())
            by_name = {names[company_id]: segment for company_id, segment in found.items()}
            assert {segment.name for segment in found.values()} == set(SEGMENTS)
            assert sum(segment.name == "reactivate" for segment in found.values()) >= 2

            drifting = by_name[spec["drifting"]]
            joined = dict(
                db.session.execute(
                    select(Company.name, CompanyMembership.member_since).join(CompanyMembership.company)
                ).all()
            )
            assert drifting.name == "reactivate" and drifting.actions == 0
            assert drifting.last_activity < today - timedelta(days=365)
            assert joined[spec["drifting"]] <= today - timedelta(days=4 * 365)

            newcomer = by_name[spec["newcomer"]]
            assert newcomer.name == "new" and newcomer.actions > 0
            assert joined[spec["newcomer"]] == today - timedelta(days=61)
            steps = db.session.scalar(select(func.count(RoadmapStep.id)))
            done = db.session.scalar(
                select(func.count(RoadmapProgress.id))
                .join(RoadmapProgress.company)
                .where(Company.name == spec["newcomer"])
            )
            assert 4 <= steps <= 5 and done == steps // 2


def test_every_demo_cluster_has_two_years_of_services_feedback_and_posts(app, runner):
    runner.invoke(args=["demo", "load"])
    today = date.today()
    two_years_ago = today - timedelta(days=730)
    for slug in SPECS:
        with app.app_context():
            tenant = db.session.scalar(select(Tenant).where(Tenant.slug == slug))
            with tenant_scope(tenant):
                services = db.session.scalars(select(Service)).all()
                assert 3 <= len(services) <= 5 and all(service.uses for service in services)
                used_on = db.session.scalars(select(ServiceUse.used_on)).all()
                assert min(used_on) >= two_years_ago and len(_months(used_on)) >= 12
                feedback = db.session.scalars(select(ServiceFeedback)).all()
                praise = [f for f in feedback if f.score >= 4]
                assert len(feedback) > 50 and 0.7 <= len(praise) / len(feedback) < 1
                assert all(f.worked for f in feedback) and any(f.change for f in feedback)

                posts = db.session.scalars(select(Post)).all()
                assert len(_months(post.created_at for post in posts)) >= 18
                assert {post.status for post in posts} >= {"open", "fulfilled", "withdrawn"}
                first_answers = db.session.scalars(select(Thread.created_at).join(Thread.post)).all()
                assert len(_months(first_answers)) >= 12

                sign_ins = db.session.scalars(
                    select(SignIn.at).join(Membership, Membership.user_id == SignIn.user_id)
                ).all()
                assert len(_months(sign_ins)) >= 24


def test_every_demo_cluster_has_meetings_visits_news_stories_and_applications(app, runner):
    runner.invoke(args=["demo", "load"])
    now = date.today()
    for slug in SPECS:
        with app.app_context():
            tenant = db.session.scalar(select(Tenant).where(Tenant.slug == slug))
            with tenant_scope(tenant):
                events = db.session.scalars(select(Event)).all()
                past = [e for e in events if e.starts_at.date() < now]
                upcoming = [e for e in events if e.starts_at.date() >= now]
                assert len([e for e in past if e.kind == "member_meeting"]) >= 4
                assert all(e.attendances for e in past)
                assert any(e.kind == "member_meeting" and e.presentations for e in upcoming)
                assert not any(e.attendances for e in upcoming)

                visits = db.session.scalars(select(Visit)).all()
                assert len(visits) >= 3 and all(
                    v.problems and v.goals_2_years and v.next_step for v in visits
                )
                assert 2 <= db.session.scalar(select(func.count(NewsItem.id))) <= 3
                stories = sorted(story.status for story in db.session.scalars(select(SuccessStory)))
                assert stories == ["awaiting_approval", "published"]
                applications = db.session.scalars(select(Application)).all()
                assert sorted(a.status for a in applications) == ["declined", "new"]
                assert all(a.reason for a in applications if a.status == "declined")


def test_the_demo_manager_finds_a_new_application_waiting(app, runner, visitor):
    runner.invoke(args=["demo", "load"])
    visitor.login("ilze.berzina@avt.demo.lv", DEMO_PASSWORD)
    page = visitor.get("/c/avt/manage/applications/").get_data(as_text=True)
    assert "SIA Krāsu Korekcija" in page and "SIA Pasākumu Aģentūra Zvaigzne" not in page  # declined
