"""Managers keep the catalogue, record uses for member companies, and publish the quarterly report."""

from datetime import timedelta

import pytest

from clusterhub.catalogue.models import FeedbackReport, Service, ServiceFeedback, ServiceUse
from clusterhub.clock import local_today
from clusterhub.indicators.periods import Period
from tests.catalogue.conftest import ABELE, CIEKURS, count
from tests.mailbox import plain_text
from tests.ratings.conftest import company_id

TODAY = Period.containing(local_today())
YEAR, QUARTER = TODAY.year, TODAY.quarter
ASKED = "Your company used “Eksporta misija”. How was it? Tell the cluster management."


@pytest.fixture
def manager(world, signed_in):
    visitor = signed_in("manager@alfa.lv")
    return visitor


@pytest.fixture
def member(world, signed_in):
    visitor = signed_in("member@alfa.lv")
    return visitor


def _add_service(manager, name: str = "Eksporta misija", kind: str = "trade_mission") -> int:
    response = manager.submit(
        "/c/alfa/manage/services/new", {"name": name, "kind": kind, "description": "Uz **Vāciju**."}
    )
    assert response.status_code == 302
    return int(response.location.rsplit("/", 1)[1])


def test_the_catalogue_is_in_the_managers_navigation_and_closed_to_members(app, manager, member):
    page = manager.get("/c/alfa/manage/services").get_data(as_text=True)
    assert '<li><a href="/c/alfa/manage/services" aria-current="page">Manage services</a></li>' in page
    assert "CANARYALFA pakalpojums" in page
    for path in ("/c/alfa/manage/services", "/c/alfa/manage/services/new", "/c/alfa/manage/services/report"):
        assert member.get(path).status_code == 403


def test_a_manager_adds_edits_and_retires_a_service_that_members_then_no_longer_see(app, manager, member):
    service_id = _add_service(manager)
    page = manager.get(f"/c/alfa/manage/services/{service_id}").get_data(as_text=True)
    assert "“Eksporta misija” is saved in the catalogue." in page and "<strong>Vāciju</strong>" in page
    assert "Eksporta misija" in member.get("/c/alfa/services").get_data(as_text=True)

    edit = f"/c/alfa/manage/services/{service_id}/edit"
    assert 'value="Eksporta misija"' in manager.get(edit).get_data(as_text=True)
    manager.post(edit, {"name": "Misija uz Vāciju", "kind": "trade_mission", "description": ""})
    assert count(app, Service, name="Misija uz Vāciju", description="") == 1

    retire = f"/c/alfa/manage/services/{service_id}/retire"
    question = manager.get(retire).get_data(as_text=True)
    assert "Retire “Misija uz Vāciju”? Members will no longer see it" in question
    assert count(app, Service, active=False) == 0  # the question alone changes nothing
    assert manager.post(retire).status_code == 302
    assert count(app, Service, active=False) == 1
    assert "Misija uz Vāciju" not in member.get("/c/alfa/services").get_data(as_text=True)
    page = member.get(f"/c/alfa/services/{service_id}").get_data(as_text=True)
    assert "The cluster no longer offers this service." in page and "We used this" not in page

    manager.get(f"/c/alfa/manage/services/{service_id}")
    manager.post(f"/c/alfa/manage/services/{service_id}/restore")
    assert "Misija uz Vāciju" in member.get("/c/alfa/services").get_data(as_text=True)


def test_service_names_are_required_and_unique_in_the_cluster(app, manager):
    page = manager.submit("/c/alfa/manage/services/new", {"name": "  ", "kind": "training"}).get_data(
        as_text=True
    )
    assert "This field is required." in page
    taken = {"name": "CANARYALFA pakalpojums", "kind": "training"}
    page = manager.submit("/c/alfa/manage/services/new", taken).get_data(as_text=True)
    assert "The catalogue has a service of this name already." in page
    page = manager.submit("/c/alfa/manage/services/new", {"name": "X", "kind": "party"}).get_data(
        as_text=True
    )
    assert "Not a valid choice." in page
    assert count(app, Service) == 1


def test_a_manager_records_a_use_for_a_member_company_whose_people_are_asked_by_mail(app, manager):
    service_id = _add_service(manager)
    path = f"/c/alfa/manage/services/{service_id}"
    form = manager.get(path).get_data(as_text=True)
    assert f">{ABELE}</option>" in form and f">{CIEKURS}</option>" in form
    day = local_today() - timedelta(days=10)
    response = manager.post(path, {"company": str(company_id(app, CIEKURS)), "used_on": day.isoformat()})
    assert response.status_code == 302
    page = manager.get(path).get_data(as_text=True)
    assert "Its people are asked for feedback." in page and "no feedback yet" in page
    mails = [mail for mail in manager.mails() if ASKED in plain_text(mail)]
    assert [mail["To"] for mail in mails] == ["member@alfa.lv"]


def test_the_same_company_service_and_day_is_refused_beside_the_day(app, world, manager):
    path = f"/c/alfa/manage/services/{world.managed_a['service']}"
    manager.get(path)
    page = manager.post(path, {"company": str(world.company_a), "used_on": local_today().isoformat()})
    text = page.get_data(as_text=True)
    assert page.status_code == 200
    assert '<ul class="errors" id="used_on-errors">' in text and "This use is recorded already" in text
    page = manager.post(path, {"company": "999999", "used_on": local_today().isoformat()}).get_data(
        as_text=True
    )
    assert "Not a valid choice." in page
    assert count(app, ServiceUse) == 1


def test_a_use_recorded_by_mistake_is_removed_with_its_feedback(app, world, manager):
    path = f"/c/alfa/manage/services/uses/{world.managed_a['use']}/remove"
    assert "Remove the use of “CANARYALFA pakalpojums”" in manager.get(path).get_data(as_text=True)
    assert manager.post(path).status_code == 302
    assert count(app, ServiceUse) == 0 and count(app, ServiceFeedback) == 0


def test_the_managers_report_shows_numbers_share_and_quotes_and_prints_without_navigation(app, manager):
    chooser = manager.get("/c/alfa/manage/services/report").get_data(as_text=True)
    path = f"/c/alfa/manage/services/report/{YEAR}/{QUARTER}"
    assert f'href="{path}">Q{QUARTER} {YEAR}</a>' in chooser
    page = manager.get(path).get_data(as_text=True)
    assert f"Service feedback, Q{QUARTER} {YEAR}" in page
    assert "1 of 1 member rates it 4 or 5" in page and "“CANARYALFA labi”" in page
    assert "Members do not see this report until you publish it." in page
    printed = manager.get(f"{path}?print=1").get_data(as_text=True)
    assert "1 of 1 member rates it 4 or 5" in printed
    assert 'class="cluster"' not in printed and 'class="manage"' not in printed


def test_members_see_a_quarters_report_only_once_the_manager_publishes_it(app, manager, member):
    path = f"/c/alfa/services/report/{YEAR}/{QUARTER}"
    unpublished = member.get(path)
    assert unpublished.status_code == 404
    assert f"The feedback report for Q{QUARTER} {YEAR} is not published yet." in unpublished.get_data(
        as_text=True
    )
    publish = f"/c/alfa/manage/services/report/{YEAR}/{QUARTER}/publish"
    assert f"Publish the feedback report for Q{QUARTER} {YEAR}?" in manager.get(publish).get_data(
        as_text=True
    )
    assert count(app, FeedbackReport) == 0
    # The quarter is running: publishing needs the manager to say the report is preliminary.
    refused = manager.post(publish)
    assert refused.status_code == 200 and "The quarter is not over yet." in refused.get_data(as_text=True)
    assert count(app, FeedbackReport) == 0
    assert manager.post(publish, {"preliminary": "y"}).status_code == 302
    assert count(app, FeedbackReport, year=YEAR, quarter=QUARTER) == 1
    assert "Published to the members on" in manager.get(
        f"/c/alfa/manage/services/report/{YEAR}/{QUARTER}"
    ).get_data(as_text=True)

    catalogue = member.get("/c/alfa/services").get_data(as_text=True)
    assert f'href="{path}">Q{QUARTER} {YEAR}</a>' in catalogue
    report = member.get(path).get_data(as_text=True)
    assert "1 of 1 member rates it 4 or 5" in report and "“CANARYALFA labi”" in report
    assert f"Preliminary: Q{QUARTER} {YEAR} runs until" in report and "preliminary" in catalogue
    assert 'class="cluster"' not in member.get(f"{path}?print=1").get_data(as_text=True)
    # Publishing twice is refused politely.
    manager.get(publish)
    assert count(app, FeedbackReport) == 1


def test_a_past_quarters_report_is_published_as_final_and_can_be_withdrawn(app, manager, member):
    before = Period(YEAR, QUARTER)
    year, quarter = (before.year - 1, 4) if before.quarter == 1 else (before.year, before.quarter - 1)
    manage = f"/c/alfa/manage/services/report/{year}/{quarter}"
    assert manager.submit(f"{manage}/publish").status_code == 302
    report = member.get(f"/c/alfa/services/report/{year}/{quarter}").get_data(as_text=True)
    assert "Service feedback" in report and "Preliminary" not in report
    question = manager.get(f"{manage}/withdraw").get_data(as_text=True)
    assert f"Withdraw the feedback report for Q{quarter} {year} from the members?" in question
    assert count(app, FeedbackReport) == 1  # opening the question withdraws nothing
    manager.post(f"{manage}/withdraw")
    assert count(app, FeedbackReport) == 0
    assert member.get(f"/c/alfa/services/report/{year}/{quarter}").status_code == 404
    # Withdrawing what is not published only says so.
    again = manager.get(f"{manage}/withdraw", follow_redirects=True).get_data(as_text=True)
    assert "report is not published." in again


@pytest.mark.parametrize(
    "year, quarter",
    [(YEAR, 0), (YEAR, 5), (1999, 4), (YEAR + 1, 1)],
)
def test_a_quarter_that_does_not_exist_or_has_not_begun_is_not_found(app, manager, year, quarter):
    for path in (
        f"/c/alfa/manage/services/report/{year}/{quarter}",
        f"/c/alfa/manage/services/report/{year}/{quarter}/publish",
        f"/c/alfa/services/report/{year}/{quarter}",
    ):
        assert manager.get(path).status_code == 404, path
