"""The import takes sectors and competences as the vocabulary names them in either language, and
value-chain roles as people spell them."""

from sqlalchemy import select

from clusterhub.companies.models import Company, CompanyTag
from clusterhub.companies.services import profile_values
from clusterhub.extensions import db
from search.vocabulary.models import Concept
from search.vocabulary.services import load_vocabulary
from tests.transfer.conftest import COMPANY_HEADER, csv_bytes, in_cluster

ROLES = "education/research; Izglītība un pētniecība; PUBLISKAIS SEKTORS; resource-holder; Finance"


def _row(name: str, sectors: str, roles: str, competences: str) -> list[str]:
    return [name, "", sectors, "", "", roles, competences, "", "", "", "", ""]


def test_vocabulary_labels_in_either_language_are_kept_as_typed_and_linked(app, world, runner, write_file):
    with app.app_context():
        load_vocabulary()
        db.session.commit()
    rows = [
        _row("SIA Krāsa", "Datorprogrammēšana, konsultēšana un saistītas darbības", ROLES, "Colour grading"),
        _row("SIA Color", "Computer programming, consultancy and related activities", "", "krāsu korekciju"),
    ]
    result = runner.invoke(
        args=["import", "companies", write_file(csv_bytes(COMPANY_HEADER, rows)), "--tenant", "alfa"]
    )
    assert result.exit_code == 0, result.output

    with in_cluster(app, "alfa"):
        krasa = db.session.scalar(select(Company).where(Company.name == "SIA Krāsa"))
        profile = profile_values(krasa)
        assert profile["competences"] == ["Colour grading"]
        assert sorted(profile["roles"]) == [
            "education_research",
            "finance",
            "public_sector",
            "resource_holder",
        ]
        linked = db.session.execute(
            select(Company.name, CompanyTag.kind, Concept.key)
            .join(CompanyTag.company)
            .join(Concept, CompanyTag.concept_id == Concept.id)
            .where(Company.name.in_(["SIA Krāsa", "SIA Color"]))
        ).all()
    assert sorted(linked) == [
        ("SIA Color", "competence", "colour-grading"),
        ("SIA Color", "sector", "nace-62"),
        ("SIA Krāsa", "competence", "colour-grading"),
        ("SIA Krāsa", "sector", "nace-62"),
    ]


def test_a_role_nobody_knows_is_still_refused(app, world, runner, write_file):
    rows = [_row("SIA Cits", "", "education / research and space", "")]
    result = runner.invoke(
        args=["import", "companies", write_file(csv_bytes(COMPANY_HEADER, rows)), "--tenant", "alfa"]
    )
    assert result.exit_code == 1
    assert "row 2, roles" in result.output
