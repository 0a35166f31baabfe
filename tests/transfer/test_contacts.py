"""Several contact people per company in a member list, and the invitations an import sends when asked."""

import io
import re

from sqlalchemy import func, select

from clusterhub.companies.models import AdmissionRequest, Company
from clusterhub.extensions import db
from clusterhub.invitations.models import Invitation
from tenants.context import cross_tenant
from tests.factories import make_profile
from tests.mailbox import plain_text
from tests.transfer.conftest import csv_bytes, in_cluster, member_names

IMPORT = "/c/alfa/manage/import"
CONFIRM = "/c/alfa/manage/import/confirm"
HEADER = [
    "name",
    "registration_number",
    "contact_name",
    "contact_email",
    "contact_phone",
    "contact_role",
    "contact_name_2",
    "contact_email_2",
    "contact_phone_2",
    "contact_role_2",
    "contact_name_3",
    "contact_email_3",
]
DARZS, BETA_NUMBER = "SIA CANARYBETA Dārzs", "40103000002"


def _members() -> bytes:
    """A new company with three contact people: a newcomer, a member of cluster A and someone invited to A
    before; a new company with two contacts, one invited to cluster B and one a member of B: for A,
    newcomers both."""
    return csv_bytes(
        HEADER,
        [
            [
                "SIA Ērgļu Kamera",
                "",
                "Žanete Ķēniņa",
                "Zanete@Ergli.lv",
                "+371 2000 0001",
                "valdes locekle",
                "Mārtiņš Biedrs",
                "member@alfa.lv",
                "",
                "",
                "Ilze Ielūgtā",
                "invitee@alfa.lv",
            ],
            [
                "SIA Ūdensrozes Skaņa",
                "",
                "Beāte Bēta",
                "invitee@beta.lv",
                "",
                "",
                "Bruno Bēta",
                "member@beta.lv",
                "",
                "",
                "",
                "",
            ],
        ],
    )


def _preview(visitor, content: bytes, invite: bool) -> str:
    visitor.get(IMPORT)
    form = {"kind": "companies", "file": (io.BytesIO(content), "biedri.csv")}
    if invite:
        form["invite"] = "y"
    return visitor.post(IMPORT, form).get_data(as_text=True)


def _confirm(visitor, page: str) -> str:
    sealed = re.search(r'name="upload" type="hidden" value="([^"]+)"', page).group(1)
    return visitor.post(CONFIRM, {"upload": sealed}, follow_redirects=True).get_data(as_text=True)


def _invitation_rows(page: str) -> list[list[str]]:
    """The cells of the preview's table of invitations."""
    table = page.split("<h2>Invitations</h2>")[1].split("</table>")[0]
    return [re.findall(r"<td>(.*?)</td>", row) for row in table.split("<tr>")[2:]]


def _invitations(app, slug: str = "alfa") -> list[tuple[str, str]]:
    with in_cluster(app, slug):
        found = select(Invitation).order_by(Invitation.id)
        return [(invitation.email, invitation.company_name) for invitation in db.session.scalars(found)]


def test_a_row_gives_three_contact_people_with_phones_and_roles(app, world, runner, write_file, visitor):
    result = runner.invoke(args=["import", "companies", write_file(_members()), "--tenant", "alfa"])
    assert result.exit_code == 0, result.output
    with in_cluster(app, "alfa"):
        company = db.session.scalar(select(Company).where(Company.name == "SIA Ērgļu Kamera"))
        assert [(p.name, p.email, p.phone, p.role) for p in company.contacts] == [
            ("Žanete Ķēniņa", "Zanete@ergli.lv", "+371 2000 0001", "valdes locekle"),
            ("Mārtiņš Biedrs", "member@alfa.lv", "", ""),
            ("Ilze Ielūgtā", "invitee@alfa.lv", "", ""),
        ]
    # The same person again, by her e-mail in another case: updated in place, the others stay.
    again = csv_bytes(
        ["name", "contact_name", "contact_email", "contact_role"],
        [["SIA Ērgļu Kamera", "Žanete Ķēniņa-Ozola", "zanete@ergli.lv", "valdes priekšsēdētāja"]],
    )
    result = runner.invoke(args=["import", "companies", write_file(again), "--tenant", "alfa"])
    assert result.output == "1 company: 1 updated\n"
    visitor.login("manager@alfa.lv")
    export = visitor.get("/c/alfa/manage/export/companies.csv").get_data(as_text=True)
    first = [
        "Žanete Ķēniņa-Ozola",
        "zanete@ergli.lv",
        "'+371 2000 0001",
        "valdes priekšsēdētāja",
        "Mārtiņš Biedrs",
    ]
    assert ",".join(f'"{cell}"' for cell in first) in export  # a phone starting with + guarded as a formula
    # The exported file imported again changes nothing, and invites nobody unless asked.
    result = runner.invoke(args=["import", "companies", write_file(export.encode()), "--tenant", "alfa"])
    assert result.output.startswith("4 companies:") and "updated" not in result.output
    assert visitor.mails() == []


def test_a_contact_person_known_by_name_only_gets_the_files_email(app, world, runner, write_file):
    header = ["name", "contact_name", "contact_email"]
    for email in ("", "anna@abols.lv"):
        content = csv_bytes(header, [["SIA Ābols", "Anna Āboliņa", email]])
        assert (
            runner.invoke(args=["import", "companies", write_file(content), "--tenant", "alfa"]).exit_code
            == 0
        )
    with in_cluster(app, "alfa"):
        company = db.session.scalar(select(Company).where(Company.name == "SIA Ābols"))
        assert [(person.name, person.email) for person in company.contacts] == [
            ("Anna Āboliņa", "anna@abols.lv")
        ]


def test_a_bad_email_or_a_person_without_a_name_is_a_row_problem(app, world, runner, write_file):
    rows = [
        ["SIA Labā", "", "Anna", "anna@laba.lv", "", "", "Pēteris", "nav-epasts", "", "", "", "x@laba.lv"]
    ]
    result = runner.invoke(
        args=["import", "companies", write_file(csv_bytes(HEADER, rows)), "--tenant", "alfa"]
    )
    assert result.exit_code == 1
    assert "Error: row 2, contact_email_2: “nav-epasts” is not an e-mail address." in result.output
    assert (
        "Error: row 2, contact_name_3: Give the contact person's name with the e-mail address"
        in result.output
    )
    assert "SIA Labā" not in member_names(app, "alfa")


def test_nobody_is_invited_unless_the_manager_asks(app, world, visitor):
    visitor.login("manager@alfa.lv")
    page = _preview(visitor, _members(), invite=False)
    assert "<h2>Invitations</h2>" not in page
    assert "The file was imported (2 companies: 2 new)." in _confirm(visitor, page)
    assert visitor.mails() == [] and ("zanete@ergli.lv", "SIA Ērgļu Kamera") not in _invitations(app)


def test_the_preview_lists_the_invitations_and_the_import_sends_them_once(app, world, visitor, make_visitor):
    visitor.login("manager@alfa.lv")
    before = _invitations(app)
    page = _preview(visitor, _members(), invite=True)
    assert _invitation_rows(page) == [
        ["2", "Žanete Ķēniņa", "zanete@ergli.lv", "SIA Ērgļu Kamera", "will be invited"],
        [
            "2",
            "Mārtiņš Biedrs",
            "member@alfa.lv",
            "SIA Ērgļu Kamera",
            "not invited: a member of this cluster already",
        ],
        [
            "2",
            "Ilze Ielūgtā",
            "invitee@alfa.lv",
            "SIA Ērgļu Kamera",
            "not invited: invited to this cluster before",
        ],
        # Invited to cluster B only: the preview tells nothing of it, and A invites her.
        ["3", "Beāte Bēta", "invitee@beta.lv", "SIA Ūdensrozes Skaņa", "will be invited"],
        ["3", "Bruno Bēta", "member@beta.lv", "SIA Ūdensrozes Skaņa", "will be invited"],
    ]
    assert visitor.mails() == [] and _invitations(app) == before  # the preview sent and wrote nothing
    done = _confirm(visitor, page)
    assert "The file was imported (2 companies: 2 new)." in done and "3 invitations were sent." in done
    assert _invitations(app) == [
        *before,
        ("zanete@ergli.lv", "SIA Ērgļu Kamera"),
        ("invitee@beta.lv", "SIA Ūdensrozes Skaņa"),
        ("member@beta.lv", "SIA Ūdensrozes Skaņa"),
    ]
    mails = visitor.mails()
    assert sorted(mail["To"] for mail in mails) == ["invitee@beta.lv", "member@beta.lv", "zanete@ergli.lv"]
    # The invited person joins as a member of her company.
    mail = next(mail for mail in mails if mail["To"] == "zanete@ergli.lv")
    link = re.search(r"http://clusterhub\.test(/invitation/\S+)", plain_text(mail)).group(1)
    newcomer = make_visitor()
    newcomer.submit(
        link,
        {
            "name": "Žanete Ķēniņa",
            "password": "jauna-parole-123",
            "confirm": "jauna-parole-123",
            "language": "lv",
        },
    )
    members = newcomer.get("/c/alfa/members").get_data(as_text=True)
    assert "Žanete Ķēniņa" in members and "SIA Ērgļu Kamera" in members
    # The same file again: everybody is a member or invited already, and no mail leaves.
    page = _preview(visitor, _members(), invite=True)
    statuses = [row[-1] for row in _invitation_rows(page)]
    assert (
        "will be invited" not in statuses and statuses[0] == "not invited: a member of this cluster already"
    )
    assert "0 invitations were sent." in _confirm(visitor, page)
    assert len(visitor.mails()) == 3


def test_no_invitation_for_another_clusters_company_waiting_for_its_consent(app, world, visitor):
    make_profile(app, "beta", DARZS, registration_number=BETA_NUMBER)
    rows = [
        ["Mans Dārzs", BETA_NUMBER, "Dace Dārza", "dace@darzs.lv", "", "", "", "", "", "", "", ""],
        ["SIA Jaunā Birojs", "40003999999", "Jānis Jauns", "janis@birojs.lv", "", "", "", "", "", "", "", ""],
    ]
    visitor.login("manager@alfa.lv")
    page = _preview(visitor, csv_bytes(HEADER, rows), invite=True)
    # Both numbers look alike in the preview: it does not tell which belongs to a company elsewhere.
    maybe = "will be invited if the company is new to the platform"
    assert [row[-1] for row in _invitation_rows(page)] == [maybe, maybe]
    assert DARZS not in page
    done = _confirm(visitor, page)
    assert "1 invitation was sent." in done
    recipients = [mail["To"] for mail in visitor.mails()]  # B's people hear of the request for consent
    assert "janis@birojs.lv" in recipients and "dace@darzs.lv" not in recipients
    with app.app_context(), cross_tenant():
        assert (
            db.session.scalar(select(func.count(Invitation.id)).where(Invitation.email == "dace@darzs.lv"))
            == 0
        )
        request = db.session.scalar(select(AdmissionRequest))
        assert (request.tenant.slug, request.status) == ("alfa", "waiting")


def test_the_command_line_invites_with_invite_and_lists_them_in_a_dry_run(
    app, world, runner, write_file, visitor
):
    path = write_file(_members())
    command = ["import", "companies", path, "--tenant", "alfa", "--invite"]
    result = runner.invoke(args=[*command, "--dry-run"])
    assert result.exit_code == 0, result.output
    assert "row 2: Žanete Ķēniņa <zanete@ergli.lv>, SIA Ērgļu Kamera: will be invited" in result.output
    assert "row 2: Mārtiņš Biedrs <member@alfa.lv>, SIA Ērgļu Kamera: not invited: a member" in result.output
    assert visitor.mails() == []
    result = runner.invoke(args=[*command, "--language", "en"])
    assert result.output == "2 companies: 2 new\n3 invitation(s) sent\n"
    mails = visitor.mails()
    assert sorted(mail["To"] for mail in mails) == ["invitee@beta.lv", "member@beta.lv", "zanete@ergli.lv"]
    assert "invitation" in plain_text(mails[0]).lower()
    result = runner.invoke(args=command)
    assert result.output == "2 companies: 2 unchanged\n" and len(visitor.mails()) == 3


def test_a_latvian_manager_reads_the_invitations_in_latvian(app, world, signed_in):
    manager = signed_in("manager@alfa.lv")
    manager.get("/c/alfa/")
    form = manager.post("/language", {"language": "lv", "next": IMPORT}, follow_redirects=True).get_data(
        as_text=True
    )
    assert "Uzaicināt kontaktpersonas uz šo klasteri" in form and "contact_name_2" in form
    page = _preview(manager, _members(), invite=True)
    assert "<h2>Uzaicinājumi</h2>" in page and "saņems uzaicinājumu" in page
    assert "uzaicinājumu nesūtīs: jau ir šī klastera biedrs" in page
    assert "Nosūtīti 3 uzaicinājumi." in _confirm(manager, page)
    assert sorted(mail["To"] for mail in manager.mails()) == [
        "invitee@beta.lv",
        "member@beta.lv",
        "zanete@ergli.lv",
    ]
