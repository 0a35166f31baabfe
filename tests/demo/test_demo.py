"""`demo load`: three clusters with profiles, boards, conversations, ratings and two years of their own
life (services and feedback, meetings, visits, news, stories, a road map, applications), and the
organiser's past and upcoming inter-cluster forums; safe to run twice."""

from collections import Counter
from datetime import timedelta

from sqlalchemy import func, select

from clusterhub.accounts.models import SignIn, User
from clusterhub.admission.models import Application
from clusterhub.catalogue.models import Service, ServiceFeedback, ServiceUse
from clusterhub.clock import local_today, utcnow
from clusterhub.companies.models import Company, CompanyChange, CompanyMembership, CompanyTag
from clusterhub.conferences.meetings.services import agenda
from clusterhub.conferences.models import EventCluster, Meeting, MeetingSeat, MeetingWindow, Participant
from clusterhub.conferences.slots import slots
from clusterhub.demo.data import CLUSTERS, DEMO_PASSWORD, ORGANISER
from clusterhub.events.models import Event, EventAttendance
from clusterhub.extensions import db
from clusterhub.groups.models import Group
from clusterhub.groups.services import members_of, news_to, posts_to
from clusterhub.indicators.periods import Period
from clusterhub.members.models import Visit
from clusterhub.members.segments import SEGMENTS, segments
from clusterhub.news.models import NewsItem
from clusterhub.notifications.models import Notification
from clusterhub.onboarding.models import RoadmapProgress, RoadmapStep
from clusterhub.posts.models import Collaboration, Message, Post, Thread
from clusterhub.ratings.models import Rating
from clusterhub.stories.models import SuccessStory
from search.matching.candidates import for_post
from search.matching.rules import STRONG
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
    EventCluster,
    Participant,
)
# Rows of the inter-cluster forums that belong to no cluster.
PLATFORM = (MeetingWindow, Meeting, MeetingSeat)
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
        platform = {
            model.__tablename__: db.session.scalar(select(func.count(model.id))) for model in PLATFORM
        }
        changes = db.session.scalar(select(func.count(CompanyChange.id)))
        sign_ins = db.session.scalar(select(func.count(SignIn.id)))
        conferences = db.session.scalar(select(func.count(Event.id)).where(Event.kind == "conference"))
        return {
            "companies": companies,
            "managers": managers,
            "profile changes": changes,
            "sign-ins": sign_ins,
            "conferences": conferences,
            **activity,
            **platform,
        }


def _forum(event: Event) -> tuple[list[Participant], list[Meeting]]:
    """A demo forum's participants and meetings, checked for what every forum has: three invited clusters,
    5-8 registered companies of each, registered by their own people, and meetings across clusters in
    the forum's slots with no table and no person twice in a slot."""
    invited = db.session.scalars(select(EventCluster).where(EventCluster.event_id == event.id))
    assert {row.tenant.slug: row.quota for row in invited} == {"avt": 10, "metal": 10, "partika": 10}
    participants = db.session.scalars(select(Participant).where(Participant.event_id == event.id)).all()
    registered = [p for p in participants if p.status == "registered"]
    per_cluster = Counter(p.tenant.slug for p in registered)
    assert set(per_cluster) == {"avt", "metal", "partika"} and all(5 <= n <= 8 for n in per_cluster.values())
    sectors = set(db.session.scalars(select(CompanyTag.name).where(CompanyTag.kind == "sector")))
    for participant in registered:
        assert participant.seeks and participant.offers and set(participant.interest_names) <= sectors
        assert participant.consented_at < event.registration_closes_at
        represents = select(Membership.id).where(
            Membership.user_id == participant.user_id,
            Membership.company_id == participant.company_id,
            Membership.tenant_id == participant.tenant_id,
        )
        assert db.session.scalar(represents) is not None, participant

    meetings = db.session.scalars(select(Meeting).where(Meeting.event_id == event.id)).all()
    assert all(m.starts_at in slots(event) and m.requester.tenant_id != m.invitee.tenant_id for m in meetings)
    accepted = [m for m in meetings if m.status == "accepted"]
    assert len(accepted) >= 10 and any(m.status == "declined" for m in meetings)
    tables = [(m.starts_at, m.table_no) for m in accepted]
    assert len(set(tables)) == len(tables) and all(1 <= table <= event.tables for _, table in tables)
    people = [(m.starts_at, side.user_id) for m in accepted for side in (m.requester, m.invitee)]
    assert len(set(people)) == len(people)
    seats = db.session.execute(
        select(MeetingSeat.starts_at, MeetingSeat.user_id).where(MeetingSeat.event_id == event.id)
    )
    assert set(seats) == set(people)
    return participants, meetings


def test_demo_load_creates_three_populated_clusters_two_forums_and_prints_logins(app, demo):
    assert DEMO_PASSWORD in demo and "ilze.berzina@avt.demo.lv" in demo
    counts = _counts(app)
    assert "avt" in counts["companies"] and len(counts["companies"]) >= 3
    assert all(n >= 20 for n in counts["companies"].values())
    assert all(counts["managers"].get(slug, 0) >= 1 for slug in counts["companies"])

    # The organiser's forums (in this test to spare a load of the demo): one held within the last year,
    # one open for registration, and every member login printed has meetings agreed in the coming one.
    members = [line.split()[0] for line in demo.splitlines() if "member of" in line]
    now = utcnow()
    with app.app_context(), cross_tenant():
        organiser = db.session.scalar(select(User).where(User.email == ORGANISER[1]))
        past, upcoming = db.session.scalars(
            select(Event).where(Event.organiser_id == organiser.id).order_by(Event.starts_at)
        )
        assert now - timedelta(days=365) < past.starts_at and past.ends_at < now
        assert now < upcoming.registration_closes_at < upcoming.starts_at

        participants, meetings = _forum(past)
        joined = {
            (row.tenant_id, row.company_id): row.member_since
            for row in db.session.scalars(select(CompanyMembership))
        }
        assert all(joined[p.tenant_id, p.company_id] < past.starts_at.date() for p in participants)
        ratings = [p.rating for p in participants if p.rating]
        assert len(ratings) >= len(participants) * 2 / 3
        assert sum(rating >= 4 for rating in ratings) >= len(ratings) * 3 / 4
        follow_ups = [m.requester_followed_up for m in meetings] + [m.invitee_followed_up for m in meetings]
        answers = [answer for answer in follow_ups if answer is not None]
        assert 0.3 <= sum(answers) / len(answers) <= 0.7

        participants, meetings = _forum(upcoming)
        statuses = Counter(p.status for p in participants)
        assert statuses["requested"] == 1 and statuses["nominated"] == 1
        waiting = [m for m in meetings if m.status == "pending"]
        assert any(m.proposed_by_id == m.invitee_id for m in waiting)
        assert any(m.proposed_by_id == m.requester_id for m in waiting)
        assert len(members) == 4
        for email in members:
            person = db.session.scalar(select(User).where(User.email == email))
            mine = next(p for p in participants if p.user_id == person.id)
            assert any(meeting.status == "accepted" for meeting in agenda(mine)), email


def test_every_demo_cluster_has_a_lively_board_with_conversations_and_ratings(app, demo):
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


def test_every_demo_profile_is_filled_in_and_some_show_registration_numbers(app, demo):
    with app.app_context(), cross_tenant():
        # Member companies: a visiting delegation's card belongs to no cluster and has no profile.
        members = select(CompanyMembership.company_id)
        companies = db.session.scalars(select(Company).where(Company.id.in_(members))).all()
        for company in companies:
            assert company.description and company.size and company.region, company.name
            assert company.tag_names("sector") and company.tag_names("competence") and company.role_names
            assert company.contacts and "@" in company.contacts[0].email
        numbered = [company for company in companies if company.registration_number]
        assert len(companies) / 3 < len(numbered) < len(companies)


NEED = "Meklējam pētniekus bērnu auditorijas testēšanai"  # SIA Ēnu Teātris's open need


def test_a_demo_member_signs_in_and_finds_the_answer_to_their_post_and_their_forum_agenda(app, demo, visitor):
    visitor.login("janis.ozols@avt.demo.lv", DEMO_PASSWORD)  # represents SIA Ēnu Teātris
    page = visitor.get("/c/avt/threads").get_data(as_text=True)
    # Two conversations: an answer to the company's need, and its own question about a studio's offer.
    assert NEED in page
    assert "Brīvs laiks skaņas studijā dublēšanai" in page
    with app.test_request_context():
        with tenant_scope(db.session.scalar(select(Tenant).where(Tenant.slug == "avt"))):
            need = db.session.scalar(select(Post).where(Post.title == NEED))
            assert need.status == "open" and any(match.score >= STRONG for match in for_post(need))

    with app.app_context(), cross_tenant():
        forum = db.session.scalar(
            select(Event).where(Event.kind == "conference").order_by(Event.starts_at.desc())
        )
    assert forum.title in visitor.get("/events/").get_data(as_text=True)
    page = visitor.get(f"/events/{forum.id}/agenda").get_data(as_text=True)
    # Agreed with a metalworking and a food company, and a food company's request waits for an answer.
    assert "SIA Jelgavas Metālapstrāde" in page and "SIA Kuldīgas Maiznīca" in page
    assert "SIA Žāvēti Augļi" in page


def test_nobody_shares_a_name_with_another_person_of_their_cluster(app, demo):
    with app.app_context(), cross_tenant():
        people = db.session.execute(
            select(Tenant.slug, User.name).join(Membership.tenant).join(Membership.user)
        )
        names = Counter(tuple(row) for row in people)
    assert names and [name for name, count in names.items() if count > 1] == []


def test_demo_load_twice_adds_nothing(app, demo, runner):
    before = _counts(app)
    assert runner.invoke(args=["demo", "load"]).exit_code == 0
    assert _counts(app) == before


def test_demo_load_if_empty_leaves_a_used_database_alone(app, runner, world):
    result = runner.invoke(args=["demo", "load", "--if-empty"])
    assert result.exit_code == 0 and "not loaded" in result.output
    assert "avt" not in _counts(app)["companies"]


def test_the_demo_join_page_lists_the_clusters_whose_admission_criteria_are_written(app, demo, visitor):
    page = visitor.get("/join/").get_data(as_text=True)
    assert 'href="/join/avt"' in page and 'href="/join/metal"' in page
    assert 'href="/join/partika"' not in page  # its managers have not written the criteria yet
    assert "klātienē" in visitor.get("/join/avt").get_data(as_text=True)


def test_the_demo_members_read_last_quarters_service_report(app, demo, visitor):
    visitor.login("janis.ozols@avt.demo.lv", DEMO_PASSWORD)
    quarter = Period.containing(local_today()).previous
    response = visitor.get(f"/c/avt/services/report/{quarter.year}/{quarter.quarter}")
    assert response.status_code == 200  # published (members are refused an unpublished report)
    assert "Provizorisks" not in response.get_data(as_text=True)  # the quarter is over: a final report


def test_a_demo_manager_can_sign_in_and_see_the_avt_members(app, demo, visitor):
    visitor.login("ilze.berzina@avt.demo.lv", DEMO_PASSWORD)
    page = visitor.get("/c/avt/members").get_data(as_text=True)
    assert "SIA Ēnu Teātris" in page and "Latvijas audiovizuālo tehnoloģiju klasteris" in page


def test_the_two_cluster_member_company_has_one_profile_in_both_clusters(app, demo):
    with app.app_context(), cross_tenant():
        rows = db.session.execute(
            select(Tenant.slug, CompanyMembership.company_id)
            .join(CompanyMembership.tenant)
            .join(CompanyMembership.company)
            .where(Company.name == "SIA Automatizācijas Risinājumi")
        ).all()
    assert sorted(slug for slug, _ in rows) == ["avt", "metal"]
    assert len({company_id for _, company_id in rows}) == 1


def test_demo_load_works_from_the_command_line_without_a_server_name(demo):
    # The demo fixture loads it as `make run` does: no request and no SERVER_NAME.
    assert "ilze.berzina@avt.demo.lv" in demo


def _months(moments) -> set[tuple[int, int]]:
    return {(moment.year, moment.month) for moment in moments}


def test_the_avt_cluster_has_a_company_in_every_segment_a_drifting_member_and_a_newcomer(app, demo):
    spec, today = SPECS["avt"], local_today()
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
            assert drifting.name == "reactivate" and drifting.uses == drifting.other == 0
            assert drifting.last_activity < today - timedelta(days=365)
            assert joined[spec["drifting"]] <= today - timedelta(days=4 * 365)

            newcomer = by_name[spec["newcomer"]]
            assert newcomer.name == "new" and newcomer.uses + newcomer.other > 0
            assert joined[spec["newcomer"]] == today - timedelta(days=61)
            steps = db.session.scalar(select(func.count(RoadmapStep.id)))
            done = db.session.scalar(
                select(func.count(RoadmapProgress.id))
                .join(RoadmapProgress.company)
                .where(Company.name == spec["newcomer"])
            )
            assert 4 <= steps <= 5 and done == steps // 2


def test_every_demo_cluster_has_two_years_of_services_feedback_and_posts(app, demo):
    today = local_today()
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


def test_every_demo_cluster_has_meetings_visits_news_stories_and_applications(app, demo):
    now = local_today()
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


def test_the_demo_manager_finds_a_new_application_waiting(app, demo, visitor):
    visitor.login("ilze.berzina@avt.demo.lv", DEMO_PASSWORD)
    page = visitor.get("/c/avt/manage/applications/").get_data(as_text=True)
    assert "SIA Krāsu Korekcija" in page and "SIA Pasākumu Aģentūra Zvaigzne" not in page  # declined


def test_the_metalworking_cluster_has_three_interest_groups_with_members_posts_and_news(app, demo):
    with app.app_context(), tenant_scope(db.session.scalar(select(Tenant).where(Tenant.slug == "metal"))):
        groups = {group.name: group for group in db.session.scalars(select(Group))}
        assert set(groups) == {"Eksports uz Ziemeļvalstīm", "Automatizācija un robotika", "Kopīgie iepirkumi"}
        for group in groups.values():
            assert len(members_of(group)) >= 5 and group.description
            assert db.session.scalars(posts_to(group)).first() is not None
        assert news_to(groups["Eksports uz Ziemeļvalstīm"])
        # Two companies of one group with a need and an offer that meet: the suggestion names the group.
        reasons = [
            reason.theirs
            for post in db.session.scalars(select(Post).where(Post.kind == "need"))
            for suggestion in for_post(post)
            for reason in suggestion.reasons
            if reason.kind == "group"
        ]
        assert reasons


def test_a_demo_member_finds_companies_of_the_other_clusters_in_the_network(app, demo, visitor):
    with app.app_context(), tenant_scope(db.session.scalar(select(Tenant).where(Tenant.slug == "partika"))):
        talsu = db.session.scalar(select(Company).where(Company.name == "SIA Talsu Piens"))
        email = db.session.scalar(
            select(User.email).join(Membership).where(Membership.company_id == talsu.id)
        )
    visitor.login(email, DEMO_PASSWORD)
    page = visitor.get("/c/partika/network").get_data(as_text=True)
    assert "SIA Robotika Baltija" in page and "SIA Ģeometrija 3D" in page
    assert "SIA Jelgavas Metālapstrāde" not in page  # not opted in
    assert "SIA Aizputes Iepakojums" not in page  # its own cluster's member
    suggested = page.split("Ieteikumi jūsu vajadzībām")[1].split("Atrodiet partneri citā klasterī")[0]
    assert "no klastera" in suggested
    matches = visitor.get("/c/partika/matches").get_data(as_text=True)
    assert "no klastera" in matches.split("Ieteiktie partneri no citiem klasteriem")[1]


def test_the_demo_has_conversations_across_clusters(app, demo, make_visitor):
    with app.app_context(), cross_tenant():
        ids = dict(db.session.execute(select(Company.name, Company.id)).all())
        people = {
            name: db.session.scalar(
                select(User.email).join(Membership).where(Membership.company_id == ids[name]).limit(1)
            )
            for name in ("SIA Talsu Piens", "SIA Robotika Baltija", "SIA Ģeometrija 3D")
        }
    dairy = make_visitor("lv")
    dairy.login(people["SIA Talsu Piens"], DEMO_PASSWORD)
    listed = dairy.get("/c/partika/network").get_data(as_text=True).split("Sarunas")[1]
    assert "SIA Robotika Baltija" in listed and "Jūs esat sazinājušies" in listed
    page = dairy.get(f"/c/partika/network/{ids['SIA Robotika Baltija']}").get_data(as_text=True)
    assert "kobotu paletētājus" in page and f"mailto:{people['SIA Robotika Baltija']}" in page
    integrator = make_visitor("lv")
    integrator.login(people["SIA Robotika Baltija"], DEMO_PASSWORD)
    page = integrator.get(f"/c/metal/network/{ids['SIA Talsu Piens']}").get_data(as_text=True)
    assert "Paldies! Plānu un kastu izmērus" in page
    studio = make_visitor("lv")
    studio.login(people["SIA Ģeometrija 3D"], DEMO_PASSWORD)
    listed = studio.get("/c/avt/network").get_data(as_text=True).split("Sarunas")[1]
    assert "SIA Jelgavas Metālapstrāde" in listed and "Viņi jums uzrakstīja" in listed


def test_the_demo_has_an_incoming_visit_the_invited_clusters_see_and_the_other_does_not(
    app, demo, make_visitor
):
    with app.app_context(), cross_tenant():
        visit = db.session.scalar(select(Event).where(Event.kind == "visit"))
        invited = {
            row.tenant.slug
            for row in db.session.scalars(select(EventCluster).where(EventCluster.event_id == visit.id))
        }
        accepted = db.session.scalar(
            select(func.count())
            .select_from(Meeting)
            .where(Meeting.event_id == visit.id, Meeting.status == "accepted")
        )
    assert invited == {"metal", "partika"} and accepted == 2
    host, outsider = make_visitor(), make_visitor()
    host.login("edgars.kalnins@metal.demo.lv", DEMO_PASSWORD)
    page = host.get(f"/events/{visit.id}/agenda").get_data(as_text=True)
    assert "SIA Nerūsējošais Tērauds" in page and "SIA Ventspils Zivju Kombināts" in page
    outsider.login("ilze.berzina@avt.demo.lv", DEMO_PASSWORD)
    assert outsider.get(f"/events/{visit.id}").status_code == 403
    assert visit.title not in outsider.get("/events/").get_data(as_text=True)


def test_the_demo_visits_host_finds_applicants_waiting_on_its_shortlist(app, demo, visitor):
    with app.app_context(), cross_tenant():
        visit = db.session.scalar(select(Event.id).where(Event.kind == "visit"))
    visitor.login(
        "edgars.kalnins@metal.demo.lv", DEMO_PASSWORD
    )  # the metalworking cluster's manager, in Latvian
    assert "Izvēlēto saraksts: izvēlieties uzņēmumus" in visitor.get(f"/events/{visit}").get_data(
        as_text=True
    )
    page = visitor.get(f"/events/{visit}/shortlist").get_data(as_text=True)
    sections = {
        "metal" if "SIA Nerūsējošais Tērauds" in part else "food": part
        for part in page.split('<section aria-labelledby="cluster-')[1:]
    }
    # The host's own cluster: two of three places picked, two welding and hydraulics firms waiting.
    assert "Aizņemtas vietas: 2 no 3" in sections["metal"]
    assert (
        "SIA Zemgales Metināšanas Centrs" in sections["metal"]
        and "SIA Ķemeru Hidraulika" in sections["metal"]
    )
    # The food cluster: one fish processor picked, three applicants waiting for its last place.
    assert (
        "Aizņemtas vietas: 1 no 2" in sections["food"] and "SIA Ventspils Zivju Kombināts" in sections["food"]
    )
    assert "SIA Rojas Konservi" in sections["food"] and "SIA Pāvilostas Kūpinātava" in sections["food"]
    assert page.count(">Izvēlēties<") == 5  # every applicant can still be picked
