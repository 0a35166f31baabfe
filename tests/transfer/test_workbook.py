"""Every export as an Excel workbook beside its CSV: the same rows, every cell text, never a formula."""

from clusterhub.clock import local_today
from tests.downloads import XLSX, workbook
from tests.factories import make_post, make_profile
from tests.transfer.conftest import EXPORT_HEADER

HYPERLINK = '=HYPERLINK("http://evil.example","klik")'


def _sheet(response):
    assert response.status_code == 200 and response.mimetype == XLSX
    return workbook(response)


def _rows(sheet) -> list[dict]:
    header = [cell.value for cell in sheet[1]]
    return [
        dict(zip(header, (cell.value for cell in row), strict=True)) for row in sheet.iter_rows(min_row=2)
    ]


def test_the_directory_workbook_keeps_formulas_as_text(app, world, signed_in):
    make_profile(app, "alfa", "SIA CANARYALFA Čiekurs", description=HYPERLINK, sectors=["Kino", "x;=1+1"])
    manager = signed_in("manager@alfa.lv")
    response = manager.get("/c/alfa/manage/export/companies.xlsx")
    assert (
        f'filename="alfa-companies-{local_today().isoformat()}.xlsx"'
        in response.headers["Content-Disposition"]
    )
    sheet = _sheet(response)
    assert sheet.title == "Member companies"
    assert [cell.value for cell in sheet[1]] == EXPORT_HEADER and all(cell.font.b for cell in sheet[1])
    # Every cell is a text cell (an empty one an inline text): none is a formula, whatever it starts with.
    assert {cell.data_type for row in sheet.iter_rows() for cell in row} <= {"s", "inlineStr"}
    row = next(row for row in _rows(sheet) if row["name"] == "SIA CANARYALFA Čiekurs")
    assert row["description"] == HYPERLINK
    assert row["sectors"] == "Kino; x;=1+1"
    assert not any("CANARYBETA" in (value or "") for row in _rows(sheet) for value in row.values())
    # Columns are as wide as their texts, within bounds: the description wider than the size.
    widths = {cell.value: sheet.column_dimensions[cell.column_letter].width for cell in sheet[1]}
    assert 8 <= widths["size"] < widths["description"] <= 60


def test_the_board_workbook_keeps_a_post_as_written(app, world, signed_in):
    make_post(app, "alfa", "SIA CANARYALFA Čiekurs", "manager@alfa.lv", "x;=1+1", body="@SUM(A1)\x07")
    manager = signed_in("manager@alfa.lv")
    sheet = _sheet(manager.get("/c/alfa/manage/export/posts.xlsx"))
    assert sheet.title == "Posts"
    row = next(row for row in _rows(sheet) if row["title"] == "x;=1+1")
    assert row["body"] == "@SUM(A1)"  # a control character a workbook cannot hold is left out


def test_the_indicators_workbook_holds_the_csv_figures(app, world, signed_in):
    manager = signed_in("manager@alfa.lv")
    path = f"/c/alfa/manage/indicators/{local_today().year}"
    sheet = _sheet(manager.get(f"{path}/indicators.xlsx"))
    assert sheet.title == "Indicators"
    csv_lines = manager.get(f"{path}/indicators.csv").get_data().decode("utf-8-sig").splitlines()
    assert len(_rows(sheet)) == len(csv_lines) - 1
    assert _rows(sheet)[0]["code"] == "members_by_size"


def test_the_workbooks_are_linked_beside_the_csv_files(app, world, signed_in):
    manager = signed_in("manager@alfa.lv")
    page = manager.get("/c/alfa/manage/import").get_data(as_text=True)
    for name in ("companies", "posts"):
        assert f'href="/c/alfa/manage/export/{name}.csv"' in page
        assert f'href="/c/alfa/manage/export/{name}.xlsx"' in page
    year = local_today().year
    quarter = (local_today().month + 2) // 3
    page = manager.get(f"/c/alfa/manage/indicators/{year}/{quarter}").get_data(as_text=True)
    assert f'href="/c/alfa/manage/indicators/{year}/{quarter}/indicators.xlsx"' in page


def test_members_may_not_download_the_workbooks(app, world, signed_in):
    member = signed_in("member@alfa.lv")
    for path in ("/c/alfa/manage/export/companies.xlsx", "/c/alfa/manage/export/posts.xlsx"):
        assert member.get(path).status_code == 403
