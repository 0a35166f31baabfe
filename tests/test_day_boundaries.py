"""The platform's day is Rīga's day, whatever the server's clock says: at 23:30 and 00:30 UTC on the last
day of a month, a quarter and a year, every page that depends on the date agrees on which day it is."""

from datetime import UTC, date, datetime, timedelta

import pytest
from sqlalchemy import select

from clusterhub.clock import local_today
from clusterhub.extensions import db
from clusterhub.news.models import DigestDelivery
from tenants.context import cross_tenant
from tests.factories import make_post, make_tenant, make_user
from tests.news.conftest import add_news, subscribe

# The moment (UTC) and the day it is in Rīga then.
MOMENTS = {
    "new-year-in-riga": (datetime(2030, 12, 31, 23, 30, tzinfo=UTC), date(2031, 1, 1)),
    "last-day-of-year": (datetime(2030, 12, 31, 0, 30, tzinfo=UTC), date(2030, 12, 31)),
    "new-quarter-in-riga": (datetime(2030, 6, 30, 23, 30, tzinfo=UTC), date(2030, 7, 1)),
    "last-day-of-quarter": (datetime(2030, 6, 30, 0, 30, tzinfo=UTC), date(2030, 6, 30)),
    "late-evening-in-june": (datetime(2030, 6, 30, 22, 15, tzinfo=UTC), date(2030, 7, 1)),
    "end-of-february": (datetime(2031, 2, 28, 23, 30, tzinfo=UTC), date(2031, 3, 1)),
}
MEMBER = "jauns@alfa.lv"


@pytest.fixture(params=MOMENTS)
def riga_day(request, app, clock) -> date:
    """The clock at one of the moments, and a cluster whose member company joined on Rīga's day."""
    moment, day = MOMENTS[request.param]
    clock.move_to(moment)
    make_tenant(app, "alfa", "Alfa klasteris")
    make_user(app, "manager@alfa.lv", "Māra Vadītāja", "alfa", "manager", "SIA Vadība")
    make_user(app, MEMBER, "Jānis Jaunais", "alfa", "member", "SIA Jaunais")
    return day


def test_the_clock_says_which_day_it_is_in_riga(app, riga_day):
    with app.app_context():
        assert local_today() == riga_day


def test_a_need_is_open_until_the_end_of_its_last_day_in_riga(app, riga_day, signed_in):
    last_day = make_post(app, "alfa", "SIA Jaunais", MEMBER, "Pēdējā diena", valid_until=riga_day)
    over = make_post(
        app, "alfa", "SIA Jaunais", MEMBER, "Vakardiena", valid_until=riga_day - timedelta(days=1)
    )
    member = signed_in(MEMBER)
    assert "Expired" not in member.get(f"/c/alfa/posts/{last_day}").get_data(as_text=True)
    assert "Expired" in member.get(f"/c/alfa/posts/{over}").get_data(as_text=True)


def test_a_company_that_joined_today_gets_the_new_members_kit(riga_day, signed_in):
    assert "your onboarding kit" in signed_in(MEMBER).get("/c/alfa/").get_data(as_text=True)


def test_the_indicators_open_on_the_quarter_of_riga_s_day(riga_day, signed_in):
    page = signed_in("manager@alfa.lv").get("/c/alfa/manage/indicators").get_data(as_text=True)
    assert f"Q{(riga_day.month + 2) // 3} {riga_day.year}" in page


def test_a_service_used_today_in_riga_is_not_in_the_future(app, riga_day, signed_in):
    manager = signed_in("manager@alfa.lv")
    manager.submit("/c/alfa/manage/services/new", {"name": "Eksporta apmācība", "kind": "training"})
    member = signed_in(MEMBER)
    page = member.get("/c/alfa/services").get_data(as_text=True)
    path = page[page.index('href="/c/alfa/services/') + 6 :].split('"', 1)[0]
    assert f'value="{riga_day.isoformat()}"' in member.get(path).get_data(as_text=True)
    recorded = member.post(path, {"used_on": riga_day.isoformat()})
    assert recorded.status_code == 302, "today was refused as a day in the future"


def test_the_digest_is_of_riga_s_month(app, riga_day, runner):
    add_news(app, "Jaunumi klasterī")
    subscribe(app, MEMBER)
    assert runner.invoke(args=["digest", "send"]).exit_code == 0
    with app.app_context(), cross_tenant():
        assert db.session.scalars(select(DigestDelivery.month)).all() == [riga_day.replace(day=1)]
