"""The network of clusters: member companies that opted in, found by members of the platform's other clusters.

Only a public card crosses between clusters: name, sectors, competences, value-chain roles, region and
description. Nothing else of a company (contacts, posts, ratings, services, its cluster's members) is read
for another cluster: `public_cards` is the one cross-cluster read, and it returns plain cards, never rows
whose relationships a template could follow further.
"""

from dataclasses import dataclass, field

from sqlalchemy import select
from sqlalchemy.orm import selectinload

from clusterhub.collation import fold
from clusterhub.companies.models import Company, CompanyMembership
from clusterhub.extensions import db
from tenants.context import cross_tenant
from tenants.models import Tenant

# Matching reads every card against every open need of the viewer's company: a bound on the work.
MATCHED_CARDS = 300


@dataclass(frozen=True)
class Tag:
    kind: str
    name: str


@dataclass
class Card:
    """A company's public card as another cluster sees it, and the clusters it is found from.

    It has what matching reads of a company (search/matching/scoring.py), and nothing more.
    """

    id: int
    name: str
    name_sort: str
    region: str | None
    description: str
    tags: list[Tag]
    role_names: list[str]
    clusters: list[str]
    infrastructure: str = field(default="")  # not on the public card: matching reads it as empty

    def tag_names(self, kind: str) -> list[str]:
        return [tag.name for tag in self.tags if tag.kind == kind]

    def mentions(self, text: str) -> bool:
        """Whether the card's name, description or tags contain `text`, ignoring case and accents."""
        haystack = " ".join([self.name, self.description, *(tag.name for tag in self.tags)])
        return fold(text) in fold(haystack)


def _card(company: Company, clusters: list[str]) -> Card:
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


def public_cards(viewer: Tenant) -> list[Card]:
    """The public cards of the companies other clusters show to `viewer`'s members, by name.

    A company shows when its representatives opted in and it is a current member of another active cluster
    that takes part in the network (it shows "from" those clusters only); never a member of the viewer's
    own cluster, whose directory shows it already; nothing at all when the viewer's cluster is out.
    """
    if not viewer.network_open:
        return []
    with cross_tenant():
        rows = db.session.execute(
            select(CompanyMembership.company_id, Tenant.name)
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
        ).all()
        own = set(
            db.session.scalars(
                select(CompanyMembership.company_id).where(CompanyMembership.tenant_id == viewer.id)
            )
        )
        clusters: dict[int, list[str]] = {}
        for company_id, cluster in rows:
            if company_id not in own:
                clusters.setdefault(company_id, []).append(cluster)
        companies = db.session.scalars(
            select(Company)
            .where(Company.id.in_(clusters))
            .options(selectinload(Company.tags), selectinload(Company.roles))
            .order_by(Company.name_sort)
        )
        return [_card(company, clusters[company.id]) for company in companies]


def set_network_visible(company: Company, visible: bool) -> None:
    """A company's representatives let other clusters find its public card, or stop it."""
    company.network_visible = visible
    db.session.flush()


def set_network_open(tenant: Tenant, open_: bool) -> None:
    """The managers let the cluster take part in the network of clusters, or keep it out."""
    tenant.network_open = open_
    db.session.flush()
