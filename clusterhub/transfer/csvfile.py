"""Spreadsheets as managers exchange them: UTF-8 CSV, with or without the byte-order mark Excel writes."""

import csv
import io
from collections.abc import Iterable

from clusterhub.i18n import lazy_gettext as _l
from clusterhub.transfer.report import Problem

# Inside a cell a semicolon separates the items of a list.
LIST_SEPARATOR = ";"
# A cell starting with one of these runs as a formula when a spreadsheet opens the file ("CSV injection"),
# so the export puts an apostrophe before it, which spreadsheets hide, and the import takes it off again.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def _problem(message, column: str = "", row: int | None = None) -> list[Problem]:
    return [Problem(row, column, message)]


def _decode(content: bytes) -> str | None:
    # A NUL never belongs in a spreadsheet's text; a UTF-16 file (Excel's "Unicode text") is full of them.
    try:
        text = content.decode("utf-8-sig")
    except UnicodeDecodeError:
        return None
    return None if "\x00" in text else text


def _separator(header_line: str) -> str:
    # A Latvian Excel saves "CSV UTF-8" with semicolons between cells, because its decimal mark is the
    # comma. The header holds only column names, so whichever separator it contains is the file's.
    return ";" if header_line.count(";") > header_line.count(",") else ","


def unescape(cell: str) -> str:
    """A cell as the person meant it: trimmed, without the apostrophe that guards a formula-like value."""
    cell = cell.strip()
    if cell.startswith("'") and cell[1:2] in FORMULA_STARTS:
        return cell[1:]
    return cell


def _header_problems(header: list[str], columns: Iterable[str], required: Iterable[str]) -> list[Problem]:
    seen, problems = set(), []
    for name in header:
        if name and name not in columns:
            message = _l("There is no such column. The columns are: %(columns)s.", columns=", ".join(columns))
            problems += _problem(message, name, 1)
        elif name and name in seen:
            problems += _problem(_l("This column appears twice."), name, 1)
        seen.add(name)
    for name in required:
        if name not in header:
            problems += _problem(_l("The file has no column “%(column)s”.", column=name), name, 1)
    return problems


def _records(text: str) -> list[list[str]]:
    first_line = text.split("\n", 1)[0]
    return list(csv.reader(io.StringIO(text, newline=""), delimiter=_separator(first_line)))


def read_table(
    content: bytes, columns: tuple[str, ...], required: tuple[str, ...]
) -> tuple[list[tuple[int, dict]], list[Problem]]:
    """The file's rows as (row number, {column: cell}), or the problems that keep it from being read.

    Row numbers are those a spreadsheet shows: the header is row 1. Empty rows are skipped; a row
    with fewer cells than the header leaves the missing ones empty.
    """
    if content.startswith(b"PK\x03\x04"):
        return [], _problem(
            _l("This is an Excel workbook. In Excel, save it as “CSV UTF-8” and upload that.")
        )
    text = _decode(content)
    if text is None:
        return [], _problem(_l("The file is not UTF-8 text. In Excel, save it as “CSV UTF-8”."))
    try:
        records = _records(text)
    except csv.Error as error:
        return [], _problem(_l("The file is not valid CSV: %(error)s", error=str(error)))
    if not records:
        return [], _problem(_l("The file is empty."))
    header = [name.strip().lstrip("\ufeff").lower() for name in records[0]]
    problems = _header_problems(header, columns, required)
    rows = []
    for number, record in enumerate(records[1:], start=2):
        if not any(cell.strip() for cell in record):
            continue
        if any(cell.strip() for cell in record[len(header) :]):
            problems += _problem(_l("This row has more cells than the header has columns."), row=number)
        cells = zip(header, record, strict=False)  # a short row: its missing cells are empty
        rows.append((number, {name: unescape(cell) for name, cell in cells if name}))
    if not rows and not problems:
        problems += _problem(_l("The file has a header but no rows."))
    return rows, problems


def _escape(value: str) -> str:
    return f"'{value}" if value.startswith(FORMULA_STARTS) else value


def _cell(value: str | list[str]) -> str:
    return join_list(value) if isinstance(value, list) else _escape(value)


def write_table(columns: tuple[str, ...], rows: Iterable[dict], separator: str = ",") -> bytes:
    """A CSV file that Excel opens with Latvian letters intact (UTF-8 with a byte-order mark).

    Every cell is quoted, so that no separator inside it (a Latvian Excel splits on `;`) starts a new
    cell that a spreadsheet could run as a formula. A cell given as a list is written as `join_list` does.
    """
    out = io.StringIO()
    writer = csv.writer(out, delimiter=separator, quoting=csv.QUOTE_ALL, lineterminator="\r\n")
    writer.writerow(columns)
    for row in rows:
        writer.writerow([_cell(row.get(column, "")) for column in columns])
    return ("\ufeff" + out.getvalue()).encode("utf-8")


def join_list(names: Iterable[str]) -> str:
    """A list as one cell, each item guarded like a cell: any of them may end up in a cell of its own."""
    return f"{LIST_SEPARATOR} ".join(_escape(name) for name in names)


def split_list(cell: str) -> list[str]:
    """The items of a list cell, blanks dropped, each without the apostrophe that guards a formula."""
    return [unescape(item) for item in cell.split(LIST_SEPARATOR) if item.strip()]
