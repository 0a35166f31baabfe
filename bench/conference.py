"""An inter-cluster conference on the synthetic platform: 300 registered companies from three clusters.

Half come from the big cluster (the bench user's company among them, with a few agreed meetings), a
quarter from each of two others; each company seeks what its profile says it wants to develop and
offers its competences. Made once per dataset, through the same services as the pages.
"""

from datetime import timedelta
from urllib.parse import urlencode

from sqlalchemy import insert, select

from bench.dataset import BENCH_COMPANY_ID, BIG, USER
from clusterhub.accounts.models import User
from clusterhub.accounts.services import hash_password
from clusterhub.clock import utcnow
from clusterhub.collation import latvian_sort_key
from clusterhub.companies.models import Company, CompanyMembership
from clusterhub.conferences.meetings import services as meetings
from clusterhub.conferences.models import EventCluster, MeetingWindow, Participant
from clusterhub.conferences.slots import slots
from clusterhub.events.models import Event
from clusterhub.extensions import db
from tenants.context import cross_tenant
from tenants.models import Tenant

TITLE = "Benchmarka starpklasteru forums"
# Participants per invited cluster: the big one first.
SHARES = (150, 75, 75)
MEETINGS = 8


def ensure_conference(tenants: list[Tenant]) -> int:
    """The benchmark conference's id, made now if the dataset has none yet."""
    with cross_tenant():
        found = db.session.scalar(select(Event.id).where(Event.title == TITLE))
        if found is None:
            found = _make(_invited(tenants))
            db.session.commit()
        return found


def paths(conference_id: int) -> list[tuple[str, list[str]]]:
    """The conference pages the bench user visits, as (what, [paths])."""
    base = f"/events/{conference_id}"
    return [
        ("conference participants, 300 across 3 clusters", [f"{base}/participants"]),
        ("conference participants, a search", [f"{base}/participants?{urlencode({'q': 'ražošana'})}"]),
        ("conference matches (scored over all participants)", [f"{base}/matches"]),
        (f"conference agenda, {MEETINGS} agreed meetings", [f"{base}/agenda"]),
        ("conference report (the organiser's)", [f"{base}/report"]),
    ]


def _invited(tenants: list[Tenant]) -> list[Tenant]:
    big = next(tenant for tenant in tenants if tenant.slug == BIG)
    return [big, *(tenant for tenant in tenants if tenant.slug != BIG)][: len(SHARES)]


def _make(invited: list[Tenant]) -> int:
    user = db.session.scalar(select(User).where(User.email == USER["email"]))
    user.is_organiser = True
    starts = (utcnow() + timedelta(days=60)).replace(hour=7, minute=0, second=0, microsecond=0)
    event = Event(
        kind="conference",
        title=TITLE,
        venue="Rīga",
        starts_at=starts,
        ends_at=starts + timedelta(hours=9),
        registration_closes_at=starts - timedelta(days=14),
        slot_minutes=30,
        tables=40,
        organiser=user,
    )
    window = MeetingWindow(
        event=event, starts_at=starts + timedelta(hours=1), ends_at=starts + timedelta(hours=7)
    )
    shares = list(zip(invited, SHARES, strict=True))
    invitations = [EventCluster(event=event, tenant=tenant, quota=share) for tenant, share in shares]
    db.session.add_all([event, window, *invitations])
    db.session.flush()
    for tenant, share in shares:
        _register(event, tenant, _companies(tenant, share), user)
    _meet(event, user)
    return event.id


def _companies(tenant: Tenant, count: int) -> list[Company]:
    ids = select(CompanyMembership.company_id).where(CompanyMembership.tenant_id == tenant.id)
    statement = select(Company).where(Company.id.in_(ids)).order_by(Company.id).limit(count)
    return list(db.session.scalars(statement))


def _register(event: Event, tenant: Tenant, companies: list[Company], bench_user: User) -> None:
    people = _delegates(tenant, [company for company in companies if company.id != BENCH_COMPANY_ID])
    for company in companies:
        db.session.add(
            Participant(
                event=event,
                tenant=tenant,
                company=company,
                status="registered",
                user_id=bench_user.id if company.id == BENCH_COMPANY_ID else people.pop(),
                consented_at=utcnow(),
                seeks=company.development_directions or company.description,
                offers=", ".join(company.tag_names("competence")),
                interests="\n".join(company.tag_names("sector")[:1]),
                show_region=company.id % 2 == 0,
                show_roles=company.id % 3 == 0,
                show_contact=company.id % 4 == 0,
            )
        )
    db.session.flush()


def _delegates(tenant: Tenant, companies: list[Company]) -> list[int]:
    """One person per company (ids), inserted at once with one password hash: nobody signs in as them."""
    password = hash_password("bench-delegate-2026")
    rows = [
        {
            "email": f"delegate{company.id}@{tenant.slug}.bench.lv",
            "name": f"Delegāts {company.id}",
            "name_sort": latvian_sort_key(f"Delegāts {company.id}"),
            "password_hash": password,
            "language": "lv",
            "created_at": utcnow(),
        }
        for company in companies
    ]
    return list(db.session.scalars(insert(User).returning(User.id), rows))


def _meet(event: Event, bench_user: User) -> None:
    mine = db.session.scalar(select(Participant).where(Participant.user_id == bench_user.id))
    others = db.session.scalars(
        select(Participant).where(Participant.event_id == event.id, Participant.tenant_id != mine.tenant_id)
    )
    for other, start in zip(list(others)[:MEETINGS], slots(event)[:MEETINGS], strict=True):
        meetings.accept(meetings.request_meeting(event, mine, other, start), other)
