"""The organiser's report: participants per cluster, requests, the meeting grid, who met whom, the CSV
files that hold what the page shows, and the printable table plan."""

import csv
import io
import re
from datetime import timedelta

import pytest

from clusterhub.conferences.access import conference_or_404
from clusterhub.conferences.reports.services import (
    accepted,
    cluster_lines,
    cluster_matrix,
    grid,
    meetings,
    request_shares,
    sector_matrix,
)
from tenants.context import cross_tenant
from tests.conferences.report_world import ORGANISER, Fair
from tests.downloads import XLSX, workbook
from tests.factories import make_conference, make_participant, make_tenant, make_user

TAG = re.compile(r"<[^>]+>")


@pytest.fixture
def fair(app, snapshot):
    return snapshot("report-fair", lambda: Fair(app))


@pytest.fixture
def organiser(fair, signed_in):
    visitor = signed_in(ORGANISER)
    return visitor


def _figures(app, fair):
    """The report's figures of the fair, computed as the page computes them."""
    with app.app_context(), cross_tenant():
        event = conference_or_404(fair.conference)
        taking_place = accepted(meetings(event))
        return {
            "clusters": {line.cluster: (line.quota, dict(line.counts)) for line in cluster_lines(event)},
            "shares": {share.key: (share.count, share.share) for share in request_shares(meetings(event))},
            "sectors": sector_matrix(taking_place),
            "clusters_met": cluster_matrix(taking_place),
            "grid": {
                (slot, table): (meeting.requester.company.name, meeting.invitee.company.name)
                for (slot, table), meeting in grid(event, taking_place).cells.items()
            },
            "slots": grid(event, taking_place).slots,
            "tables": grid(event, taking_place).tables,
        }


def _cells(html: str, table_id: str) -> list[list[str]]:
    """The text of each row's cells (header cells too) of the table with `table_id`."""
    table = re.search(rf'<table[^>]*id="{table_id}".*?</table>', html, re.DOTALL).group(0)
    body = re.search(r"<tbody>(.*?)</tbody>", table, re.DOTALL).group(1)
    return [
        [
            " ".join(TAG.sub(" ", cell).split())
            for cell in re.findall(r"<t[hd][^>]*>(.*?)</t[hd]>", row, re.DOTALL)
        ]
        for row in re.findall(r"<tr>(.*?)</tr>", body, re.DOTALL)
    ]


def _csv(response) -> list[dict]:
    raw = response.get_data()
    assert raw.startswith("\ufeff".encode())  # Excel reads it as UTF-8
    return list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig"))))


def test_participants_per_cluster_are_counted_by_status_against_the_quota(app, fair):
    assert _figures(app, fair)["clusters"] == {
        "Alfa klasteris": (3, {"registered": 2, "requested": 1}),
        "Beta klasteris": (2, {"registered": 1, "nominated": 1}),
        "Gamma klasteris": (2, {"registered": 1}),
    }


def test_meeting_requests_are_counted_by_what_became_of_them(app, fair):
    assert _figures(app, fair)["shares"] == {
        "pending": (1, 1 / 6),
        "accepted": (3, 0.5),
        "declined": (1, 1 / 6),
        "cancelled": (1, 1 / 6),
    }


def test_the_grid_puts_each_accepted_meeting_in_its_slot_and_table(app, fair):
    figures = _figures(app, fair)
    first, second = figures["slots"][:2]
    assert len(figures["slots"]) == 4 and figures["tables"] == [1, 2, 3]
    assert figures["grid"] == {
        (first, 1): ("SIA Ābols", "SIA Dzērve"),
        (first, 2): ("SIA Bērzs", "SIA Gulbis"),
        (second, 1): ("SIA Ābols", "SIA Bērzs"),
    }


def test_the_sector_matrix_counts_a_company_in_each_of_its_sectors(app, fair):
    matrix = _figures(app, fair)["sectors"]
    names = [matrix.name(key) for key in matrix.rows]
    assert names == ["Kokapstrāde", "Loģistika", "Pārtika", ""]  # Latvian order, no sector last
    key = dict(zip(names, matrix.rows, strict=True))
    counts = {
        (a, b): matrix.count(key[a], key[b]) for a in names for b in names if matrix.count(key[a], key[b])
    }
    assert counts == {
        ("Kokapstrāde", "Pārtika"): 1,  # Ābols-Dzērve, Ābols as a wood processor
        ("Pārtika", "Kokapstrāde"): 1,
        ("Loģistika", "Pārtika"): 1,  # the same meeting, Ābols as a logistics company
        ("Pārtika", "Loģistika"): 1,
        ("Kokapstrāde", ""): 1,  # Bērzs-Gulbis, Gulbis names no sector
        ("", "Kokapstrāde"): 1,
        ("Kokapstrāde", "Kokapstrāde"): 1,  # Ābols-Bērzs
        ("Kokapstrāde", "Loģistika"): 1,
        ("Loģistika", "Kokapstrāde"): 1,
    }
    assert [matrix.total(key[name]) for name in names] == [3, 2, 1, 1]


def test_the_cluster_matrix_counts_meetings_between_the_nominating_clusters(app, fair):
    matrix = _figures(app, fair)["clusters_met"]
    names = [matrix.name(key) for key in matrix.rows]
    assert names == ["Alfa klasteris", "Beta klasteris", "Gamma klasteris"]
    alfa, beta, gamma = matrix.rows
    assert [matrix.count(alfa, other) for other in matrix.rows] == [1, 1, 1]
    assert [matrix.count(beta, other) for other in matrix.rows] == [1, 0, 0]
    assert [matrix.count(gamma, other) for other in matrix.rows] == [1, 0, 0]
    assert [matrix.total(key) for key in matrix.rows] == [3, 1, 1]


def test_the_organiser_reads_the_report_with_accessible_tables_and_links(organiser, fair):
    page = organiser.get(fair.path("/report"))
    html = page.get_data(as_text=True)
    assert page.status_code == 200
    assert html.count("<caption") >= 6 and 'scope="row"' in html and 'scope="col"' in html
    for link in ("/participants.csv", "/participants.xlsx", "/meetings.csv", "/meetings.xlsx", "/tables"):
        assert f'href="{fair.path(link)}"' in html
    assert "SIA Ābols" in html and "SIA Dzērve" in html  # the grid names both companies
    assert "50%" in html  # three of six requests accepted
    # Before the event there is nothing to rate yet.
    assert "once it is over" in html and "Average rating" not in html


def test_the_report_shows_empty_states_before_anyone_registers(app, signed_in):
    for slug in ("alfa", "beta"):
        make_tenant(app, slug)
    make_user(app, ORGANISER, "Olga", is_organiser=True)
    conference = make_conference(app, ORGANISER, {"alfa": 5, "beta": 5})
    visitor = signed_in(ORGANISER)
    html = visitor.get(f"/events/{conference}/report").get_data(as_text=True)
    assert "No meeting has been requested yet." in html
    assert "No meeting is accepted yet" in html
    assert "No company is on a cluster's list yet" in html
    assert visitor.get(f"/events/{conference}/tables").status_code == 200
    assert "No meeting is accepted yet" in visitor.last_page
    assert len(_csv(visitor.get(f"/events/{conference}/participants.csv"))) == 0


def test_the_participants_csv_holds_the_rows_of_the_page_with_the_attending_persons(organiser, fair):
    screen = _cells(organiser.get(fair.path("/report")).get_data(as_text=True), "participant-list")
    download = organiser.get(fair.path("/participants.csv"))
    assert (
        f'filename="conference-{fair.conference}-participants.csv"' in download.headers["Content-Disposition"]
    )
    rows = _csv(download)
    assert list(rows[0]) == [
        "company",
        "cluster",
        "status",
        "person",
        "email",
        "sectors",
        "seeks",
        "offers",
        "rating",
        "comment",
    ]
    assert [
        [row["company"], row["cluster"], row["status"], row["person"], row["email"], row["rating"]]
        for row in rows
    ] == [[cells[0], cells[1], cells[2], cells[3], cells[4], cells[6]] for cells in screen]
    # Nobody chose to show their contact, yet the organiser gets the attending person for badges.
    anna = next(row for row in rows if row["company"] == "SIA Ābols")
    assert (anna["person"], anna["email"], anna["sectors"]) == (
        "Anna Ābola",
        "anna@alfa.lv",
        "Kokapstrāde; Loģistika",
    )
    assert {row["status"] for row in rows} == {"Registered", "Nominated", "Asked to go"}


def test_the_meetings_csv_holds_every_request_and_the_grids_meetings(organiser, fair):
    rows = _csv(organiser.get(fair.path("/meetings.csv")))
    assert len(rows) == 6
    taking_place = [row for row in rows if row["status"] == "Accepted"]
    assert [(row["slot"][-5:], row["table"], row["requester"], row["invitee"]) for row in taking_place] == [
        ("10:00", "1", "SIA Ābols", "SIA Dzērve"),
        ("10:00", "2", "SIA Bērzs", "SIA Gulbis"),
        ("10:30", "1", "SIA Ābols", "SIA Bērzs"),
    ]
    assert taking_place[0]["invitee_cluster"] == "Beta klasteris"
    assert {row["status"] for row in rows} == {"Accepted", "Declined", "Cancelled", "Waiting for an answer"}
    html = organiser.get(fair.path("/report")).get_data(as_text=True)
    grid = html[html.index('class="figures meeting-grid"') :]
    assert grid.index("SIA Dzērve") < grid.index("SIA Gulbis")  # the grid in the same order


@pytest.mark.parametrize("kind", ["participants", "meetings"])
def test_the_excel_file_holds_the_same_rows_as_the_csv(organiser, fair, kind):
    rows = _csv(organiser.get(fair.path(f"/{kind}.csv")))
    download = organiser.get(fair.path(f"/{kind}.xlsx"))
    assert download.mimetype == XLSX
    assert f'filename="conference-{fair.conference}-{kind}.xlsx"' in download.headers["Content-Disposition"]
    sheet = [[cell.value or "" for cell in row] for row in workbook(download).iter_rows()]
    assert sheet[0] == list(rows[0])
    assert sheet[1:] == [list(row.values()) for row in rows]


def test_excel_cells_that_look_like_formulas_stay_text(app, fair, signed_in):
    make_user(app, "x@alfa.lv", "=HYPERLINK(1)", "alfa", "member", "+SIA Formula")
    make_participant(app, fair.conference, "alfa", "+SIA Formula", "x@alfa.lv", seeks="=SUM(A1:A9)")
    sheet = workbook(signed_in(ORGANISER).get(fair.path("/participants.xlsx")))
    row = next(r for r in sheet.iter_rows() if "Formula" in (r[0].value or ""))
    assert [(cell.value, cell.data_type) for cell in (row[0], row[3], row[6])] == [
        ("+SIA Formula", "s"),
        ("=HYPERLINK(1)", "s"),
        ("=SUM(A1:A9)", "s"),
    ]


def test_csv_cells_that_look_like_formulas_are_guarded(app, fair, signed_in):
    make_user(app, "x@alfa.lv", "=HYPERLINK(1)", "alfa", "member", "+SIA Formula")
    make_participant(
        app,
        fair.conference,
        "alfa",
        "+SIA Formula",
        "x@alfa.lv",
        seeks="=SUM(A1:A9)",
        offers="-1",
        interests="",
    )
    visitor = signed_in(ORGANISER)
    row = next(r for r in _csv(visitor.get(fair.path("/participants.csv"))) if "Formula" in r["company"])
    assert (row["company"], row["person"], row["seeks"], row["offers"]) == (
        "'+SIA Formula",
        "'=HYPERLINK(1)",
        "'=SUM(A1:A9)",
        "'-1",
    )


def test_the_table_plan_lists_every_accepted_meeting_with_the_persons(organiser, fair):
    page = organiser.get(fair.path("/tables"))
    html = page.get_data(as_text=True)
    assert page.status_code == 200 and 'nav class="cluster"' not in html
    assert f'href="{fair.path("/tables")}?print=1"' in html
    for person in ("Anna Ābola", "Dace Dzērvīte", "Bruno Bērziņš", "Gita Gulbe"):
        assert person in html
    sections = re.findall(r'<section class="plan-slot".*?</section>', html, re.DOTALL)
    assert len(sections) == 4
    assert sections[0].count("<tr>") == 3 and sections[1].count("<tr>") == 2  # header + meetings
    assert "No meeting in this slot." in sections[2]  # the declined meeting has no table
    printed = organiser.get(fair.path("/tables?print=1")).get_data(as_text=True)
    assert '<body class="print">' in printed and 'class="top"' not in printed
    assert printed.count("Anna Ābola") == 2  # two meetings: slot 1 and slot 2


@pytest.mark.parametrize(
    "page",
    ["/report", "/participants.csv", "/participants.xlsx", "/meetings.csv", "/meetings.xlsx", "/tables"],
)
def test_only_the_organiser_gets_the_report_pages(fair, signed_in, page):
    participant = signed_in("anna@alfa.lv")
    assert participant.get(fair.path(page)).status_code == 403


def test_a_meeting_outside_the_current_slots_still_shows_in_the_grid(app, fair):
    with app.app_context(), cross_tenant():
        event = conference_or_404(fair.conference)
        taking_place = accepted(meetings(event))
        taking_place[0].starts_at += timedelta(hours=5)
        taking_place[0].table_no = 7
        shown = grid(event, taking_place)
        assert len(shown.slots) == 5 and shown.tables == list(range(1, 8))
        assert shown.cell(taking_place[0].starts_at, 7) is taking_place[0]
