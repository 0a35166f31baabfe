"""The annual visit log: recording, correcting and deleting visits, each company's history, visits due."""

import re
from datetime import date, timedelta

import pytest
from sqlalchemy import func, select

from clusterhub.clock import local_today
from clusterhub.extensions import db
from clusterhub.members.models import Visit
from clusterhub.members.segments import segments
from clusterhub.members.services import visits_due
from tests.factories import make_tenant, make_user
from tests.members.conftest import TODAY, act, in_cluster, member

LONG_AGO = date(2018, 5, 1)
VISIT = {
    "visited_on": "",
    "visitors": "Ilze Bērziņa, Jānis Ozols",
    "problem_1": "Trūkst kvalificētu darbinieku",
    "problem_2": "Eksporta tirgi",
    "problem_3": "",
    "goals_2_years": "Jauna ražotne Valmierā",
    "goals_5_years": "Eksports uz Skandināviju",
    "success_story": "Kopīgs pasūtījums ar SIA Kaimiņš",
    "next_step": "Iepazīstināt ar Rīgas Tehnisko universitāti",
}


@pytest.fixture
def cluster(app) -> dict[str, int]:
    """Cluster "alfa" with a manager and an older member company; cluster "beta" with a company of its own."""
    make_tenant(app, "alfa", "Alfa klasteris")
    make_tenant(app, "beta", "Beta klasteris")
    make_user(app, "vadiba@alfa.lv", "Ilze Vadītāja", "alfa", "manager")
    return {
        "old": member(app, "SIA Vecais", LONG_AGO),
        "foreign": member(app, "SIA Svešais", LONG_AGO, slug="beta"),
    }


@pytest.fixture
def manager(cluster, signed_in):
    visitor = signed_in("vadiba@alfa.lv")
    return visitor


def _visits(app) -> list[Visit]:
    with in_cluster(app):
        rows = list(db.session.scalars(select(Visit).order_by(Visit.id)))
        db.session.expunge_all()
        return rows


def _record(manager, company: int, **changes):
    data = {**VISIT, "company_id": str(company), "visited_on": local_today().isoformat(), **changes}
    return manager.submit(f"/c/alfa/manage/visits/new?company_id={company}", data)


def test_a_recorded_visit_shows_in_the_companys_history_and_in_the_log(app, cluster, manager):
    form = manager.get(f"/c/alfa/manage/visits/new?company_id={cluster['old']}").get_data(as_text=True)
    assert f'<option selected value="{cluster["old"]}">SIA Vecais</option>' in form
    assert "SIA Svešais" not in form  # another cluster's company is no choice
    response = _record(manager, cluster["old"])
    assert response.headers["Location"] == f"/c/alfa/manage/visits/company/{cluster['old']}"
    history = manager.get(response.headers["Location"]).get_data(as_text=True)
    for text in ("Ilze Bērziņa, Jānis Ozols", "Trūkst kvalificētu darbinieku", "Eksports uz Skandināviju"):
        assert text in history
    problems = next(ol for ol in re.findall(r"<ol>(.*?)</ol>", history, re.S) if "Trūkst" in ol)
    assert problems.count("<li>") == 2  # the problems given, none blank
    log = manager.get("/c/alfa/manage/visits").get_data(as_text=True)
    assert "SIA Vecais" in log and "Iepazīstināt ar Rīgas" in log
    [visit] = _visits(app)
    assert visit.problems == ["Trūkst kvalificētu darbinieku", "Eksporta tirgi"]


@pytest.mark.parametrize(
    ("changes", "field", "message"),
    [
        (
            {"visited_on": (local_today() + timedelta(days=1)).isoformat()},
            "visited_on",
            "cannot be in the future",
        ),
        ({"visited_on": "2026-02-30"}, "visited_on", "Not a valid date value."),
        ({"visited_on": ""}, "visited_on", "This field is required."),
        ({"visitors": "   "}, "visitors", "This field is required."),
        ({"company_id": ""}, "company_id", "This field is required."),
        ({"problem_1": "x" * 301}, "problem_1", "cannot be longer than 300 characters"),
    ],
)
def test_a_visit_with_wrong_values_is_refused_beside_the_field(
    app, cluster, manager, changes, field, message
):
    response = _record(manager, cluster["old"], **changes)
    assert response.status_code == 200
    errors = re.search(rf'id="{field}-errors">(.*?)</ul>', response.get_data(as_text=True), re.S)
    assert errors and message in errors.group(1)
    assert _visits(app) == []


def test_a_company_of_another_cluster_cannot_be_visited_from_here(app, cluster, manager):
    response = _record(manager, cluster["foreign"])
    assert "Not a valid choice." in response.get_data(as_text=True)
    assert _visits(app) == []


def test_a_visit_is_corrected_and_deleted_only_after_confirming(app, cluster, manager):
    _record(manager, cluster["old"])
    [visit] = _visits(app)
    edit = f"/c/alfa/manage/visits/{visit.id}/edit"
    assert "Trūkst kvalificētu darbinieku" in manager.get(edit).get_data(as_text=True)
    changed = {
        **VISIT,
        "company_id": str(cluster["old"]),
        "visited_on": "2026-01-12",
        "next_step": "Zvanīt martā",
    }
    assert manager.submit(edit, changed).status_code == 302
    [visit] = _visits(app)
    assert (visit.visited_on, visit.next_step) == (date(2026, 1, 12), "Zvanīt martā")
    delete = f"/c/alfa/manage/visits/{visit.id}/delete"
    question = manager.get(delete).get_data(as_text=True)
    assert "Delete the visit to SIA Vecais on 12 Jan 2026?" in question
    assert len(_visits(app)) == 1
    assert manager.post(delete).headers["Location"] == f"/c/alfa/manage/visits/company/{cluster['old']}"
    assert _visits(app) == []
    assert manager.get(edit).status_code == 404


def test_another_clusters_visit_is_not_found(app, cluster, manager, signed_in):
    make_user(app, "vadiba@beta.lv", "Baiba", "beta", "manager")
    other = signed_in("vadiba@beta.lv")
    data = {**VISIT, "company_id": str(cluster["foreign"]), "visited_on": "2026-01-05"}
    other.submit("/c/beta/manage/visits/new", data)
    with in_cluster(app, "beta"):
        visit_id = db.session.scalar(select(func.max(Visit.id)))
    assert manager.get(f"/c/alfa/manage/visits/{visit_id}/edit").status_code == 404
    assert manager.post(f"/c/alfa/manage/visits/{visit_id}/delete").status_code == 404
    assert manager.get(f"/c/alfa/manage/visits/company/{cluster['foreign']}").status_code == 404


def test_visits_due_are_older_members_not_visited_this_calendar_year(app, cluster):
    new = member(app, "SIA Jaunā", TODAY - timedelta(days=100))
    last_year = member(app, "SIA Pērn", LONG_AGO)
    this_year = member(app, "SIA Šogad", LONG_AGO)
    active = member(app, "SIA Aktīvā", LONG_AGO)
    act(app, active, "use", TODAY - timedelta(days=5), times=6)
    with in_cluster(app):
        for company_id, day in ((last_year, date(2025, 12, 31)), (this_year, date(2026, 1, 1))):
            db.session.add(Visit(company_id=company_id, visited_on=day, visitors="Ilze"))
        db.session.commit()
        due = visits_due(segments(TODAY), TODAY)
    assert [(row.name, row.segment.name, row.last_visit) for row in due] == [
        ("SIA Aktīvā", "active", None),
        ("SIA Vecais", "reactivate", None),
        ("SIA Pērn", "reactivate", date(2025, 12, 31)),
    ]
    assert new not in {row.company_id for row in due}


def test_the_visits_page_lists_the_visits_due_with_a_link_to_record_one(app, cluster, manager):
    page = manager.get("/c/alfa/manage/visits?show=due").get_data(as_text=True)
    assert "SIA Vecais" in page and "(1)" in page
    assert f"/c/alfa/manage/visits/new?company_id={cluster['old']}" in page
    _record(manager, cluster["old"])
    after = manager.get("/c/alfa/manage/visits?show=due").get_data(as_text=True)
    assert "Every member company that is due has had its visit this year." in after


def test_an_empty_log_says_so(app, cluster, manager):
    assert "No visits logged yet." in manager.get("/c/alfa/manage/visits").get_data(as_text=True)
    history = manager.get(f"/c/alfa/manage/visits/company/{cluster['old']}").get_data(as_text=True)
    assert "No visit to this company has been logged yet." in history
