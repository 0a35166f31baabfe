"""Importing a cluster's member companies or posts from a CSV file, and exporting them as one."""

from clusterhub.transfer import companies, posts
from clusterhub.transfer.csvfile import write_table
from clusterhub.transfer.report import Report

COLUMNS = {"companies": companies.COLUMNS, "posts": posts.COLUMNS}


def run_import(
    kind: str, content: bytes, user, preview: bool = False, admit_existing: bool = False
) -> Report:
    """Check a file of `kind` ("companies" or "posts") and, when every row is valid, write it into the
    current cluster (flush, no commit). The caller commits, or rolls back for a `preview` or a dry run."""
    if kind == "companies":
        return companies.import_companies(content, user, preview, admit_existing)
    return posts.import_posts(content)


def export(kind: str, separator: str = ",") -> bytes:
    """The current cluster's member companies or posts as a CSV file that can be imported again."""
    if kind == "companies":
        return write_table(companies.COLUMNS, companies.company_rows(), separator)
    return write_table(posts.COLUMNS, posts.post_rows(), separator)
