"""Companies as members of the current cluster, and their profiles."""

from datetime import date

from sqlalchemy import select

from clusterhub.collation import latvian_sort_key
from clusterhub.companies.models import Company, CompanyChange, CompanyMembership, CompanyRole, CompanyTag
from clusterhub.extensions import db

# The profile fields a representative edits, in the order a change log lists them.
TEXT_FIELDS = (
    "name",
    "registration_number",
    "description",
    "website",
    "size",
    "region",
    "infrastructure",
    "development_directions",
    "partnership_interests",
    "other_clusters",
)


def admit_company(company: Company, member_since: date | None = None) -> CompanyMembership:
    """Make a company (new, or a member elsewhere) a member of the current cluster."""
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


def clean_list(names) -> list[str]:
    """Tags as a person typed them: trimmed, blanks dropped, duplicates (any case or accent) once."""
    seen, result = set(), []
    for name in names:
        name = " ".join(str(name).split())
        if name and latvian_sort_key(name) not in seen:
            seen.add(latvian_sort_key(name))
            result.append(name)
    return result


def set_tags(company: Company, kind: str, names) -> None:
    """Replace the company's sectors or competences."""
    keep = [tag for tag in company.tags if tag.kind != kind]
    company.tags = keep + [CompanyTag(kind=kind, name=name) for name in clean_list(names)]


def set_roles(company: Company, roles) -> None:
    """Replace the company's value-chain roles."""
    company.roles = [CompanyRole(role=role) for role in dict.fromkeys(roles)]


def _snapshot(company: Company) -> dict:
    values = {field: getattr(company, field) for field in TEXT_FIELDS}
    values.update(
        sectors=company.tag_names("sector"),
        competences=company.tag_names("competence"),
        roles=company.role_names,
    )
    return values


def update_profile(company: Company, user, values: dict) -> CompanyChange | None:
    """Apply profile values (text fields, sectors, competences, roles) and log who changed what."""
    before = _snapshot(company)
    for field in TEXT_FIELDS:
        if field in values:
            setattr(company, field, values[field])
    for kind, key in (("sector", "sectors"), ("competence", "competences")):
        if key in values:
            set_tags(company, kind, values[key])
    if "roles" in values:
        set_roles(company, values["roles"])
    after = _snapshot(company)
    changes = {field: [before[field], after[field]] for field in after if before[field] != after[field]}
    if not changes:
        return None
    change = CompanyChange(company=company, user_id=user.id if user else None, changes=changes)
    db.session.add(change)
    db.session.flush()
    return change


def can_edit(membership, company: Company) -> bool:
    """Managers edit every profile of their cluster; members edit the company they represent."""
    return membership.is_manager or membership.company_id == company.id
