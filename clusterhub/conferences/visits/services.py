"""Joint incoming visits and trade missions: a host cluster's manager invites related clusters to meet a
foreign delegation (a visit) or to travel together and meet one abroad (a mission).

Everything else is the conference's, unchanged: invitations with a quota per cluster (organiser), the
members' requests and their managers' nominations within the quota (nominations), and the slot grid,
tables and agendas (meetings).

The delegation is a participant on the host's side. A Meeting stays a meeting of two participants, each
side a person who holds a seat in the slot, so the booking rules (one meeting per person and slot, one
per table) hold without a second kind of meeting; and a delegation that sits at one table at a time is
exactly one such side. Its "company card" is a Company that belongs to no cluster, so no cluster's
directory, search or matches ever lists it. The host manager registers it, holds its seat and answers its
meeting requests: the host picks the companies by accepting theirs. The host cluster is always invited,
with one place more than its members' quota: the delegation's.
"""

from dataclasses import dataclass

from sqlalchemy import exists, select
from sqlalchemy.orm import joinedload

from clusterhub.accounts.models import User
from clusterhub.clock import utcnow
from clusterhub.companies.models import Company, CompanyMembership
from clusterhub.conferences.models import EventCluster, Participant
from clusterhub.conferences.organiser.services import Span, create_conference, delete_conference, invitations
from clusterhub.events.models import Event
from clusterhub.extensions import db
from tenants.context import across_clusters, cross_tenant
from tenants.models import Membership, Tenant


@dataclass(frozen=True)
class Delegation:
    """Who comes (or whom a mission meets), who they are, what they seek, and their interests as tags."""

    name: str
    about: str
    interests: str
    tags: list[str]


@across_clusters
def managed_clusters(user: User) -> list[Tenant]:
    """The active clusters the person manages, by name: those they may host a visit or mission for."""
    return list(
        db.session.scalars(
            select(Tenant)
            .join(Membership, Membership.tenant_id == Tenant.id)
            .where(Membership.user_id == user.id, Membership.role == "manager", Tenant.active)
            .order_by(Tenant.name_sort)
        )
    )


def create_visit(
    host: Tenant,
    manager: User,
    kind: str,
    values: dict,
    spans: list[Span],
    quotas: dict[int, int],
    delegation: Delegation,
) -> Event:
    """Plan a visit or mission of `host`, invite the clusters (id: quota) and register the delegation.

    Like a conference it belongs to no cluster (the platform holds it)."""
    with cross_tenant():
        event = create_conference(manager, values, spans, quotas, kind=kind, host=host)
        _seat_the_delegation(event, host)
        card = Company(name=delegation.name, description=delegation.about)
        db.session.add(
            Participant(
                event=event,
                company=card,
                tenant_id=host.id,
                status="registered",
                requested_by_id=manager.id,
                user=manager,
                consented_at=utcnow(),
                seeks=delegation.interests,
                interests="\n".join(delegation.tags),
                show_description=True,
            )
        )
        db.session.flush()
    return event


def _seat_the_delegation(event: Event, host: Tenant) -> None:
    """One place more for the host (its managers were told the members' quota), or its only place."""
    hosting = next((row for row in invitations(event) if row.tenant_id == host.id), None)
    if hosting is None:
        db.session.add(EventCluster(event=event, tenant_id=host.id, quota=1))
    else:
        hosting.quota += 1


def delegation_of(event: Event) -> Participant | None:
    """The delegation's participation: the one whose company belongs to no cluster."""
    if not event.has_delegation:
        return None
    with cross_tenant():
        in_a_cluster = exists().where(CompanyMembership.company_id == Participant.company_id)
        return db.session.scalar(
            select(Participant)
            .options(joinedload(Participant.company))
            .where(Participant.event_id == event.id, ~in_a_cluster)
        )


def delete_visit(event: Event) -> None:
    """Remove a visit or mission as a conference is removed, and the delegation's card with it."""
    delegation = delegation_of(event)
    card = delegation.company if delegation is not None else None
    delete_conference(event)
    if card is not None:
        db.session.delete(card)
        db.session.flush()
