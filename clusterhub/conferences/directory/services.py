"""The participant directory of a conference: who registered, across clusters, as each agreed to be shown.

Every registered participant shows the company's name, its cluster, its sectors and what it seeks,
offers and is interested in at the conference; the rest only as far as its show_* flags allow. Pages get
`Card`s, never the participant's company, so a template cannot show what a participant did not agree to.
"""

from dataclasses import dataclass

from flask_sqlalchemy.pagination import Pagination
from sqlalchemy import Select, func, select
from sqlalchemy.orm import selectinload

from clusterhub.collation import latvian_sort_key
from clusterhub.companies.models import Company, CompanyRole, CompanyTag
from clusterhub.conferences.models import EventCluster, Participant
from clusterhub.events.models import Event
from clusterhub.extensions import db
from clusterhub.navigation import paginate
from search.analysis import terms
from tenants.context import across_clusters
from tenants.models import Tenant

# A search of more words than this is cut; each word must match.
MAX_WORDS = 8
SORTS = {
    "name": (Company.name_sort, Participant.id),
    "cluster": (Tenant.name_sort, Company.name_sort, Participant.id),
}


@dataclass(frozen=True)
class Card:
    """What one participant shows the others; a field it keeps to itself is None."""

    id: int
    company: str
    cluster: str
    sectors: list[str]
    seeks: str
    offers: str
    interests: list[str]
    description: str | None = None
    website: str | None = None
    region: str | None = None
    size: str | None = None
    roles: list[str] | None = None
    contact_name: str | None = None
    contact_email: str | None = None


def card(participant: Participant) -> Card:
    """The participant as the other participants see it."""
    company = participant.company
    person = participant.user if participant.shows("contact") else None
    return Card(
        id=participant.id,
        company=company.name,
        cluster=participant.tenant.name,
        sectors=company.tag_names("sector"),
        seeks=participant.seeks,
        offers=participant.offers,
        interests=participant.interest_names,
        description=company.description if participant.shows("description") else None,
        website=company.website if participant.shows("website") else None,
        region=company.region if participant.shows("region") else None,
        size=company.size if participant.shows("size") else None,
        roles=company.role_names if participant.shows("roles") else None,
        contact_name=person.name if person else None,
        contact_email=person.email if person else None,
    )


def _registered(event: Event):
    return (Participant.event_id == event.id) & (Participant.status == "registered")


def _loaded(statement: Select) -> Select:
    return statement.options(
        selectinload(Participant.company).selectinload(Company.tags),
        selectinload(Participant.company).selectinload(Company.roles),
        selectinload(Participant.tenant),
        selectinload(Participant.user),
    )


@across_clusters
def registered(event: Event) -> list[Participant]:
    """The conference's registered participants with what their cards show, in name order."""
    statement = (
        select(Participant)
        .join(Participant.company)
        .where(_registered(event))
        .order_by(Company.name_sort, Participant.id)
    )
    return list(db.session.scalars(_loaded(statement)))


@across_clusters
def _searched_text(event: Event) -> dict[int, list[str]]:
    """Per participant, the texts every participant shows: name, sectors, seeks, offers, interests."""
    texts: dict[int, list[str]] = {}
    rows = db.session.execute(
        select(Participant.id, Company.name, Participant.seeks, Participant.offers, Participant.interests)
        .join(Participant.company)
        .where(_registered(event))
    )
    for participant_id, *values in rows:
        texts[participant_id] = list(values)
    sectors = db.session.execute(
        select(Participant.id, CompanyTag.name)
        .join(CompanyTag, CompanyTag.company_id == Participant.company_id)
        .where(_registered(event), CompanyTag.kind == "sector")
    )
    for participant_id, name in sectors:
        texts[participant_id].append(name)
    return texts


def _matching_ids(event: Event, wanted: list[str]) -> list[int]:
    # Analysed in Python with the search's own analysis (Latvian endings, accents), which a conference
    # of a few hundred participants allows; a word typed in part matches the words it begins.
    found = []
    for participant_id, texts in _searched_text(event).items():
        known = terms("\n".join(texts))
        if all(any(term.startswith(word) for term in known) for word in wanted):
            found.append(participant_id)
    return found


def _conditions(event: Event, filters: dict):
    if filters.get("cluster"):
        yield Tenant.slug == filters["cluster"]
    if filters.get("sector"):
        key = latvian_sort_key(filters["sector"])
        yield Company.tags.any((CompanyTag.kind == "sector") & (CompanyTag.key == key))
    # Region and role find only those who show them: a filter must not tell what a card hides.
    if filters.get("region"):
        yield Participant.show_region.is_(True) & (Company.region == filters["region"])
    if filters.get("role"):
        yield Participant.show_roles.is_(True) & Company.roles.any(CompanyRole.role == filters["role"])
    wanted = terms(filters.get("text") or "")[:MAX_WORDS]
    if wanted:
        yield Participant.id.in_(_matching_ids(event, wanted))


@across_clusters
def directory_page(event: Event, filters: dict, sort: str = "name") -> Pagination:
    """One page of the conference's registered participants matching `filters`, sorted; their companies'
    cards are read across clusters, the participants are kept to the conference by its criterion."""
    return paginate(_directory(event, filters, sort))


def _directory(event: Event, filters: dict, sort: str) -> Select:
    statement = (
        select(Participant)
        .join(Participant.company)
        .join(Participant.tenant)
        .where(_registered(event), *_conditions(event, filters))
        .order_by(*SORTS.get(sort, SORTS["name"]))
    )
    return _loaded(statement)


def participant_count(event: Event) -> int:
    """How many companies registered for the conference."""
    return db.session.scalar(select(func.count(Participant.id)).where(_registered(event)))


def invited_clusters(event: Event) -> list[Tenant]:
    """The clusters the conference invites, in name order."""
    statement = (
        select(Tenant)
        .join(EventCluster, EventCluster.tenant_id == Tenant.id)
        .where(EventCluster.event_id == event.id)
        .order_by(Tenant.name_sort)
    )
    return list(db.session.scalars(statement))


@across_clusters
def sector_names(event: Event) -> list[str]:
    """Every sector the registered participants' companies name, once, in Latvian order."""
    rows = db.session.execute(
        select(CompanyTag.key, func.min(CompanyTag.name))
        .join(Participant, Participant.company_id == CompanyTag.company_id)
        .where(_registered(event), CompanyTag.kind == "sector")
        .group_by(CompanyTag.key)
        .order_by(CompanyTag.key)
    )
    return [name for _, name in rows]
