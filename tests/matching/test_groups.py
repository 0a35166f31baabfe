"""Members of the same interest group are natural partners: a suggestion says they share the group."""

from sqlalchemy import select

from clusterhub.accounts.models import User
from clusterhub.extensions import db
from clusterhub.groups.services import create_group, join
from search.matching import rules
from tests.factories import make_profile, make_user
from tests.matching.test_pages import (
    ANIMATOR,
    AUTHOR,
    CLUSTER,
    DRAWINGS,
    ILLUSTRATOR,
    STUDIO,
    STUDIO_PROFILE,
    build_need,
    suggestions,
    visitor_of,
)
from tests.search.conftest import in_cluster

BAKERY = "SIA Maiznīca"


def _group_with(app, name: str, *emails: str) -> None:
    with in_cluster(app, CLUSTER):
        group = create_group(name, "")
        for email in emails:
            join(group, db.session.scalar(select(User).where(User.email == email)))
        db.session.commit()


def _cards(page: str) -> dict[str, str]:
    """Each suggestion card of a need's page by the company it suggests."""
    cards = page.split('<li class="card match">')[1:]
    return {name: card for card in cards for name in (STUDIO, DRAWINGS, BAKERY) if name in card}


def test_a_suggestion_names_the_group_both_companies_are_in(app, make_visitor):
    need = build_need(app)
    _group_with(app, "Izstāžu stendi", AUTHOR, ANIMATOR)
    page = visitor_of(make_visitor, AUTHOR).get(f"/c/{CLUSTER}/posts/{need}").get_data(as_text=True)
    cards = _cards(page)
    assert "Both in the group: Izstāžu stendi." in cards[STUDIO]
    assert "Both in the group" not in cards[DRAWINGS]


def test_a_shared_group_alone_makes_no_suggestion(app, make_visitor):
    need = build_need(app)
    make_user(app, "peteris@maiznica.lv", "Pēteris Kalns", CLUSTER, "member", BAKERY)
    make_profile(app, CLUSTER, BAKERY, competences=["Maizes cepšana"], description="Rudzu maize.")
    _group_with(app, "Izstāžu stendi", AUTHOR, "peteris@maiznica.lv")
    page = visitor_of(make_visitor, AUTHOR).get(f"/c/{CLUSTER}/posts/{need}").get_data(as_text=True)
    assert BAKERY not in _cards(page)


def test_a_company_sharing_a_group_ranks_above_an_otherwise_equal_one(app, make_visitor):
    """Two studios with the same profile: the one whose people share the author's group comes first,
    by the group's few points only."""
    need = build_need(app)
    twin = "SIA Kadru Zieds"  # after the studio by name, so only the points can put it first
    make_user(app, "ilze@zieds.lv", "Ilze Ziede", CLUSTER, "member", twin)
    make_profile(app, CLUSTER, twin, **STUDIO_PROFILE)
    _group_with(app, "Izstāžu stendi", AUTHOR, "ilze@zieds.lv")
    scores = suggestions(app, need)
    assert scores[twin] == scores[STUDIO] + rules.WEIGHTS["group"]
    page = visitor_of(make_visitor, AUTHOR).get(f"/c/{CLUSTER}/posts/{need}").get_data(as_text=True)
    assert page.index(twin) < page.index(STUDIO)
    assert "interest group 5 of 5" in page.split(twin)[1].split(STUDIO)[0]


def test_a_shared_group_does_not_lift_a_weaker_match_over_a_real_concept_match(app, make_visitor):
    need = build_need(app)
    _group_with(app, "Izstāžu stendi", AUTHOR, ILLUSTRATOR)
    scores = suggestions(app, need)
    assert scores[DRAWINGS] < scores[STUDIO]
    page = visitor_of(make_visitor, AUTHOR).get(f"/c/{CLUSTER}/posts/{need}").get_data(as_text=True)
    assert page.index(STUDIO) < page.index(DRAWINGS)
