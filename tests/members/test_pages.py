"""The managers' segment list and the segment settings, as a manager and a member use them."""

import re
from datetime import date, timedelta

import pytest
from sqlalchemy import select

from clusterhub.clock import local_today
from clusterhub.extensions import db
from tenants.models import Tenant
from tests.factories import make_tenant, make_user
from tests.members.conftest import act, in_cluster, member

LONG_AGO = date(2018, 5, 1)


@pytest.fixture
def cluster(app) -> dict[str, int]:
    """Cluster "alfa" with a manager, a member, and one company of each segment (on the real today)."""
    today = local_today()
    make_tenant(app, "alfa", "Alfa klasteris")
    make_user(app, "vadiba@alfa.lv", "Ilze Vadītāja", "alfa", "manager")
    make_user(app, "biedrs@alfa.lv", "Andris Biedrs", "alfa", "member")
    companies = {
        "new": member(app, "SIA Jaunā", today - timedelta(days=30)),
        "active": member(app, "SIA Aktīvā", LONG_AGO),
        "reactivate": member(app, "SIA Klusā", LONG_AGO),
    }
    act(app, companies["active"], "use", today - timedelta(days=10), times=6)
    # Busy on the platform, but it never comes to the cluster's services.
    act(app, companies["reactivate"], "message", today - timedelta(days=10), times=7)
    return companies


def _rows(page: str) -> list[str]:
    """The company names of the list's rows, in order."""
    body = re.search(r"<tbody>(.*?)</tbody>", page, re.S)
    return re.findall(r'<td><a href="/c/alfa/companies/\d+">([^<]+)</a></td>', body.group(1)) if body else []


def test_each_segment_lists_its_companies_with_the_recommended_action(app, cluster, signed_in):
    visitor = signed_in("vadiba@alfa.lv")
    new = visitor.get("/c/alfa/manage/members").get_data(as_text=True)
    assert _rows(new) == ["SIA Jaunā"]
    assert "Onboarding kit" in new and 'New <span class="count">(1)</span>' in new
    active = visitor.get("/c/alfa/manage/members?segment=active").get_data(as_text=True)
    assert _rows(active) == ["SIA Aktīvā"]
    assert f'/c/alfa/manage/visits/new?company_id={cluster["active"]}">Annual visit</a>' in active
    assert ">6</td>" in active  # its service uses in the last 12 months
    quiet = visitor.get("/c/alfa/manage/members?segment=reactivate").get_data(as_text=True)
    assert _rows(quiet) == ["SIA Klusā"]
    assert "Re-activation call" in quiet and '<td class="muted">7</td>' in quiet  # its messages, as context


def test_members_cannot_open_the_member_tools(app, cluster, signed_in):
    visitor = signed_in("biedrs@alfa.lv")
    for path in ("/c/alfa/manage/members", "/c/alfa/manage/members/settings", "/c/alfa/manage/visits"):
        assert visitor.get(path).status_code == 403, path


def test_a_segment_is_sorted_as_asked_and_shown_page_by_page(app, cluster, signed_in):
    for number in range(26):
        company = member(app, f"SIA Klusā {number:02d}", LONG_AGO - timedelta(days=number))
        if number == 25:
            act(app, company, "post", local_today() - timedelta(days=3), times=2)
    visitor = signed_in("vadiba@alfa.lv")
    by_name = visitor.get("/c/alfa/manage/members?segment=reactivate").get_data(as_text=True)
    assert _rows(by_name)[:2] == ["SIA Klusā", "SIA Klusā 00"]
    assert "27 companies" in by_name and "Page 1 of 2" in by_name
    second = visitor.get("/c/alfa/manage/members?segment=reactivate&page=2").get_data(as_text=True)
    assert _rows(second) == ["SIA Klusā 24", "SIA Klusā 25"]
    by_uses = visitor.get("/c/alfa/manage/members?segment=reactivate&sort=uses").get_data(as_text=True)
    assert _rows(by_uses)[:2] == ["SIA Klusā", "SIA Klusā 25"]  # no uses: the most messages and posts first
    by_since = visitor.get("/c/alfa/manage/members?segment=reactivate&sort=member_since").get_data(
        as_text=True
    )
    assert _rows(by_since)[0] == "SIA Klusā 25"  # joined first
    # The only one that did something comes last, after those never active.
    by_silence = visitor.get("/c/alfa/manage/members?segment=reactivate&sort=last_activity&page=2")
    assert _rows(by_silence.get_data(as_text=True))[-1] == "SIA Klusā 25"


def test_an_empty_segment_and_an_odd_address_show_a_clean_page(app, cluster, signed_in):
    act(app, cluster["reactivate"], "use", local_today() - timedelta(days=1), times=6)
    visitor = signed_in("vadiba@alfa.lv")
    page = visitor.get("/c/alfa/manage/members?segment=reactivate").get_data(as_text=True)
    assert "No member company needs to be re-activated." in page
    odd = visitor.get("/c/alfa/manage/members?segment=everyone&sort=nonsense&page=x")
    assert odd.status_code == 200 and _rows(odd.get_data(as_text=True)) == ["SIA Jaunā"]
    beyond = visitor.get("/c/alfa/manage/members?segment=active&page=9").get_data(as_text=True)
    assert "There is nothing on this page." in beyond


def _thresholds(app) -> tuple[int, int]:
    with in_cluster(app) as tenant:
        tenant = db.session.scalar(select(Tenant).where(Tenant.id == tenant.id))
        return tenant.segment_new_months, tenant.segment_active_actions


@pytest.mark.parametrize(
    ("values", "field", "message"),
    [
        ({"segment_new_months": "0", "segment_active_actions": "6"}, "segment_new_months", "from 1 to 120"),
        ({"segment_new_months": "121", "segment_active_actions": "6"}, "segment_new_months", "from 1 to 120"),
        ({"segment_new_months": "24", "segment_active_actions": "abc"}, "segment_active_actions", "integer"),
        ({"segment_new_months": "24", "segment_active_actions": ""}, "segment_active_actions", "required"),
        ({"segment_new_months": "24", "segment_active_actions": "1001"}, "segment_active_actions", "to 1000"),
    ],
)
def test_wrong_thresholds_are_refused_beside_the_field(app, cluster, signed_in, values, field, message):
    visitor = signed_in("vadiba@alfa.lv")
    response = visitor.submit("/c/alfa/manage/members/settings", values)
    assert response.status_code == 200
    errors = re.search(
        rf'<ul class="errors" id="{field}-errors">(.*?)</ul>', response.get_data(as_text=True), re.S
    )
    assert errors and message in errors.group(1)
    assert _thresholds(app) == (24, 6)


def test_new_thresholds_move_companies_between_segments(app, cluster, signed_in):
    eighteen_months = member(app, "SIA Pusotra gada", local_today() - timedelta(days=548))
    act(app, eighteen_months, "event", local_today() - timedelta(days=2), times=2)
    visitor = signed_in("vadiba@alfa.lv")
    assert "SIA Pusotra gada" in _rows(visitor.get("/c/alfa/manage/members").get_data(as_text=True))
    page = visitor.get("/c/alfa/manage/members/settings").get_data(as_text=True)
    assert 'value="24"' in page and 'value="6"' in page
    response = visitor.submit(
        "/c/alfa/manage/members/settings",
        {"segment_new_months": "12", "segment_active_actions": "2"},
        follow_redirects=True,
    )
    assert "The segment settings were saved." in response.get_data(as_text=True)
    assert _thresholds(app) == (12, 2)
    active = visitor.get("/c/alfa/manage/members?segment=active").get_data(as_text=True)
    assert _rows(active) == ["SIA Aktīvā", "SIA Pusotra gada"]
