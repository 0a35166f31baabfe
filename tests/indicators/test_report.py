"""Managers read the indicators of a quarter or a year on screen and download the same figures as CSV."""

import csv
import io
import re
from datetime import date

import pytest

from clusterhub.clock import local_today
from clusterhub.indicators.periods import Period
from tests.factories import make_user

TODAY = local_today()
THIS_QUARTER = Period.containing(TODAY)
PAGE = "/c/alfa/manage/indicators"
VALUE_CELL = re.compile(r'<td class="number">(.*?)</td>', re.DOTALL)


@pytest.fixture
def manager(world, signed_in):
    return signed_in("manager@alfa.lv")


def _screen_values(html: str) -> list[str]:
    """The value column of the report as text; an empty figure (a dash) as an empty string."""
    cells = (re.sub(r"<[^>]+>", "", cell).strip() for cell in VALUE_CELL.findall(html))
    return ["" if cell.startswith("—") else cell for cell in cells]


def _csv_rows(response, delimiter: str = ",") -> list[dict]:
    text = response.get_data().decode("utf-8-sig")
    return list(csv.DictReader(io.StringIO(text), delimiter=delimiter))


def test_a_manager_sees_this_quarters_indicators_with_their_definitions(manager):
    page = manager.get(PAGE).get_data(as_text=True)
    assert f"Indicators for the programme: Q{THIS_QUARTER.quarter} {TODAY.year}" in page
    assert "Members by size" in page and "Needs and offers answered" in page
    assert "Posts that got their first answer" in page  # the definition beside the figure
    assert "The period is not over" in page
    assert f'href="{PAGE}"' in page  # the managers' navigation leads here


def test_the_report_counts_the_clusters_recorded_activity(manager):
    page = manager.get(PAGE).get_data(as_text=True)
    figures = {
        key: _screen_values(body)[0]
        for key, body in re.findall(r'<tbody id="([a-z_]+)">(.*?)</tbody>', page, re.DOTALL)
    }
    # The world: two member companies of alfa (and a colleague without one); company_a's need, answered
    # by the manager's company, which rated it; one use of a service with feedback 5; an event next week.
    assert figures["members_by_size"] == "2"
    assert (figures["posts"], figures["posts_answered"], figures["contacts"]) == ("1", "1", "1")
    assert (figures["ratings"], figures["service_uses"], figures["feedback_score"]) == ("1", "1", "5.0")
    # The world's conference begins in two weeks: nothing of it counts yet, and nobody has rated it.
    assert [figures[key] for key in ("conference_participations", "cross_cluster_meetings")] == ["0", "0"]
    assert figures["conference_rating"] == ""


def test_members_may_not_see_the_indicators(world, signed_in):
    member = signed_in("member@alfa.lv")
    assert member.get(PAGE).status_code == 403
    assert member.get(f"{PAGE}/{TODAY.year}/indicators.csv").status_code == 403


def test_the_period_chooser_opens_the_chosen_year_or_quarter(manager):
    year = manager.get(f"{PAGE}?year={TODAY.year}&quarter=")
    assert year.status_code == 302 and year.location.endswith(f"{PAGE}/{TODAY.year}")
    quarter = manager.get(f"{PAGE}?year={TODAY.year}&quarter={THIS_QUARTER.quarter}")
    assert quarter.location.endswith(f"{PAGE}/{TODAY.year}/{THIS_QUARTER.quarter}")
    page = manager.get(year.location).get_data(as_text=True)
    assert f"Indicators for the programme: {TODAY.year}" in page


def test_a_period_that_has_not_begun_is_refused_beside_the_chooser(manager, monkeypatch):
    monkeypatch.setattr("clusterhub.indicators.views.local_today", lambda: date(TODAY.year, 5, 1))
    page = manager.get(f"{PAGE}?year={TODAY.year}&quarter=3")
    assert page.status_code == 200 and "This quarter has not begun yet." in page.get_data(as_text=True)
    next_year = manager.get(f"{PAGE}?year={TODAY.year + 1}&quarter=")
    assert next_year.status_code == 200 and 'id="year-errors"' in next_year.get_data(as_text=True)
    assert manager.get(f"{PAGE}/{TODAY.year}/3").status_code == 404
    for nonsense in ("year=abc&quarter=1", f"year={TODAY.year}&quarter=7"):
        assert manager.get(f"{PAGE}?{nonsense}").status_code == 200
        assert "Not a valid choice" in manager.last_page


@pytest.mark.parametrize(
    "path",
    [
        "{year}/5",
        "{year}/0",
        "{next}",
        "{next}/1",
        "1990",
        "1990/1",
        "{year}/5/indicators.csv",
        "{next}/indicators.csv",
    ],
)
def test_a_period_that_does_not_exist_or_has_no_records_is_not_found(manager, path):
    address = f"{PAGE}/{path.format(year=TODAY.year, next=TODAY.year + 1)}"
    assert manager.get(address).status_code == 404


def test_the_csv_holds_the_figures_of_the_page(manager):
    path = f"{PAGE}/{TODAY.year}/{THIS_QUARTER.quarter}"
    page = manager.get(path).get_data(as_text=True)
    download = manager.get(f"{path}/indicators.csv")
    assert download.get_data().startswith("\ufeff".encode())  # Excel reads it as UTF-8
    assert (
        f'filename="alfa-indicators-{TODAY.year}-Q{THIS_QUARTER.quarter}.csv"'
        in download.headers["Content-Disposition"]
    )
    rows = _csv_rows(download)
    assert list(rows[0]) == ["indicator", "definition", "value", "breakdown", "code"]
    assert [row["value"] for row in rows] == _screen_values(page)
    assert {"code": "members_by_size.micro", "breakdown": "Micro", "definition": ""}.items() <= rows[
        1
    ].items()
    assert rows[0]["definition"].startswith("Member companies at the end of the period's last day")


def test_the_report_and_its_csv_speak_latvian(app, world, signed_in):
    make_user(app, "vaditaja@alfa.lv", "Vadītāja", "alfa", "manager", language="lv")
    manager = signed_in("vaditaja@alfa.lv")
    page = manager.get(PAGE)
    assert page.status_code == 200 and '<html lang="lv">' in page.get_data(as_text=True)
    assert "Mikrouzņēmums" in page.get_data(as_text=True)
    # A Latvian Excel splits cells on semicolons.
    rows = _csv_rows(manager.get(f"{PAGE}/{TODAY.year}/indicators.csv"), delimiter=";")
    assert any(row["breakdown"] == "Mikrouzņēmums" for row in rows)
