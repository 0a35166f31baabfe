"""Who is new, the most used services, the road map and its progress, members to meet: hand-made data."""

from datetime import date, timedelta

import pytest
from sqlalchemy import select

from clusterhub.companies.models import CompanyMembership
from clusterhub.extensions import db
from clusterhub.onboarding.models import RoadmapProgress
from clusterhub.onboarding.services import (
    is_new,
    most_used_services,
    move_step,
    new_members,
    progress_table,
    set_progress,
    similar_members,
    steps,
)
from tenants.models import Tenant
from tests.events.conftest import NOW, TODAY

DAY = timedelta(days=1)


def _membership(since: date, left_on: date | None = None) -> CompanyMembership:
    return CompanyMembership(member_since=since, left_on=left_on, left_reason="left" if left_on else None)


@pytest.mark.parametrize(
    ("since", "new"),
    [
        (date(2024, 3, 15), False),  # exactly 24 months: no longer new
        (date(2024, 3, 16), True),  # a day short of 24 months
        (date(2024, 3, 14), False),
        (date(2026, 3, 15), True),  # joined today
    ],
)
def test_a_company_is_new_for_less_than_the_clusters_months(since, new):
    assert is_new(_membership(since), Tenant(segment_new_months=24), date(2026, 3, 15)) is new


def test_the_clusters_own_setting_decides_who_is_new():
    joined = _membership(date(2025, 9, 16))
    assert is_new(joined, Tenant(segment_new_months=6), date(2026, 3, 15))
    assert not is_new(joined, Tenant(segment_new_months=6), date(2026, 3, 16))


def test_at_a_month_end_the_shorter_month_counts_to_its_last_day():
    # One month before 31 March is 28 February (2026 is not a leap year).
    tenant = Tenant(segment_new_months=1)
    assert not is_new(_membership(date(2026, 2, 28)), tenant, date(2026, 3, 31))
    assert is_new(_membership(date(2026, 3, 1)), tenant, date(2026, 3, 31))


def test_a_company_that_left_is_not_a_new_member():
    assert not is_new(_membership(TODAY - DAY, left_on=TODAY), Tenant(segment_new_months=24), TODAY)


def test_new_members_are_current_members_that_joined_within_the_months_latest_first(cluster):
    cluster.member("SIA Vecā", since=date(2024, 3, 15))
    cluster.member("SIA Robeža", since=date(2024, 3, 16))
    cluster.member("SIA Jaunā", since=date(2026, 1, 10))
    cluster.member("SIA Aizgājusī", since=date(2026, 1, 10), left_on=date(2026, 2, 1))
    cluster.member("SIA Ābele", since=date(2026, 1, 10))
    found = db.session.scalars(new_members(cluster.tenant, TODAY))
    assert [m.company.name for m in found] == ["SIA Ābele", "SIA Jaunā", "SIA Robeža"]


def test_the_most_used_services_count_uses_of_the_last_12_months(cluster):
    firm, other = cluster.member("SIA Ābele"), cluster.member("SIA Bērzs")
    training, mission, fair = (cluster.service(n) for n in ("Apmācības", "Misija", "Izstāde"))
    for day in (TODAY, TODAY - DAY, TODAY - 2 * DAY):
        cluster.use(mission, firm, day)
    cluster.use(training, firm, date(2025, 3, 15))  # exactly 12 months ago: counted
    cluster.use(training, other, date(2025, 3, 15))
    cluster.use(fair, firm, date(2025, 3, 14))  # a day earlier: not counted
    cluster.use(fair, firm, TODAY + DAY)  # not yet
    assert [(s.service.name, s.uses) for s in most_used_services(TODAY)] == [("Misija", 3), ("Apmācības", 2)]


def test_retired_services_are_not_suggested(cluster):
    firm = cluster.member("SIA Ābele")
    cluster.use(cluster.service("Vecais kurss", active=False), firm, TODAY)
    cluster.use(cluster.service("Konsultācija"), firm, TODAY)
    assert [s.service.name for s in most_used_services(TODAY)] == ["Konsultācija"]


def test_equally_used_services_go_in_latvian_alphabetical_order_and_three_at_most(cluster):
    firm = cluster.member("SIA Ābele")
    # Byte order would put "Ābolu" after "Zīmola"; Latvian order puts Ā right after A.
    for name in ("Zīmola darbnīca", "Bērzu kurss", "Ābolu misija", "Čaulu izstāde"):
        cluster.use(cluster.service(name), firm, TODAY)
    assert [s.service.name for s in most_used_services(TODAY, 3)] == [
        "Ābolu misija",
        "Bērzu kurss",
        "Čaulu izstāde",
    ]


def test_with_no_uses_there_are_no_most_used_services(cluster):
    cluster.service("Apmācības")
    assert most_used_services(TODAY) == []


def test_steps_move_up_and_down_and_stay_within_the_list(cluster):
    first, second, third = (cluster.step(t, 1) for t in ("Profils", "Vajadzība", "Sapulce"))
    move_step(third, -1)
    assert [s.title for s in steps()] == ["Profils", "Sapulce", "Vajadzība"]
    move_step(first, -1)
    move_step(second, 1)
    assert [(s.title, s.position) for s in steps()] == [("Profils", 1), ("Sapulce", 2), ("Vajadzība", 3)]


def test_ticking_steps_keeps_the_date_of_those_ticked_before_and_unticks_the_rest(cluster):
    firm = cluster.member("SIA Ābele")
    profile, need, meeting = (cluster.step(t, p) for p, t in enumerate(("Profils", "Vajadzība", "Sapulce")))
    set_progress(firm, [profile.id, need.id], None, NOW - 3 * DAY)
    set_progress(firm, [need.id, meeting.id], None, NOW)
    done = {row.step_id: row.done_at for row in db.session.scalars(select(RoadmapProgress))}
    assert done == {need.id: NOW - 3 * DAY, meeting.id: NOW}


def test_the_progress_table_shows_new_members_and_the_steps_they_did(cluster):
    veteran = cluster.member("SIA Vecā", since=date(2020, 1, 1))
    newcomer = cluster.member("SIA Jaunā", since=TODAY - 10 * DAY)
    idle = cluster.member("SIA Klusā", since=TODAY - 20 * DAY)
    profile, meeting = cluster.step("Profils", 1), cluster.step("Sapulce", 2)
    set_progress(newcomer, [meeting.id], None, NOW)
    set_progress(veteran, [profile.id], None, NOW)
    table = progress_table(cluster.tenant, TODAY)
    assert [s.title for s in table.steps] == ["Profils", "Sapulce"]
    assert [(row.membership.company.name, sorted(row.done)) for row in table.rows] == [
        ("SIA Jaunā", [meeting.id]),
        ("SIA Klusā", []),
    ]
    assert table.rows[0].done[meeting.id].done_at == NOW
    assert idle.id == table.rows[1].membership.company_id


def test_the_progress_table_comes_a_page_at_a_time(cluster):
    for day in range(5):
        cluster.member(f"SIA Jaunā {day}", since=TODAY - day * DAY)
    table = progress_table(cluster.tenant, TODAY, page=2, per_page=2)
    assert [row.membership.company.name for row in table.rows] == ["SIA Jaunā 2", "SIA Jaunā 3"]
    assert table.page.pages == 3


def test_members_to_meet_share_the_most_sectors_first(cluster):
    me = cluster.member("SIA Jaunā", sectors=["Pārtika", "Loģistika"], roles=["producer"])
    cluster.member("SIA Viena kopīga", sectors=["pārtika", "Tūrisms"])
    cluster.member("SIA Abas kopīgas", sectors=["Pārtika", "Loģistika"])
    cluster.member("SIA Aizgājusī", sectors=["Pārtika", "Loģistika"], left_on=TODAY)
    cluster.member("SIA Citāda", sectors=["Metāls"])
    found = similar_members(me, 3)
    assert [(s.company.name, s.sectors) for s in found] == [
        ("SIA Abas kopīgas", ["Loģistika", "Pārtika"]),
        ("SIA Viena kopīga", ["pārtika"]),
    ]


def test_complementary_value_chain_roles_fill_the_remaining_places_and_say_why(cluster):
    me = cluster.member("SIA Jaunā", sectors=["Pārtika"], roles=["producer"])
    cluster.member("SIA Nozares biedrs", sectors=["Pārtika"], roles=["distributor"])
    cluster.member("SIA Izplatītājs", roles=["distributor"])
    cluster.member("SIA Ražotājs", roles=["producer"])
    cluster.member("Augstskola", roles=["education_research"])
    found = similar_members(me, 3)
    assert [(s.company.name, s.sectors, s.their_role, s.your_role) for s in found] == [
        ("SIA Nozares biedrs", ["Pārtika"], "distributor", "producer"),
        ("Augstskola", [], "education_research", "producer"),
        ("SIA Izplatītājs", [], "distributor", "producer"),
    ]


def test_a_company_with_no_sectors_or_roles_gets_no_suggestions(cluster):
    me = cluster.member("SIA Jaunā")
    cluster.member("SIA Cita", sectors=["Pārtika"], roles=["producer"])
    assert similar_members(me) == []
