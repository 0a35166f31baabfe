"""Companies as members of the current cluster, and their profiles."""

import hashlib
import warnings
from datetime import date
from io import BytesIO

from PIL import Image
from sqlalchemy import select

from clusterhub.clock import local_today
from clusterhub.collation import company_sort_key, latvian_sort_key
from clusterhub.companies.models import (
    Company,
    CompanyChange,
    CompanyMembership,
    CompanyRole,
    CompanyTag,
    ContactPerson,
)
from clusterhub.db import reuse_rows
from clusterhub.extensions import db
from search.vocabulary.lookup import concept_id_named
from tenants.context import cross_tenant
from tenants.models import Membership

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
# Blank means "not given": NULL, which the unique registration number and the CHECKs on size and
# region accept (an empty string would clash with the next blank number).
NULLABLE_FIELDS = ("registration_number", "size", "region")
CONTACT_FIELDS = ("name", "role", "email", "phone")

MAX_LOGO_BYTES = 1024 * 1024
MAX_LOGO_SIDE = 5000
LOGO_TYPES = {"PNG": "image/png", "JPEG": "image/jpeg", "WEBP": "image/webp"}
# What Pillow raises for a file that is not a whole, decodable image of the kinds above.
_BROKEN_IMAGE = (
    OSError,
    SyntaxError,
    ValueError,
    EOFError,
    Image.DecompressionBombError,
    Image.DecompressionBombWarning,
)


class ProfileError(ValueError):
    """A profile value the rules refuse; `field` is the form field to blame, `reason` the rule."""

    def __init__(self, field: str, reason: str):
        super().__init__(f"{field}: {reason}")
        self.field = field
        self.reason = reason


class NumberElsewhere(ProfileError):
    """The registration number is that of a company that is not a member of this cluster (`company`)."""

    def __init__(self, company: Company):
        super().__init__("registration_number", "elsewhere")
        self.company = company


def admit_company(company: Company, member_since: date | None = None) -> CompanyMembership:
    """Make a company (new, or a member elsewhere) a member of the current cluster."""
    link = CompanyMembership(company=company, member_since=member_since or local_today())
    db.session.add(link)
    db.session.flush()
    return link


def company_named(name: str, member_since: date | None = None) -> Company:
    """The current cluster's member company of this name, admitted now if it is not a member yet."""
    name = " ".join(name.split())
    # SQLite's lower() folds only ASCII, so names are compared by their sort key instead ("SIA Koks" is
    # "Koks, SIA" and "sia koks").
    company = db.session.scalar(select(Company).where(Company.name_sort == company_sort_key(name)))
    if company is None:
        company = Company(name=name)
        admit_company(company, member_since)
    return company


def company_or_none(name: str) -> Company | None:
    """The member company a form or command names, or None when the name is blank."""
    return company_named(name) if name.strip() else None


def membership_in_cluster(company: Company) -> CompanyMembership:
    """The company's membership of the current cluster (member since, …)."""
    return db.session.scalars(
        select(CompanyMembership).where(CompanyMembership.company_id == company.id)
    ).one()


def clean_list(names) -> list[str]:
    """Tags as a person typed them: trimmed, blanks dropped, duplicates (any case or accent) once."""
    seen, result = set(), []
    for name in names:
        name = " ".join(str(name).split())
        if name and latvian_sort_key(name) not in seen:
            seen.add(latvian_sort_key(name))
            result.append(name)
    return result


def named_rows(existing, names, make) -> list:
    """Tag rows for `names` (a company's or a post's), reusing a row whose name keeps its key, each
    linked to the concept its name stands for."""
    wanted = {latvian_sort_key(name): name for name in clean_list(names)}
    rows = reuse_rows(existing, lambda row: row.key, wanted, lambda key: make())
    for row, name in zip(rows, wanted.values(), strict=True):
        row.name = name  # the spelling typed now, e.g. "Čiekurs" replacing "ciekurs"
        row.concept_id = concept_id_named(name)
    return rows


def set_tags(company: Company, kind: str, names) -> None:
    """Replace the company's sectors or competences."""
    same_kind = [tag for tag in company.tags if tag.kind == kind]
    others = [tag for tag in company.tags if tag.kind != kind]
    company.tags = others + named_rows(same_kind, names, lambda: CompanyTag(kind=kind))


def set_roles(company: Company, roles) -> None:
    """Replace the company's value-chain roles."""
    company.roles = reuse_rows(
        company.roles, lambda row: row.role, dict.fromkeys(roles), lambda role: CompanyRole(role=role)
    )


def set_contacts(company: Company, contacts: list[dict]) -> None:
    """Replace the company's contact people, in the order given."""
    rows = list(company.contacts)
    kept = []
    for position, values in enumerate(contacts):
        person = rows[position] if position < len(rows) else ContactPerson()
        for field in CONTACT_FIELDS:
            setattr(person, field, (values.get(field) or "").strip())
        person.position = position
        kept.append(person)
    company.contacts = kept


def profile_values(company: Company) -> dict:
    """The editable profile as plain values: what an edit form starts from and the change log compares."""
    values = {field: getattr(company, field) for field in TEXT_FIELDS}
    values.update(
        sectors=sorted(company.tag_names("sector"), key=latvian_sort_key),
        competences=sorted(company.tag_names("competence"), key=latvian_sort_key),
        roles=sorted(company.role_names),
        contacts=[{field: getattr(person, field) for field in CONTACT_FIELDS} for person in company.contacts],
    )
    return values


def _refuse_clashes(company: Company, values: dict) -> None:
    number = values.get("registration_number")
    if number and number != company.registration_number:
        # The number is unique across the platform, so the check looks beyond this cluster; it says
        # only that the number is taken, never by whom.
        with cross_tenant():
            taken = db.session.scalar(
                select(Company).where(Company.registration_number == number, Company.id != company.id)
            )
        if taken is not None:
            # Scoped to the cluster: only a member here may be named as the number's owner.
            if db.session.scalar(select(Company.id).where(Company.id == taken.id)) is None:
                raise NumberElsewhere(taken)
            raise ProfileError("registration_number", "taken")
    name = values.get("name")
    if name and company_sort_key(name) != company.name_sort:
        # Invitations and imports find a member company by its name, so a cluster must not have two.
        same_name = select(Company.id).where(
            Company.name_sort == company_sort_key(name), Company.id != company.id
        )
        if db.session.scalar(same_name) is not None:
            raise ProfileError("name", "taken")


def _record(company: Company, user, changes: dict) -> CompanyChange:
    change = CompanyChange(company=company, user_id=user.id if user else None, changes=changes)
    db.session.add(change)
    return change


def _blank_as_null(values: dict) -> dict:
    return {**values, **{field: values[field] or None for field in NULLABLE_FIELDS if field in values}}


def update_profile(company: Company, user, values: dict) -> CompanyChange | None:
    """Apply profile values (text fields, sectors, competences, roles, contacts) and log who changed what.

    `member_since` sets the date the company joined the current cluster; it belongs to this cluster's
    membership, not to the shared profile, so it stays out of the change log every cluster sees.
    """
    values = _blank_as_null(values)
    _refuse_clashes(company, values)
    return apply_profile(company, user, values)


def apply_profile(company: Company, user, values: dict) -> CompanyChange | None:
    """`update_profile` for a caller that has checked the name and the number against every other company
    itself (the import, for a whole file at once); no query of its own unless `member_since` is given."""
    values = _blank_as_null(values)
    before = profile_values(company)
    for field in TEXT_FIELDS:
        if field in values:
            setattr(company, field, values[field])
    for kind, key in (("sector", "sectors"), ("competence", "competences")):
        if key in values:
            set_tags(company, kind, values[key])
    if "roles" in values:
        set_roles(company, values["roles"])
    if "contacts" in values:
        set_contacts(company, values["contacts"])
    if values.get("member_since"):
        membership_in_cluster(company).member_since = values["member_since"]
    after = profile_values(company)
    changes = {field: [before[field], after[field]] for field in after if before[field] != after[field]}
    if not changes:
        return None
    return _record(company, user, changes)


def logo_type(data: bytes) -> str:
    """The MIME type of an uploaded logo, judged by its content, never by its name.

    Raises ProfileError when it is larger than 1 MB, not a whole PNG, JPEG or WebP image, or too big
    in pixels.
    """
    if len(data) > MAX_LOGO_BYTES:
        raise ProfileError("logo", "too_big")
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            # verify() checks the file's structure; decoding (load) is what finds damaged pixel data.
            with Image.open(BytesIO(data), formats=tuple(LOGO_TYPES)) as image:
                image.verify()
            with Image.open(BytesIO(data), formats=tuple(LOGO_TYPES)) as image:
                fits = max(image.size) <= MAX_LOGO_SIDE
                if fits:
                    image.load()
                kind = image.format
    except _BROKEN_IMAGE as error:
        raise ProfileError("logo", "not_image") from error
    if not fits:
        raise ProfileError("logo", "too_large")
    return LOGO_TYPES[kind]


def _fingerprint(data: bytes | None) -> str | None:
    return hashlib.sha256(data).hexdigest()[:16] if data else None


def set_logo(company: Company, user, data: bytes) -> CompanyChange:
    """Store a checked logo in place of the old one, and log it."""
    kind = logo_type(data)
    changes = {"logo": [_fingerprint(company.logo), _fingerprint(data)]}
    company.logo, company.logo_type = data, kind
    return _record(company, user, changes)


def delete_logo(company: Company, user) -> CompanyChange | None:
    """Take the logo off the profile, and log it."""
    if company.logo_type is None:
        return None
    changes = {"logo": [_fingerprint(company.logo), None]}
    company.logo, company.logo_type = None, None
    return _record(company, user, changes)


def change_history(company: Company):
    """The statement for a profile's changes, newest first."""
    return (
        select(CompanyChange)
        .where(CompanyChange.company_id == company.id)
        .order_by(CompanyChange.created_at.desc(), CompanyChange.id.desc())
    )


def people_of_this_cluster(user_ids) -> set[int]:
    """Which of these people are members of the current cluster.

    A profile is shared by every cluster its company is in; a change log names only the people
    of the cluster it is read in, so nobody learns who belongs to another cluster.
    """
    ids = {user_id for user_id in user_ids if user_id is not None}
    if not ids:
        return set()
    return set(db.session.scalars(select(Membership.user_id).where(Membership.user_id.in_(ids))))


def can_edit(membership, company: Company) -> bool:
    """Managers edit every profile of their cluster; members edit the company they represent."""
    return membership.is_manager or membership.company_id == company.id
