"""Companies as members of the current cluster."""

from datetime import date

from sqlalchemy import select

from clusterhub.collation import latvian_sort_key
from clusterhub.companies.models import Company, CompanyMembership
from clusterhub.extensions import db


def admit_company(company: Company, member_since: date | None = None) -> CompanyMembership:
    """Make an existing company (a member elsewhere) a member of the current cluster too."""
    link = CompanyMembership(company=company, member_since=member_since or date.today())
    db.session.add(link)
    db.session.flush()
    return link


def company_named(name: str, member_since: date | None = None) -> Company:
    """The current cluster's member company of this name, admitted now if it is not a member yet."""
    name = " ".join(name.split())
    # SQLite's lower() folds only ASCII, so names are compared by their Latvian sort key instead.
    company = db.session.scalar(select(Company).where(Company.name_sort == latvian_sort_key(name)))
    if company is None:
        company = Company(name=name)
        admit_company(company, member_since)
    return company


def company_or_none(name: str) -> Company | None:
    """The member company a form or command names, or None when the name is blank."""
    return company_named(name) if name.strip() else None
