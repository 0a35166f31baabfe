"""Companies as members of the current cluster."""
from datetime import date

from sqlalchemy import select

from clusterhub.collation import latvian_sort_key
from clusterhub.companies.models import Company, CompanyMembership
from clusterhub.extensions import db


def company_named(name: str, member_since: date | None = None) -> Company:
    """The current cluster's member company of this name, admitted now if it is not a member yet."""
    name = " ".join(name.split())
    # SQLite's lower() folds only ASCII, so names are compared by their Latvian sort key instead.
    company = db.session.scalar(select(Company).where(Company.name_sort == latvian_sort_key(name)))
    if company is None:
        company = Company(name=name)
        db.session.add(company)
        db.session.add(CompanyMembership(company=company, member_since=member_since or date.today()))
        db.session.flush()
    return company
