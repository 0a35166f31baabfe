"""The board as a spreadsheet: importing needs, offers and partnership interests of member companies.

A row names its company by registration number or name; the company must be a member of this cluster.
A post that the company has on the board already (same kind, same title) is left as it is, so importing
the same file twice adds nothing.
"""

from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import selectinload

from clusterhub.collation import company_sort_key, latvian_sort_key
from clusterhub.companies.models import Company
from clusterhub.extensions import db
from clusterhub.i18n import lazy_gettext as _l
from clusterhub.posts.models import Post
from clusterhub.posts.services import new_post, set_status
from clusterhub.transfer import cells
from clusterhub.transfer.csvfile import read_table
from clusterhub.transfer.report import Problem, Report, RowResult

REQUIRED = ("company", "kind", "category", "title")
PARSERS = {
    "company": cells.one_line(200),
    "kind": cells.one_of("kind"),
    "category": cells.one_of("category"),
    "title": cells.one_line(200),
    "body": cells.text,
    "tags": cells.names(100),
    "valid_until": cells.day,
    "status": cells.one_of("status"),
}
COLUMNS = tuple(PARSERS)


@dataclass
class _Row:
    result: RowResult
    values: dict
    company: Company | None = None


class _Members:
    """The cluster's member companies by registration number and by name, read once for the whole file."""

    def __init__(self):
        companies = db.session.scalars(select(Company)).all()
        self.by_number = {
            company.registration_number: company for company in companies if company.registration_number
        }
        self.by_name = {company.name_sort: company for company in companies}

    def find(self, reference: str) -> Company | None:
        """The member with this registration number, else with this name."""
        by_number = self.by_number.get("".join(reference.split()))
        return by_number or self.by_name.get(company_sort_key(reference))


def _key(company_id: int, kind: str, title: str) -> tuple:
    return company_id, kind, latvian_sort_key(title)


def _on_board() -> set[tuple]:
    return {_key(post.company_id, post.kind, post.title) for post in db.session.scalars(select(Post))}


def _check(number: int, record: dict, members: _Members) -> _Row:
    values, problems = cells.parse_row(number, record, PARSERS, REQUIRED)
    row = _Row(RowResult(number, values.get("title") or record.get("title", ""), problems=problems), values)
    if "company" in values:
        row.company = members.find(values["company"])
        if row.company is None:
            message = _l("No member company of this cluster has this registration number or name.")
            row.result.problems.append(Problem(number, "company", message))
    return row


def _sort_out(rows: list[_Row]) -> None:
    """Mark the posts already on the board, and rows that repeat an earlier row of the file."""
    on_board, seen = _on_board(), {}
    for row in rows:
        if row.company is None or not {"kind", "title"} <= row.values.keys():
            continue
        key = _key(row.company.id, row.values["kind"], row.values["title"])
        if key in seen:
            message = _l("The same post is in row %(row)d already.", row=seen[key])
            row.result.problems.append(Problem(row.result.number, "title", message))
        seen[key] = row.result.number
        row.result.outcome = "existing" if key in on_board else "new"


def _apply(row: _Row) -> None:
    values = row.values
    post = new_post(
        row.company,
        None,  # the importing manager did not write the post: it is the company's
        values["kind"],
        values["category"],
        values["title"],
        body=values.get("body", ""),
        tags=values.get("tags", ()),
        valid_until=values.get("valid_until"),
    )
    if values.get("status", "open") != "open":
        set_status(post, values["status"])


def import_posts(content: bytes) -> Report:
    """Check a list of posts; when every row is valid, put the new ones on the board (flush, no commit)."""
    records, problems = read_table(content, COLUMNS, REQUIRED)
    report = Report("posts", problems)
    if problems and not records:
        return report
    members = _Members()
    rows = [_check(number, record, members) for number, record in records]
    _sort_out(rows)
    report.rows = [row.result for row in rows]
    if report.ok:
        with db.session.no_autoflush:  # one flush for the whole file
            for row in rows:
                if row.result.outcome == "new":
                    _apply(row)
        db.session.flush()
    return report


def _as_row(post: Post) -> dict:
    return {
        "company": post.company.name,
        "kind": post.kind,
        "category": post.category,
        "title": post.title,
        "body": post.body,
        "tags": post.tag_names,
        "valid_until": post.valid_until.isoformat() if post.valid_until else "",
        "status": post.status,
    }


def post_rows() -> list[dict]:
    """Every post of the cluster, whatever its status, oldest first, as rows of the import's columns."""
    posts = db.session.scalars(
        select(Post)
        .options(selectinload(Post.company), selectinload(Post.tags))
        .order_by(Post.created_at, Post.id)
    )
    return [_as_row(post) for post in posts]
