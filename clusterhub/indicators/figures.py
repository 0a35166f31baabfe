"""The programme indicators: what a cluster's members did in a period, counted from recorded activity.

Each figure is one SQL aggregate over the current cluster (the scoping adds the cluster's criteria), so the
report stays quick on a cluster of thousands of companies. Flows (posts, contacts, uses…) count what
happened from `start` up to, not including, `end`, so the four quarters add up to the year. Stocks
(members) are counted at the end of the period's last day.
"""

from collections import Counter
from dataclasses import dataclass, field
from datetime import date, timedelta

from flask_babel import gettext as _
from sqlalchemy import and_, distinct, func, or_, select

from clusterhub.catalogue.models import KINDS as SERVICE_KINDS
from clusterhub.catalogue.models import Service, ServiceFeedback, ServiceUse
from clusterhub.clock import instant
from clusterhub.companies.models import LEAVING, REGIONS, SIZES, Company, CompanyMembership
from clusterhub.conferences.models import Meeting, Participant
from clusterhub.events.models import CLUSTER_KINDS as EVENT_KINDS
from clusterhub.events.models import Event, EventAttendance
from clusterhub.extensions import db
from clusterhub.i18n import lazy_gettext as _l
from clusterhub.labels import label
from clusterhub.members.segments import SEGMENTS, members_per_segment
from clusterhub.posts.models import KINDS as POST_KINDS
from clusterhub.posts.models import Collaboration, Message, Post, Thread
from clusterhub.ratings.models import Rating
from tenants.context import cross_tenant, current_tenant

NOT_GIVEN = _l("Not given")


@dataclass(frozen=True)
class Part:
    """One line of a figure's breakdown (a size, a region, a kind of post…)."""

    key: str
    label: str
    value: int


@dataclass(frozen=True)
class Figure:
    """One indicator: its value for the period and, where it helps, how the value divides."""

    key: str
    label: str
    definition: str
    value: int | float | None  # None: not recorded (yet), or nothing to average
    breakdown: list[Part] = field(default_factory=list)


def _within(column, start: date, end: date):
    # Timestamps are stored in UTC; the period's days are Rīga's days.
    return and_(column >= instant(start), column < instant(end))


def _on_days(column, start: date, end: date):
    return and_(column >= start, column < end)


def _count(statement) -> int:
    return db.session.scalar(statement) or 0


def _counts(statement) -> dict:
    """{key: count} from a statement that selects (key, count) rows."""
    return dict(db.session.execute(statement).all())


def _parts(counts: dict, keys, vocabulary: str) -> list[Part]:
    """Every key of the vocabulary in its own order (zeros included), then what was not given, if any."""
    parts = [Part(key, label(vocabulary, key), counts.get(key, 0)) for key in keys]
    if counts.get(None):
        parts.append(Part("", str(NOT_GIVEN), counts[None]))
    return parts


def _split(key: str, title: str, definition: str, parts: list[Part]) -> Figure:
    """A figure whose value is the sum of its breakdown."""
    return Figure(key, title, definition, sum(part.value for part in parts), parts)


def _members_by_size_and_region(day: date) -> tuple[Counter, Counter]:
    # One read of the members for both breakdowns: each read is most of the page's SQL in a big cluster.
    rows = db.session.execute(
        select(Company.size, Company.region, func.count())
        .select_from(CompanyMembership)
        .join(Company, Company.id == CompanyMembership.company_id)
        .where(CompanyMembership.member_on(day))
        .group_by(Company.size, Company.region)
    )
    by_size, by_region = Counter(), Counter()
    for size, region, count in rows:
        by_size[size] += count
        by_region[region] += count
    return by_size, by_region


def _members_defined() -> str:
    return _(
        "Member companies at the end of the period's last day (today, for a period that is not over): "
        "admitted by then and not left. A company that leaves on the last day is no longer counted."
    )


def member_figures(day: date) -> list[Figure]:
    """Members at the end of `day`, by size, by region and by segment."""
    sizes, regions = _members_by_size_and_region(day)
    by_size = _parts(sizes, SIZES, "size")
    by_region = _parts(regions, REGIONS, "region")
    by_segment = members_per_segment(day)
    return [
        _split("members_by_size", _("Members by size"), _members_defined(), by_size),
        _split("members_by_region", _("Members by region"), _members_defined(), by_region),
        _split(
            "members_by_segment",
            _("Members by segment"),
            _(
                "The same members by segment on that day: new (a member for less than %(months)d months), "
                "active (used the cluster's services, events included, at least %(actions)d times in the 12 "
                "months before) or to be re-activated (rarely or never).",
                months=current_tenant.segment_new_months,
                actions=current_tenant.segment_active_actions,
            ),
            _parts(by_segment, SEGMENTS, "segment"),
        ),
    ]


def membership_flows(start: date, end: date) -> list[Figure]:
    """Companies admitted and companies that left in the period."""
    joined = _count(
        select(func.count(CompanyMembership.id)).where(_on_days(CompanyMembership.member_since, start, end))
    )
    leaving = _counts(
        select(CompanyMembership.left_reason, func.count())
        .where(_on_days(CompanyMembership.left_on, start, end))
        .group_by(CompanyMembership.left_reason)
    )
    return [
        Figure(
            "new_members",
            _("New members"),
            _("Companies whose membership began in the period (their “member since” date)."),
            joined,
        ),
        _split(
            "leaving_members",
            _("Leaving members"),
            _(
                "Companies whose membership ended in the period: they left on their own, or a manager "
                "moved an inactive member to former members."
            ),
            _parts(leaving, LEAVING, "leaving"),
        ),
    ]


def _posts_by_kind(statement) -> list[Part]:
    return _parts(_counts(statement.group_by(Post.kind)), POST_KINDS, "kind")


def _first_answers():
    """Each answered post with the moment its first answer (a conversation about it) was opened."""
    return (
        select(Thread.post_id, func.min(Thread.created_at).label("answered_at"))
        .where(Thread.post_id.is_not(None))
        .group_by(Thread.post_id)
        .subquery()
    )


def post_figures(start: date, end: date) -> list[Figure]:
    """Needs, offers and partnership interests posted, answered for the first time and fulfilled."""
    first = _first_answers()
    posted = select(Post.kind, func.count()).where(_within(Post.created_at, start, end))
    answered = (
        select(Post.kind, func.count())
        .join(first, first.c.post_id == Post.id)
        .where(_within(first.c.answered_at, start, end))
    )
    fulfilled = select(Post.kind, func.count()).where(
        Post.status == "fulfilled", _within(Post.updated_at, start, end)
    )
    return [
        _split(
            "posts",
            _("Needs and offers posted"),
            _("Needs, offers and partnership interests put on the board in the period."),
            _posts_by_kind(posted),
        ),
        _split(
            "posts_answered",
            _("Needs and offers answered"),
            _(
                "Posts that got their first answer (another member opened a conversation about them) in "
                "the period, whenever they were posted."
            ),
            _posts_by_kind(answered),
        ),
        _split(
            "posts_fulfilled",
            _("Needs and offers fulfilled"),
            _(
                "Posts marked fulfilled whose last change falls in the period. The platform keeps no "
                "separate date of fulfilment, so a fulfilled post that is edited later moves to the "
                "period of that edit."
            ),
            _posts_by_kind(fulfilled),
        ),
    ]


def _introductions(start: date, end: date) -> Figure:
    introduced = (Thread.introduction.is_not(None), _within(Thread.created_at, start, end))
    answered = select(func.count(distinct(Thread.id))).join(Message).where(*introduced)
    together = select(func.count(Collaboration.id)).join(Thread).where(*introduced)
    return Figure(
        "introductions",
        _("Introductions by the cluster"),
        _(
            "Conversations a cluster manager opened between a need's author and a candidate in the period; "
            "how many of them the companies continued, and how many led to working together."
        ),
        _count(select(func.count(Thread.id)).where(*introduced)),
        [
            Part("conversations", _("continued as a conversation"), _count(answered)),
            Part("collaborations", _("led to working together"), _count(together)),
        ],
    )


def contact_figures(start: date, end: date) -> list[Figure]:
    """Conversations opened, collaborations recorded and ratings given in the period."""
    contacts = select(func.count(Thread.id)).where(_within(Thread.created_at, start, end))
    collaborations = select(func.count(Collaboration.id)).where(_within(Collaboration.created_at, start, end))
    ratings = select(func.count(Rating.id)).where(_within(Rating.created_at, start, end))
    return [
        _introductions(start, end),
        Figure(
            "contacts",
            _("Contacts started"),
            _(
                "Conversations between two member companies opened in the period, by answering a post or "
                "from a company's profile."
            ),
            _count(contacts),
        ),
        Figure(
            "collaborations",
            _("Collaborations started"),
            _(
                "Conversations that one of the two companies marked “we started working together” in the "
                "period."
            ),
            _count(collaborations),
        ),
        Figure(
            "ratings",
            _("Ratings given"),
            _("Ratings of a partner company written in the period, including any that a manager hid later."),
            _count(ratings),
        ),
    ]


def service_figures(start: date, end: date) -> list[Figure]:
    """Uses of the cluster's services, the companies that used them and the members' feedback on them."""
    in_period = _on_days(ServiceUse.used_on, start, end)
    uses = select(Service.kind, func.count()).join(ServiceUse.service).where(in_period).group_by(Service.kind)
    companies = select(func.count(distinct(ServiceUse.company_id))).where(in_period)
    average = db.session.scalar(
        select(func.avg(ServiceFeedback.score)).join(ServiceFeedback.use).where(in_period)
    )
    return [
        _split(
            "service_uses",
            _("Services used"),
            _("Uses of the cluster's services on a day in the period, recorded by a manager or a member."),
            _parts(_counts(uses), SERVICE_KINDS, "service_kind"),
        ),
        Figure(
            "service_companies",
            _("Companies that used services"),
            _(
                "Different companies with at least one use in the period. A company that used services in "
                "several quarters counts once in the year."
            ),
            _count(companies),
        ),
        Figure(
            "feedback_score",
            _("Average feedback score"),
            _(
                "The average score (1–5) that members gave to the uses of the period, over the uses with "
                "feedback; empty when none has any."
            ),
            None if average is None else round(float(average), 2),
        ),
    ]


def event_figures(start: date, end: date) -> list[Figure]:
    """The cluster's own events held in the period and the companies' attendances at them."""
    held = _within(Event.starts_at, start, end)
    events = select(Event.kind, func.count()).where(held).group_by(Event.kind)
    attendances = select(func.count(EventAttendance.id)).join(EventAttendance.event).where(held)
    return [
        _split(
            "events",
            _("Cluster events held"),
            _(
                "The cluster's own events (member meetings, breakfasts, general meetings…) that began in the "
                "period."
            ),
            _parts(_counts(events), EVENT_KINDS, "event_kind"),
        ),
        Figure(
            "attendances",
            _("Event attendances"),
            _(
                "Companies on the attendance lists of those events, one per company and event: who the "
                "manager recorded as present, or, where nobody recorded it, who said they would come."
            ),
            _count(attendances),
        ),
    ]


def _conferences_begun(start: date, end: date) -> list[int]:
    """The ids of the inter-cluster conferences that began in the period."""
    # A conference belongs to the platform, not to a cluster, so the cluster's scope would hide it; only
    # its id and start are read here, and every count below is of the cluster's own participants.
    with cross_tenant():
        return list(
            db.session.scalars(
                select(Event.id).where(Event.kind == "conference", _within(Event.starts_at, start, end))
            )
        )


def _our_side_followed_up(ours):
    """Our company's answer on a meeting: the requester's if our participant asked, else the invitee's."""
    return or_(
        and_(Meeting.requester_id.in_(ours), Meeting.requester_followed_up.is_(True)),
        and_(Meeting.invitee_id.in_(ours), Meeting.invitee_followed_up.is_(True)),
    )


def conference_figures(start: date, end: date) -> list[Figure]:
    """The cluster's companies at inter-cluster conferences that began in the period: participations,
    meetings with other clusters' companies, the follow-ups they led to and the rating they gave."""
    conferences = _conferences_begun(start, end)
    registered = and_(Participant.event_id.in_(conferences), Participant.status == "registered")
    # Participant rows are the cluster's own and a meeting is visible where one of its sides is (the scope
    # adds both); our side is found through them. A meeting between two of our companies is not cross-cluster.
    ours = select(Participant.id).where(registered)
    cross_cluster = and_(
        Meeting.event_id.in_(conferences),
        Meeting.status == "accepted",
        or_(
            and_(Meeting.requester_id.in_(ours), Meeting.invitee_id.not_in(ours)),
            and_(Meeting.invitee_id.in_(ours), Meeting.requester_id.not_in(ours)),
        ),
    )
    average = db.session.scalar(select(func.avg(Participant.rating)).where(registered))
    return [
        Figure(
            "conference_participations",
            _("Inter-cluster conference participations"),
            _(
                "The cluster's member companies registered for inter-cluster conferences that began in the "
                "period, one per company and conference."
            ),
            _count(select(func.count(Participant.id)).where(registered)),
        ),
        Figure(
            "cross_cluster_meetings",
            _("Meetings with other clusters' companies"),
            _(
                "Accepted 1:1 meetings at those conferences between a company the cluster nominated and a "
                "company another cluster nominated. Meetings between two of the cluster's own companies "
                "are left out."
            ),
            _count(select(func.count(Meeting.id)).where(cross_cluster)),
        ),
        Figure(
            "cross_cluster_follow_ups",
            _("Cross-cluster meetings with a follow-up"),
            _("Those meetings that, as the cluster's company said after the conference, led to a follow-up."),
            _count(select(func.count(Meeting.id)).where(cross_cluster, _our_side_followed_up(ours))),
        ),
        Figure(
            "conference_rating",
            _("Average conference rating"),
            _(
                "The average rating (1–5) the cluster's registered companies gave those conferences "
                "afterwards, over the companies that rated; empty when none did."
            ),
            None if average is None else round(float(average), 2),
        ),
    ]


def indicators(start: date, end: date) -> list[Figure]:
    """Every indicator of the current cluster for the days from `start` up to, not including, `end`."""
    return [
        *member_figures(end - timedelta(days=1)),
        *membership_flows(start, end),
        *post_figures(start, end),
        *contact_figures(start, end),
        *service_figures(start, end),
        *event_figures(start, end),
        *conference_figures(start, end),
    ]


def reporting_years(today: date) -> range:
    """The years a report can be asked for: from the year the earliest member joined up to this year."""
    first = db.session.scalar(select(func.min(CompanyMembership.member_since)))
    return range(min(first.year, today.year) if first else today.year, today.year + 1)
