"""Segments computed on hand-made data: the boundaries of "new", of the threshold and of the 12 months."""

from datetime import date, timedelta

import pytest
from sqlalchemy import select

from clusterhub.companies.models import CompanyMembership
from clusterhub.extensions import db
from clusterhub.members.segments import Segment, months_before
from tenants.models import Tenant
from tests.companies.helpers import admit_elsewhere
from tests.factories import add_to_cluster, make_tenant, make_user
from tests.members.conftest import TODAY, act, in_cluster, member, segments_on

TWO_YEARS_AGO = date(2024, 3, 15)
YEAR_AGO = date(2025, 3, 15)


@pytest.fixture
def alfa(app) -> int:
    return make_tenant(app, "alfa", "Alfa klasteris")


@pytest.mark.parametrize(
    ("day", "months", "expected"),
    [
        (date(2026, 3, 15), 24, date(2024, 3, 15)),
        (date(2026, 3, 31), 1, date(2026, 2, 28)),
        (date(2028, 2, 29), 12, date(2027, 2, 28)),
        (date(2026, 1, 10), 1, date(2025, 12, 10)),
        (date(2026, 5, 31), 3, date(2026, 2, 28)),
    ],
)
def test_months_before_keeps_the_day_or_takes_the_shorter_months_last_day(day, months, expected):
    assert months_before(day, months) == expected


def test_a_member_is_new_until_exactly_24_months_after_joining(app, alfa):
    almost = member(app, "SIA Gandrīz", TWO_YEARS_AGO + timedelta(days=1))
    exactly = member(app, "SIA Tieši", TWO_YEARS_AGO)
    found = segments_on(app)
    assert found[almost] == Segment("new", 0, 0, None)
    assert found[exactly] == Segment("reactivate", 0, 0, None)


def test_exactly_the_threshold_of_service_uses_makes_an_older_member_active(app, alfa):
    six = member(app, "SIA Seši", date(2020, 1, 1))
    five = member(app, "SIA Pieci", date(2020, 1, 1))
    for company in (six, five):
        act(app, company, "event", date(2026, 2, 1), times=2)
        act(app, company, "post", date(2026, 3, 1), times=10)
    act(app, six, "use", date(2026, 2, 1), times=4)
    act(app, five, "use", date(2026, 2, 1), times=3)
    found = segments_on(app)
    assert found[six] == Segment("active", 6, 10, date(2026, 3, 1))
    assert found[five] == Segment("reactivate", 5, 10, date(2026, 3, 1))


def test_a_member_that_talks_on_the_platform_but_never_uses_the_services_is_to_be_re_activated(app, alfa):
    """The source study's segments are about the cluster's services; the rest is context."""
    talkative = member(app, "SIA Runātīgā", date(2020, 1, 1))
    member(app, "SIA Sarunbiedre", date(2020, 1, 1))
    for kind in ("post", "message"):
        act(app, talkative, kind, date(2026, 3, 1), times=20)
    assert segments_on(app)[talkative] == Segment("reactivate", 0, 40, date(2026, 3, 1))


def test_activity_exactly_12_months_ago_counts_and_a_day_earlier_does_not(app, alfa):
    counted = member(app, "SIA Skaitās", date(2020, 1, 1))
    missed = member(app, "SIA Neskaitās", date(2020, 1, 1))
    act(app, counted, "event", YEAR_AGO)
    act(app, missed, "event", YEAR_AGO - timedelta(days=1))
    for company in (counted, missed):
        act(app, company, "use", date(2026, 1, 5), times=5)
    found = segments_on(app)
    assert found[counted] == Segment("active", 6, 0, date(2026, 1, 5))
    assert found[missed] == Segment("reactivate", 5, 0, date(2026, 1, 5))


def test_a_service_use_exactly_12_months_ago_counts_too(app, alfa):
    company = member(app, "SIA Lietotājs", date(2020, 1, 1))
    act(app, company, "use", YEAR_AGO)
    act(app, company, "use", YEAR_AGO - timedelta(days=1))
    assert segments_on(app)[company].uses == 1


def test_last_activity_is_the_latest_action_even_before_the_12_months(app, alfa):
    quiet = member(app, "SIA Klusais", date(2015, 1, 1))
    act(app, quiet, "post", date(2023, 6, 1))
    act(app, quiet, "event", date(2022, 6, 1))
    assert segments_on(app)[quiet] == Segment("reactivate", 0, 0, date(2023, 6, 1))


def test_what_happens_after_today_does_not_count(app, alfa):
    company = member(app, "SIA Nākotne", date(2020, 1, 1))
    act(app, company, "event", TODAY + timedelta(days=7), times=6)  # next week's meetings
    act(app, company, "post", TODAY, times=2)
    assert segments_on(app)[company] == Segment("reactivate", 0, 2, TODAY)


def test_sign_ins_are_context_for_the_company_the_person_represents_in_the_cluster(app, alfa):
    make_tenant(app, "beta", "Beta klasteris")
    person = make_user(app, "janis@alfa.lv", "Jānis", "alfa", "member", "SIA Pārstāvētā")
    add_to_cluster(app, person, "beta", "member", "SIA Beta uzņēmums")
    for slug in ("alfa", "beta"):
        with in_cluster(app, slug):
            db.session.scalar(select(CompanyMembership)).member_since = date(2020, 1, 1)
            db.session.commit()
    act(app, None, "sign_in", date(2026, 3, 1), times=6, user_id=person)
    # The person's sign-ins count in each cluster for the company they represent there.
    for slug in ("alfa", "beta"):
        assert list(segments_on(app, slug=slug).values()) == [Segment("reactivate", 0, 6, date(2026, 3, 1))]


def test_activity_in_another_cluster_does_not_count_here(app, alfa):
    make_tenant(app, "beta", "Beta klasteris")
    shared = member(app, "SIA Abos", date(2020, 1, 1))
    admit_elsewhere(app, shared, "beta", date(2020, 1, 1))
    act(app, shared, "use", date(2026, 3, 1), slug="beta", times=6)
    assert segments_on(app)[shared] == Segment("reactivate", 0, 0, None)
    assert segments_on(app, slug="beta")[shared] == Segment("active", 6, 0, date(2026, 3, 1))


def test_former_members_and_companies_not_yet_joined_have_no_segment(app, alfa):
    left = member(app, "SIA Aizgājusi", date(2020, 1, 1))
    later = member(app, "SIA Vēlāk", TODAY + timedelta(days=1))
    left_later = member(app, "SIA Aizies vēlāk", date(2020, 1, 1))
    with in_cluster(app):
        links = {link.company_id: link for link in db.session.scalars(select(CompanyMembership))}
        links[left].left_on, links[left].left_reason = TODAY, "left"
        links[left_later].left_on, links[left_later].left_reason = TODAY + timedelta(days=1), "former"
        db.session.commit()
    found = segments_on(app)
    assert left not in found and later not in found
    assert left_later in found  # on TODAY it was still a member


def test_the_thresholds_are_the_clusters_settings(app, alfa):
    joined = member(app, "SIA Gadu sen", date(2025, 3, 1))
    act(app, joined, "use", date(2026, 3, 1), times=2)
    assert segments_on(app)[joined].name == "new"
    with in_cluster(app):
        tenant = db.session.scalar(select(Tenant).where(Tenant.slug == "alfa"))
        tenant.segment_new_months, tenant.segment_active_actions = 12, 2
        db.session.commit()
    assert segments_on(app)[joined] == Segment("active", 2, 0, date(2026, 3, 1))
