"""The network of clusters: member companies that opted in, found by members of the platform's other clusters.

Only a public card crosses between clusters: name, sectors, competences, value-chain roles, region and
description. A company that writes to a found company starts a conversation and shows its own card to that
company; once both have written, both see the other's contact people. Nothing else of a company (posts,
ratings, services, its cluster's members) is read for another cluster: `network_view` and
`conversation_of` are the cross-cluster reads, and they return plain cards and messages, never rows whose
relationships a template could follow.

A conversation stays with both companies, but only while both are in the network: when the found company
stops being shown, or either cluster leaves the network (or either company its cluster), it is closed.
Both sides then still read what was written to them, but no one writes, and the other company shows by its
name only, without its card or contacts. It opens again when both are back.
"""

from dataclasses import dataclass, field, replace
from datetime import datetime

from sqlalchemy import and_, or_, select
from sqlalchemy.orm import selectinload

from clusterhub.accounts.models import User
from clusterhub.clock import utcnow
from clusterhub.collation import fold
from clusterhub.companies.models import Company, CompanyMembership, ContactPerson
from clusterhub.extensions import db
from clusterhub.navigation import path_for
from clusterhub.network.models import NetworkMessage, NetworkThread
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
    """A company's public card as another cluster sees it, the clusters it is found from, and the viewer's
    company's conversation with it, if any. It has what matching reads of a company
    (search/matching/scoring.py)."""

    id: int
    name: str
    name_sort: str = ""
    region: str | None = None
    description: str = ""
    tags: list[Tag] = field(default_factory=list)
    role_names: list[str] = field(default_factory=list)
    clusters: dict[int, str] = field(default_factory=dict)  # id -> name
    infrastructure: str = ""  # not on the public card: matching reads it as empty
    thread_id: int | None = None  # the viewer's company's conversation with it
    i_wrote: bool = False
    they_wrote: bool = False
    closed: bool = False  # one of the two is no longer in the network: the card is its name only
    last_message_at: datetime | None = None
    contacts: list[Contact] = field(default_factory=list)  # only once both have written

    @property
    def mutual(self) -> bool:
        return self.i_wrote and self.they_wrote

    def tag_names(self, kind: str) -> list[str]:
        return [tag.name for tag in self.tags if tag.kind == kind]

    def mentions(self, text: str) -> bool:
        """Whether the card's name, description or tags contain `text`, ignoring case and accents."""
        haystack = " ".join([self.name, self.description, *(tag.name for tag in self.tags)])
        return fold(text) in fold(haystack)


@dataclass
class NetworkView:
    found: list[Card]  # the opted-in companies of the other clusters, by name
    conversations: list[Card]  # the companies the viewer's company talks with, the most recent first

    def card(self, company_id: int) -> Card | None:
        return next((card for card in self.conversations + self.found if card.id == company_id), None)


@dataclass(frozen=True)
class Said:
    """One message of a conversation as its reader sees it: the other side's people are not named."""

    mine: bool
    company: str
    author: str | None
    body: str
    at: datetime


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


def _in_open_clusters(*columns):
    """`columns` of the current memberships of existing companies in active clusters that take part."""
    return (
        select(*columns)
        .join(Tenant, Tenant.id == CompanyMembership.tenant_id)
        .join(Company, Company.id == CompanyMembership.company_id)
        .where(
            CompanyMembership.is_current,
            Tenant.active.is_(True),
            Tenant.network_open.is_(True),
            Company.deleted_at.is_(None),
        )
    )


def _in_network(company_ids) -> set[tuple[int, int, bool]]:
    """(company id, cluster id, shown) of the companies' memberships of the clusters that take part."""
    statement = _in_open_clusters(CompanyMembership.company_id, Tenant.id, Company.network_visible)
    return {
        tuple(row)
        for row in db.session.execute(statement.where(CompanyMembership.company_id.in_(company_ids)))
    }


def _discoverable(viewer: Tenant, among) -> dict[int, dict[int, str]]:
    """{company id: {cluster id: name}} of the opted-in current members of the other open clusters (those
    of the ids `among`, unless it is None)."""
    statement = (
        _in_open_clusters(CompanyMembership.company_id, Tenant.id, Tenant.name)
        .where(Tenant.id != viewer.id, Company.network_visible.is_(True))
        .order_by(Tenant.name_sort)
    )
    if among is not None:
        statement = statement.where(CompanyMembership.company_id.in_(among))
    rows = db.session.execute(statement)
    found: dict[int, dict[int, str]] = {}
    for company_id, tenant_id, name in rows:
        found.setdefault(company_id, {})[tenant_id] = name
    return found


def _threads_of(viewer: Tenant, company_id: int) -> list[NetworkThread]:
    """The company's conversations it reads in `viewer`'s cluster, the most recent first."""
    own_side = or_(
        and_(NetworkThread.starter_company_id == company_id, NetworkThread.starter_tenant_id == viewer.id),
        and_(NetworkThread.other_company_id == company_id, NetworkThread.other_tenant_id == viewer.id),
    )
    statement = select(NetworkThread).where(own_side).order_by(NetworkThread.last_message_at.desc())
    return list(db.session.scalars(statement))


def _is_open(thread: NetworkThread, sides: set[tuple[int, int, bool]]) -> bool:
    """Both companies are still in the network: the found one shown from its cluster, the starter a member
    of an open cluster (it never had to be shown to write)."""
    starter = {(thread.starter_company_id, thread.starter_tenant_id, shown) for shown in (True, False)}
    return bool(starter & sides) and (thread.other_company_id, thread.other_tenant_id, True) in sides


def _writers(threads: list[NetworkThread]) -> set[tuple[int, int]]:
    """(thread id, company id) of every company that wrote in the threads."""
    statement = select(NetworkMessage.thread_id, NetworkMessage.company_id).where(
        NetworkMessage.thread_id.in_([thread.id for thread in threads])
    )
    return {tuple(row) for row in db.session.execute(statement.distinct())}


def _contacts(company_ids: list[int]) -> dict[int, list[Contact]]:
    found: dict[int, list[Contact]] = {}
    if not company_ids:  # most pages show no mutual conversation: no statement for nobody
        return found
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


def _cards(company_ids, clusters: dict[int, dict[int, str]]) -> dict[int, Card]:
    companies = db.session.scalars(
        select(Company)
        .where(Company.id.in_(company_ids), Company.deleted_at.is_(None))
        .options(selectinload(Company.tags), selectinload(Company.roles))
        .order_by(Company.name_sort)
    )
    return {other.id: _card(other, clusters[other.id]) for other in companies}


def _names(model, ids) -> dict[int, str]:
    return dict(db.session.execute(select(model.id, model.name).where(model.id.in_(ids))).all())


def _conversation_cards(company_id: int, threads, found: dict[int, Card]) -> list[Card]:
    """A card per conversation: the public card while it is open (the found one's, or the starter's, which
    only its partner sees), its name only once it is closed."""
    others = [thread.other_side(company_id) for thread in threads]
    sides = _in_network({company_id} | {other for other, _ in others})
    is_open = {thread.id: _is_open(thread, sides) for thread in threads}
    open_sides = {other for thread, other in zip(threads, others, strict=True) if is_open[thread.id]}
    clusters = _names(Tenant, {tenant for _, tenant in open_sides})
    public = _cards([other for other, _ in open_sides], {other: {t: clusters[t]} for other, t in open_sides})
    names = _names(Company, {other for other, _ in others})
    writers = _writers(threads)
    cards = []
    for thread, (other_id, _) in zip(threads, others, strict=True):
        card = found.get(other_id) or public.get(other_id) or Card(other_id, names[other_id])
        card.closed = not is_open[thread.id]
        card.thread_id, card.last_message_at = thread.id, thread.last_message_at
        card.i_wrote = (thread.id, company_id) in writers
        card.they_wrote = (thread.id, other_id) in writers
        cards.append(card)
    return cards


def network_view(viewer: Tenant, company: Company | None, among=None) -> NetworkView:
    """What `viewer`'s members see of the other clusters; `company` is the viewer's own, if any; `among`:
    only these companies' cards are wanted (all when None).

    A company is found when its representatives opted in and it is a current member of another active
    cluster that takes part in the network (found "from" those clusters only), never when it is a member of
    the viewer's cluster, whose directory shows it already. Nothing is found when the viewer's cluster is
    out; its conversations are then listed closed.
    """
    with cross_tenant():
        members = select(CompanyMembership.company_id).where(CompanyMembership.tenant_id == viewer.id)
        if among is not None:
            members = members.where(CompanyMembership.company_id.in_(among))
        own = set(db.session.scalars(members))
        clusters = _discoverable(viewer, among) if viewer.network_open else {}
        found = _cards([key for key in clusters if key not in own], clusters)
        talks = _with_conversations(viewer, company.id, found) if company else []
    return NetworkView(list(found.values()), talks)


def with_conversations(viewer: Tenant, company: Company, cards: list[Card]) -> dict[int, Card]:
    """`cards` (as read without a company, e.g. kept between pages) marked with `company`'s conversations
    with them, by id: copies, so that the cards given stay unmarked."""
    found = {card.id: replace(card) for card in cards}
    with cross_tenant():
        _with_conversations(viewer, company.id, found)
    return found


def _with_conversations(viewer: Tenant, company_id: int, found: dict[int, Card]) -> list[Card]:
    """A card per conversation of the company, the `found` ones among them marked; those both wrote in
    show their contacts."""
    threads = _threads_of(viewer, company_id)
    talks = _conversation_cards(company_id, threads, found) if threads else []
    contacts = _contacts([card.id for card in talks if card.mutual and not card.closed])
    for card in talks:
        card.contacts = [] if card.closed else contacts.get(card.id, [])
    return talks


def messages_of(card: Card, company: Company) -> list[Said]:
    """The conversation with `card`'s company, oldest first; the viewer's side names its authors."""
    if card.thread_id is None:
        return []
    with cross_tenant():
        rows = db.session.execute(
            select(NetworkMessage, User.name)
            .outerjoin(User, User.id == NetworkMessage.author_id)
            .where(NetworkMessage.thread_id == card.thread_id)
            .order_by(NetworkMessage.id)
        )
        said = []
        for message, author in rows:
            mine = message.company_id == company.id
            name = company.name if mine else card.name
            said.append(Said(mine, name, author if mine else None, message.body, message.created_at))
    return said


def _started_elsewhere(company_id: int, other_id: int) -> bool:
    """The two companies talk already, from pages of other clusters they are members of."""
    pair = or_(
        and_(NetworkThread.starter_company_id == company_id, NetworkThread.other_company_id == other_id),
        and_(NetworkThread.starter_company_id == other_id, NetworkThread.other_company_id == company_id),
    )
    with cross_tenant():
        return db.session.scalar(select(NetworkThread.id).where(pair)) is not None


def write(viewer: Tenant, company: Company, author, card: Card, body: str) -> NetworkMessage:
    """Write to a company of another cluster, starting the conversation or going on with it; its people are
    told in their cluster (the one it was found in, or that it wrote from)."""
    if card.closed:
        raise NetworkError("closed")
    thread = db.session.get(NetworkThread, card.thread_id) if card.thread_id else None
    if thread is None:
        if _started_elsewhere(company.id, card.id):
            raise NetworkError("elsewhere")
        thread = NetworkThread(
            starter_company_id=company.id,
            starter_tenant_id=viewer.id,
            other_company_id=card.id,
            other_tenant_id=next(iter(card.clusters)),
        )
        db.session.add(thread)
    message = NetworkMessage(thread=thread, company_id=company.id, author_id=author.id, body=body.strip())
    thread.last_message_at = utcnow()
    db.session.add(message)
    db.session.flush()
    other_id, tenant_id = thread.other_side(company.id)
    with tenant_scope(db.session.get(Tenant, tenant_id)):
        link = path_for("network.conversation", company_id=company.id)
        notify(people_of(other_id), _notice(card), {"company": company.name}, link, tenant_id=tenant_id)
    return message


def _notice(card: Card) -> str:
    """What the other side is told: a new conversation, the answer that shows contacts, or one more word."""
    if card.i_wrote:
        return "network_message"
    return "network_answer" if card.they_wrote else "network_request"


def set_network_visible(company: Company, visible: bool) -> None:
    """A company's representatives let other clusters find its public card, or stop it."""
    company.network_visible = visible
    db.session.flush()


def set_network_open(tenant: Tenant, open_: bool) -> None:
    """The managers let the cluster take part in the network of clusters, or keep it out."""
    tenant.network_open = open_
    db.session.flush()
