"""Downloads of a table: the same rows as a CSV file or an Excel workbook, each download audited.

Every export of the platform (the member directory, the board, the indicators) goes through `send_table`,
so each offers both formats and guards its cells the same way.
"""

from collections.abc import Iterable
from dataclasses import dataclass

from flask import Response
from flask_babel import get_locale

from clusterhub.extensions import db
from clusterhub.security import audit
from clusterhub.transfer.csvfile import write_table
from clusterhub.transfer.workbook import write_workbook

CONTENT_TYPES = {
    "csv": "text/csv; charset=utf-8",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}
FORMATS = tuple(CONTENT_TYPES)


@dataclass
class Table:
    """Rows to download: `file` names the file without its extension, `sheet` the workbook's sheet."""

    file: str
    sheet: str
    columns: tuple[str, ...]
    rows: Iterable[dict]  # a cell is a text or a list of texts


def _csv_separator() -> str:
    # A Latvian Excel takes `;` between cells (its decimal mark is the comma); the import reads either.
    return ";" if get_locale().language == "lv" else ","


def file_content(table: Table, file_format: str) -> bytes:
    """The table as the bytes of a .csv or an .xlsx file."""
    if file_format == "xlsx":
        return write_workbook(table.columns, table.rows, table.sheet)
    return write_table(table.columns, table.rows, _csv_separator())


def send_table(table: Table, file_format: str, subject: str) -> Response:
    """The table as an attachment; the download is logged (`subject` names it for the log) and committed."""
    content = file_content(table, file_format)
    audit.record("export", subject)
    db.session.commit()
    return Response(
        content,
        content_type=CONTENT_TYPES[file_format],
        headers={"Content-Disposition": f'attachment; filename="{table.file}.{file_format}"'},
    )
