"""A cluster never takes over another cluster's company: naming its registration number asks the company."""

import io
import re

from sqlalchemy import select

from clusterhub.companies.models import AdmissionRequest, Company
from clusterhub.extensions import db
from clusterhub.security.models import AuditEvent
from tenants.context import cross_tenant
from tests.factories import make_profile, make_user
from tests.transfer.conftest import COMPANY_HEADER, csv_bytes, member_names

IMPORT = "/c/alfa/manage/import"
CONFIRM = "/c/alfa/manage/import/confirm"
DARZS = "SIA CANARYBETA Dārzs"
NUMBER = "40103000002"


def _row(name: str, number: str, description: str = "") -> list[str]:
    return [name, number, "", "", "", "", "", description, "", "", "", ""]


def _file(*rows: list[str]) -> bytes:
    return csv_bytes(COMPANY_HEADER, list(rows))


def _preview(visitor, content: bytes) -> str:
    visitor.get(IMPORT)
    response = visitor.post(IMPORT, {"kind": "companies", "file": (io.BytesIO(content), "biedri.csv")})
    return response.get_data(as_text=True)


def _import(visitor, content: bytes) -> str:
    page = _preview(visitor, content)
    sealed = re.search(r'name="upload" type="hidden" value="([^"]+)"', page).group(1)
    return visitor.post(CONFIRM, {"upload": sealed}, follow_redirects=True).get_data(as_text=True)


def _beta_company(app) -> int:
    return make_profile(app, "beta", DARZS, registration_number=NUMBER, description="CANARYBETA slepens")


def _darzs(app) -> Company:
    with app.app_context(), cross_tenant():
        company = db.session.scalar(select(Company).where(Company.registration_number == NUMBER))
        db.session.expunge(company)
        return company


def _requests(app) -> list[tuple[str, str]]:
    with app.app_context(), cross_tenant():
        return [(r.tenant.slug, r.status) for r in db.session.scalars(select(AdmissionRequest))]


def test_an_import_naming_another_clusters_company_only_asks_it(app, world, signed_in):
    company_id = _beta_company(app)
    manager = signed_in("manager@alfa.lv")
    page = _import(manager, _file(_row("Mans Dārzs", "4010 300 0002", "pārrakstīts apraksts")))
    assert "The file was imported (1 company: 1 waiting for the company)." in page
    assert "CANARYBETA" not in page
    darzs = _darzs(app)
    assert (darzs.name, darzs.description) == (DARZS, "CANARYBETA slepens")
    assert DARZS not in member_names(app, "alfa")
    assert _requests(app) == [("alfa", "waiting")]
    for path in ("", "/edit", "/history", "/logo"):
        assert manager.get(f"/c/alfa/companies/{company_id}{path}").status_code == 404
    with app.app_context(), cross_tenant():
        audited = db.session.scalars(select(AuditEvent.kind).where(AuditEvent.subject.like("company:%")))
        assert list(audited) == ["admission_requested"]
    # The company's own representative is told, in the app and by e-mail, with a link to answer.
    darzs_person = signed_in("member@beta.lv")
    assert "asks your company to become its member" in darzs_person.get("/c/beta/notifications/").get_data(
        as_text=True
    )
    assert any(
        f"/c/beta/companies/{company_id}/admissions" in mail.get_body().get_content()
        for mail in darzs_person.mails()
    )


def test_the_company_accepts_and_becomes_a_member_with_its_own_profile(app, world, signed_in):
    company_id = _beta_company(app)
    _import(signed_in("manager@alfa.lv"), _file(_row("Mans Dārzs", NUMBER, "pārrakstīts apraksts")))
    representative = signed_in("member@beta.lv")
    page = representative.get(f"/c/beta/companies/{company_id}/admissions").get_data(as_text=True)
    assert "Alfa CANARYALFA klasteris" in page
    admission = re.search(r'name="request" type="hidden" value="(\d+)"', page).group(1)
    answer = {"request": admission, "answer": "accept"}
    response = representative.post(f"/c/beta/companies/{company_id}/admissions", answer)
    assert response.status_code == 302
    assert _requests(app) == [("alfa", "accepted")]
    assert DARZS in member_names(app, "alfa")
    assert _darzs(app).description == "CANARYBETA slepens"  # the import's cells were never applied
    again = representative.post(f"/c/beta/companies/{company_id}/admissions", answer, follow_redirects=True)
    assert "No cluster is waiting for your company's answer." in again.get_data(as_text=True)
    assert "accepted your cluster&#39;s request" in signed_in("manager@alfa.lv").get(
        "/c/alfa/notifications/"
    ).get_data(as_text=True)


def test_a_refused_request_leaves_the_company_out(app, world, signed_in):
    company_id = _beta_company(app)
    _import(signed_in("manager@alfa.lv"), _file(_row("Mans Dārzs", NUMBER)))
    representative = signed_in("member@beta.lv")
    page = representative.get(f"/c/beta/companies/{company_id}/admissions").get_data(as_text=True)
    admission = re.search(r'name="request" type="hidden" value="(\d+)"', page).group(1)
    representative.post(
        f"/c/beta/companies/{company_id}/admissions", {"request": admission, "answer": "refuse"}
    )
    assert _requests(app) == [("alfa", "refused")]
    assert DARZS not in member_names(app, "alfa")


def test_only_the_companys_own_representatives_answer(app, world, signed_in):
    company_id = _beta_company(app)
    _import(signed_in("manager@alfa.lv"), _file(_row("Mans Dārzs", NUMBER)))
    # manager@beta.lv manages the cluster but represents another company.
    assert signed_in("manager@beta.lv").get(f"/c/beta/companies/{company_id}/admissions").status_code == 403
    assert _requests(app) == [("alfa", "waiting")]


def test_the_preview_does_not_tell_whether_a_number_is_on_the_platform(app, world, signed_in):
    _beta_company(app)
    manager = signed_in("manager@alfa.lv")
    taken = _preview(manager, _file(_row("SIA Jauns", NUMBER)))
    free = _preview(manager, _file(_row("SIA Jauns", "40009999999")))
    strip = re.compile(r'value="[^"]+"|4010300000\d|40009999999')
    assert strip.sub("", taken) == strip.sub("", free)
    assert "asked to join if the company is on the platform already" in taken
    # A member of this cluster called like the row, with the number of a company elsewhere: no names.
    clash = _preview(manager, _file(_row("SIA CANARYALFA Čiekurs", NUMBER)))
    assert "CANARYBETA" not in clash and DARZS not in clash
    assert _requests(app) == []


def test_only_a_platform_administrator_admits_at_once_from_the_command_line(app, world, runner, write_file):
    _beta_company(app)
    make_user(app, "admin@clusterhub.lv", "Administrators", is_admin=True)
    path = write_file(_file(_row("Mans Dārzs", NUMBER)))
    args = ["import", "companies", path, "--tenant", "alfa", "--admit-existing"]
    refused = runner.invoke(args=[*args, "manager@alfa.lv"])
    assert refused.exit_code != 0 and "is not a platform administrator" in refused.output
    assert DARZS not in member_names(app, "alfa")
    admitted = runner.invoke(args=[*args, "admin@clusterhub.lv"])
    assert admitted.output == "1 company: 1 admitted from another cluster\n"
    assert "Mans Dārzs" in member_names(app, "alfa")  # the administrator's file names it as it is now
