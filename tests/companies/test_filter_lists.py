"""The directory's sector and competence lists are kept between page loads, and follow every change of the
cluster's companies on the next page load: a profile that adds a sector, a company that leaves."""

from sqlalchemy import delete, select

from clusterhub.companies.models import Company, DirectoryStamp
from clusterhub.extensions import db
from tenants.context import cross_tenant
from tenants.models import Tenant
from tests.companies.helpers import add_company, edit_profile
from tests.statements import statements_sent


def _directory(visitor, query: str = "") -> str:
    response = visitor.get(f"/c/alfa/companies{query}")
    assert response.status_code == 200
    return response.get_data(as_text=True)


def _offers(page: str, name: str) -> bool:
    return f'<option value="{name}">' in page


def _stamps(app) -> dict[str, str]:
    """{cluster slug: its directory stamp}."""
    with app.app_context():
        return dict(db.session.execute(select(Tenant.slug, DirectoryStamp.stamp).join(DirectoryStamp)).all())


def _tag_reads(sent: list[str]) -> list[str]:
    return [statement for statement in sent if "min(company_tags.name)" in statement]


def test_a_sector_added_to_a_profile_is_offered_on_the_next_page_load(app, world, visitor):
    visitor.login("member@alfa.lv")
    assert not _offers(_directory(visitor), "Kinoteātri")
    assert not _offers(_directory(visitor), "Skaņu režija")  # read from the kept lists this time
    sectors = {"sectors": "Kinoteātri", "competences": "Skaņu režija"}
    response = edit_profile(visitor, "alfa", world.company_a, **sectors)
    assert response.status_code == 302
    page = _directory(visitor)
    assert _offers(page, "Kinoteātri") and _offers(page, "Skaņu režija")
    assert "CANARYALFA Čiekurs" in _directory(visitor, "?sector=Kinoteātri")


def test_a_company_that_leaves_takes_its_own_sector_and_its_count_away(app, world, signed_in):
    tags = {"sectors": ["Leļļu teātris"], "competences": ["Marionetes"]}
    studio = add_company(app, "alfa", "Vienīgā Studija", **tags)
    member = signed_in("member@alfa.lv")
    before = _directory(member)
    assert _offers(before, "Leļļu teātris") and _offers(before, "Marionetes") and "3 companies" in before
    manager = signed_in("manager@alfa.lv")
    assert manager.submit(f"/c/alfa/manage/members/{studio}/former", {"confirm": "y"}).status_code == 302
    after = _directory(member)
    assert not _offers(after, "Leļļu teātris") and not _offers(after, "Marionetes")
    assert "2 companies" in after


def test_a_page_load_reads_the_kept_lists_without_reading_the_tags(app, world, visitor):
    add_company(app, "alfa", "Skaņas Meistari", sectors=["Audiovizuālā tehnika"], competences=["Montāža"])
    visitor.login("member@alfa.lv")
    with statements_sent(app) as first:
        _directory(visitor)
    with statements_sent(app) as second:
        page = _directory(visitor)
    assert _offers(page, "Audiovizuālā tehnika") and _offers(page, "Montāža")
    assert len(_tag_reads(first)) == 2 and _tag_reads(second) == []


def test_a_change_stamps_every_cluster_of_the_company_and_a_rollback_keeps_the_old_stamp(app, world):
    before = _stamps(app)
    add_company(app, "alfa", "Skaņas Meistari", sectors=["Audiovizuālā tehnika"])
    after = _stamps(app)
    assert after["alfa"] != before["alfa"] and after["beta"] == before["beta"]
    with app.app_context(), cross_tenant():
        db.session.get(Company, world.company_b).description = "Cits apraksts"
        db.session.flush()
        db.session.rollback()
    assert _stamps(app) == after


def test_a_cluster_without_a_stamp_still_shows_its_current_lists(app, world, visitor):
    visitor.login("member@alfa.lv")
    _directory(visitor)
    with app.app_context():
        db.session.execute(delete(DirectoryStamp))
        db.session.commit()
    add_company(app, "alfa", "Skaņas Meistari", sectors=["Audiovizuālā tehnika"])
    with app.app_context():
        db.session.execute(delete(DirectoryStamp))  # as if the company had been written around the ORM
        db.session.commit()
    assert _offers(_directory(visitor), "Audiovizuālā tehnika")
