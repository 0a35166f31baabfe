"""Everything the platform holds about a person or a company, as sections of rows for a page or JSON.

Each part names a query and the columns to show; one generic page and one generic JSON writer show
them all, so a new kind of data is one more entry here.
"""

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime
from operator import attrgetter

from flask_babel import gettext as _
from sqlalchemy import Select, or_, select

from clusterhub.accounts.models import SignIn, User
from clusterhub.admission.models import Application
from clusterhub.catalogue.models import ServiceFeedback, ServiceUse
from clusterhub.companies.models import Company, CompanyChange, CompanyMembership, ContactPerson
from clusterhub.conferences.models import Participant
from clusterhub.dates import date_and_time, short_date
from clusterhub.events.models import Event, EventAttendance
from clusterhub.extensions import db
from clusterhub.i18n import lazy_gettext as _l
from clusterhub.invitations.models import Invitation
from clusterhub.labels import label
from clusterhub.members.models import Visit
from clusterhub.network.models import NetworkMessage
from clusterhub.news.models import DigestDelivery, NewsItem
from clusterhub.notifications.models import Notification
from clusterhub.notifications.services import text_of
from clusterhub.posts.models import Message, Post
from clusterhub.ratings.models import Rating, RatingFlag
from clusterhub.security.models import AuditEvent
from clusterhub.stories.models import SuccessStory
from tenants.context import cross_tenant, tenant_scope
from tenants.models import Membership, Tenant

Getter = Callable[[object], object]


@dataclass(frozen=True)
class Part:
    """One kind of data: its JSON key, its heading, the rows (a query on the subject) and their columns."""

    key: str
    title: object
    rows: Callable[[object], Select]
    columns: tuple[tuple[str, object, Getter], ...]


@dataclass
class Section:
    """One part filled in: column keys with their headings, and the rows as {column key: value}."""

    key: str
    title: object
    columns: list[tuple[str, object]]
    rows: list[dict]


def _of(*columns, by: str = "id", order=None) -> Callable[[object], Select]:
    """The rows where any of `columns` holds the subject's `by`, in `order` or else oldest first."""
    model = columns[0].class_
    return lambda subject: (
        select(model)
        .where(or_(*(column == getattr(subject, by) for column in columns)))
        .order_by(model.id if order is None else order)
    )


@dataclass(frozen=True)
class Coded:
    """Codes of a fixed vocabulary (clusterhub.labels): words on the page, the codes themselves in JSON."""

    vocabulary: str
    codes: tuple

    def words(self) -> str:
        return ", ".join(label(self.vocabulary, code) for code in self.codes)


def _coded(key: str, title, vocabulary: str, path: str | None = None) -> tuple[str, object, Getter]:
    """A column of codes (one, or a list) read off the row, shown in the reader's words."""
    get = attrgetter(path or key)

    def coded(row) -> Coded:
        value = get(row)
        return Coded(vocabulary, tuple(value) if isinstance(value, list | set) else (value,))

    return (key, title, coded)


def _field(key: str, title, path: str | None = None) -> tuple[str, object, Getter]:
    """A column read straight off the row: the attribute `key`, or `path` (dotted through a relation)."""
    return (key, title, attrgetter(path or key))


def _cluster(row) -> str:
    # Tenants are few and the identity map keeps them, so this is one query per cluster at most.
    return db.session.get(Tenant, row.tenant_id).name


def _conference_title(participant: Participant) -> str:
    # A conference belongs to no cluster: read inside a cluster's scope, the relationship would not find it.
    with cross_tenant():
        return db.session.get(Event, participant.event_id).title


def _shown_fields(participant: Participant) -> Coded:
    fields = ("description", "website", "region", "size", "roles", "contact")
    # "contact" is the profile's contact people.
    return Coded("profile_field", tuple(SHOWN_AS.get(f, f) for f in fields if participant.shows(f)))


SHOWN_AS = {"contact": "contacts"}

# Columns that a person's parts and a company's parts share, written once so the two downloads agree.
CLUSTER = ("cluster", _l("Cluster"), _cluster)
CREATED = _field("created_at", _l("Created"))
NAME = _field("name", _l("Name"))
COMPANY_NAME = _field("name", _l("Company name"))
EMAIL = _field("email", _l("E-mail"))
PHONE = _field("phone", _l("Phone"))
ROLE = _coded("role", _l("Role"), "membership_role")
COMPANY = _field("company", _l("Company"), "company.name")
TITLE = _field("title", _l("Title"))
BODY = _field("body", _l("Text"))
FIELDS_CHANGED = (
    "fields",
    _l("Fields changed"),
    lambda change: Coded("profile_field", tuple(sorted(change.changes))),
)
CONFERENCE = ("event", _l("Conference"), _conference_title)
THREAD = _field("thread", _l("Conversation"), "thread.subject")
REPLY = _field("reply", _l("Reply"))
POST = (_coded("kind", _l("Kind"), "kind"), TITLE, BODY, _coded("status", _l("Status"), "status"), CREATED)
RATING = (
    CLUSTER,
    _field("rater", _l("Rating company"), "rater.name"),
    _field("rated", _l("Rated company"), "rated.name"),
    (
        "scores",
        _l("Quality, reliability, communication"),
        lambda r: [r.quality, r.reliability, r.communication],
    ),
)
PARTICIPATION = (
    _coded("status", _l("Status"), "participation"),
    _field("consented_at", _l("Consent given")),
    ("shown", _l("Shown to other participants"), _shown_fields),
    _field("seeks", _l("Seeks")),
    _field("offers", _l("Offers")),
)

PROFILE = Part(
    "profile",
    _l("Your account"),
    _of(User.id),
    (
        NAME,
        EMAIL,
        _coded("language", _l("Language"), "language"),
        _field("created_at", _l("Account created")),
        _field("is_admin", _l("Platform administrator")),
        _field("is_organiser", _l("Conference organiser")),
        _field("match_emails", _l("Match suggestions by e-mail")),
    ),
)

PERSON_PARTS = (
    PROFILE,
    Part(
        "memberships",
        _l("Clusters and the companies you represent"),
        _of(Membership.user_id),
        (
            CLUSTER,
            ROLE,
            ("company", _l("Company you represent"), lambda m: m.company.name if m.company else None),
            _field("digest", _l("Monthly news digest")),
            _field("created_at", _l("Member since")),
        ),
    ),
    Part("posts", _l("Posts you wrote"), _of(Post.author_id), (CLUSTER, COMPANY, *POST)),
    Part(
        "messages",
        _l("Messages you wrote"),
        _of(Message.author_id),
        (CLUSTER, THREAD, _field("company", _l("Sent for"), "company.name"), BODY, CREATED),
    ),
    Part(
        "network_messages",
        _l("Messages you wrote to companies of other clusters"),
        _of(NetworkMessage.author_id),
        (BODY, CREATED),
    ),
    Part(
        "ratings",
        _l("Ratings you wrote or replied to"),
        _of(Rating.author_id, Rating.replied_by_id),
        (*RATING, ("comment", _l("Comment"), lambda r: r.comment if r.author_id else None), REPLY, CREATED),
    ),
    Part(
        "rating_reports",
        _l("Ratings you reported"),
        _of(RatingFlag.user_id),
        (CLUSTER, _field("reason", _l("Reason")), CREATED),
    ),
    Part(
        "notifications",
        _l("Notifications"),
        _of(Notification.user_id),
        (CLUSTER, ("text", _l("Text"), text_of), CREATED, _field("read_at", _l("Read"))),
    ),
    Part("sign_ins", _l("Sign-ins"), _of(SignIn.user_id), (_field("at", _l("Time")),)),
    Part(
        "security_log",
        _l("Security log entries about your actions"),
        _of(AuditEvent.actor_id),
        (_coded("kind", _l("Event"), "audit_kind"), _field("at", _l("Time")), _field("ip", _l("Address"))),
    ),
    Part(
        "conferences",
        _l("Conference participations"),
        _of(Participant.user_id, Participant.requested_by_id),
        (CONFERENCE, COMPANY, *PARTICIPATION, _field("interests", _l("Interests"))),
    ),
    Part(
        "conferences_organised",
        _l("Conferences you organise"),
        _of(Event.organiser_id, order=Event.starts_at),
        (TITLE, _field("starts_at", _l("Starts"))),
    ),
    Part(
        "applications",
        _l("Applications to join a cluster"),
        _of(Application.email, by="email"),
        (
            CLUSTER,
            _field("company_name", _l("Company")),
            _field("contact_name", _l("Contact person")),
            EMAIL,
            PHONE,
            _field("motivation", _l("Motivation")),
            _coded("status", _l("Status"), "application_status"),
            CREATED,
        ),
    ),
    Part(
        "invitations",
        _l("Invitations sent to you"),
        _of(Invitation.email, by="email"),
        (
            CLUSTER,
            ROLE,
            _field("company_name", _l("Company")),
            CREATED,
            _field("accepted_at", _l("Accepted")),
        ),
    ),
    Part("news", _l("News you wrote"), _of(NewsItem.author_id), (CLUSTER, TITLE, BODY, CREATED)),
    Part(
        "stories",
        _l("Success stories you wrote"),
        _of(SuccessStory.author_id),
        (CLUSTER, TITLE, BODY, CREATED),
    ),
    Part(
        "visits",
        _l("Company visits you recorded"),
        _of(Visit.author_id),
        (CLUSTER, COMPANY, _field("visited_on", _l("Date")), _field("visitors", _l("Visitors"))),
    ),
    Part(
        "service_feedback",
        _l("Feedback you gave on services"),
        _of(ServiceFeedback.author_id),
        (
            CLUSTER,
            _field("score", _l("Score")),
            _field("worked", _l("What worked")),
            _field("change", _l("What to change")),
            CREATED,
        ),
    ),
    Part(
        "profile_changes",
        _l("Company profile changes you made"),
        _of(CompanyChange.user_id),
        (COMPANY, FIELDS_CHANGED, CREATED),
    ),
    Part(
        "digests",
        _l("News digests sent to you"),
        _of(DigestDelivery.user_id),
        (CLUSTER, _field("month", _l("Month")), _coded("status", _l("Status"), "delivery_status")),
    ),
)

COMPANY_PROFILE = Part(
    "profile",
    _l("Company profile"),
    _of(Company.id),
    (
        COMPANY_NAME,
        _field("registration_number", _l("Registration number")),
        _field("description", _l("Description")),
        _field("website", _l("Website")),
        _coded("size", _l("Size"), "size"),
        _coded("region", _l("Region"), "region"),
        ("sectors", _l("Sectors"), lambda c: c.tag_names("sector")),
        ("competences", _l("Competences"), lambda c: c.tag_names("competence")),
        _coded("roles", _l("Roles in the value chain"), "role", "role_names"),
        _field("infrastructure", _l("Infrastructure")),
        _field("development_directions", _l("Development directions")),
        _field("partnership_interests", _l("Partnership interests")),
        _field("other_clusters", _l("Other clusters")),
        _field("created_at", _l("Profile created")),
        _field("updated_at", _l("Last changed")),
    ),
)

# The profile is one for every cluster; read once, across clusters.
COMPANY_PARTS = (
    COMPANY_PROFILE,
    Part(
        "contacts",
        _l("Contact people"),
        _of(ContactPerson.company_id),
        (NAME, _field("role", _l("Position")), EMAIL, PHONE),
    ),
    Part("profile_changes", _l("Profile changes"), _of(CompanyChange.company_id), (FIELDS_CHANGED, CREATED)),
    Part(
        "network_messages",
        _l("Messages sent to companies of other clusters"),
        _of(NetworkMessage.company_id),
        (BODY, CREATED),
    ),
)

# Read inside each cluster where the person represents the company, so nothing of another cluster shows.
CLUSTER_PARTS = (
    Part(
        "clusters",
        _l("Cluster memberships"),
        _of(CompanyMembership.company_id),
        (CLUSTER, _field("member_since", _l("Member since")), _field("left_on", _l("Left on"))),
    ),
    Part("posts", _l("Posts"), _of(Post.company_id), (CLUSTER, *POST)),
    Part("messages", _l("Messages sent"), _of(Message.company_id), (CLUSTER, THREAD, BODY, CREATED)),
    Part(
        "ratings",
        _l("Ratings given and received"),
        _of(Rating.rater_company_id, Rating.rated_company_id),
        (
            *RATING,
            _field("comment", _l("Comment")),
            REPLY,
            _field("hidden", _l("Hidden by the managers")),
            CREATED,
        ),
    ),
    Part(
        "events",
        _l("Cluster events attended"),
        _of(EventAttendance.company_id),
        (
            CLUSTER,
            _field("event", _l("Event"), "event.title"),
            _field("starts_at", _l("Starts"), "event.starts_at"),
        ),
    ),
    Part(
        "conferences",
        _l("Conference participations"),
        _of(Participant.company_id),
        (CLUSTER, CONFERENCE, *PARTICIPATION),
    ),
    Part(
        "services",
        _l("Services used"),
        _of(ServiceUse.company_id),
        (
            CLUSTER,
            _field("service", _l("Service"), "service.name"),
            _field("used_on", _l("Date")),
            ("score", _l("Score"), lambda u: u.feedback.score if u.feedback else None),
        ),
    ),
)


def _rows(part: Part, subject) -> list[dict]:
    return [
        {key: getter(row) for key, _title, getter in part.columns}
        for row in db.session.scalars(part.rows(subject))
    ]


def _section(part: Part, rows: list[dict]) -> Section:
    return Section(part.key, part.title, [(key, title) for key, title, _getter in part.columns], rows)


def person_data(user: User) -> list[Section]:
    """What the platform holds about a person, in every cluster: their own data is theirs to read."""
    with cross_tenant():
        return [_section(part, _rows(part, user)) for part in PERSON_PARTS]


def company_data(company: Company, clusters: list[Tenant]) -> list[Section]:
    """The company's profile, and its data in `clusters` (those where the reader represents it)."""
    with cross_tenant():
        sections = [_section(part, _rows(part, company)) for part in COMPANY_PARTS]
    for part in CLUSTER_PARTS:
        rows = []
        for tenant in clusters:
            with tenant_scope(tenant):
                rows += _rows(part, company)
        sections.append(_section(part, rows))
    return sections


def shown(value) -> str:
    """A value as the page shows it, in the reader's language."""
    if value is None or value == "" or value == []:
        return "—"
    if isinstance(value, bool):
        return _("Yes") if value else _("No")
    if isinstance(value, Coded):
        return value.words() or "—"
    if isinstance(value, datetime):
        return date_and_time(value)
    if isinstance(value, date):
        return short_date(value)
    if isinstance(value, list):
        return ", ".join(str(item) for item in value)
    return str(value)


def _json_value(value):
    if isinstance(value, Coded):
        return list(value.codes) if len(value.codes) != 1 else value.codes[0]
    if isinstance(value, datetime | date):
        return value.isoformat()
    return value


def as_json(sections: list[Section]) -> dict:
    """The sections as one JSON document: single-row parts (profiles) as objects, the others as lists."""
    document = {}
    for section in sections:
        rows = [{key: _json_value(value) for key, value in row.items()} for row in section.rows]
        document[section.key] = rows[0] if section.key == "profile" and rows else rows
    return document
