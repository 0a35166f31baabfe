"""The member directory as a spreadsheet: importing companies into the current cluster, exporting them.

A row finds its company by registration number or name among this cluster's members. A registration
number of a company that is a member only elsewhere (one legal entity, one profile) becomes a request the
company's own representatives accept or refuse; until then the row is "waiting for the company" and the
cluster neither reads nor changes its profile. A preview does not tell which numbers exist elsewhere.
Non-empty cells replace what the profile says, empty cells leave it as it is, so importing the same file
twice changes nothing.
"""

import gc
from contextlib import contextmanager
from dataclasses import dataclass, field

from sqlalchemy import select
from sqlalchemy.orm import selectinload

from clusterhub.clock import local_today
from clusterhub.collation import company_sort_key
from clusterhub.companies.admissions import request_admissions
from clusterhub.companies.models import Company, CompanyMembership
from clusterhub.companies.services import apply_profile
from clusterhub.extensions import db
from clusterhub.i18n import lazy_gettext as _l
from clusterhub.security import audit
from clusterhub.transfer import cells, contacts
from clusterhub.transfer.csvfile import read_table
from clusterhub.transfer.report import Problem, Report, RowResult
from tenants.context import cross_tenant

REQUIRED = ("name",)
PARSERS = {
    "name": cells.one_line(200),
    "registration_number": cells.registration_number(40),
    "sectors": cells.names(100),
    "size": cells.one_of("size"),
    "region": cells.one_of("region"),
    "roles": cells.some_of("role"),
    "competences": cells.names(100),
    "description": cells.text,
    "infrastructure": cells.text,
    "development_directions": cells.text,
    "partnership_interests": cells.text,
    "website": cells.website(300),
    **contacts.PARSERS,
    "member_since": cells.day,
}
COLUMNS = tuple(PARSERS)
# The columns that are fields of the profile itself (update_profile's keys have the same names).
PROFILE = (
    "name",
    "registration_number",
    "sectors",
    "size",
    "region",
    "roles",
    "competences",
    "description",
    "infrastructure",
    "development_directions",
    "partnership_interests",
    "website",
)
NUMBER_TAKEN = _l("Another company on the platform has this registration number.")


@contextmanager
def without_collector_pauses():
    """Python's cycle collector off while a file's rows are written: each few hundred of the tens of
    thousands of new objects would start a collection that scans the whole session again (more than half
    of an import's time), and nothing made here is garbage before the import ends."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


@dataclass
class _Row:
    result: RowResult
    values: dict
    company: Company | None = None  # a member of this cluster; None: a new company or one of elsewhere
    link: CompanyMembership | None = None
    elsewhere: Company | None = None  # the company of other clusters with the row's registration number
    keys: list[tuple] = field(default_factory=list)  # what makes the row the same company as another row


@dataclass
class _Known:
    """The cluster's member companies, read once for the whole file (a few queries, not some per row)."""

    by_number: dict[str, Company]
    by_name: dict[str, Company]  # by the sort key of the name (its legal form left out)
    links: dict[int, CompanyMembership]  # by company id

    @classmethod
    def read(cls) -> "_Known":
        profile = (selectinload(Company.tags), selectinload(Company.roles), selectinload(Company.contacts))
        companies = db.session.scalars(select(Company).options(*profile)).all()
        links = db.session.scalars(select(CompanyMembership))
        return cls(
            {company.registration_number: company for company in companies if company.registration_number},
            {company.name_sort: company for company in companies},
            {link.company_id: link for link in links},
        )


def _numbers_elsewhere(numbers: set[str]) -> dict[str, Company]:
    """The companies of other clusters that have these registration numbers (unique on the platform)."""
    found = {}
    with cross_tenant():
        for chunk in contacts.chunks(numbers):
            query = select(Company).where(Company.registration_number.in_(chunk))
            found.update((company.registration_number, company) for company in db.session.scalars(query))
    return found


def _problem(row: _Row, column: str, message) -> None:
    row.result.problems.append(Problem(row.result.number, column, message))


def _find_company(row: _Row, known: _Known) -> None:
    """Which company the row means, or a problem when its number and its name point at two companies."""
    number, name = row.values.get("registration_number"), row.values["name"]
    by_number = known.by_number.get(number) if number else None
    by_name = known.by_name.get(company_sort_key(name))
    if by_number and by_name and by_number.id != by_name.id:
        message = _l(
            "The registration number belongs to “%(owner)s”, but another member is called “%(name)s”.",
            owner=by_number.name,
            name=name,
        )
        return _problem(row, "registration_number", message)
    if by_number is None and by_name and by_name.registration_number and number:
        message = _l(
            "“%(name)s” has the registration number %(number)s here. Correct the file or the profile.",
            name=by_name.name,
            number=by_name.registration_number,
        )
        return _problem(row, "registration_number", message)
    row.company = by_number or by_name
    row.link = known.links.get(row.company.id) if row.company else None


def _check(number: int, record: dict, known: _Known) -> _Row:
    values, problems = cells.parse_row(number, record, PARSERS, REQUIRED)
    row = _Row(RowResult(number, values.get("name") or record.get("name", ""), problems=problems), values)
    for column in contacts.unnamed(record):
        _problem(row, column, contacts.NAME_MISSING)
    if "name" in values:
        _find_company(row, known)
        row.keys = [("name", company_sort_key(values["name"]))]
        if "registration_number" in values:
            row.keys.append(("number", values["registration_number"]))
        if row.company is not None:
            row.keys.append(("company", row.company.id))
    return row


def _check_repeats(rows: list[_Row]) -> None:
    seen: dict[tuple, int] = {}
    for row in rows:
        earlier = next((seen[key] for key in row.keys if key in seen), None)
        if earlier is not None:
            _problem(row, "name", _l("The same company is in row %(row)d already.", row=earlier))
        seen.update(dict.fromkeys(row.keys, row.result.number))


def _look_elsewhere(rows: list[_Row]) -> None:
    """Find the companies of other clusters the rows' numbers name; a member given a number another
    company has is a problem. Only for a confirmed import: the preview does not tell which numbers exist."""
    wanted = {row.values["registration_number"] for row in rows if "registration_number" in row.values}
    elsewhere = _numbers_elsewhere(wanted)
    for row in rows:
        other = elsewhere.get(row.values.get("registration_number"))
        if other is None or (row.company is not None and other.id == row.company.id):
            continue
        if row.company is None:
            row.elsewhere = other
        else:  # a member without a number, given one that another company has
            _problem(row, "registration_number", NUMBER_TAKEN)


def _join(row: _Row, user, preview: bool, admit_existing: bool) -> bool:
    """Add or admit the row's company when it is not a member yet; False when the row stops here."""
    result, since = row.result, row.values.get("member_since")
    if preview and "registration_number" in row.values and not admit_existing:
        # Whether a number is a company of other clusters is told only once the import is confirmed.
        result.outcome = "new_or_waiting"
        return False
    if row.elsewhere is not None and not admit_existing:
        result.outcome = "waiting"  # asked after every other row is written (see import_companies)
        return False
    if row.elsewhere is not None:
        row.company = row.elsewhere
        audit.record("company_admitted", f"company:{row.company.id}", actor=user)
        result.outcome = "admitted"
    else:
        result.outcome = "new"
        if preview:  # nothing more to show of a new company than that it is new
            return False
        row.company = Company(name=row.values["name"])
    row.link = CompanyMembership(company=row.company, member_since=since or local_today())
    db.session.add(row.link)
    return True


def _profile(row: _Row, preview: bool) -> dict:
    values = row.values
    profile = {key: values[key] for key in PROFILE if key in values}
    people = contacts.people(values)
    if people:
        profile["contacts"] = contacts.merged(row.company, people)
    if preview and row.company.registration_number is None and "registration_number" in profile:
        # A number given to a member without one could clash with a company elsewhere: the preview
        # reports it as a change whether or not it is taken, and the confirmed import checks it.
        profile.pop("registration_number")
    return profile


def _apply(row: _Row, user, preview: bool, admit_existing: bool) -> None:
    result, since = row.result, row.values.get("member_since")
    if row.company is None and not _join(row, user, preview, admit_existing):
        return
    moved = result.outcome == "" and since is not None and row.link.member_since != since
    if moved:
        row.link.member_since = since
    profile = _profile(row, preview)
    change = apply_profile(row.company, user, profile)  # names and numbers were checked for the whole file
    if result.outcome != "new":  # a new profile changes everything; worth naming only for the others
        held_back = [key for key in ("registration_number",) if key in row.values.keys() - profile.keys()]
        moved_list = ["member_since"] if moved else []
        result.changed = [*(change.changes if change else ()), *held_back, *moved_list]
    if not result.outcome:
        result.outcome = "updated" if result.changed else "unchanged"


def _invite(rows: list[_Row], report: Report, user, preview: bool) -> None:
    """Plan the invitations of the rows' contact people; make them unless this is a preview, or they would
    pass the cluster's daily limit (a problem of the file then)."""
    with db.session.no_autoflush:  # a preview's changes are only to be rolled back, never written
        report.invitations = contacts.plan(
            [
                (
                    row.result.number,
                    row.result.outcome,
                    row.company.name if row.company else row.values["name"],
                    contacts.people(row.values),
                )
                for row in rows
            ]
        )
    problem = contacts.limit_problem(report.invitations, preview)
    if problem is not None:  # the caller rolls the whole import back: never half of it
        report.problems.append(problem)
    elif not preview:
        report.sent = contacts.invite_planned(report.invitations, user)
        db.session.flush()


def import_companies(
    content: bytes, user, preview: bool = False, admit_existing: bool = False, invite: bool = False
) -> Report:
    """Check a member list; when every row is valid, add and update its companies and ask those of other
    clusters to join (flush only). `admit_existing` (a platform administrator's command) admits them;
    `invite` invites the contact people into this cluster (the caller e-mails `report.sent` after commit)."""
    records, problems = read_table(content, COLUMNS, REQUIRED)
    report = Report("companies", problems)
    if problems and not records:
        return report
    known = _Known.read()
    rows = [_check(number, record, known) for number, record in records]
    _check_repeats(rows)
    if not preview and not any(row.result.problems for row in rows):
        _look_elsewhere(rows)
    report.rows = [row.result for row in rows]
    if not report.ok:
        return report
    with without_collector_pauses(), db.session.no_autoflush:  # all is known already: one flush for the file
        for row in rows:
            _apply(row, user, preview, admit_existing)
        if not preview:  # a preview's rows are rolled back by the caller
            db.session.flush()
    asked = {row.elsewhere: row.values.get("member_since") for row in rows if row.result.outcome == "waiting"}
    if asked:
        request_admissions(asked, user)
    if invite:
        _invite(rows, report, user, preview)
    return report


def _as_row(link: CompanyMembership) -> dict:
    company = link.company
    people = {
        f"contact_{field}{slot}": getattr(person, field)
        for slot, person in zip(contacts.SLOTS, company.contacts, strict=False)
        for field in contacts.FIELDS
    }
    return {
        "name": company.name,
        "registration_number": company.registration_number or "",
        "sectors": company.tag_names("sector"),
        "size": company.size or "",
        "region": company.region or "",
        "roles": company.role_names,
        "competences": company.tag_names("competence"),
        "description": company.description,
        "infrastructure": company.infrastructure,
        "development_directions": company.development_directions,
        "partnership_interests": company.partnership_interests,
        "website": company.website,
        **people,
        "member_since": link.member_since.isoformat(),
    }


def company_rows() -> list[dict]:
    """The cluster's member companies as rows of the import's columns, in Latvian alphabetical order."""
    links = db.session.scalars(
        select(CompanyMembership)
        .join(CompanyMembership.company)
        .options(
            selectinload(CompanyMembership.company).selectinload(Company.tags),
            selectinload(CompanyMembership.company).selectinload(Company.roles),
            selectinload(CompanyMembership.company).selectinload(Company.contacts),
        )
        .order_by(Company.name_sort)
    )
    return [_as_row(link) for link in links]
