"""The network of clusters: member companies that opted in, found by members of the platform's other clusters.

Only a public card crosses between clusters: name, sectors, competences, value-chain roles, region and
description. A company that asks to get in touch shows its own card to the company it asks; once each of
two companies has asked the other, both see the other's contact people. Nothing else of a company (posts,
ratings, services, its cluster's members) is read for another cluster: `network_view` is the one
cross-cluster read, and it returns plain cards, never rows whose relationships a template could follow.
"""

from dataclasses import dataclass, field

from sqlalchemy import or_, select
from sqlalchemy.orm import selectinload

from clusterhub.collation import fold
from clusterhub.companies.models import Company, CompanyMembership, ContactPerson
from clusterhub.extensions import db
from clusterhub.navigation import path_for
from clusterhub.network.models import NetworkRequest
from clusterhub.notifications.services import notify, people_of
from tenants.context import cross_tenant, tenant_scope
from tenants.models import Tenant

# Matching reads every card against every open need of the viewer's company: a bound on the work.
MATCHED_CARDS = 300


class NetworkError(ValueError):
    """The request cannot be made; `reason` names why."""

    def __init__(self, reason: str):
        super().__init__(reason)
        self.reason = reason


@dataclass(frozen=True)
class Tag:
    kind: str
    name: str


@dataclass(frozen=True)
class Contact:
    name: str
    role: str
    email: str
    phone: str


@dataclass
class Card:
    """A company's public card as another cluster sees it, the clusters it is found from, and where the
    viewer's company and it stand. It has what matching reads of a company (search/matching/scoring.py)."""

    id: int
    name: str
    name_sort: str
    region: str | None
    description: str
    tags: list[Tag]
    role_names: list[str]
    clusters: dict[int, str]  # id -> name
    infrastructure: str = ""  # not on the public card: matching reads it as empty
    asked_me: str | None = None  # its message, when it asked the viewer's company to get in touch
    i_asked: bool = False
    contacts: list[Contact] = field(default_factory=list)  # only once each has asked the other

    @property
    def mutual(self) -> bool:
        return self.asked_me is not None and self.i_asked

    def tag_names(self, kind: str) -> list[str]:
        return [tag.name for tag in self.tags if tag.kind == kind]

    def mentions(self, text: str) -> bool:
        """Whether the card's name, description or tags contain `text`, ignoring case and accents."""
        haystack = " ".join([self.name, self.description, *(tag.name for tag in self.tags)])
        return fold(text) in fold(haystack)


@dataclass
class NetworkView:
    found: list[Card]  # the opted-in companies of the other clusters, by name
    asking: list[Card]  # companies that asked the viewer's company and are not among `found`

    def card(self, company_id: int) -> Card | None:
        return next((card for card in self.found + self.asking if card.id == company_id), None)


def _card(company: Company, clusters: dict[int, str]) -> Card:
    return Card(
        id=company.id,
        name=company.name,
        name_sort=company.name_sort,
        region=company.region,
        description=company.description,
        tags=[Tag(tag.kind, tag.name) for tag in company.tags],
        role_names=company.role_names,
        clusters=clusters,
    )


def _discoverable(viewer: Tenant) -> dict[int, dict[int, str]]:
    """{company id: {cluster id: name}} of the opted-in current members of the other open clusters."""
    rows = db.session.execute(
        select(CompanyMembership.company_id, Tenant.id, Tenant.name)
        .join(Tenant, Tenant.id == CompanyMembership.tenant_id)
        .join(Company, Company.id == CompanyMembership.company_id)
        .where(
            CompanyMembership.is_current,
            Tenant.active.is_(True),
            Tenant.network_open.is_(True),
            Tenant.id != viewer.id,
            Company.network_visible.is_(True),
            Company.deleted_at.is_(None),
        )
        .order_by(Tenant.name_sort)
    )
    found: dict[int, dict[int, str]] = {}
    for company_id, tenant_id, name in rows:
        found.setdefault(company_id, {})[tenant_id] = name
    return found


def _requests_of(company_id: int) -> list[NetworkRequest]:
    return list(
        db.session.scalars(
            select(NetworkRequest).where(
                or_(NetworkRequest.from_company_id == company_id, NetworkRequest.to_company_id == company_id)
            )
        )
    )


def _askers(viewer: Tenant, requests: list[NetworkRequest], company_id: int) -> dict[int, dict[int, str]]:
    """The companies that asked `company_id` from an open cluster, with that cluster."""
    ids = {r.from_tenant_id for r in requests if r.to_company_id == company_id}
    names = dict(
        db.session.execute(
            select(Tenant.id, Tenant.name).where(
                Tenant.id.in_(ids), Tenant.active.is_(True), Tenant.network_open.is_(True)
            )
        ).all()
    )
    return {
        r.from_company_id: {r.from_tenant_id: names[r.from_tenant_id]}
        for r in requests
        if r.to_company_id == company_id and r.from_tenant_id in names and r.from_tenant_id != viewer.id
    }


def _contacts(company_ids) -> dict[int, list[Contact]]:
    found: dict[int, list[Contact]] = {}
    statement = (
        select(ContactPerson)
        .where(ContactPerson.company_id.in_(company_ids))
        .order_by(ContactPerson.company_id, ContactPerson.position)
    )
    for person in db.session.scalars(statement):
        found.setdefault(person.company_id, []).append(
            Contact(person.name, person.role, person.email, person.phone)
        )
    return found


def network_view(viewer: Tenant, company: Company | None) -> NetworkView:
    """What `viewer`'s members see of the other clusters; `company` is the viewer's own, if any.

    A company is found when its representatives opted in and it is a current member of another active
    cluster that takes part in the network (found "from" those clusters only), never when it is a member of
    the viewer's cluster, whose directory shows it already. Nothing at all when the viewer's cluster is out.
    """
    if not viewer.network_open:
        return NetworkView([], [])
    with cross_tenant():
        own = set(
            db.session.scalars(
                select(CompanyMembership.company_id).where(CompanyMembership.tenant_id == viewer.id)
            )
        )
        found = {key: value for key, value in _discoverable(viewer).items() if key not in own}
        requests = _requests_of(company.id) if company else []
        askers = _askers(viewer, requests, company.id) if company else {}
        clusters = {**askers, **found}
        companies = db.session.scalars(
            select(Company)
            .where(Company.id.in_(clusters), Company.deleted_at.is_(None))
            .options(selectinload(Company.tags), selectinload(Company.roles))
            .order_by(Company.name_sort)
        )
        cards = [_card(other, clusters[other.id]) for other in companies]
        for request in requests:
            card = next((c for c in cards if request.involves(c.id)), None)
            if card is None:
                continue
            if request.from_company_id == card.id:
                card.asked_me = request.message
            else:
                card.i_asked = True
        contacts = _contacts([card.id for card in cards if card.mutual])
    for card in cards:
        card.contacts = contacts.get(card.id, [])
    return NetworkView(
        [card for card in cards if card.id in found], [card for card in cards if card.id not in found]
    )


def ask(viewer: Tenant, company: Company, author, card: Card, message: str) -> NetworkRequest:
    """Ask a company of another cluster to get in touch; its people are told in the cluster it was found in.

    Shows the asking company's public card to that company; once both have asked, both see the contacts.
    """
    if card.i_asked:
        raise NetworkError("asked")
    tenant_id = next(iter(card.clusters))
    request = NetworkRequest(
        from_company_id=company.id,
        from_tenant_id=viewer.id,
        to_company_id=card.id,
        to_tenant_id=tenant_id,
        author_id=author.id,
        message=message.strip(),
    )
    db.session.add(request)
    db.session.flush()
    kind = "network_answer" if card.asked_me is not None else "network_request"
    with tenant_scope(db.session.get(Tenant, tenant_id)):
        link = path_for("network.index")
        notify(people_of(card.id), kind, {"company": company.name}, link, tenant_id=tenant_id)
    return request


def set_network_visible(company: Company, visible: bool) -> None:
    """A company's representatives let other clusters find its public card, or stop it."""
    company.network_visible = visible
    db.session.flush()


def set_network_open(tenant: Tenant, open_: bool) -> None:
    """The managers let the cluster take part in the network of clusters, or keep it out."""
    tenant.network_open = open_
    db.session.flush()
