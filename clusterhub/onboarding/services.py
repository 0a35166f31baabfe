"""The onboarding kit for new members (source study, chapter 6) and the road map managers define for them.

A company is new while it has been a member for less than the cluster's `segment_new_months`; the
kit gives it the vision, the most used services, the road map, members to meet and the next meeting
where it can present itself.
"""

from collections.abc import Iterable, Sequence
from datetime import date, datetime
from typing import NamedTuple

from sqlalchemy import Select, and_, func, select
from sqlalchemy.orm import contains_eager

from clusterhub.accounts.models import User
from clusterhub.catalogue.models import Service, ServiceUse
from clusterhub.collation import latvian_sort_key
from clusterhub.companies.models import Company, CompanyMembership, CompanyRole, CompanyTag
from clusterhub.companies.services import membership_in_cluster
from clusterhub.events.models import Event
from clusterhub.events.services import next_presentation_event
from clusterhub.extensions import db
from clusterhub.members.segments import WINDOW_MONTHS, months_before
from clusterhub.onboarding.models import RoadmapProgress, RoadmapStep
from search.matching.rules import COMPLEMENTS
from tenants.models import Tenant


def new_since(tenant: Tenant, today: date) -> date:
    """Companies that joined after this day are new: a member for exactly `segment_new_months` is not."""
    return months_before(today, tenant.segment_new_months)


def is_new(membership: CompanyMembership, tenant: Tenant, today: date) -> bool:
    """True for a current member that joined less than the cluster's `segment_new_months` ago."""
    return membership.is_current and membership.member_since > new_since(tenant, today)


def new_members(tenant: Tenant, today: date) -> Select:
    """The current new members' memberships with their companies, the latest to join first."""
    return (
        select(CompanyMembership)
        .join(CompanyMembership.company)
        .options(contains_eager(CompanyMembership.company))
        .where(CompanyMembership.is_current, CompanyMembership.member_since > new_since(tenant, today))
        .order_by(CompanyMembership.member_since.desc(), Company.name_sort)
    )


class ServiceCount(NamedTuple):
    service: Service
    uses: int


def most_used_services(today: date, limit: int = 3) -> list[ServiceCount]:
    """The active services used most in the 12 months up to `today`; a tie goes alphabetically.

    The same 12 months as the member segments: from the same day a year earlier to `today`, both included.
    """
    counts = db.session.execute(
        select(Service, func.count(ServiceUse.id))
        .join(ServiceUse, ServiceUse.service_id == Service.id)
        .where(
            Service.active.is_(True),
            ServiceUse.used_on >= months_before(today, WINDOW_MONTHS),
            ServiceUse.used_on <= today,
        )
        .group_by(Service.id)
    )
    # Few services per cluster: ordering names in Python keeps the Latvian order on any database.
    ranked = sorted(counts, key=lambda row: (-row[1], latvian_sort_key(row[0].name)))
    return [ServiceCount(service, uses) for service, uses in ranked[:limit]]


def steps() -> list[RoadmapStep]:
    """The road map in the managers' order."""
    return list(db.session.scalars(select(RoadmapStep).order_by(RoadmapStep.position, RoadmapStep.id)))


def add_step(title: str, description: str) -> RoadmapStep:
    """A new step at the end of the road map."""
    last = db.session.scalar(select(func.max(RoadmapStep.position))) or 0
    step = RoadmapStep(title=title, description=description, position=last + 1)
    db.session.add(step)
    db.session.flush()
    return step


def update_step(step: RoadmapStep, title: str, description: str) -> None:
    """Change a step's words; the companies that did it keep it done."""
    step.title, step.description = title, description
    db.session.flush()


def move_step(step: RoadmapStep, offset: int) -> None:
    """Move a step up (-1) or down (+1); the first stays first, the last stays last."""
    ordered = steps()
    index = ordered.index(step)
    target = min(max(index + offset, 0), len(ordered) - 1)
    ordered.insert(target, ordered.pop(index))
    # Numbering afresh also repairs positions that two steps happen to share.
    for position, each in enumerate(ordered, start=1):
        each.position = position
    db.session.flush()


def delete_step(step: RoadmapStep) -> None:
    """Remove a step; the progress on it goes with it."""
    db.session.delete(step)
    db.session.flush()


def companies_done(step: RoadmapStep) -> int:
    """How many companies have ticked the step done."""
    return db.session.scalar(select(func.count(RoadmapProgress.id)).where(RoadmapProgress.step_id == step.id))


def progress_of(company_ids: Iterable[int]) -> dict[int, dict[int, RoadmapProgress]]:
    """What each company has done: {company id: {step id: progress}}."""
    done: dict[int, dict[int, RoadmapProgress]] = {}
    rows = db.session.scalars(
        select(RoadmapProgress).where(RoadmapProgress.company_id.in_(list(company_ids)))
    )
    for row in rows:
        done.setdefault(row.company_id, {})[row.step_id] = row
    return done


def set_progress(company: Company, step_ids: Iterable[int], user: User | None, now: datetime) -> None:
    """Tick exactly these steps done for the company, by `user`; a step ticked before keeps its date."""
    wanted = set(step_ids)
    done = progress_of([company.id]).get(company.id, {})
    for step_id, row in done.items():
        if step_id not in wanted:
            db.session.delete(row)
    for step_id in sorted(wanted - set(done)):
        db.session.add(
            RoadmapProgress(
                step_id=step_id, company_id=company.id, done_by_id=user.id if user else None, done_at=now
            )
        )
    db.session.flush()


class ProgressRow(NamedTuple):
    membership: CompanyMembership
    done: dict[int, RoadmapProgress]


class ProgressTable(NamedTuple):
    """New members × road-map steps; `rows` is one page of `page` (a pagination)."""

    steps: list[RoadmapStep]
    rows: list[ProgressRow]
    page: object


def progress_table(tenant: Tenant, today: date, page: int = 1, per_page: int = 25) -> ProgressTable:
    """Which new member did which step and when, the latest to join first."""
    members = db.paginate(new_members(tenant, today), page=page, per_page=per_page, error_out=False)
    done = progress_of(m.company_id for m in members.items)
    rows = [ProgressRow(m, done.get(m.company_id, {})) for m in members.items]
    return ProgressTable(steps(), rows, members)


class Similar(NamedTuple):
    """A member worth meeting and why: the sectors it shares, or a complementary value-chain role."""

    company: Company
    sectors: list[str]
    their_role: str | None = None
    your_role: str | None = None


def _complementary_roles(mine: Sequence[str]) -> set[str]:
    return {role for pair in COMPLEMENTS if pair & set(mine) for role in pair} - set(mine)


def _role_pair(mine: Sequence[str], theirs: Sequence[str]) -> tuple[str | None, str | None]:
    for your_role in mine:
        for their_role in theirs:
            if frozenset((your_role, their_role)) in COMPLEMENTS:
                return their_role, your_role
    return None, None


def _current_others(company: Company):
    """Current member companies other than `company`."""
    return and_(
        CompanyMembership.company_id == Company.id,
        CompanyMembership.is_current,
        Company.id != company.id,
    )


def _sharing_sectors(company: Company, limit: int) -> list[Company]:
    keys = [tag.key for tag in company.tags if tag.kind == "sector"]
    if not keys:
        return []
    shared = func.count(CompanyTag.id)
    statement = (
        select(Company)
        .join(CompanyMembership, _current_others(company))
        .join(CompanyTag, CompanyTag.company_id == Company.id)
        .where(CompanyTag.kind == "sector", CompanyTag.key.in_(keys))
        .group_by(Company.id)
        .order_by(shared.desc(), Company.name_sort)
        .limit(limit)
    )
    return list(db.session.scalars(statement))


def _complementing(company: Company, skip: set[int], limit: int) -> list[Company]:
    wanted = _complementary_roles(company.role_names)
    if not wanted or limit <= 0:
        return []
    statement = (
        select(Company)
        .join(CompanyMembership, _current_others(company))
        .where(Company.id.in_(select(CompanyRole.company_id).where(CompanyRole.role.in_(wanted))))
        .order_by(Company.name_sort)
        .limit(limit)
    )
    if skip:
        statement = statement.where(Company.id.not_in(skip))
    return list(db.session.scalars(statement))


def similar_members(company: Company, limit: int = 3) -> list[Similar]:
    """Members to meet: those sharing most of the company's sectors, then complementary value-chain roles."""
    found = _sharing_sectors(company, limit)
    found += _complementing(company, {other.id for other in found}, limit - len(found))
    mine_keys = {tag.key for tag in company.tags if tag.kind == "sector"}
    return [
        Similar(
            other,
            sorted(
                (t.name for t in other.tags if t.kind == "sector" and t.key in mine_keys),
                key=latvian_sort_key,
            ),
            *_role_pair(company.role_names, other.role_names),
        )
        for other in found
    ]


class Kit(NamedTuple):
    """Everything the onboarding kit shows; `company` is None for a manager without a company."""

    company: Company | None
    vision: str
    services: list[ServiceCount]
    steps: list[RoadmapStep]
    done: dict[int, RoadmapProgress]
    similar: list[Similar]
    event: Event | None
    editable: bool


def onboarding_kit(
    tenant: Tenant, company: Company | None, editable: bool, today: date, now: datetime
) -> Kit:
    """The onboarding kit as `company` sees it; `editable`: its people may tick the road map."""
    return Kit(
        company=company,
        vision=tenant.vision,
        services=most_used_services(today),
        steps=steps(),
        done=progress_of([company.id]).get(company.id, {}) if company else {},
        similar=similar_members(company) if company else [],
        event=next_presentation_event(now),
        editable=editable,
    )


def is_new_company(company: Company | None, tenant: Tenant, today: date) -> bool:
    """True when `company` (a person's company, maybe none) is a new member of the current cluster."""
    return company is not None and is_new(membership_in_cluster(company), tenant, today)


def kit_for_new_member(tenant: Tenant, company: Company | None, today: date, now: datetime) -> Kit | None:
    """The kit for a new member's people (their cluster home page shows it); None for everyone else."""
    return (
        onboarding_kit(tenant, company, True, today, now) if is_new_company(company, tenant, today) else None
    )
