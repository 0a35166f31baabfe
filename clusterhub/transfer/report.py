"""What an import found and did, row by row: shown as the preview, the CLI's lines and the summary."""

from dataclasses import dataclass, field

from flask_babel import ngettext

from clusterhub.i18n import lazy_gettext as _l

OUTCOMES = {
    "new": _l("new"),
    "admitted": _l("admitted from another cluster"),
    "waiting": _l("waiting for the company"),
    "new_or_waiting": _l("new, or asked to join if the company is on the platform already"),
    "updated": _l("updated"),
    "unchanged": _l("unchanged"),
    "existing": _l("already on the board, left as it is"),
}


# How many rows had each outcome; one ngettext per outcome, so Latvian gets the right plural form of each.
COUNTED = {
    "new": lambda n: ngettext("%(num)d new", "%(num)d new", n),
    "admitted": lambda n: ngettext(
        "%(num)d admitted from another cluster", "%(num)d admitted from other clusters", n
    ),
    "waiting": lambda n: ngettext("%(num)d waiting for the company", "%(num)d waiting for the companies", n),
    "new_or_waiting": lambda n: ngettext("%(num)d new or asked to join", "%(num)d new or asked to join", n),
    "updated": lambda n: ngettext("%(num)d updated", "%(num)d updated", n),
    "unchanged": lambda n: ngettext("%(num)d unchanged", "%(num)d unchanged", n),
    "existing": lambda n: ngettext("%(num)d already on the board", "%(num)d already on the board", n),
}


@dataclass
class Problem:
    """One thing wrong with the file: where (spreadsheet row, column) and what, in the reader's language."""

    row: int | None
    column: str
    message: str  # a lazy string, so the CLI and each visitor read it in their own language

    def __str__(self) -> str:
        where = ", ".join(part for part in (f"row {self.row}" if self.row else "", self.column) if part)
        return f"{where}: {self.message}" if where else str(self.message)


@dataclass
class RowResult:
    """One row of the file: which company or post it names and what the import does with it."""

    number: int  # as a spreadsheet shows it: the header is row 1
    label: str
    outcome: str = ""
    changed: list[str] = field(default_factory=list)  # the columns an update changes
    problems: list[Problem] = field(default_factory=list)

    @property
    def outcome_text(self) -> str:
        return str(OUTCOMES[self.outcome]) if self.outcome else ""


@dataclass
class Report:
    """The whole file: problems of the file itself, then every row."""

    kind: str  # "companies" or "posts"
    problems: list[Problem] = field(default_factory=list)
    rows: list[RowResult] = field(default_factory=list)
    invitations: list = field(default_factory=list)  # PlannedInvitation, when the import was asked to invite
    sent: list = field(default_factory=list)  # the Invitation rows made, to be e-mailed after the commit

    @property
    def all_problems(self) -> list[Problem]:
        return self.problems + [problem for row in self.rows for problem in row.problems]

    @property
    def ok(self) -> bool:
        """True when nothing is wrong: only then is anything written."""
        return not self.all_problems

    @property
    def rows_with_problems(self) -> int:
        return sum(1 for row in self.rows if row.problems)

    def counts(self) -> dict[str, int]:
        """How many rows have each outcome, in the order the summary names them."""
        found = [row.outcome for row in self.rows]
        return {outcome: found.count(outcome) for outcome in OUTCOMES if outcome in found}

    def summary(self) -> str:
        """One line: "12 companies: 3 new, 2 admitted from other clusters, 7 unchanged"."""
        total = len(self.rows)
        if self.kind == "companies":
            head = ngettext("%(num)d company", "%(num)d companies", total)
        else:
            head = ngettext("%(num)d post", "%(num)d posts", total)
        parts = [COUNTED[outcome](count) for outcome, count in self.counts().items()]
        return f"{head}: {', '.join(parts)}" if parts else head
