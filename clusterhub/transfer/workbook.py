"""Tables as Excel workbooks: every cell text, so nothing a member typed ever runs as a formula."""

import io
from collections.abc import Iterable

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter

# Excel's limits for a sheet's name: 31 characters, none of these.
SHEET_NAME_LENGTH = 31
SHEET_NAME_FORBIDDEN = str.maketrans(dict.fromkeys("[]:*?/\\", " "))
# Column widths in characters: wide enough for the header, at most this much for long texts.
MIN_WIDTH, MAX_WIDTH = 8, 60
TEXT_FORMAT = "@"  # Excel's "Text" number format: what a person types into the cell later stays text too
BOLD = Font(bold=True)


def _text(value: str | list[str]) -> str:
    # A list is one cell, its items after semicolons; characters XML cannot hold (control codes) are left out.
    text = "; ".join(value) if isinstance(value, list) else str(value)
    return ILLEGAL_CHARACTERS_RE.sub("", text)


def _width(texts: Iterable[str]) -> float:
    longest = max((len(line) for text in texts for line in text.splitlines() or [""]), default=0)
    return min(max(longest + 2, MIN_WIDTH), MAX_WIDTH)


def sheet_name(title: str) -> str:
    """A title Excel accepts as a sheet's name."""
    return title.translate(SHEET_NAME_FORBIDDEN).strip()[:SHEET_NAME_LENGTH] or "Sheet"


def _cell(sheet, text: str, font: Font | None = None) -> WriteOnlyCell:
    cell = WriteOnlyCell(sheet, value=text)
    # openpyxl takes a value starting with "=" for a formula; typed as a string it is shown as written.
    cell.data_type = "s"
    cell.number_format = TEXT_FORMAT
    if font is not None:
        cell.font = font
    return cell


def write_workbook(columns: tuple[str, ...], rows: Iterable[dict], title: str) -> bytes:
    """An .xlsx file of one sheet: the column names in bold, frozen above the rows, every cell text."""
    table = [[_text(row.get(column, "")) for column in columns] for row in rows]
    book = Workbook(write_only=True)
    sheet = book.create_sheet(sheet_name(title))
    for index, column in enumerate(columns):
        texts = [column, *(row[index] for row in table)]
        sheet.column_dimensions[get_column_letter(index + 1)].width = _width(texts)
    sheet.freeze_panes = "A2"
    sheet.append([_cell(sheet, column, BOLD) for column in columns])
    for row in table:
        sheet.append([_cell(sheet, text) for text in row])
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()
