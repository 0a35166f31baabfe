"""Joint incoming visits and trade missions: a host cluster's manager invites related clusters to meet a
foreign delegation (a visit) or to travel together and meet one abroad (a mission).

Everything else is the conference's, unchanged: invitations with a quota per cluster (organiser), the
slot grid, tables and agendas (meetings). Who goes is the host's choice: the members of the invited clusters
apply (a conference's request to go), and the host's organiser picks from the applicants of each cluster
within its quota, on the shortlist. Picking is the nominations' approval and turning down their
withdrawal, made on the cluster's list as its managers would make them (`on_behalf_of`); both sides are told.

The delegation is a participant on the host's side. A Meeting stays a meeting of two participants, each
side a person who holds a seat in the slot, so the booking rules (one meeting per person and slot, one
per table) hold without a second kind of meeting; and a delegation that sits at one table at a time is
exactly one such side. Its "company card" is a Company that belongs to no cluster, so no cluster's
directory, search or matches ever lists it. The host manager registers it, holds its seat and answers its
meeting requests. The host cluster is always invited,
with one place more than its members' quota: the delegation's.
"""

from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import exists, select
from sqlalchemy.orm import joinedload
from sqlalchemy.orm.attributes import set_committed_value

from clusterhub.accounts.models import User
from clusterhub.clock import utcnow
from clusterhub.companies.models import Company, CompanyMembership
from clusterhub.conferences.models import EventCluster, Participant
from clusterhub.conferences.nominations.services import TAKES_A_PLACE, approve, invitation, listed, withdraw
from clusterhub.conferences.organiser.services import (
    FIELDS,
    Span,
    create_conference,
    delete_conference,
    invitations,
)
from clusterhub.conferences.reports.services import participants
from clusterhub.conferences.slots import windows
from clusterhub.events.models import Event
from clusterhub.extensions import db
from clusterhub.navigation import path_for
from clusterhub.notifications.services import managers, notify, people_of
from clusterhub.security import audit
from tenants.context import across_clusters, cross_tenant, set_spanning_scope, spanning_scope, tenant_scope
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


# The host's shortlist.


@dataclass
class ClusterShortlist:
    """One invited cluster on the host's shortlist: its places for member companies (the host's without
    the delegation's), the companies picked (nominated or registered) and those that applied."""

    cluster: Tenant
    places: int
    picked: list[Participant]
    applicants: list[Participant]

    @property
    def full(self) -> bool:
        return len(self.picked) >= self.places


def shortlist(event: Event) -> list[ClusterShortlist]:
    """Every invited cluster by name with its applicants and picked companies, each by company name."""
    delegation = delegation_of(event)
    listed = [row for row in participants(event) if delegation is None or row.id != delegation.id]
    lines = []
    for invited in invitations(event):
        own = [row for row in listed if row.tenant_id == invited.tenant_id]
        lines.append(
            ClusterShortlist(
                invited.tenant,
                invited.quota - (invited.tenant_id == event.host_tenant_id),
                [row for row in own if row.status in TAKES_A_PLACE],
                [row for row in own if row.status == "requested"],
            )
        )
    return lines


@contextmanager
def on_behalf_of(tenant_id: int):
    """Act on an invited cluster's list as its managers would: inside that cluster (its quota, its
    members, its people told) rather than inside the conference's pages."""
    previous = spanning_scope()
    set_spanning_scope(None)
    try:
        with tenant_scope(db.session.get(Tenant, tenant_id)):
            yield
    finally:
        set_spanning_scope(previous)


def on_shortlist(event: Event, participant_id: int) -> Participant | None:
    """A company on one of the clusters' lists for the visit (applied or picked), never the delegation."""
    delegation = delegation_of(event)
    found = db.session.scalar(
        select(Participant).where(Participant.id == participant_id, Participant.event_id == event.id)
    )
    if found is None or (delegation is not None and found.id == delegation.id):
        return None
    # Picking reads it inside the applicant's cluster, where a load of the conference would not find it.
    set_committed_value(found, "event", event)
    return found


def pick(event: Event, applicant: Participant, now: datetime) -> None:
    """The host picks an applicant within its cluster's quota; the company is told to register.

    Raises NominationError (closed, full, former, listed) as a manager's approval does."""
    with on_behalf_of(applicant.tenant_id):
        approve(invitation(event.id), applicant, now)


def turn_down(event: Event, participant: Participant) -> None:
    """The host does not pick an applicant, or takes a picked company off: its place is free again, its
    meetings still to come are cancelled, and its people are told.

    Raises NominationError("over") once the visit is over."""
    with on_behalf_of(participant.tenant_id):
        told = people_of(participant.company_id)
        withdraw(participant)
        notify(
            told,
            "visit_not_picked",
            {"event": event.title},
            path_for("cluster_conferences.index"),
            tenant_id=participant.tenant_id,
        )


# Changes the invited clusters are told of.


def delegation_values(delegation: Participant) -> Delegation:
    """The delegation as the host described it last."""
    card = delegation.company
    return Delegation(card.name, card.description, delegation.seeks, delegation.interest_names)


def update_delegation(event: Event, delegation: Participant, values: Delegation, user: User) -> bool:
    """Change who the delegation is and what it seeks; a change is logged and the invited clusters told.

    Returns whether anything changed."""
    if values == delegation_values(delegation):
        return False
    with cross_tenant():  # the card belongs to no cluster
        delegation.company.name, delegation.company.description = values.name, values.about
        delegation.seeks, delegation.interests = values.interests, "\n".join(values.tags)
        db.session.flush()
    announce_change(event, "delegation", user)
    return True


def plan_of(event: Event) -> tuple:
    """What the invited clusters plan by: the visit's fields (dates, venue, slots) and its meeting windows."""
    return tuple(getattr(event, field) for field in FIELDS), [
        (w.starts_at, w.ends_at) for w in windows(event)
    ]


def announce_change(event: Event, part: str, user: User) -> None:
    """Log that the host changed the visit's `part` ("delegation" or "plan": its dates, venue, slots) and
    tell each invited cluster's managers and the people of the companies on its list, not the host."""
    audit.record("visit_changed", f"event:{event.id}:{part}", actor=user, tenant_id=event.host_tenant_id)
    for invited in invitations(event):
        with on_behalf_of(invited.tenant_id):
            told = {person.id: person for person in managers()}
            for row in listed(event):
                told.update((person.id, person) for person in people_of(row.company_id))
            told.pop(user.id, None)
            notify(
                told.values(),
                "visit_changed",
                {"event": event.title},
                path_for("conferences.detail", conference_id=event.id),
                tenant_id=invited.tenant_id,
            )
