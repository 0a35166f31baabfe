"""Managers upload a spreadsheet, check the preview, confirm; members never reach these pages."""

import io
import re

from tests.factories import make_profile, make_tenant, make_user
from tests.transfer.conftest import COMPANY_HEADER, csv_bytes, everything, good_companies, member_names

IMPORT = "/c/alfa/manage/import"
CONFIRM = "/c/alfa/manage/import/confirm"


def _upload(visitor, content: bytes, kind: str = "companies", path: str = IMPORT):
    visitor.get(path)
    return visitor.post(path, {"kind": kind, "file": (io.BytesIO(content), "biedri.csv")})


def _sealed(page: str) -> str:
    return re.search(r'name="upload" type="hidden" value="([^"]+)"', page).group(1)


def test_a_manager_previews_a_file_then_imports_it(app, world, visitor):
    visitor.login("manager@alfa.lv")
    before = everything(app)
    page = _upload(visitor, good_companies()).get_data(as_text=True)
    assert "Check the import" in page and "3 companies: 2 new, 1 new or asked to join" in page
    assert "SIA Ērgļu Kamera" in page and ">Import</button>" in page
    assert everything(app) == before  # the preview wrote nothing
    response = visitor.post(CONFIRM, {"upload": _sealed(page)})
    assert response.status_code == 302 and response.headers["Location"].endswith(IMPORT)
    assert "The file was imported (3 companies: 3 new)." in visitor.get(IMPORT).get_data(as_text=True)
    assert "SIA Ērgļu Kamera" in member_names(app, "alfa")


def test_the_preview_of_a_bad_file_shows_each_rows_errors_and_offers_no_import(app, world, visitor):
    visitor.login("manager@alfa.lv")
    rows = [
        ["SIA Labā", "", "", "", "", "", "", "", "", "", "", ""],
        ["", "", "", "liels", "", "", "", "", "", "", "", ""],
    ]
    before = everything(app)
    response = _upload(visitor, csv_bytes(COMPANY_HEADER, rows))
    page = response.get_data(as_text=True)
    assert response.status_code == 200
    assert "Nothing was imported: 1 row has errors." in page
    third = page.split("<td>3</td>")[1].split("</tr>")[0]
    assert "<code>name</code>: This cell must not be empty." in third
    assert "<code>size</code>: “liels” is not known here." in third
    assert ">Import</button>" not in page and "Upload the corrected file" in page
    assert everything(app) == before


def test_the_confirmation_imports_only_a_file_sealed_for_this_cluster_and_person(
    app, world, visitor, signed_in
):
    make_user(app, "second@alfa.lv", "Otrs Vadītājs", "alfa", "manager")
    visitor.login("manager@alfa.lv")
    sealed = _sealed(_upload(visitor, good_companies()).get_data(as_text=True))
    other = signed_in("second@alfa.lv")
    other.get(IMPORT)
    for attempt in (
        other.post(CONFIRM, {"upload": sealed}),
        visitor.post(CONFIRM, {"upload": sealed[:-3] + "xyz"}),
    ):
        assert attempt.status_code == 302
    assert "The preview has expired" in visitor.get(IMPORT).get_data(as_text=True)
    assert "SIA Ērgļu Kamera" not in member_names(app, "alfa")


def test_a_file_that_became_invalid_since_the_preview_is_not_imported(app, world, visitor):
    visitor.login("manager@alfa.lv")
    rows = [["SIA Pirmā", "40003222222", "", "", "", "", "", "", "", "", "", ""]]
    sealed = _sealed(_upload(visitor, csv_bytes(COMPANY_HEADER, rows)).get_data(as_text=True))
    # Meanwhile a company of that name, with another registration number, joins the cluster.
    make_user(app, "pirma@alfa.lv", "Pēteris Pirmais", "alfa", "member", "SIA Pirmā")
    make_profile(app, "alfa", "SIA Pirmā", registration_number="40003333333")
    page = visitor.post(CONFIRM, {"upload": sealed}).get_data(as_text=True)
    assert (
        "Nothing was imported" in page and "“SIA Pirmā” has the registration number 40003333333 here" in page
    )
    assert ">Import</button>" not in page


def test_posts_are_imported_through_the_web_too(app, world, visitor):
    visitor.login("manager@alfa.lv")
    content = csv_bytes(
        ["company", "kind", "category", "title"],
        [["SIA CANARYALFA Ābele", "offer", "training", "Metināšanas kursi"]],
    )
    page = _upload(visitor, content, kind="posts").get_data(as_text=True)
    assert "1 post: 1 new" in page
    visitor.post(CONFIRM, {"upload": _sealed(page)})
    assert "The file was imported (1 post: 1 new)." in visitor.get(IMPORT).get_data(as_text=True)
    export = visitor.get("/c/alfa/manage/export/posts.csv").get_data(as_text=True)
    assert "Metināšanas kursi" in export


def test_an_upload_without_a_file_asks_for_one(app, world, visitor):
    visitor.login("manager@alfa.lv")
    visitor.get(IMPORT)
    page = visitor.post(IMPORT, {"kind": "companies"}).get_data(as_text=True)
    assert "Choose the file to import." in page


def test_members_may_not_import_or_export(app, world, visitor):
    visitor.login("member@alfa.lv")
    for path in (IMPORT, "/c/alfa/manage/export/companies.csv", "/c/alfa/manage/export/posts.csv"):
        assert visitor.get(path).status_code == 403, path
    visitor.get("/c/alfa/members")
    assert visitor.post(CONFIRM, {"upload": "x"}).status_code == 403
    assert visitor.post(IMPORT, {"kind": "companies"}).status_code == 403


def test_the_import_page_links_to_the_exports_and_is_in_the_managers_menu(app, world, visitor):
    visitor.login("manager@alfa.lv")
    page = visitor.get("/c/alfa/").get_data(as_text=True)
    assert f'href="{IMPORT}"' in page
    page = visitor.get(IMPORT).get_data(as_text=True)
    assert (
        'href="/c/alfa/manage/export/companies.csv"' in page
        and 'href="/c/alfa/manage/export/posts.csv"' in page
    )


def test_a_manager_of_a_new_cluster_imports_into_that_cluster_only(app, world, signed_in):
    make_tenant(app, "gamma", "Gamma klasteris")
    make_user(app, "manager@gamma.lv", "Gints Gamma", "gamma", "manager")
    visitor = signed_in("manager@gamma.lv")
    page = _upload(visitor, good_companies(), path="/c/gamma/manage/import").get_data(as_text=True)
    visitor.post("/c/gamma/manage/import/confirm", {"upload": _sealed(page)})
    assert "SIA Ērgļu Kamera" in member_names(app, "gamma") and "SIA Ērgļu Kamera" not in member_names(
        app, "alfa"
    )
