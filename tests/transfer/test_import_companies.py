"""`flask import companies`: a member list from a spreadsheet, all or nothing, safe to run again."""

from datetime import date

from flask_babel import force_locale
from sqlalchemy import select

from clusterhub.companies.models import Company, CompanyMembership
from clusterhub.companies.services import membership_in_cluster, profile_values
from clusterhub.extensions import db
from clusterhub.labels import SIZES
from tenants.context import cross_tenant
from tests.factories import make_profile, make_tenant, make_user
from tests.transfer.conftest import (
    COMPANY_HEADER,
    csv_bytes,
    everything,
    good_companies,
    in_cluster,
    member_names,
)


def _import(runner, path: str, *options: str, tenant: str = "alfa"):
    return runner.invoke(args=["import", "companies", path, "--tenant", tenant, *options])


def _fields(app, name: str, *fields: str) -> tuple:
    """What cluster A's member company `name` has in these profile fields."""
    with in_cluster(app, "alfa"):
        company = db.session.scalar(select(Company).where(Company.name == name))
        return tuple(getattr(company, field) for field in fields)


def test_a_good_file_adds_the_companies_with_their_profiles(app, world, runner, write_file):
    result = _import(runner, write_file(good_companies()))
    assert result.exit_code == 0, result.output
    assert result.output == "3 companies: 3 new\n"
    with in_cluster(app, "alfa"):
        company = db.session.scalar(select(Company).where(Company.registration_number == "40003000001"))
        profile = profile_values(company)
        assert profile["name"] == "SIA Ērgļu Kamera"
        assert (profile["size"], profile["region"], profile["roles"]) == (
            "small",
            "riga",
            ["distributor", "producer"],
        )
        assert profile["sectors"] == ["Audiovizuālā tehnika", "Kino"]
        assert profile["competences"] == ["Kameru noma", "Krāsu korekcija"]
        assert profile["description"] == "Kameru noma un krāsu korekcija.\nStrādājam visā Latvijā."
        assert profile["website"] == "https://www.ergli.lv"
        assert [(c["name"], c["email"]) for c in profile["contacts"]] == [
            ("Žanete Ķēniņa", "zanete@ergli.lv")
        ]
        assert membership_in_cluster(company).member_since == date(2021, 3, 15)
        school = db.session.scalar(select(Company).where(Company.name == "Rēzeknes tehnikums"))
        assert membership_in_cluster(school).member_since == date(2018, 9, 1)
        assert school.registration_number is None and school.region == "latgale"
    assert "SIA Ērgļu Kamera" not in member_names(app, "beta")


def test_importing_the_same_file_again_changes_nothing(app, world, runner, write_file):
    path = write_file(good_companies())
    _import(runner, path)
    before = everything(app)
    result = _import(runner, path)
    assert result.exit_code == 0 and result.output == "3 companies: 3 unchanged\n"
    assert everything(app) == before


def test_a_changed_file_updates_only_what_it_changes_and_leaves_empty_cells_alone(
    app, world, runner, write_file
):
    make_profile(app, "alfa", "SIA CANARYALFA Čiekurs", website="https://ciekurs.lv", size="medium")
    rows = [["SIA CANARYALFA Čiekurs", "", "", "", "", "", "", "Jauns apraksts", "", "", "", ""]]
    result = _import(runner, write_file(csv_bytes(COMPANY_HEADER, rows)), "--dry-run")
    assert "row 2: SIA CANARYALFA Čiekurs: updated (description)" in result.output
    assert _import(runner, write_file(csv_bytes(COMPANY_HEADER, rows))).output == "1 company: 1 updated\n"
    assert _fields(app, "SIA CANARYALFA Čiekurs", "description", "website", "size") == (
        "Jauns apraksts",
        "https://ciekurs.lv",
        "medium",
    )


def test_a_dry_run_shows_every_row_and_writes_nothing(app, world, runner, write_file):
    before = everything(app)
    result = _import(runner, write_file(good_companies()), "--dry-run")
    assert result.exit_code == 0, result.output
    assert result.output.splitlines() == [
        "row 2: SIA Ērgļu Kamera: new",
        "row 3: SIA Ūdensrozes Skaņa: new",
        "row 4: Rēzeknes tehnikums: new",
        "3 companies: 3 new (dry run: nothing was written)",
    ]
    assert everything(app) == before


def test_one_bad_row_writes_nothing_and_names_its_row_and_columns(app, world, runner, write_file):
    rows = [
        ["SIA Labā Rinda", "", "", "small", "riga", "", "", "", "", "", "", ""],
        [
            "SIA Sliktā Rinda",
            "",
            "",
            "milzīgs",
            "Marss",
            "producer; baņķieris",
            "",
            "",
            "",
            "",
            "nav-epasts",
            "vakar",
        ],
    ]
    before = everything(app)
    result = _import(runner, write_file(csv_bytes(COMPANY_HEADER, rows)))
    assert result.exit_code == 1
    assert "Traceback" not in result.output
    errors = [line for line in result.output.splitlines() if line.startswith("Error: ")]
    assert [error.split(":")[1] for error in errors] == [
        " row 3, size",
        " row 3, region",
        " row 3, roles",
        " row 3, contact_email",
        " row 3, member_since",
        " row 3, contact_name",
    ]
    assert "“Marss” is not known here. Use one of: riga, pieriga" in result.output
    assert "“vakar” is not a date" in result.output
    assert result.output.endswith("Nothing was imported.\n")
    assert everything(app) == before


def test_a_company_of_another_cluster_is_admitted_by_registration_number_with_one_profile(
    app, world, runner, write_file
):
    make_profile(app, "beta", "SIA CANARYBETA Dārzs", registration_number="40103000002", size="large")
    make_user(app, "admin@clusterhub.lv", "Administrators", is_admin=True)
    rows = [["SIA Dārzs", "4010 300 0002", "", "", "", "", "", "", "", "", "", "2020-01-01"]]
    # Only a platform administrator admits it at once; a cluster asks the company (test_shared_companies.py).
    result = _import(
        runner, write_file(csv_bytes(COMPANY_HEADER, rows)), "--admit-existing", "admin@clusterhub.lv"
    )
    assert result.exit_code == 0 and result.output == "1 company: 1 admitted from another cluster\n"
    with app.app_context(), cross_tenant():
        companies = db.session.scalars(
            select(Company).where(Company.registration_number == "40103000002")
        ).all()
        assert len(companies) == 1 and companies[0].size == "large"
        links = db.session.scalars(
            select(CompanyMembership).where(CompanyMembership.company_id == companies[0].id)
        )
        assert sorted(link.tenant.slug for link in links) == ["alfa", "beta"]
    assert "SIA Dārzs" in member_names(app, "alfa") and "SIA Dārzs" in member_names(app, "beta")


def test_a_registration_number_that_points_at_another_member_than_the_name_is_refused(
    app, world, runner, write_file
):
    make_profile(app, "alfa", "SIA CANARYALFA Ābele", registration_number="40003999999")
    rows = [["SIA CANARYALFA Čiekurs", "40003999999", "", "", "", "", "", "", "", "", "", ""]]
    result = _import(runner, write_file(csv_bytes(COMPANY_HEADER, rows)))
    assert result.exit_code == 1
    assert "Error: row 2, registration_number: The registration number belongs to “SIA CANARYALFA Ābele”" in (
        result.output
    )


def test_the_same_company_twice_in_one_file_is_an_error(app, world, runner, write_file):
    rows = [["SIA Divreiz", "", "", "", "", "", "", "", "", "", "", ""]] * 2
    result = _import(runner, write_file(csv_bytes(COMPANY_HEADER, rows)))
    assert (
        result.exit_code == 1 and "Error: row 3, name: The same company is in row 2 already." in result.output
    )


def test_a_latvian_excel_file_with_semicolons_and_latvian_words_is_read(app, world, runner, write_file):
    with app.app_context(), force_locale("lv"):
        small = str(SIZES["small"]).upper()  # whatever the catalogue calls it, in capitals
    header = ["name", "size", "region", "sectors"]
    content = csv_bytes(header, [["SIA Ķiploks", small, "RĪGA", "Pārtika; Garšvielas"]], delimiter=";")
    result = _import(runner, write_file(content))
    assert result.exit_code == 0, result.output
    with in_cluster(app, "alfa"):
        company = db.session.scalar(select(Company).where(Company.name == "SIA Ķiploks"))
        assert (company.size, company.region, company.tag_names("sector")) == (
            "small",
            "riga",
            ["Garšvielas", "Pārtika"],  # sorted by the Latvian alphabet
        )


def test_files_that_are_not_csv_get_one_clear_error(app, world, runner, write_file):
    cases = {
        "workbook.xlsx": (b"PK\x03\x04rest-of-a-zip", "This is an Excel workbook"),
        "latin.csv": ("name\nSIA Ābele\n".encode("cp1257"), "The file is not UTF-8 text"),
        "unicode.txt": ("name\nSIA Ābele\n".encode("utf-16"), "The file is not UTF-8 text"),
        "empty.csv": (b"", "The file is empty"),
        "header.csv": (b"name,size\r\n", "The file has a header but no rows"),
        "columns.csv": (csv_bytes(["nosaukums"], [["SIA X"]]), "row 1, nosaukums: There is no such column"),
    }
    for name, (content, message) in cases.items():
        result = _import(runner, write_file(content, name))
        assert result.exit_code == 1, name
        assert f"Error: {message}" in result.output or message in result.output, (name, result.output)
        assert "Traceback" not in result.output


def test_unknown_cluster_and_missing_file_are_one_line_errors(app, world, runner, write_file, tmp_path):
    for args in (
        ["import", "companies", write_file(good_companies()), "--tenant", "nav"],
        ["import", "companies", str(tmp_path / "nav.csv"), "--tenant", "alfa"],
    ):
        result = runner.invoke(args=args)
        assert result.exit_code != 0 and result.output.startswith("Error: ")
        assert result.output.count("\n") == 1


def test_a_second_cluster_starts_empty(app, runner, write_file):
    make_tenant(app, "tukss", "Tukšs klasteris")
    assert _import(runner, write_file(good_companies()), tenant="tukss").exit_code == 0
    # Ordered without the legal form: Ē, R, Ū.
    assert member_names(app, "tukss") == ["SIA Ērgļu Kamera", "Rēzeknes tehnikums", "SIA Ūdensrozes Skaņa"]


def test_infrastructure_development_directions_and_partnership_interests_are_imported(
    app, world, runner, write_file
):
    header = ["name", "infrastructure", "development_directions", "partnership_interests"]
    row = ["SIA Jauna Darbnīca", "CNC centrs;\nkrāsošanas kamera", "Eksports uz Vāciju", "Kopīgi iepirkumi"]
    result = _import(runner, write_file(csv_bytes(header, [row])))
    assert result.exit_code == 0 and result.output == "1 company: 1 new\n", result.output
    assert _fields(app, "SIA Jauna Darbnīca", *header[1:]) == (
        "CNC centrs;\nkrāsošanas kamera",
        "Eksports uz Vāciju",
        "Kopīgi iepirkumi",
    )
    # Again with other words: the member's profile is updated.
    row = ["SIA Jauna Darbnīca", "Lāzergriezējs", "Automatizācija", "Kopīgas izstādes"]
    result = _import(runner, write_file(csv_bytes(header, [row])))
    assert result.output == "1 company: 1 updated\n", result.output
    assert _fields(app, "SIA Jauna Darbnīca", *header[1:]) == tuple(row[1:])
