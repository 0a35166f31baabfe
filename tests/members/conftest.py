"""What the member-tool tests share: a cluster scope, companies with a joining day, hand-made activity."""

from collections import Counter
from contextlib import contextmanager
from datetime import UTC, date, datetime, time

from sqlalchemy import select

from clusterhub.accounts.models import SignIn
from clusterhub.catalogue.models import Service, ServiceUse
from clusterhub.companies.models import Company, CompanyMembership
from clusterhub.events.models import Event, EventAttendance
from clusterhub.extensions import db
from clusterhub.members.segments import members_per_segment, segments
from clusterhub.posts.models import Message, Post, Thread
from tenants.context import tenant_scope
from tenants.models import Tenant
from tests.companies.helpers import add_company

# A fixed "today" for the computations: 15 March 2026 (12 months back: 15 March 2025; 24: 15 March 2024).
TODAY = date(2026, 3, 15)


@contextmanager
def in_cluster(app, slug: str = "alfa"):
    """An app context scoped to one cluster, like a request under /c/<slug>/; yields the cluster."""
    with app.app_context():
        tenant = db.session.scalar(select(Tenant).where(Tenant.slug == slug))
        with tenant_scope(tenant):
            yield tenant


def member(app, name: str, since: date, slug: str = "alfa") -> int:
    """A member company without people that joined on `since`; its id."""
    return add_company(app, slug, name, since)


def set_member_since(app, company_id: int, since: date, slug: str = "alfa") -> None:
    with in_cluster(app, slug):
        link = db.session.scalar(select(CompanyMembership).where(CompanyMembership.company_id == company_id))
        link.member_since = since
        db.session.commit()


def _noon(day: date) -> datetime:
    return datetime.combine(day, time(12), tzinfo=UTC)


def _thread_partner(company_id: int) -> int:
    partner = db.session.scalar(select(Company.id).where(Company.id != company_id).limit(1))
    assert partner is not None, "a message needs a second company in the cluster"
    return partner


def _service(number: int) -> Service:
    # A company uses a service once a day, so repeated uses on one day are uses of different services.
    name = f"Apmācības {number}"
    return db.session.scalar(select(Service).where(Service.name == name)) or Service(
        name=name, kind="training"
    )


def act(app, company_id: int, kind: str, on: date, slug: str = "alfa", times: int = 1, user_id=None) -> None:
    """Record `times` actions of one kind by a company on a day: post, message, use, event or sign_in."""
    with in_cluster(app, slug):
        for number in range(times):
            at = _noon(on)
            if kind == "post":
                db.session.add(
                    Post(company_id=company_id, kind="need", category="other", title="T", created_at=at)
                )
            elif kind == "message":
                thread = Thread(
                    initiator_company_id=company_id,
                    recipient_company_id=_thread_partner(company_id),
                    subject="S",
                )
                db.session.add(Message(thread=thread, company_id=company_id, body="B", created_at=at))
            elif kind == "use":
                db.session.add(
                    ServiceUse(service=_service(number), company_id=company_id, used_on=on, created_at=at)
                )
            elif kind == "event":
                event = Event(title=f"Sapulce {number}", starts_at=at)
                db.session.add(EventAttendance(event=event, company_id=company_id))
            elif kind == "sign_in":
                db.session.add(SignIn(user_id=user_id, at=at))
            else:
                raise ValueError(kind)
            db.session.flush()
        db.session.commit()


def segments_on(app, today: date = TODAY, slug: str = "alfa") -> dict:
    """segments(today) of one cluster, checked against the indicators' count of each segment in SQL."""
    with in_cluster(app, slug):
        found = segments(today)
        assert members_per_segment(today) == Counter(segment.name for segment in found.values())
        return found
