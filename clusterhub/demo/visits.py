"""The demo's joint incoming visit (content/visits.json): a Norwegian fish-processing delegation hosted by
the metalworking cluster, which invites the Kurzeme food cluster.

Made through the same services as the pages: the host's manager plans the visit and registers the
delegation, companies of both clusters apply, the host picks some of them on its shortlist (others still
wait there), the picked companies register and ask the delegation for meetings, and the host accepts
some. Made once: nothing more when a visit exists already.
"""

from datetime import date, datetime, timedelta

from sqlalchemy import select

from clusterhub.accounts.services import find_user
from clusterhub.clock import local_today, utcnow
from clusterhub.conferences.meetings import services as meetings
from clusterhub.conferences.nominations.services import request_to_go
from clusterhub.conferences.slots import slots
from clusterhub.conferences.visits.services import Delegation, create_visit, delegation_of, pick
from clusterhub.demo import files
from clusterhub.demo.conferences import MANAGERS, put_forward, riga
from clusterhub.events.models import DELEGATION_KINDS, Event
from clusterhub.extensions import db
from tenants.context import cross_tenant, tenant_scope
from tenants.models import Tenant

INVITED_AGO = timedelta(days=9)


def _picked(invited, company, manager, person, when: datetime):
    """A visit's way: the company applies and the host picks it from the shortlist."""
    applicant = request_to_go(invited, company, person, when)
    pick(invited.event, applicant, when)
    return applicant


def _plan(spec: dict, day: date) -> tuple[dict, list[tuple[datetime, datetime]]]:
    """The visit's fields as the host's form gives them, and its meeting windows."""
    starts_at, ends_at = (riga(day, moment) for moment in spec["day"])
    values = {
        "title": spec["title"],
        "description": spec["description"],
        "venue": spec["venue"],
        "starts_at": starts_at,
        "ends_at": ends_at,
        "registration_closes_at": riga(day - timedelta(days=spec["registration_days"]), spec["day"][1]),
        "slot_minutes": spec["slot_minutes"],
        "tables": spec["tables"],
    }
    return values, [(riga(day, start), riga(day, end)) for start, end in spec["windows"]]


def load_visits() -> None:
    """The demo's incoming visit, unless there is one already."""
    spec = files.visits()
    with cross_tenant():
        if db.session.scalar(select(Event.id).where(Event.kind.in_(DELEGATION_KINDS)).limit(1)) is not None:
            return
        tenants = {tenant.slug: tenant for tenant in db.session.scalars(select(Tenant))}
        values, windows = _plan(spec, local_today() + timedelta(days=spec["days"]))
        quotas = {tenants[slug].id: quota for slug, quota in spec["invited"].items()}
        delegation = Delegation(spec["delegation"], spec["about"], spec["interests"], spec["tags"])
        host = find_user(MANAGERS[spec["host"]])
        event = create_visit(tenants[spec["host"]], host, spec["kind"], values, windows, quotas, delegation)
        invited_at = utcnow() - INVITED_AGO
        event.created_at = invited_at
    participants = {}
    for slug in spec["registered"]:
        with tenant_scope(tenants[slug]):
            participants |= put_forward(event, spec, slug, invited_at, chosen=_picked)
    with cross_tenant():
        guests, starts = delegation_of(event), slots(event)
        for talk in spec["talks"]:
            meeting = meetings.request_meeting(
                event, participants[talk["company"]], guests, starts[talk["slot"]], talk["message"]
            )
            if talk["accepted"]:
                meetings.accept(meeting, guests)
        db.session.flush()
