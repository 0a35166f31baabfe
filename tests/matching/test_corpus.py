"""Matchmaking on a hand-written cluster whose right partners are known (tests/matching/quality.py).

Run with -s to see the table of hit@1, hit@3 and MRR per group, and every need the matcher misses.
"""

import pytest

from search.analysis import terms
from tests.factories import make_tenant
from tests.matching import quality
from tests.search.conftest import in_cluster

# The matcher must find a right partner among the first three for nine needs in ten, and rank it first
# most of the time; the corpus reached these with some room when the vocabulary came (see the report
# of `make bench`), so losing a few right partners fails here.
MIN_HIT3 = 0.9
MIN_MRR = 0.85


@pytest.fixture
def measured(app) -> quality.Measured:
    """The corpus built and indexed, and both rankings of every need scored."""
    make_tenant(app, quality.CLUSTER["slug"], quality.CLUSTER["name"])
    with in_cluster(app, quality.CLUSTER["slug"]):
        quality.build()
    with in_cluster(app, quality.CLUSTER["slug"]):
        found = quality.measure()
    print("\n" + quality.table(found))
    missed = {key: ranks for key, ranks in found.ranks.items() if not ranks[0] or ranks[0] > quality.TOP}
    print(f"not in the top {quality.TOP} (matcher rank, baseline rank): {missed}")
    return found


def test_the_corpus_has_the_needs_it_promises():
    links = [need.get("link", "words") for need in quality.NEEDS]
    assert len(quality.NEEDS) >= 60
    assert len({need["industry"] for need in quality.NEEDS}) >= 5
    assert links.count("language") >= 15 and links.count("synonym") >= 10
    assert len({need["key"] for need in quality.NEEDS}) == len(quality.NEEDS)


def test_right_partners_come_within_the_top_three_and_first_most_of_the_time(measured):
    everything = measured.matcher["all"]
    assert everything.hit3 >= MIN_HIT3, quality.table(measured)
    assert everything.mrr >= MIN_MRR, quality.table(measured)


def test_the_matcher_beats_the_shared_word_baseline_in_every_group(measured):
    worse = [
        group
        for group, found in measured.matcher.items()
        if (found.mrr, found.hit3) <= (measured.baseline[group].mrr, measured.baseline[group].hit3)
    ]
    assert not worse, quality.table(measured)


def test_suggestions_leave_out_the_authors_company_and_name_what_matched_in_the_needs_words(app):
    make_tenant(app, quality.CLUSTER["slug"], quality.CLUSTER["name"])
    with in_cluster(app, quality.CLUSTER["slug"]):
        quality.build()
    with in_cluster(app, quality.CLUSTER["slug"]):
        for need in quality.NEEDS:
            suggestions = quality.for_post(quality.need_post(need), limit=len(quality.COMPANIES))
            assert need["company"] not in {s.company.name for s in suggestions}, need["key"]
            written = set(terms(" ".join((need["title"], need["body"], *need.get("tags", ())))))
            shown = [r.yours for r in suggestions[0].reasons if r.kind in ("concept", "words")]
            assert shown, f"{need['key']}: the first suggestion names nothing that matched"
            assert all(set(terms(yours)) <= written for yours in shown), f"{need['key']}: {shown}"
