"""Test data built through the same services the app and the CLI use."""

from contextlib import contextmanager
from datetime import UTC, date, datetime, timedelta

from sqlalchemy import select

from clusterhub.accounts.models import User
from clusterhub.accounts.services import create_user
from clusterhub.admission.models import Application
from clusterhub.api.tokens import create_token
from clusterhub.catalogue.models import Service, ServiceFeedback, ServiceUse
from clusterhub.clock import local_today, utcnow, zone
from clusterhub.companies.models import Company, CompanyMembership, CompanyRole, CompanyTag
from clusterhub.companies.services import company_or_none, named_rows, update_profile
from clusterhub.conferences.models import EventCluster, Meeting, MeetingWindow, Participant
from clusterhub.conferences.slots import slots
from clusterhub.events.models import Event, EventAttendance
from clusterhub.extensions import db
from clusterhub.groups.models import Group, GroupMember
from clusterhub.invitations.services import invite
from clusterhub.members.models import Visit
from clusterhub.news.models import NewsItem
from clusterhub.notifications.models import Notification
from clusterhub.notifications.services import people_of
from clusterhub.onboarding.models import RoadmapStep
from clusterhub.posts.models import Post, Thread
from clusterhub.posts.services import create_post, respond, send_message
from clusterhub.ratings.models import SCORES
from clusterhub.ratings.services import contact_basis, rate
from clusterhub.stories.models import SuccessStory
from tenants.context import cross_tenant, tenant_scope
from tenants.models import Membership, Tenant
from tenants.services import add_member, create_tenant

PASSWORD = "correct-horse-battery"


def make_tenant(app, slug: str, name: str | None = None, **fields) -> int:
    """A committed cluster; returns its id."""
    with app.app_context():
        tenant = create_tenant(slug, name or f"Cluster {slug}", **fields)
        db.session.commit()
        return tenant.id


def make_user(
    app,
    email: str,
    name: str = "Test Person",
    tenant_slug: str | None = None,
    role: str = "member",
    company: str = "",
    language: str = "en",
    **flags,
) -> int:
    """A committed person (English-speaking unless told), maybe a member of one cluster; returns the id."""
    with app.app_context():
        user = create_user(email, name, PASSWORD, language=language, **flags)
        if tenant_slug:
            _join(user, tenant_slug, role, company)
        db.session.commit()
        return user.id


def add_to_cluster(app, user_id: int, tenant_slug: str, role: str = "member", company: str = "") -> None:
    """Make an existing person a member of another cluster too."""
    with app.app_context():
        _join(db.session.get(User, user_id), tenant_slug, role, company)
        db.session.commit()


def make_invitation(
    app, tenant_slug: str, email: str, inviter_id: int, role: str = "member", company: str = ""
) -> int:
    """A committed pending invitation; returns its id."""
    with app.app_context(), tenant_scope(_tenant(tenant_slug)):
        invitation = invite(email, role, company, db.session.get(User, inviter_id))
        db.session.commit()
        return invitation.id


def membership_id(app, user_id: int, tenant_slug: str) -> int:
    """The id of a person's membership of one cluster."""
    with app.app_context(), tenant_scope(_tenant(tenant_slug)):
        return db.session.scalar(select(Membership.id).where(Membership.user_id == user_id))


def notification_id(app, tenant_slug: str, email: str, kind: str) -> int | None:
    """The id of a person's newest notification of one kind in one cluster."""
    with app.app_context(), tenant_scope(_tenant(tenant_slug)):
        return db.session.scalar(
            select(Notification.id)
            .join(Notification.user)
            .where(User.email == email, Notification.kind == kind)
            .order_by(Notification.id.desc())
            .limit(1)
        )


def _join(user, tenant_slug: str, role: str, company: str) -> None:
    with tenant_scope(_tenant(tenant_slug)):
        add_member(user, role, company_or_none(company))


def _tenant(slug: str) -> Tenant:
    return db.session.scalar(select(Tenant).where(Tenant.slug == slug))


def _company(name: str) -> Company:
    return db.session.scalar(select(Company).where(Company.name == name))


def _person(email: str) -> User:
    return db.session.scalar(select(User).where(User.email == email))


def make_profile(app, tenant_slug: str, company: str, **values) -> int:
    """Fill in a member company's profile (text fields, sectors, competences, roles); returns its id."""
    with app.app_context(), tenant_scope(_tenant(tenant_slug)):
        target = _company(company)
        update_profile(target, None, values)
        db.session.commit()
        return target.id


def make_post(
    app,
    tenant_slug: str,
    company: str,
    author_email: str,
    title: str,
    kind: str = "need",
    category: str = "other",
    **fields,
) -> int:
    """A committed open post of a member company; returns its id."""
    with app.app_context(), tenant_scope(_tenant(tenant_slug)):
        post = create_post(_company(company), _person(author_email), kind, category, title, **fields)
        db.session.commit()
        return post.id


def make_response(app, tenant_slug: str, post_id: int, company: str, author_email: str, body: str) -> int:
    """A committed answer to a post (which opens a thread); returns the thread id."""
    with app.app_context(), tenant_scope(_tenant(tenant_slug)):
        post = db.session.get(Post, post_id)
        thread = respond(post, _company(company), _person(author_email), body)
        db.session.commit()
        return thread.id


def make_rating(
    app, tenant_slug: str, rater: str, rated: str, author_email: str, score: int = 4, comment: str = ""
) -> int:
    """A committed rating with the same score on every scale; returns its id.

    A company rates only after a conversation in which both sides wrote: when the rated company has not
    written back in their thread yet, one of its people thanks the rater first.
    """
    with app.app_context(), tenant_scope(_tenant(tenant_slug)):
        scores = dict.fromkeys(SCORES, score)
        rater_company, rated_company = _company(rater), _company(rated)
        if contact_basis(rater_company, rated_company) is None:
            _write_back(rater_company, rated_company)
        rating = rate(rater_company, rated_company, _person(author_email), scores, comment)
        db.session.commit()
        return rating.id


def _write_back(rater: Company, rated: Company) -> None:
    thread = db.session.scalars(
        select(Thread).where(Thread.initiator_company_id == rater.id, Thread.recipient_company_id == rated.id)
    ).first()
    people = people_of(rated.id)  # none when the company's people are in another cluster
    send_message(thread, rated, people[0] if people else None, f"Paldies, sarunāsimies. {rated.name}")


def make_management(app, tenant_slug: str, canary: str, company: str, member_email: str, manager_email: str):
    """One of each cluster-management record, every text carrying the canary; returns their ids by name.

    The company (represented by `member_email`) has a visit, a use of a service with feedback, a story
    waiting for its approval, and attended an event; the cluster has a news item, an application, a
    road-map step and an interest group the member is in.
    """
    today = local_today()
    with app.app_context(), tenant_scope(_tenant(tenant_slug)):
        firm, manager, member = _company(company), _person(manager_email), _person(member_email)
        service = Service(name=f"{canary} pakalpojums", kind="training", description=f"{canary} apraksts")
        use = ServiceUse(service=service, company=firm, used_on=today, recorded_by_id=manager.id)
        event = Event(title=f"{canary} sapulce", starts_at=utcnow() + timedelta(days=7), presentations=True)
        rows = {
            "visit": Visit(company=firm, visited_on=today, visitors=f"{canary} vadītāja", problem_1=canary),
            "service": service,
            "use": use,
            "feedback": ServiceFeedback(use=use, score=5, worked=f"{canary} labi", author_id=member.id),
            "story": SuccessStory(company=firm, title=f"{canary} stāsts", author_id=manager.id),
            "news": NewsItem(title=f"{canary} ziņa", body=f"{canary} teksts", author_id=manager.id),
            "application": Application(
                company_name=f"SIA {canary} Pieteicējs",
                contact_name=f"{canary} Persona",
                email="a@example.lv",
            ),
            "event": event,
            "attendance": EventAttendance(event=event, company=firm),
            "step": RoadmapStep(title=f"{canary} solis", position=1),
            "group": Group(name=f"{canary} grupa", description=f"{canary} grupas apraksts"),
        }
        rows["group_member"] = GroupMember(group=rows["group"], user=member)
        db.session.add_all(rows.values())
        db.session.commit()
        return {name: row.id for name, row in rows.items()}


def riga(*parts: int) -> datetime:
    """A wall-clock time in Rīga as the UTC moment the app stores."""
    return datetime(*parts, tzinfo=zone()).astimezone(UTC)


def make_conference(
    app,
    organiser_email: str,
    quotas: dict[str, int],
    title: str = "Starpklasteru konference",
    starts_at: datetime | None = None,
    **fields,
) -> int:
    """A committed inter-cluster conference inviting the clusters in `quotas` (slug: quota); returns its id.

    Unless told otherwise it starts in 14 days at 9:00 Rīga time, takes registrations for 7 more days and
    has one meeting window of four 30-minute slots (10:00-12:00) at 3 tables.
    """
    starts_at = starts_at or riga(*(local_today() + timedelta(days=14)).timetuple()[:3], 9, 0)
    fields = {
        "registration_closes_at": starts_at - timedelta(days=7),
        "ends_at": starts_at + timedelta(hours=8),
        "slot_minutes": 30,
        "tables": 3,
        "venue": "Rīga, Kalnciema iela 1",
        **fields,
    }
    with app.app_context(), cross_tenant():
        event = Event(
            kind="conference", title=title, starts_at=starts_at, organiser=_person(organiser_email), **fields
        )
        window = MeetingWindow(
            event=event, starts_at=starts_at + timedelta(hours=1), ends_at=starts_at + timedelta(hours=3)
        )
        invitations = [
            EventCluster(event=event, tenant=_tenant(slug), quota=quota) for slug, quota in quotas.items()
        ]
        db.session.add_all([event, window, *invitations])
        db.session.commit()
        return event.id


def make_participant(
    app,
    conference_id: int,
    tenant_slug: str,
    company: str,
    person_email: str | None = None,
    status: str = "registered",
    **fields,
) -> int:
    """A committed participant of a conference for one cluster; registered ones have consented now."""
    with app.app_context(), tenant_scope(_tenant(tenant_slug)):
        person = _person(person_email) if person_email else None
        participant = Participant(
            event_id=conference_id,
            company=_company(company),
            status=status,
            user=person,
            requested_by_id=person.id if person else None,
            consented_at=utcnow() if status == "registered" else None,
            **fields,
        )
        db.session.add(participant)
        db.session.commit()
        return participant.id


def make_meeting(app, requester_id: int, invitee_id: int, slot: int = 0, **fields) -> int:
    """A committed meeting request between two participants in the conference's `slot`-th slot."""
    with app.app_context(), cross_tenant():
        requester = db.session.get(Participant, requester_id)
        meeting = Meeting(
            event_id=requester.event_id,
            requester=requester,
            invitee_id=invitee_id,
            proposed_by=requester,
            starts_at=slots(requester.event)[slot],
            **fields,
        )
        db.session.add(meeting)
        db.session.commit()
        return meeting.id


class Records:
    """A cluster to fill with hand-made rows inside its open scope; every method flushes, nothing commits.

    The dashboard, indicator and event tests add what they count on top of these."""

    def __init__(self, tenant: Tenant):
        self.tenant = tenant

    def add(self, *rows):
        db.session.add_all(rows)
        db.session.flush()
        return rows[0]

    def member(
        self,
        name: str,
        since: date = date(2020, 1, 1),
        left_on: date | None = None,
        reason: str | None = None,
        sectors=(),
        competences=(),
        roles=(),
        **profile,
    ) -> Company:
        """A member company (maybe a former one) with its sectors, competences and value-chain roles."""
        # Tags as the profile form saves them: each linked to the concept it names.
        tags = named_rows([], sectors, lambda: CompanyTag(kind="sector"))
        tags += named_rows([], competences, lambda: CompanyTag(kind="competence"))
        company = Company(name=name, tags=tags, roles=[CompanyRole(role=role) for role in roles], **profile)
        reason = reason or ("left" if left_on else None)
        membership = CompanyMembership(
            company=company, member_since=since, left_on=left_on, left_reason=reason
        )
        self.add(company, membership)
        return company


@contextmanager
def records(app, kind=Records, slug: str = "alfa", **cluster):
    """`kind` of records for a new cluster, its scope open, in an English request; rolled back after."""
    make_tenant(app, slug, **cluster)
    with app.test_request_context(headers={"Accept-Language": "en"}):
        with tenant_scope(_tenant(slug)):
            yield kind(_tenant(slug))
        db.session.rollback()


def make_token(
    app, email: str, tenant_slug: str, access: str = "read", days: int = 30, integration: bool = False
) -> str:
    """A committed API token of a person for one cluster; returns its secret."""
    with app.app_context():
        tenant = _tenant(tenant_slug)
        _token, secret = create_token(_person(email), tenant, f"{access} token", access, days, integration)
        db.session.commit()
        return secret
