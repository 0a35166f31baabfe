"""Suggestions are computed when data changes and stored; the pages read the stored rows."""

import pytest
from sqlalchemy import select

from clusterhub.companies.models import Company
from clusterhub.extensions import db
from clusterhub.notifications.models import Notification
from clusterhub.posts.models import Post
from search.models import MatchSuggestion
from tests.conftest import World
from tests.factories import make_post, make_profile
from tests.matching.test_pages import (
    AUTHOR,
    CLUSTER,
    DRAWINGS,
    STUDIO,
    TITLE,
    WORKSHOP,
    build_need,
    visitor_of,
)
from tests.search.conftest import in_cluster, lose_index


@pytest.fixture
def need(app) -> int:
    return build_need(app)


def stored(app, slug: str, title: str) -> dict[str, int]:
    """The stored suggestions of the need with this title: company name -> score."""
    with in_cluster(app, slug):
        need_id = db.session.scalar(select(Post.id).where(Post.title == title))
        rows = db.session.execute(
            select(Company.name, MatchSuggestion.score)
            .join(Company, Company.id == MatchSuggestion.company_id)
            .where(MatchSuggestion.need_id == need_id)
        )
        return dict(rows.all())


def test_a_need_posted_on_the_page_gets_its_suggestions_stored_and_its_page_shows_them(
    app, need, make_visitor
):
    author = visitor_of(make_visitor, AUTHOR)
    response = author.submit(
        f"/c/{CLUSTER}/posts/new",
        {"kind": "need", "category": "research", "title": "Renderēšana reklāmai", "tags": "Renderēšana"},
    )
    assert response.status_code == 302
    assert list(stored(app, CLUSTER, "Renderēšana reklāmai")) == [STUDIO]
    page = author.get(response.headers["Location"]).get_data(as_text=True)
    assert "Companies that may answer this need" in page and STUDIO in page


def test_editing_a_company_changes_the_needs_it_is_suggested_for(app, need, make_visitor):
    assert {STUDIO, DRAWINGS} <= set(stored(app, CLUSTER, TITLE))
    make_profile(
        app, CLUSTER, STUDIO, competences=["Grāmatvedība"], description="Grāmatvedības birojs.", roles=[]
    )
    assert STUDIO not in stored(app, CLUSTER, TITLE)
    author = visitor_of(make_visitor, AUTHOR)
    assert f">{STUDIO}<" not in author.get(f"/c/{CLUSTER}/matches").get_data(as_text=True)

    make_profile(app, CLUSTER, STUDIO, competences=["3D animācija"])
    assert STUDIO in stored(app, CLUSTER, TITLE)
    assert f">{STUDIO}<" in author.get(f"/c/{CLUSTER}/matches").get_data(as_text=True)


def test_a_need_fulfilled_keeps_no_suggestions_and_reopened_gets_them_back(app, need):
    for status, expected in (("fulfilled", set()), ("open", {STUDIO, DRAWINGS})):
        with in_cluster(app, CLUSTER):
            db.session.get(Post, need).status = status
            db.session.commit()
        assert set(stored(app, CLUSTER, TITLE)) == expected


def test_the_authors_company_moving_rescores_its_needs_region(app, need):
    before = stored(app, CLUSTER, TITLE)
    make_profile(app, CLUSTER, WORKSHOP, region="riga")  # the studio is in Vidzeme, the drawings in Rīga
    after = stored(app, CLUSTER, TITLE)
    assert after[STUDIO] == before[STUDIO] - 10 and after[DRAWINGS] == before[DRAWINGS] + 10


def test_each_cluster_reads_only_its_own_stored_suggestions(app, world):
    for slug, canary, member, answerer in (
        ("alfa", World.CANARY_A, "Čiekurs", "Ābele"),
        ("beta", World.CANARY_B, "Dārzs", "Ēna"),
    ):
        make_profile(app, slug, f"SIA {canary} {answerer}", competences=["Eksports uz Vāciju"])
        make_post(app, slug, f"SIA {canary} {member}", f"member@{slug}.lv", "Eksports uz Vāciju")
    for slug, canary, other in (
        ("alfa", World.CANARY_A, World.CANARY_B),
        ("beta", World.CANARY_B, World.CANARY_A),
    ):
        assert list(stored(app, slug, "Eksports uz Vāciju")) == [
            f"SIA {canary} {'Ābele' if slug == 'alfa' else 'Ēna'}"
        ]
        with in_cluster(app, slug) as tenant:
            rows = db.session.scalars(select(MatchSuggestion)).all()
            assert rows and {row.tenant_id for row in rows} == {tenant.id}
            assert not any(other in row.company.name or other in row.need.title for row in rows)


def _notifications(app) -> int:
    with in_cluster(app, CLUSTER):
        return len(db.session.scalars(select(Notification)).all())


def test_a_reindex_stores_the_suggestions_again_and_tells_no_author_of_old_matches(app, need, runner):
    # Posted while the cluster's index is lost: no company is found for it, so nothing is stored.
    lose_index(app, CLUSTER)
    make_post(app, CLUSTER, WORKSHOP, AUTHOR, "Renderēšana reklāmai", tags=["Renderēšana"])
    assert stored(app, CLUSTER, "Renderēšana reklāmai") == {}
    kept = stored(app, CLUSTER, TITLE)
    told = _notifications(app)

    result = runner.invoke(args=["search", "reindex", "--tenant", CLUSTER])
    assert result.exit_code == 0, result.output
    assert list(stored(app, CLUSTER, "Renderēšana reklāmai")) == [STUDIO]
    assert stored(app, CLUSTER, TITLE) == kept and {STUDIO, DRAWINGS} <= set(kept)
    assert _notifications(app) == told
