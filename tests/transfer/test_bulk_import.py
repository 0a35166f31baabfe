"""A member list is checked and written in bulk: the queries do not grow with its rows, and the rules for
companies of other clusters hold for every row of a big file as for one."""

from flask_babel import force_locale
from sqlalchemy import func, select

from clusterhub.accounts.models import User
from clusterhub.companies.models import AdmissionRequest, Company
from clusterhub.extensions import db
from clusterhub.invitations.models import Invitation
from clusterhub.transfer.services import run_import
from tenants.context import cross_tenant
from tests.factories import make_profile
from tests.statements import statements_sent
from tests.transfer.conftest import COMPANY_HEADER, csv_bytes, in_cluster, member_names

NUMBER = "40103000002"  # cluster B's company in every file


def _member_list(new_rows: int) -> bytes:
    """The world's member of A updated, B's company named by its number, and `new_rows` new companies,
    every third with a number, a sector, a region and roles."""
    rows = [
        ["SIA CANARYALFA Čiekurs", "", "Kino", "", "", "", "", "", "", "", "", ""],
        ["Kaimiņu dārzs", NUMBER, "", "", "", "", "", "", "", "", "", ""],
    ]
    for index in range(new_rows):
        detailed = index % 3 == 0
        rows.append(
            [
                f"SIA Jauns {index}",
                f"4000{index:07d}" if detailed else "",
                "Mežs; Koks" if detailed else "",
                "",
                "Vidzeme" if detailed else "",
                "producer; finance" if detailed else "",
                "",
                "",
                "",
                f"Persona {index}" if detailed else "",
                f"persona{index}@jauns.lv" if detailed else "",
                "",
            ]
        )
    return csv_bytes(COMPANY_HEADER, rows)


def _not_inserts(statements: list[str]) -> list[str]:
    """The statements except INSERTs of new rows: the ORM sends those in batches where the database can say
    which new id is which row's (PostgreSQL), and one by one on SQLite."""
    return [statement for statement in statements if not statement.lstrip().upper().startswith("INSERT")]


def _run(app, content: bytes, preview: bool, invite: bool = False) -> tuple[int, str]:
    with in_cluster(app, "alfa"), force_locale("en"), statements_sent(app) as statements:
        manager = db.session.scalar(select(User).where(User.email == "manager@alfa.lv"))
        report = run_import("companies", content, manager, preview=preview, invite=invite)
        (db.session.rollback if preview else db.session.commit)()
        return len(_not_inserts(statements)), report.summary()


def test_the_queries_of_a_preview_and_an_import_do_not_grow_with_the_rows(app, world):
    make_profile(app, "beta", "SIA CANARYBETA Dārzs", registration_number=NUMBER)
    small, small_summary = _run(app, _member_list(10), preview=True)
    big, big_summary = _run(app, _member_list(300), preview=True)
    assert big <= small, (small, big)
    assert big_summary == "302 companies: 200 new, 101 new or asked to join, 1 updated"
    # A confirmed import of the bigger file costs the same statements as one of the smaller (another
    # cluster's same company is asked once, every new company written with the others).
    small, _ = _run(app, _member_list(10), preview=False)
    with in_cluster(app, "alfa"):
        db.session.execute(db.delete(AdmissionRequest))
        db.session.commit()
    big, big_summary = _run(app, _member_list(300), preview=False)
    assert big <= small, (small, big)
    assert big_summary == "302 companies: 290 new, 1 waiting for the company, 11 unchanged"


def test_inviting_the_contact_people_costs_the_same_queries_for_a_big_file(app, world):
    make_profile(app, "beta", "SIA CANARYBETA Dārzs", registration_number=NUMBER)
    small, _ = _run(app, _member_list(10), preview=True, invite=True)
    big, _ = _run(app, _member_list(300), preview=True, invite=True)
    assert big <= small, (small, big)
    small, _ = _run(app, _member_list(10), preview=False, invite=True)
    with in_cluster(app, "alfa"):
        db.session.execute(db.delete(AdmissionRequest))
        db.session.commit()
    big, _ = _run(app, _member_list(300), preview=False, invite=True)
    assert big <= small, (small, big)
    with in_cluster(app, "alfa"):
        invited = select(func.count(Invitation.id)).where(Invitation.email.endswith("@jauns.lv"))
        assert db.session.scalar(invited) == 100  # every third of the 300, once


def test_a_big_import_asks_another_clusters_company_once_and_leaves_it_as_it_is(app, world):
    make_profile(app, "beta", "SIA CANARYBETA Dārzs", registration_number=NUMBER, description="slepens")
    _run(app, _member_list(200), preview=False)
    _, summary = _run(app, _member_list(200), preview=False)
    assert summary == "202 companies: 1 waiting for the company, 201 unchanged"
    with app.app_context(), cross_tenant():
        requests = db.session.scalars(select(AdmissionRequest)).all()
        assert [(request.tenant.slug, request.status) for request in requests] == [("alfa", "waiting")]
        darzs = db.session.scalar(select(Company).where(Company.registration_number == NUMBER))
        assert (darzs.name, darzs.description) == ("SIA CANARYBETA Dārzs", "slepens")
    names = member_names(app, "alfa")
    assert "SIA Jauns 199" in names and "Kaimiņu dārzs" not in names and "SIA CANARYBETA Dārzs" not in names
    with in_cluster(app, "alfa"):
        company = db.session.scalar(select(Company).where(Company.name == "SIA Jauns 3"))
        assert (company.registration_number, company.region, company.role_names) == (
            "40000000003",
            "vidzeme",
            ["producer", "finance"],
        )
        assert sorted(company.tag_names("sector")) == ["Koks", "Mežs"]
        assert [person.name for person in company.contacts] == ["Persona 3"]


def test_a_member_given_another_clusters_number_is_refused_only_once_confirmed(app, world):
    make_profile(app, "beta", "SIA CANARYBETA Dārzs", registration_number=NUMBER)
    row = ["SIA CANARYALFA Čiekurs", NUMBER, "", "", "", "", "", "", "", "", "", ""]
    content = csv_bytes(COMPANY_HEADER, [row])
    _, preview = _run(app, content, preview=True)
    assert preview == "1 company: 1 updated"  # as for a free number: the preview does not tell
    with in_cluster(app, "alfa"), force_locale("en"):
        manager = db.session.scalar(select(User).where(User.email == "manager@alfa.lv"))
        report = run_import("companies", content, manager)
        db.session.rollback()
        assert [str(problem.message) for problem in report.all_problems] == [
            "Another company on the platform has this registration number."
        ]
