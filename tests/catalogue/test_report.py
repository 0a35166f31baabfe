"""The quarterly feedback report on hand-made data with known answers."""

from datetime import date

import pytest

from clusterhub.catalogue.models import FeedbackReport
from clusterhub.catalogue.report import is_reportable, quarter_report, quarters
from clusterhub.clock import local_today, utcnow
from clusterhub.extensions import db
from clusterhub.indicators.periods import Period
from tests.catalogue.conftest import company, inside, service, use


def test_only_real_quarters_that_have_begun_can_be_reported():
    today = date(2026, 5, 15)
    assert is_reportable(2026, 2, today) and is_reportable(2000, 1, today)
    assert not is_reportable(2026, 3, today)  # not begun yet
    assert not is_reportable(2027, 1, today)
    assert not is_reportable(2026, 0, today) and not is_reportable(2026, 5, today)
    assert not is_reportable(1999, 4, today)


def test_a_quarter_counts_the_uses_of_its_first_to_its_last_day(gamma):
    training = service("Apmācības")
    alfa, beta = company("SIA Alfa"), company("SIA Beta")
    use(training, alfa, date(2024, 12, 31), 1)  # the last day of the quarter before
    use(training, alfa, date(2025, 1, 1), 5)
    use(training, beta, date(2025, 3, 31), 3)
    use(training, beta, date(2025, 4, 1), 1)  # the first day of the next quarter
    [summary] = quarter_report(2025, 1).services
    assert (summary.uses, summary.companies, summary.answers, summary.average) == (2, 2, 2, 4.0)
    [next_quarter] = quarter_report(2025, 2).services
    assert (next_quarter.uses, next_quarter.average) == (1, 1.0)
    assert quarter_report(2024, 4).services[0].average == 1.0


def test_the_average_is_of_all_answers_and_the_share_of_members_whose_answers_average_4_or_more(gamma):
    training = service("Apmācības")
    alfa, beta, celms, dzelzs = (company(f"SIA {name}") for name in ("Alfa", "Beta", "Celms", "Dzelzs"))
    use(training, alfa, date(2025, 1, 10), 5)
    use(training, alfa, date(2025, 2, 10), 3)  # Alfa averages 4.0: rates it 4 or 5
    use(training, beta, date(2025, 1, 20), 4)  # Beta: 4
    use(training, celms, date(2025, 2, 1), 4)
    use(training, celms, date(2025, 3, 1), 3)  # Celms averages 3.5: does not
    use(training, dzelzs, date(2025, 3, 2))  # used, no feedback
    [summary] = quarter_report(2025, 1).services
    assert summary.uses == 6 and summary.companies == 4 and summary.answers == 5
    assert summary.average == pytest.approx(19 / 5)
    assert (summary.satisfied, summary.rated_by) == (2, 3)


def test_uses_without_feedback_count_as_uses_but_give_no_average(gamma):
    visit = service("Vizīte", kind="consultation")
    use(visit, company("SIA Alfa"), date(2025, 5, 5))
    [summary] = quarter_report(2025, 2).services
    assert (summary.uses, summary.companies, summary.answers) == (1, 1, 0)
    assert summary.average is None and (summary.satisfied, summary.rated_by) == (0, 0)
    assert summary.worked == [] and summary.change == []


def test_quotes_are_the_non_empty_answers_in_the_order_of_use(gamma):
    training = service("Apmācības")
    alfa, beta = company("SIA Alfa"), company("SIA Beta")
    use(training, beta, date(2025, 2, 1), 4, worked="Praktiski piemēri")
    use(training, alfa, date(2025, 1, 1), 2, change="Par garu")
    use(training, alfa, date(2025, 3, 1), 5, worked="Labs lektors", change="Vairāk laika jautājumiem")
    use(training, beta, date(2025, 3, 2), 5)
    [summary] = quarter_report(2025, 1).services
    assert summary.worked == ["Praktiski piemēri", "Labs lektors"]
    assert summary.change == ["Par garu", "Vairāk laika jautājumiem"]


def test_retired_services_stay_in_the_quarters_they_were_used_and_unused_ones_are_listed_apart(gamma):
    mission = service("Eksporta misija", kind="trade_mission")
    fair = service("Izstāde", kind="exhibition")
    advice = service("Konsultācijas", kind="consultation")
    service("Vecā apmācība", active=False)  # retired and unused: not in the report
    service("Jaunā apmācība", created_at=utcnow())  # added after the quarter: not "unused" in it
    use(mission, company("SIA Alfa"), date(2025, 2, 1), 4)
    use(fair, company("SIA Beta"), date(2025, 3, 1), 5)
    mission.active = False
    db.session.commit()
    report = quarter_report(2025, 1)
    assert [summary.service.name for summary in report.services] == ["Eksporta misija", "Izstāde"]
    assert report.services[0].service.active is False
    assert [row.name for row in report.unused] == ["Konsultācijas"]
    assert report.uses == 2
    assert advice in quarter_report(2025, 2).unused


def test_services_are_ordered_the_latvian_way(gamma):
    for name in ("Zīmēšana", "Čaulas", "Cenas", "Ēdināšana", "Dizains"):
        use(service(name), company("SIA Alfa"), date(2025, 1, 5))
    names = [summary.service.name for summary in quarter_report(2025, 1).services]
    assert names == ["Cenas", "Čaulas", "Dizains", "Ēdināšana", "Zīmēšana"]


def test_the_report_counts_only_the_clusters_own_uses(app, world, gamma):
    # The world's clusters each used a service today with feedback 5; this cluster has its own.
    use(service("Apmācības"), company("SIA Alfa"), local_today(), 2)
    today = Period.containing(local_today())
    [summary] = quarter_report(today.year, today.quarter).services
    assert (summary.service.name, summary.uses, summary.average) == ("Apmācības", 1, 2.0)
    with inside(app, "alfa"):
        [theirs] = quarter_report(today.year, today.quarter).services
        assert theirs.service.name == "CANARYALFA pakalpojums" and theirs.average == 5.0


def test_the_chooser_lists_every_quarter_from_the_first_use_to_today_newest_first(gamma):
    training = service("Apmācības")
    alfa = company("SIA Alfa")
    use(training, alfa, date(2025, 3, 31))
    use(training, alfa, date(2025, 1, 2))
    use(training, alfa, date(2025, 10, 1))
    db.session.add(FeedbackReport(year=2025, quarter=1, published_at=utcnow()))
    db.session.commit()
    rows = quarters(date(2026, 2, 1))
    assert [(row.year, row.quarter, row.uses, row.published) for row in rows] == [
        (2026, 1, 0, False),
        (2025, 4, 1, False),
        (2025, 3, 0, False),
        (2025, 2, 0, False),
        (2025, 1, 2, True),
    ]


def test_the_chooser_offers_the_current_quarter_before_any_use(gamma):
    assert [(row.year, row.quarter, row.uses) for row in quarters(date(2026, 8, 1))] == [(2026, 3, 0)]
