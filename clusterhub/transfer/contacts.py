"""The contact people of an imported member list, and the invitations the import may send them.

A row names up to three contact people, each in four columns as a cluster's member table has them side by
side: `contact_name`, `contact_email`, `contact_phone`, `contact_role` for the first, the same names ending
in `_2` and `_3` for the second and third. A person is found among the company's contact people by e-mail
address, else by name, and updated there; the others are added after them.

An import asked to invite sends each contact person with an e-mail address an invitation into this cluster
as a member of the row's company, unless the person is a member of this cluster already or has been invited
to it before. Only companies of this cluster are concerned: none for a company of another cluster that is
asked to join, and a preview names nothing of other clusters (see `plan`).
"""

from collections.abc import Iterator
from dataclasses import dataclass

from flask import current_app
from flask_babel import lazy_ngettext
from sqlalchemy import select

from clusterhub.accounts.models import User, normalise_email
from clusterhub.companies.models import Company
from clusterhub.companies.services import profile_values
from clusterhub.extensions import db
from clusterhub.i18n import lazy_gettext as _l
from clusterhub.invitations.models import Invitation
from clusterhub.invitations.services import new_invitation
from clusterhub.security import audit, limits
from clusterhub.transfer import cells
from clusterhub.transfer.report import Problem
from tenants.context import current_tenant_id
from tenants.models import Membership

SLOTS = ("", "_2", "_3")
FIELDS = {
    "name": cells.one_line(200),
    "email": cells.email,
    "phone": cells.one_line(50),
    "role": cells.one_line(200),
}
PARSERS = {f"contact_{field}{slot}": parse for slot in SLOTS for field, parse in FIELDS.items()}
NAME_MISSING = _l("Give the contact person's name with the e-mail address, phone or role.")

STATUSES = {
    "invite": _l("will be invited"),
    "if_new": _l("will be invited if the company is new to the platform"),
    "member": _l("not invited: a member of this cluster already"),
    "invited": _l("not invited: invited to this cluster before"),
}
# The invitations a cluster's imports may send a day (clusterhub/config.py RATE_LIMITS).
LIMIT = "cluster_invitations"
# The statuses a preview counts against the limit: it cannot tell yet which "if_new" people are invited.
MAY_BE_INVITED = ("invite", "if_new")
# The rows whose company is (or, in a preview, may become) a member of this cluster.
INVITED_OUTCOMES = {"new", "admitted", "updated", "unchanged"}

# Values in one IN (…): well below what SQLite and PostgreSQL take in one statement.
CHUNK = 500


def chunks(values) -> Iterator[list]:
    """The values, sorted, in lists short enough for one IN (…)."""
    ordered = sorted(values)
    for start in range(0, len(ordered), CHUNK):
        yield ordered[start : start + CHUNK]


def people(values: dict) -> list[dict]:
    """The contact people a row's parsed cells name, each with the fields it gives."""
    found = []
    for slot in SLOTS:
        person = {
            field: values[f"contact_{field}{slot}"] for field in FIELDS if f"contact_{field}{slot}" in values
        }
        if "name" in person:
            found.append(person)
    return found


def unnamed(record: dict) -> list[str]:
    """The name columns a row leaves empty although it gives the person's e-mail, phone or role."""
    return [
        f"contact_name{slot}"
        for slot in SLOTS
        if not record.get(f"contact_name{slot}")
        and any(record.get(f"contact_{field}{slot}") for field in FIELDS if field != "name")
    ]


def _same(person: dict, given: dict) -> bool:
    if given.get("email") and person["email"]:
        return normalise_email(person["email"]) == normalise_email(given["email"])
    return person["name"] == given["name"]  # a person the profile or the file knows without an e-mail


def merged(company: Company, given: list[dict]) -> list[dict]:
    """The company's contact people with the file's among them: updated in place when they are there."""
    contacts = profile_values(company)["contacts"]
    for person in given:
        known = next((contact for contact in contacts if _same(contact, person)), None)
        if known is None:
            contacts.append({field: "" for field in FIELDS} | person)
        else:
            known.update(person)
    return contacts


@dataclass
class PlannedInvitation:
    """A contact person the import invites, or says why it does not."""

    row: int
    name: str
    email: str
    company: str
    status: str  # a key of STATUSES

    @property
    def status_text(self) -> str:
        return str(STATUSES[self.status])


def _emails_taken(emails: set[str]) -> dict[str, str]:
    """Of these addresses, those of members of this cluster and those invited to it: two queries a chunk."""
    taken = {}
    for chunk in chunks(emails):
        invited = select(Invitation.email).where(Invitation.email.in_(chunk))
        taken.update(dict.fromkeys(db.session.scalars(invited), "invited"))
        members = (
            select(User.email).join(Membership, Membership.user_id == User.id).where(User.email.in_(chunk))
        )
        taken.update(dict.fromkeys(db.session.scalars(members), "member"))
    return taken


def plan(rows: list[tuple[int, str, str, list[dict]]]) -> list[PlannedInvitation]:
    """The invitations for rows given as (row number, outcome, company name, contact people).

    A preview's "new_or_waiting" row is one whose company may turn out to be of another cluster: its people
    are listed as invited only if the company is new, the same for every such row, so that the preview
    tells nothing of other clusters. A company waiting for its consent gets no invitation.
    """
    wanted = [
        (number, outcome, company, person)
        for number, outcome, company, contacts in rows
        if outcome in INVITED_OUTCOMES or outcome == "new_or_waiting"
        for person in contacts
        if person.get("email")
    ]
    taken = _emails_taken({normalise_email(person["email"]) for *_, person in wanted})
    planned, seen = [], set()
    for number, outcome, company, person in wanted:
        email = normalise_email(person["email"])
        if email in seen:  # one person named for two companies, or twice: one invitation, the first
            continue
        seen.add(email)
        status = taken.get(email) or ("if_new" if outcome == "new_or_waiting" else "invite")
        planned.append(PlannedInvitation(number, person["name"], email, company, status))
    return planned


def _over_limit(count: int, left: int) -> Problem:
    allowed = current_app.config["RATE_LIMITS"][LIMIT][0]
    message = lazy_ngettext(
        "This import would invite %(num)d person, but the cluster may invite only %(left)d more today "
        "(%(allowed)d a day). Invite fewer people, or import without invitations now and invite them later.",
        "This import would invite %(num)d people, but the cluster may invite only %(left)d more today "
        "(%(allowed)d a day). Invite fewer people, or import without invitations now and invite them later.",
        count,
        left=left,
        allowed=allowed,
    )
    return Problem(None, "", message)


def limit_problem(planned: list[PlannedInvitation], preview: bool) -> Problem | None:
    """Why the invitations cannot be sent (they pass the cluster's daily limit), if so. A confirmed import
    takes its share of the limit here, in the import's transaction: a refused or failed import counts
    nothing."""
    key = f"tenant:{current_tenant_id()}"
    if preview:
        count = sum(1 for invitation in planned if invitation.status in MAY_BE_INVITED)
        left = limits.room(LIMIT, key)
        return _over_limit(count, left) if left is not None and count > left else None
    count = sum(1 for invitation in planned if invitation.status == "invite")
    try:
        limits.take(LIMIT, key, count)
    except limits.RateLimited:
        return _over_limit(count, limits.room(LIMIT, key))
    return None


def invite_planned(planned: list[PlannedInvitation], user) -> list[Invitation]:
    """Add the planned invitations as members of their companies (flushed with the import); the log says
    who imported and how many were invited."""
    made = [
        new_invitation(invitation.email, "member", invitation.company, user)
        for invitation in planned
        if invitation.status == "invite"
    ]
    db.session.add_all(made)
    if made:
        audit.record("import_invitations", f"invitations:{len(made)}", actor=user)
    return made
