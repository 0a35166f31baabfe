"""Importing a cluster's member companies or posts from a CSV file, and exporting them as one."""

from clusterhub.i18n import lazy_gettext as _l
from clusterhub.transfer import companies, posts
from clusterhub.transfer.report import Report

COLUMNS = {"companies": companies.COLUMNS, "posts": posts.COLUMNS}
# The name of an exported workbook's sheet.
SHEETS = {"companies": _l("Member companies"), "posts": _l("Posts")}


def run_import(
    kind: str, content: bytes, user, preview: bool = False, admit_existing: bool = False, invite: bool = False
) -> Report:
    """Check a file of `kind` ("companies" or "posts") and, when every row is valid, write it into the
    current cluster (flush, no commit). The caller commits, or rolls back for a `preview` or a dry run;
    after a commit it e-mails the invitations of `report.sent` (made only when asked to `invite`)."""
    if kind == "companies":
        return companies.import_companies(content, user, preview, admit_existing, invite)
    return posts.import_posts(content)


def export_rows(kind: str) -> list[dict]:
    """The current cluster's member companies or posts as rows of the import's columns."""
    return companies.company_rows() if kind == "companies" else posts.post_rows()
