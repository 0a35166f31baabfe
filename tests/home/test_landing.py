"""Where each role starts: a member's needs-attention across clusters, a manager's key figures, an organiser's
conferences, an administrator's list of clusters."""

import re

from tests.conftest import World
from tests.factories import add_to_cluster, make_user

BADGE = '<span class="badge">{}<span class="visually-hidden"> unread</span></span>'


def test_a_member_sees_the_unread_answers_of_their_clusters_on_the_home_page(world, make_visitor):
    visitor = make_visitor()
    visitor.login("member@alfa.lv")

    page = visitor.get("/").get_data(as_text=True)

    assert "Needs your attention" in page
    assert f'href="/c/alfa/notifications/{world.notification_a}"' in page
    assert f"answered your post “{World.CANARY_A} vajadzība”" in page


def test_unread_notifications_of_one_cluster_show_in_the_switcher_of_another(app, world, make_visitor):
    add_to_cluster(app, world.member_a, "beta")
    visitor = make_visitor()
    visitor.login("member@alfa.lv")

    page = visitor.get("/c/beta/").get_data(as_text=True)
    switcher = page[page.index('<details class="switcher">') : page.index("</details>")]

    alfa = re.search(rf'href="/c/alfa/"\s*>Alfa {World.CANARY_A} klasteris (.*?)</a>', switcher).group(1)
    beta = re.search(
        rf'href="/c/beta/"\s*aria-current="true">Beta {World.CANARY_B} klasteris(.*?)</a>', switcher
    )
    assert alfa == BADGE.format(2)  # the answer to member@alfa.lv's need, the rating of its company
    assert beta.group(1) == ""
    # Beta's own pages are read in beta: nothing of alfa but the person's own cluster list and count.
    assert f"{World.CANARY_A} vajadzība" not in page


def test_a_manager_starts_with_the_clusters_key_figures_and_a_member_does_not(world, make_visitor):
    manager, member = make_visitor(), make_visitor()
    manager.login("manager@alfa.lv")
    member.login("member@alfa.lv")

    managing = manager.get("/c/alfa/").get_data(as_text=True)

    assert "Key figures" in managing
    assert 'href="/c/alfa/manage/members?segment=reactivate"' in managing
    assert 'href="/c/alfa/manage/needs/posts?period=all&amp;kind=need&amp;state=waiting"' in managing
    assert "Key figures" not in member.get("/c/alfa/").get_data(as_text=True)


def test_an_organiser_in_no_cluster_lands_on_their_conferences(world, make_visitor):
    visitor = make_visitor()
    visitor.login("organiser@clusterhub.lv")

    response = visitor.get("/")

    assert response.status_code == 302 and response.headers["Location"] == "/events/"


def test_a_platform_administrator_lands_on_the_administration_pages(app, world, make_visitor):
    make_user(app, "admin@clusterhub.lv", "Aiga Administratore", is_admin=True)
    visitor = make_visitor()
    visitor.login("admin@clusterhub.lv")

    landing = visitor.get("/")
    page = visitor.get("/admin/clusters").get_data(as_text=True)

    assert landing.headers["Location"] == "/admin/"
    assert f"Alfa {World.CANARY_A} klasteris" in page and f"Beta {World.CANARY_B} klasteris" in page
    assert f"Māra {World.CANARY_A}" in page  # alfa's manager


def test_only_administrators_open_the_list_of_clusters(world, make_visitor):
    visitor = make_visitor()
    visitor.login("manager@alfa.lv")

    assert visitor.get("/admin/clusters").status_code == 403
