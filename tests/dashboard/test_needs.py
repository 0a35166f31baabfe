"""The aggregated-needs figures on hand-made posts whose right answers are known."""

from datetime import date

import pytest

from clusterhub.companies.models import CompanyMembership, CompanyTag
from clusterhub.companies.services import named_rows
from clusterhub.dashboard.needs import ALL_REGIONS, NO_SECTOR, RESPONDED, month_start
from tests.dashboard.conftest import in_cluster
from tests.factories import riga


def _months(summary) -> dict[str, dict[str, int]]:
    return {tally.value: tally.counts for tally in summary.months}


def _by_value(tallies) -> dict[str, dict[str, int]]:
    return {tally.value: tally.counts for tally in tallies}


@pytest.mark.parametrize(
    ("day", "back", "first"),
    [
        (date(2026, 3, 15), 0, date(2026, 3, 1)),
        (date(2026, 3, 15), 2, date(2026, 1, 1)),
        (date(2026, 3, 15), 3, date(2025, 12, 1)),
        (date(2026, 3, 15), 14, date(2025, 1, 1)),
        (date(2026, 12, 31), -1, date(2027, 1, 1)),
    ],
)
def test_month_start_counts_back_across_years(day, back, first):
    assert month_start(day, back) == first


def test_a_post_belongs_to_the_month_of_its_date_in_riga(board):
    firm = board.member("Firma")
    board.post(firm, riga(2026, 2, 28, 23, 59))  # 21:59 UTC on 28 February: February
    board.post(firm, riga(2026, 3, 1, 0, 0))  # 22:00 UTC on 28 February, but March in Rīga
    board.post(firm, riga(2026, 3, 15, 23, 59), kind="offer")  # the last minute of "today"
    board.post(firm, riga(2026, 3, 16, 0, 0))  # tomorrow: not yet

    months = _months(board.summary())

    assert list(months)[0] == "2025-04" and list(months)[-1] == "2026-03" and len(months) == 12
    assert months["2026-02"] == {"need": 1, "offer": 0, "interest": 0}
    assert months["2026-03"] == {"need": 1, "offer": 1, "interest": 0}


def test_the_last_12_months_begin_on_the_first_day_of_the_month_11_months_ago(board):
    firm = board.member("Firma")
    board.post(firm, riga(2025, 3, 31, 23, 59))  # a minute too early for the last 12 months
    board.post(firm, riga(2025, 4, 1, 0, 0))
    board.post(firm, riga(2023, 1, 10, 12, 0), kind="offer")

    last_year, two_years, ever = board.summary(12), board.summary(24), board.summary(None)

    assert last_year.totals == {"need": 1, "offer": 0, "interest": 0}
    assert _months(last_year)["2025-04"]["need"] == 1
    assert two_years.totals == {"need": 2, "offer": 0, "interest": 0}
    assert len(two_years.months) == 24 and _months(two_years)["2025-03"]["need"] == 1
    assert ever.totals == {"need": 2, "offer": 1, "interest": 0}
    assert len(ever.months) == 24  # all time still shows the last 24 months one by one
    assert last_year.span.start == date(2025, 4, 1) and ever.span.start is None


def test_open_answered_fulfilled_and_withdrawn_are_told_apart(board):
    author, answerer, other = board.member("Autors"), board.member("Atbildētājs"), board.member("Cits")
    at = riga(2026, 1, 10, 9, 0)
    board.post(author, at)  # open, nobody answered
    answered = board.post(author, at)
    board.response(answered, answerer, riga(2026, 1, 11, 9, 0))
    board.response(answered, other, riga(2026, 1, 12, 9, 0))  # a second response: still one post
    fulfilled = board.post(author, at, status="fulfilled")
    board.response(fulfilled, answerer, riga(2026, 1, 11, 9, 0))
    board.post(author, at, kind="offer", status="fulfilled")  # fulfilled without a response here
    withdrawn = board.post(author, at, kind="interest", status="withdrawn")
    board.response(withdrawn, answerer, riga(2026, 1, 11, 9, 0))

    found = board.summary()

    assert _by_value(found.states) == {
        "waiting": {"need": 1, "offer": 0, "interest": 0},
        "answered": {"need": 1, "offer": 0, "interest": 0},
        "fulfilled": {"need": 1, "offer": 1, "interest": 0},
        "withdrawn": {"need": 0, "offer": 0, "interest": 1},
    }
    assert found.responded == {"need": 2, "offer": 0, "interest": 1}
    assert found.totals == {"need": 3, "offer": 1, "interest": 1}


def test_median_days_to_the_first_response(board):
    author, answerer, other = board.member("Autors"), board.member("Atbildētājs"), board.member("Cits")
    posted = riga(2026, 1, 10, 12, 0)
    for days, later in ((1, 10), (3, None), (2, None)):
        need = board.post(author, posted)
        board.response(need, answerer, riga(2026, 1, 10 + days, 12, 0))
        if later:
            board.response(need, other, riga(2026, 1, 10 + later, 12, 0))  # not the first: ignored
    for first in (riga(2026, 1, 11, 0, 0), riga(2026, 1, 12, 0, 0)):  # after half a day, after 1.5 days
        offer = board.post(author, posted, kind="offer")
        board.response(offer, answerer, first)
    board.post(author, posted)  # never answered: not part of the median

    medians = board.summary().median_days

    assert medians == {"need": 2.0, "offer": 1.0, "interest": None, "all": 1.5}


def test_the_gap_lists_words_members_need_that_no_member_offers(board):
    seeker = board.member("Meklētājs")
    provider = board.member("Piedāvātājs", competences=["EKSPORTS"])
    gone = board.member("Bijušais", left_on=date(2026, 1, 1), competences=["Robotika"])
    at = riga(2026, 2, 1, 10, 0)
    board.post(seeker, at, tags=["CNC frēzēšana", "Eksports", "Animācija"])
    board.post(seeker, at, kind="interest", tags=["Robotika", "animācija"])
    board.post(provider, at, kind="offer", tags=["cnc frēzēšana"])
    board.post(gone, at, kind="offer", tags=["Robotika"])  # a former member's offer covers nothing
    board.post(provider, riga(2024, 1, 1, 10, 0), kind="offer", tags=["Animācija"])  # outside the period

    found = board.summary()

    assert [(w.name.casefold(), w.requested) for w in found.gap] == [("animācija", 2), ("robotika", 1)]
    assert [(w.name.casefold(), w.requested, w.offered, w.companies) for w in found.requested] == [
        ("animācija", 2, 0, 0),
        ("cnc frēzēšana", 1, 1, 0),
        ("eksports", 1, 0, 1),
        ("robotika", 1, 0, 0),
    ]
    assert {(w.name.casefold(), w.offered, w.companies) for w in found.offered} == {
        ("cnc frēzēšana", 1, 0),
        ("eksports", 0, 1),
    }
    assert [w.competence for w in found.requested] == ["", "", "EKSPORTS", ""]  # as profiles write it
    assert [w.name.casefold() for w in board.summary(None).gap] == ["robotika"]


def test_former_members_are_not_counted_even_while_members_of_another_cluster(board):
    current = board.member("Esošais", sectors=["Filmas"])
    former = board.member("Bijušais", left_on=date(2026, 1, 1), sectors=["Filmas"], competences=["Skaņa"])
    with in_cluster("beta"):
        board.add(CompanyMembership(company=former, member_since=date(2021, 1, 1)))
    at = riga(2026, 2, 1, 10, 0)
    kept = board.post(current, at, category="export", tags=["Skaņa"])
    board.post(former, at, category="export", tags=["Skaņa"])
    board.post(former, at, kind="offer", category="training")

    found = board.summary()

    assert found.totals == {"need": 1, "offer": 0, "interest": 0}
    assert _by_value(found.categories)["export"]["need"] == 1
    assert _by_value(found.sectors) == {found.sectors[0].value: {"need": 1, "offer": 0, "interest": 0}}
    assert [w.name for w in found.gap] == ["Skaņa"]  # the former member's competence offers nothing now
    assert board.ids() == {kept.id}


def test_another_clusters_posts_are_not_counted(board):
    firm = board.member("Firma", sectors=["Filmas"])
    with in_cluster("beta"):
        board.add(CompanyMembership(company=firm, member_since=date(2021, 1, 1)))
        board.post(firm, riga(2026, 2, 1, 10, 0), tags=["Svešs"], regions=["riga"])

    found = board.summary()

    assert found.total == 0 and found.requested == [] and board.ids() == set()
    assert found.sectors == [] and all(tally.total == 0 for tally in found.regions + found.months)


def test_a_post_counts_in_every_sector_and_region_it_names(board):
    both = board.member("Abas nozares", sectors=["Filmas", "Skaņa"])
    none = board.member("Bez nozares")
    at = riga(2026, 2, 1, 10, 0)
    board.post(both, at, regions=["riga", "kurzeme"])
    board.post(both, at, kind="offer")
    board.post(none, at, kind="interest", regions=["riga"])

    found = board.summary()

    sectors = {tally.name or tally.value: tally.counts for tally in found.sectors}
    assert sectors == {
        "Filmas": {"need": 1, "offer": 1, "interest": 0},
        "Skaņa": {"need": 1, "offer": 1, "interest": 0},
        NO_SECTOR: {"need": 0, "offer": 0, "interest": 1},
    }
    regions = _by_value(found.regions)
    assert regions["riga"] == {"need": 1, "offer": 0, "interest": 1}
    assert regions["kurzeme"] == {"need": 1, "offer": 0, "interest": 0}
    assert regions[ALL_REGIONS] == {"need": 0, "offer": 1, "interest": 0}
    assert regions["latgale"] == {"need": 0, "offer": 0, "interest": 0}
    assert [tally.value for tally in found.regions][:2] == ["riga", ALL_REGIONS]  # the biggest first


def _varied(board):
    """24 posts, one a month from May 2024 to April 2026 (after "today"), of every kind, category, state
    and region, by companies with one, two or no sectors and by a former member; some answered."""
    film = board.member("Filmu studija", sectors=["Filmas"], competences=["Montāža"])
    sound = board.member("Skaņas studija", sectors=["Skaņa", "Filmas"])
    plain = board.member("Bez nozares")
    gone = board.member("Bijušais", left_on=date(2026, 1, 1), sectors=["Filmas"])
    regions = ((), ("riga",), ("riga", "latgale"))
    for number in range(24):
        month = 4 + number
        post = board.post(
            (film, sound, plain, gone)[number % 4],
            riga(2024 + month // 12, month % 12 + 1, 28, 23, 30),
            kind=("need", "offer", "interest")[number % 3],
            category=("export", "training", "equipment")[number // 3 % 3],
            status=("open", "open", "fulfilled", "withdrawn")[number // 2 % 4],
            tags=[("Montāža", "Eksports", "Skaņa")[number // 2 % 3]],
            regions=regions[number // 4 % 3],
        )
        if number % 5 in (1, 2):
            board.response(post, (sound, film)[number % 2], riga(2026, 3, 1, 8, 0))


@pytest.mark.parametrize("months", [12, 24, None])
def test_every_number_drills_down_to_exactly_the_posts_behind_it(board, months):
    _varied(board)
    found = board.summary(months)
    breakdowns = {
        "state": found.states,
        "category": found.categories,
        "sector": found.sectors,
        "region": found.regions,
    }
    checked = 0
    for name, tallies in breakdowns.items():
        for tally in tallies:
            for kind, count in tally.counts.items():
                assert len(board.ids(months, kind=kind, **{name: tally.value})) == count, (
                    name,
                    tally.value,
                    kind,
                )
                checked += count
    for tally in found.months:
        for kind, count in tally.counts.items():
            assert len(board.ids(months, kind=kind, month=date.fromisoformat(f"{tally.value}-01"))) == count
    for kind in found.totals:
        assert len(board.ids(months, kind=kind)) == found.totals[kind]
        assert len(board.ids(months, kind=kind, state=RESPONDED)) == found.responded[kind]
    for word in found.requested:
        assert len(board.ids(months, word=word.key, side="requested")) == word.requested
    for word in found.offered:
        assert len(board.ids(months, word=word.key, side="offered")) == word.offered
    assert checked > 0 and found.total == len(board.ids(months))


def test_the_sectors_and_the_gap_follow_a_change_of_a_members_profile(board):
    # Both are kept between page loads until a company changes: the next load must show the change.
    firm = board.member("Firma", sectors=["Filmas"])
    board.post(firm, riga(2026, 2, 1, 10, 0), tags=["Montāža"])
    before = board.summary()

    firm.tags += named_rows([], ["Skaņa"], lambda: CompanyTag(kind="sector"))
    firm.tags += named_rows([], ["Montāža"], lambda: CompanyTag(kind="competence"))
    board.add(firm)
    after = board.summary()

    assert [tally.name for tally in before.sectors] == ["Filmas"]
    assert sorted(tally.name for tally in after.sectors) == ["Filmas", "Skaņa"]
    assert [word.name for word in before.gap] == ["Montāža"] and after.gap == []
