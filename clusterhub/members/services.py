"""Managing members: segment lists and settings, the annual visit log, and members leaving the cluster."""

from collections import Counter
from dataclasses import dataclass
from datetime import date

from sqlalchemy import Select, func, select
from sqlalchemy.orm import contains_eager

from clusterhub.companies.models import Company, CompanyMembership
from clusterhub.extensions import db
from clusterhub.members.models import Visit
from clusterhub.members.segments import Segment
from clusterhub.navigation import path_for
from clusterhub.notifications.services import managers, notify
from clusterhub.posts.models import Post
from clusterhub.posts.services import set_status
from tenants.models import Membership, Tenant

VISIT_FIELDS = (
    "visited_on",
    "visitors",
    "problem_1",
    "problem_2",
    "problem_3",
    "goals_2_years",
    "goals_5_years",
    "success_story",
    "next_step",
)


class MemberError(ValueError):
    """The rules refuse the action; `field` is the form field to blame, `reason` the rule."""

    def __init__(self, field: str, reason: str):
        super().__init__(f"{field}: {reason}")
        self.field = field
        self.reason = reason


@dataclass(frozen=True)
class MemberRow:
    """A member company as the segment list shows it."""

    company_id: int
    name: str
    name_sort: str
    member_since: date
    segment: Segment
    last_visit: date | None = None


# The orders of a segment list; the first is the default. Ties are broken by name.
SORTS = {
    "name": lambda row: (row.name_sort, row.company_id),
    "member_since": lambda row: (row.member_since, row.name_sort),
    "uses": lambda row: (-row.segment.uses, -row.segment.other, row.name_sort),
    # The longest silent first: they need the call most; never active at the very top.
    "last_activity": lambda row: (row.segment.last_activity or date.min, row.name_sort),
}


def _current_companies():
    return (
        select(CompanyMembership.company_id, Company.name, Company.name_sort, CompanyMembership.member_since)
        .join(CompanyMembership.company)
        .where(CompanyMembership.is_current)
    )


def last_visits() -> dict[int, date]:
    """The day of each company's latest visit."""
    statement = select(Visit.company_id, func.max(Visit.visited_on)).group_by(Visit.company_id)
    return dict(db.session.execute(statement).all())


def _rows(found: dict[int, Segment], keep) -> list[MemberRow]:
    visited = last_visits()
    rows = (
        MemberRow(company_id, name, name_sort, since, found[company_id], visited.get(company_id))
        for company_id, name, name_sort, since in db.session.execute(_current_companies())
        if company_id in found
    )
    return [row for row in rows if keep(row)]


def member_rows(found: dict[int, Segment], segment: str, sort: str = "name") -> list[MemberRow]:
    """The member companies of one segment (`found` is `segments(today)`), in the order asked for."""
    rows = _rows(found, lambda row: row.segment.name == segment)
    return sorted(rows, key=SORTS.get(sort, SORTS["name"]))


def segment_counts(found: dict[int, Segment]) -> Counter:
    """How many member companies each segment has."""
    return Counter(segment.name for segment in found.values())


def former_members() -> Select:
    """The companies that left the cluster or were moved to former members, the latest first."""
    return (
        select(CompanyMembership)
        .join(CompanyMembership.company)
        .options(contains_eager(CompanyMembership.company))
        .where(~CompanyMembership.is_current)
        .order_by(CompanyMembership.left_on.desc(), Company.name_sort)
    )


def former_count() -> int:
    """How many companies are former members of the cluster."""
    return db.session.scalar(select(func.count(CompanyMembership.id)).where(~CompanyMembership.is_current))


def set_thresholds(tenant: Tenant, new_months: int, active_actions: int) -> None:
    """Change how long a member counts as new and how many actions a year make an older member active."""
    tenant.segment_new_months = new_months
    tenant.segment_active_actions = active_actions
    db.session.flush()


# Visits


def current_link(company_id: int) -> CompanyMembership | None:
    """The company's membership of the current cluster, if it has not ended."""
    return db.session.scalar(
        select(CompanyMembership).where(
            CompanyMembership.company_id == company_id, CompanyMembership.is_current
        )
    )


def member_choices(also: Company | None = None) -> list[tuple[int, str]]:
    """(id, name) of the current member companies in Latvian alphabetical order, and `also` if it left."""
    rows = db.session.execute(_current_companies().order_by(Company.name_sort))
    choices = [(company_id, name) for company_id, name, _sort, _since in rows]
    if also is not None and also.id not in {company_id for company_id, _name in choices}:
        choices.append((also.id, also.name))
    return choices


def _check_visit(company: Company, values: dict, today: date, keeping: int | None = None) -> None:
    if values["visited_on"] > today:
        raise MemberError("visited_on", "future")
    # A former member's old visits stay editable, but nobody visits a former member anew.
    if company.id != keeping and current_link(company.id) is None:
        raise MemberError("company_id", "not_member")


def record_visit(company: Company, author, values: dict, today: date) -> Visit:
    """Log a visit to a member company (date, visitors, top-3 problems, goals, story, next step)."""
    _check_visit(company, values, today)
    visit = Visit(company=company, author_id=author.id, **{field: values[field] for field in VISIT_FIELDS})
    db.session.add(visit)
    db.session.flush()
    return visit


def update_visit(visit: Visit, company: Company, values: dict, today: date) -> None:
    """Correct a logged visit."""
    _check_visit(company, values, today, keeping=visit.company_id)
    visit.company = company
    for field in VISIT_FIELDS:
        setattr(visit, field, values[field])
    db.session.flush()


def delete_visit(visit: Visit) -> None:
    """Take a visit out of the log."""
    db.session.delete(visit)
    db.session.flush()


VISIT_SORTS = {
    "date": (Visit.visited_on.desc(), Visit.id.desc()),
    "company": (Company.name_sort, Visit.visited_on.desc(), Visit.id.desc()),
}


def visit_log(sort: str = "date") -> Select:
    """Every visit of the cluster with its company, the latest first (or by company)."""
    return (
        select(Visit)
        .join(Visit.company)
        .options(contains_eager(Visit.company))
        .order_by(*VISIT_SORTS.get(sort, VISIT_SORTS["date"]))
    )


def visits_of(company_id: int) -> Select:
    """A company's visits, the latest first."""
    return (
        select(Visit).where(Visit.company_id == company_id).order_by(Visit.visited_on.desc(), Visit.id.desc())
    )


def visits_due(found: dict[int, Segment], today: date) -> list[MemberRow]:
    """Member companies past their first years (active or to be re-activated) not visited this calendar year.

    `found` is `segments(today)`; those not visited for the longest come first, never visited at the top.
    """
    year_start = date(today.year, 1, 1)
    rows = _rows(
        found,
        lambda row: row.segment.name != "new" and (row.last_visit is None or row.last_visit < year_start),
    )
    return sorted(rows, key=lambda row: (row.last_visit or date.min, row.name_sort))


# Leaving


def _withdraw_open_posts(company_id: int) -> None:
    for post in db.session.scalars(select(Post).where(Post.company_id == company_id, Post.status == "open")):
        set_status(post, "withdrawn")


def _end_access(company_id: int) -> None:
    # Managers keep running the cluster; they only stop speaking for the company.
    for membership in db.session.scalars(select(Membership).where(Membership.company_id == company_id)):
        if membership.is_manager:
            membership.company_id = None
        else:
            db.session.delete(membership)


def end_membership(link: CompanyMembership, reason: str, by, today: date) -> None:
    """A member company leaves ("left") or a manager moves it to former members ("former").

    The company, its posts, threads, ratings and visits stay readable; its open posts are withdrawn and
    its people lose access to the cluster. Managers hear when a company leaves by itself.
    """
    if not link.is_current:
        raise MemberError("company_id", "not_member")
    link.left_on, link.left_reason = today, reason
    _withdraw_open_posts(link.company_id)
    _end_access(link.company_id)
    db.session.flush()
    if reason == "left":
        told = [user for user in managers() if user.id != by.id]
        notify(
            told, "member_left", {"company": link.company.name}, path_for("members.index", segment="former")
        )
