"""/matches and the own profile keep their lists of suggestions as rendered (`Lists` in
search/matching/views.py): whatever changes what they list shows on the next page load."""

from datetime import timedelta

from clusterhub.clock import local_today, utcnow
from tests.factories import make_post, make_profile
from tests.matching.test_pages import (
    AUTHOR,
    CLUSTER,
    STUDIO,
    WORKSHOP,
    build_need,
    company_id,
    visitor_of,
)

NEW_NEED = "Renderēšana izstādei"
NOTHING_YET = "No company matches this need yet."


def _by_need(page: str) -> str:
    return page.split("Suggestions for your open needs")[1]


def _need_section(page: str, title: str) -> str:
    return _by_need(page).split(title)[1].split('<section class="need-matches">')[0]


def test_suggestions_the_background_work_stores_later_replace_the_kept_list(app, make_visitor, runner):
    build_need(app)
    app.config["OUTBOX_WORKER"] = True  # as `make run`: the request leaves the matching to the worker
    author = visitor_of(make_visitor, AUTHOR)
    response = author.submit(
        f"/c/{CLUSTER}/posts/new",
        {"kind": "need", "category": "research", "title": NEW_NEED, "tags": "Renderēšana"},
    )
    assert response.status_code == 302
    before = author.get(f"/c/{CLUSTER}/matches").get_data(as_text=True)
    assert NOTHING_YET in _need_section(before, NEW_NEED)

    result = runner.invoke(args=["worker", "run", "--once"])
    assert result.exit_code == 0, result.output
    # Neither the posts nor the companies changed since: only the stored suggestions did.
    after = author.get(f"/c/{CLUSTER}/matches").get_data(as_text=True)
    assert STUDIO in _need_section(after, NEW_NEED)
    assert NOTHING_YET not in _need_section(after, NEW_NEED)


def test_a_need_whose_last_day_passed_leaves_the_kept_list_the_next_day(app, make_visitor, clock):
    build_need(app)
    last_day = local_today()
    make_post(
        app,
        CLUSTER,
        WORKSHOP,
        AUTHOR,
        NEW_NEED,
        category="research",
        tags=["3D animācija"],
        valid_until=last_day,
    )
    author = visitor_of(make_visitor, AUTHOR)
    assert NEW_NEED in _by_need(author.get(f"/c/{CLUSTER}/matches").get_data(as_text=True))
    clock.move_to(utcnow() + timedelta(days=1))
    author = visitor_of(make_visitor, AUTHOR)  # a day later, signed in again
    assert NEW_NEED not in _by_need(author.get(f"/c/{CLUSTER}/matches").get_data(as_text=True))


def test_the_own_profile_shows_a_partner_by_its_new_name(app, make_visitor):
    build_need(app)
    author = visitor_of(make_visitor, AUTHOR)
    profile = f"/c/{CLUSTER}/companies/{company_id(app, WORKSHOP)}"
    assert STUDIO in author.get(profile).get_data(as_text=True)
    make_profile(app, CLUSTER, STUDIO, name="SIA Kadru Fabrika Plus")
    assert "SIA Kadru Fabrika Plus" in author.get(profile).get_data(as_text=True)
