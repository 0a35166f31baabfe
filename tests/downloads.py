"""What a response says, as text a test can search: a page as it is, a workbook as the text of its cells."""

import io

from openpyxl import load_workbook

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def workbook(response):
    """The first sheet of a downloaded .xlsx file."""
    return load_workbook(io.BytesIO(response.get_data())).active


def readable(response) -> str:
    """The response's text; a workbook (zipped, so its words are not in its bytes) as its cells' text."""
    if response.mimetype == XLSX and response.status_code == 200:
        cells = (cell.value or "" for row in workbook(response).iter_rows() for cell in row)
        return "\n".join(cells)
    return response.get_data(as_text=True)
