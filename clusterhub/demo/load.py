"""Loading the demo clusters; running it again adds only what is missing."""

import unicodedata
from datetime import date, timedelta

from sqlalchemy import select

from clusterhub.accounts.models import User
from clusterhub.accounts.services import create_user, find_user
from clusterhub.companies.models import Company
from clusterhub.companies.services import admit_company, company_named
from clusterhub.demo import data
from clusterhub.extensions import db
from tenants.context import tenant_scope
from tenants.models import Membership, Tenant
from tenants.services import add_member, create_tenant


def _ascii(text: str) -> str:
    return unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().lower()


def _person(name: str, email: str, **flags) -> User:
    return find_user(email) or create_user(email, name, data.DEMO_PASSWORD, **flags)


def _join(user: User, role: str, company: Company | None = None) -> None:
    if db.session.scalar(select(Membership.id).where(Membership.user_id == user.id)) is None:
        add_member(user, role, company)


def _representative(index: int, cluster_index: int, slug: str) -> tuple[str, str]:
    first = data.FIRST_NAMES[index % len(data.FIRST_NAMES)]
    masculine, feminine = data.SURNAMES[(index * 7 + cluster_index * 3) % len(data.SURNAMES)]
    last = feminine if first in data.FEMININE else masculine
    return f"{first} {last}", f"{_ascii(first)}.{_ascii(last)}@{slug}.demo.lv"


def _member_since(index: int) -> date:
    # Spread over eight years so that new, long-standing and drifting members all appear.
    return date.today() - timedelta(days=30 + (index * 173) % 2900)


def _tenant_by_slug(slug: str) -> Tenant | None:
    return db.session.scalar(select(Tenant).where(Tenant.slug == slug))


def _tenant(spec: dict) -> Tenant:
    return _tenant_by_slug(spec["slug"]) or create_tenant(
        spec["slug"],
        spec["name"],
        vision=spec["vision"],
        description=spec["description"],
        sector=spec["sector"],
        region=spec["region"],
    )


def _load_cluster(cluster_index: int, spec: dict) -> list[tuple[str, str]]:
    tenant = _tenant(spec)
    with tenant_scope(tenant):
        manager = _person(*spec["manager"])
        _join(manager, "manager")
        for index, name in enumerate(spec["companies"]):
            company = company_named(name, member_since=_member_since(index))
            _join(_person(*_representative(index, cluster_index, tenant.slug)), "member", company)
    first_member = _representative(0, cluster_index, tenant.slug)[1]
    return [(manager.email, f"manager of {tenant.slug}"), (first_member, f"member of {tenant.slug}")]


def _two_cluster_person() -> tuple[str, str]:
    """One company, one profile, two clusters: its representative switches between them."""
    name, email, company_name, (home_slug, second_slug) = data.TWO_CLUSTER_PERSON
    person = _person(name, email)
    with tenant_scope(_tenant_by_slug(home_slug)):
        company = company_named(company_name)
        _join(person, "member", company)
    with tenant_scope(_tenant_by_slug(second_slug)):
        if db.session.scalar(select(Company.id).where(Company.id == company.id)) is None:
            admit_company(company)
        _join(person, "member", company)
    return email, f"member of {home_slug} and {second_slug}"


def load_demo() -> list[tuple[str, str]]:
    """Create whatever of the demo is missing; return the logins worth showing (e-mail, what it is)."""
    logins = [
        (_person(*data.ADMIN, is_admin=True).email, "platform administrator"),
        (_person(*data.ORGANISER, is_organiser=True).email, "event organiser"),
    ]
    for cluster_index, spec in enumerate(data.CLUSTERS):
        logins += _load_cluster(cluster_index, spec)
    logins.append(_two_cluster_person())
    db.session.flush()
    return logins
