"""The directory and the board as CSV: Latvian letters intact in Excel, and importable again."""

import csv
import io

from tests.factories import make_post, make_profile, make_tenant, make_user
from tests.transfer.conftest import EXPORT_HEADER, everything, good_companies, member_names


def _rows(response) -> list[dict]:
    data = response.get_data()
    assert data.startswith("\ufeff".encode())  # Excel reads UTF-8 only after a byte-order mark
    return list(csv.DictReader(io.StringIO(data.decode("utf-8-sig"), newline="")))


def test_the_directory_export_has_the_import_columns_and_latvian_letters(
    app, world, visitor, runner, write_file
):
    runner.invoke(args=["import", "companies", write_file(good_companies()), "--tenant", "alfa"])
    visitor.login("manager@alfa.lv")
    response = visitor.get("/c/alfa/manage/export/companies.csv")
    assert response.status_code == 200 and response.mimetype == "text/csv"
    assert 'attachment; filename="alfa-companies-' in response.headers["Content-Disposition"]
    rows = _rows(response)
    assert list(rows[0]) == EXPORT_HEADER
    camera = next(row for row in rows if row["name"] == "SIA Ērgļu Kamera")
    assert camera["sectors"] == "Audiovizuālā tehnika; Kino"
    assert (camera["size"], camera["region"], camera["roles"]) == ("small", "riga", "producer; distributor")
    assert (camera["contact_name"], camera["member_since"]) == ("Žanete Ķēniņa", "2021-03-15")
    assert not any("CANARYBETA" in value for row in rows for value in row.values())


def test_an_export_imported_again_changes_nothing_and_fills_an_empty_cluster(
    app, world, visitor, signed_in, runner, write_file
):
    runner.invoke(args=["import", "companies", write_file(good_companies()), "--tenant", "alfa"])
    make_post(
        app,
        "alfa",
        "SIA Ērgļu Kamera",
        "manager@alfa.lv",
        "Kopīga filmēšana; 2 dienas",
        body="=1+1 nav formula",
    )
    visitor.login("manager@alfa.lv")
    companies = visitor.get("/c/alfa/manage/export/companies.csv").get_data()
    posts = visitor.get("/c/alfa/manage/export/posts.csv").get_data()
    before = everything(app)
    for kind, content in (("companies", companies), ("posts", posts)):
        result = runner.invoke(args=["import", kind, write_file(content), "--tenant", "alfa"])
        assert result.exit_code == 0 and "new" not in result.output, result.output
    assert everything(app) == before
    make_tenant(app, "kopija", "Kopija")
    # Companies of another cluster join only when they accept, or when a platform administrator admits them.
    make_user(app, "admin@clusterhub.lv", "Administrators", is_admin=True)
    admitted = ["--admit-existing", "admin@clusterhub.lv"]
    for kind, content, options in (("companies", companies, admitted), ("posts", posts, [])):
        result = runner.invoke(args=["import", kind, write_file(content), "--tenant", "kopija", *options])
        assert result.exit_code == 0, result.output
    assert member_names(app, "kopija") == member_names(app, "alfa")
    make_user(app, "manager@kopija.lv", "Kārlis Kopija", "kopija", "manager")
    copier = signed_in("manager@kopija.lv")
    copied = _rows(copier.get("/c/kopija/manage/export/posts.csv"))
    assert [row["body"] for row in copied if row["title"] == "Kopīga filmēšana; 2 dienas"] == [
        "'=1+1 nav formula"
    ]


def test_a_formula_in_a_profile_reaches_the_spreadsheet_as_text(app, world, visitor):
    make_profile(
        app, "alfa", "SIA CANARYALFA Čiekurs", description='=HYPERLINK("http://evil.example","klik")'
    )
    visitor.login("manager@alfa.lv")
    rows = _rows(visitor.get("/c/alfa/manage/export/companies.csv"))
    row = next(row for row in rows if row["name"] == "SIA CANARYALFA Čiekurs")
    assert row["description"] == '\'=HYPERLINK("http://evil.example","klik")'


def test_every_list_item_is_neutralised_and_every_cell_quoted(app, world, visitor):
    make_profile(app, "alfa", "SIA CANARYALFA Čiekurs", sectors=["Kino", '=HYPERLINK("http://evil.example")'])
    visitor.login("manager@alfa.lv")
    response = visitor.get("/c/alfa/manage/export/companies.csv")
    raw = response.get_data().decode("utf-8-sig")
    assert raw.startswith('"name","registration_number",')
    row = next(row for row in _rows(response) if row["name"] == "SIA CANARYALFA Čiekurs")
    assert row["sectors"] == '\'=HYPERLINK("http://evil.example"); Kino'
    # A Latvian Excel that splits the cell on `;` still finds no live formula in either part.
    assert all(not part.strip().startswith("=") for part in row["sectors"].split(";"))


def test_a_latvian_speaker_gets_semicolons_and_the_file_imports_again(
    app, world, make_visitor, runner, write_file
):
    make_user(app, "vaditaja@alfa.lv", "Vadītāja", "alfa", "manager", language="lv")
    latvian = make_visitor("lv")
    latvian.login("vaditaja@alfa.lv")
    data = latvian.get("/c/alfa/manage/export/companies.csv").get_data()
    assert data.startswith("\ufeff".encode())
    text = data.decode("utf-8-sig")
    assert text.splitlines()[0] == ";".join(f'"{column}"' for column in EXPORT_HEADER)
    result = runner.invoke(args=["import", "companies", write_file(data), "--tenant", "alfa"])
    assert result.exit_code == 0 and "unchanged" in result.output and "new" not in result.output, (
        result.output
    )
