"""The organiser's report of a conference: who takes part per cluster, how meeting requests fared, the
meeting grid, who met whom (by sector and by cluster) and, after the event, the participants' feedback.

These run across clusters (the /events/ pages), so every query names the conference.
"""

from collections import Counter
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import selectinload

from clusterhub.companies.models import Company
from clusterhub.conferences.models import MEETING_STATUSES, Meeting, Participant
from clusterhub.conferences.organiser.services import invitations, participation_counts
from clusterhub.conferences.slots import slots
from clusterhub.events.models import Event
from clusterhub.extensions import db
from tenants.context import across_clusters
from tenants.models import Tenant


@dataclass(frozen=True)
class ClusterLine:
    """One invited cluster: its quota and how many of its companies are at each participation status."""

    cluster: str
    quota: int
    counts: Counter

    def count(self, status: str) -> int:
        return self.counts[status]


def cluster_lines(event: Event) -> list[ClusterLine]:
    """Every invited cluster by name, with its quota and its companies per status (zeros included)."""
    counts = participation_counts(event)
    return [
        ClusterLine(invitation.tenant.name, invitation.quota, counts.get(invitation.tenant_id, Counter()))
        for invitation in invitations(event)
    ]


@dataclass(frozen=True)
class Share:
    """A count and its part of the whole (None when the whole is nothing)."""

    key: str
    count: int
    share: float | None


def request_shares(all_meetings: list[Meeting]) -> list[Share]:
    """How many of the meeting requests are at each status now, and their share of all requests."""
    counts = Counter(meeting.status for meeting in all_meetings)
    total = len(all_meetings)
    return [
        Share(status, counts[status], counts[status] / total if total else None)
        for status in MEETING_STATUSES
    ]


def _with_sides(statement):
    side = (Meeting.requester, Meeting.invitee)
    return statement.options(
        *(selectinload(one).selectinload(Participant.company).selectinload(Company.tags) for one in side),
        *(selectinload(one).selectinload(Participant.tenant) for one in side),
        *(selectinload(one).selectinload(Participant.user) for one in side),
    )


def meetings(event: Event) -> list[Meeting]:
    """Every meeting request of the conference, whatever became of it, by slot and table."""
    statement = (
        select(Meeting)
        .where(Meeting.event_id == event.id)
        .order_by(Meeting.starts_at, Meeting.table_no.is_(None), Meeting.table_no, Meeting.id)
    )
    return list(db.session.scalars(_with_sides(statement)))


def accepted(all_meetings: list[Meeting]) -> list[Meeting]:
    """The meetings that take place."""
    return [meeting for meeting in all_meetings if meeting.status == "accepted"]


@across_clusters
def participants(event: Event) -> list[Participant]:
    """Every company on a cluster's list for the conference, by cluster and company name."""
    statement = (
        select(Participant)
        .join(Participant.company)
        .join(Participant.tenant)
        .where(Participant.event_id == event.id)
        .order_by(Tenant.name_sort, Company.name_sort, Participant.id)
        .options(
            selectinload(Participant.company).selectinload(Company.tags),
            selectinload(Participant.tenant),
            selectinload(Participant.user),
        )
    )
    return list(db.session.scalars(statement))


@dataclass(frozen=True)
class Grid:
    """The accepted meetings by slot (rows) and table (columns)."""

    slots: list[datetime]
    tables: list[int]
    cells: dict[tuple[datetime, int], Meeting]

    def cell(self, slot: datetime, table: int) -> Meeting | None:
        return self.cells.get((slot, table))

    def seated(self, slot: datetime) -> list[Meeting]:
        """The slot's meetings by table."""
        return [self.cells[(slot, table)] for table in self.tables if (slot, table) in self.cells]


def grid(event: Event, taking_place: list[Meeting]) -> Grid:
    """Every slot and table of the conference with the accepted meeting in it, if any."""
    # The organiser's changes keep accepted meetings inside the slots and tables, but a meeting that
    # somehow sits outside them is still shown rather than silently left out.
    starts = sorted({*slots(event), *(meeting.starts_at for meeting in taking_place)})
    tables = max([event.tables or 0, *(meeting.table_no for meeting in taking_place)])
    cells = {(meeting.starts_at, meeting.table_no): meeting for meeting in taking_place}
    return Grid(starts, list(range(1, tables + 1)), cells)


@dataclass(frozen=True)
class Matrix:
    """Meetings between groups (sectors or clusters), by the groups' keys. The table is symmetric and a
    meeting counts once in a cell, so the diagonal holds the meetings within one group."""

    rows: list  # the groups' keys in the order shown
    names: dict  # key: the group's name as shown
    counts: Counter

    def name(self, key) -> str:
        return self.names[key]

    def count(self, row, column) -> int:
        return self.counts[(row, column)]

    def total(self, row) -> int:
        """The group's meetings, each once, however many cells of its row the meeting counts in."""
        return self.counts[(row, None)]


def _matrix(taking_place: list[Meeting], groups, order) -> Matrix:
    """`groups(participant)` gives the groups a side belongs to as {key: name}; `order(key, name)` sorts."""
    counts: Counter = Counter()
    names: dict = {}
    for meeting in taking_place:
        one, other = groups(meeting.requester), groups(meeting.invitee)
        for key, name in (*one.items(), *other.items()):
            names.setdefault(key, name)  # the first spelling of a sector stands for all of them
        pairs = {(a, b) for a in one for b in other}
        for a, b in pairs | {(b, a) for a, b in pairs}:
            counts[(a, b)] += 1
        for key in one.keys() | other.keys():
            counts[(key, None)] += 1
    return Matrix(sorted(names, key=lambda key: order(key, names[key])), names, counts)


NO_SECTOR = ""


def _sectors(participant: Participant) -> dict[str, str]:
    sectors = {tag.key: tag.name for tag in participant.company.tags if tag.kind == "sector"}
    return sectors or {NO_SECTOR: NO_SECTOR}


def sector_matrix(taking_place: list[Meeting]) -> Matrix:
    """Accepted meetings between the companies' sectors; a company of several sectors counts in each,
    and one with none in the blank sector (key and name "")."""
    # A sector's key sorts in Latvian order; the blank sector comes last.
    return _matrix(taking_place, _sectors, lambda key, name: (key == NO_SECTOR, key))


def cluster_matrix(taking_place: list[Meeting]) -> Matrix:
    """Accepted meetings between the clusters that nominated the two companies, in name order."""
    return _matrix(
        taking_place,
        lambda side: {(side.tenant.name_sort, side.tenant_id): side.tenant.name},
        lambda key, name: key,
    )


def has_ended(event: Event, now: datetime) -> bool:
    """Whether the conference is over (its end, or its start when it has no end), so feedback opens."""
    return now >= (event.ends_at or event.starts_at)


def followed_up(meeting: Meeting) -> bool | None:
    """True if either company says the meeting led to a follow-up, False if the ones who answered say
    not, None if neither answered."""
    answers = [meeting.requester_followed_up, meeting.invitee_followed_up]
    if True in answers:
        return True
    return False if False in answers else None


@dataclass(frozen=True)
class Outcome:
    """What participants said after the event."""

    ratings: int
    average: float | None
    comments: list[Participant]
    meetings: int
    answered: int
    followed: int

    @property
    def share(self) -> float | None:
        """The share of answered meetings that led to a follow-up."""
        return self.followed / self.answered if self.answered else None


def outcome(everyone: list[Participant], taking_place: list[Meeting]) -> Outcome:
    """Ratings, comments and follow-ups of the participants and meetings of a conference."""
    rated = [participant for participant in everyone if participant.rating is not None]
    answers = [followed_up(meeting) for meeting in taking_place]
    return Outcome(
        ratings=len(rated),
        average=sum(p.rating for p in rated) / len(rated) if rated else None,
        comments=[participant for participant in rated if participant.rating_comment],
        meetings=len(taking_place),
        answered=sum(answer is not None for answer in answers),
        followed=answers.count(True),
    )
