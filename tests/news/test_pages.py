"""Managers post, correct and delete news; members read them and choose the digest on /news or in settings."""

import re

from sqlalchemy import select

from tenants.models import Tenant
from tests.factories import add_to_cluster
from tests.news.conftest import add_news, subscribed
from tests.posts.conftest import rows


def test_a_manager_posts_a_news_item_that_members_read(app, world, visitor, signed_in):
    visitor.login("manager@alfa.lv")
    response = visitor.submit(
        "/c/alfa/manage/news/new",
        {"title": "Eksporta seminārs", "body": "Nāciet **visi**! <script>x</script>"},
    )
    assert response.status_code == 302
    member = signed_in("member@alfa.lv")
    listing = member.get("/c/alfa/news").get_data(as_text=True)
    assert "Eksporta seminārs" in listing
    detail = member.get(response.location).get_data(as_text=True)
    assert "Nāciet <strong>visi</strong>!" in detail and "<script>" not in detail
    assert "Māra CANARYALFA" in detail


def test_a_news_item_needs_a_title(app, world, visitor):
    visitor.login("manager@alfa.lv")
    response = visitor.submit("/c/alfa/manage/news/new", {"title": "  ", "body": "Bez virsraksta"})
    assert response.status_code == 200
    assert 'id="title-errors"' in visitor.last_page and "This field is required." in visitor.last_page
    assert "Bez virsraksta" not in visitor.get("/c/alfa/news").get_data(as_text=True)


def test_a_manager_corrects_a_news_item(app, world, visitor):
    news_id = world.managed_a["news"]
    visitor.login("manager@alfa.lv")
    assert "CANARYALFA ziņa" in visitor.get(f"/c/alfa/manage/news/{news_id}/edit").get_data(as_text=True)
    response = visitor.post(f"/c/alfa/manage/news/{news_id}/edit", {"title": "Labota ziņa", "body": "Jauns"})
    assert response.status_code == 302 and response.location.endswith(f"/c/alfa/news/{news_id}")
    assert "Labota ziņa" in visitor.get(f"/c/alfa/news/{news_id}").get_data(as_text=True)


def test_deleting_a_news_item_asks_first(app, world, visitor):
    news_id = world.managed_a["news"]
    visitor.login("manager@alfa.lv")
    question = visitor.get(f"/c/alfa/manage/news/{news_id}/delete").get_data(as_text=True)
    assert "Delete “CANARYALFA ziņa”?" in question
    assert visitor.get(f"/c/alfa/news/{news_id}").status_code == 200
    response = visitor.post(f"/c/alfa/manage/news/{news_id}/delete")
    assert response.status_code == 302 and response.location.endswith("/c/alfa/manage/news")
    assert visitor.get(f"/c/alfa/news/{news_id}").status_code == 404


def test_members_read_but_do_not_manage_news(app, world, visitor):
    visitor.login("member@alfa.lv")
    assert visitor.get("/c/alfa/manage/news").status_code == 403
    assert visitor.get("/c/alfa/manage/news/new").status_code == 403
    page = visitor.get("/c/alfa/news").get_data(as_text=True)
    assert "Post a news item" not in page and 'href="/c/alfa/news"' in page


def test_news_are_listed_newest_first_page_by_page(app, world, visitor):
    app.config["PAGE_SIZE"] = 2
    add_news(app, "Trešā vecākā", days_ago=3)
    add_news(app, "Otrā vecākā", days_ago=2)
    visitor.login("member@alfa.lv")
    first = visitor.get("/c/alfa/news").get_data(as_text=True)
    assert first.index("CANARYALFA ziņa") < first.index("Otrā vecākā")
    assert "Trešā vecākā" not in first and "Page 1 of 2" in first
    assert "Trešā vecākā" in visitor.get("/c/alfa/news?page=2").get_data(as_text=True)


def test_a_cluster_without_news_says_so(app, world, visitor):
    visitor.login("manager@alfa.lv")
    visitor.submit(f"/c/alfa/manage/news/{world.managed_a['news']}/delete")
    assert "No news yet." in visitor.get("/c/alfa/news").get_data(as_text=True)


def test_a_member_subscribes_and_unsubscribes_on_the_news_page(app, world, visitor):
    visitor.login("member@alfa.lv")
    assert "Get the monthly digest" in visitor.get("/c/alfa/news").get_data(as_text=True)
    assert visitor.post("/c/alfa/news/subscribe").status_code == 302
    assert subscribed(app, "member@alfa.lv")
    assert "Stop the digest" in visitor.get("/c/alfa/news").get_data(as_text=True)
    visitor.post("/c/alfa/news/unsubscribe")
    assert not subscribed(app, "member@alfa.lv")


def _tenant_id(app, slug: str) -> int:
    return rows(app, select(Tenant.id).where(Tenant.slug == slug), slug)[0].id


def test_settings_have_a_digest_checkbox_per_cluster(app, world, visitor):
    add_to_cluster(app, world.member_a, "beta")
    visitor.login("member@alfa.lv")
    page = visitor.get("/account").get_data(as_text=True)
    assert "Alfa CANARYALFA klasteris" in page and "Beta CANARYBETA klasteris" in page
    beta = _tenant_id(app, "beta")
    assert (
        visitor.post("/account", {"name": "Andris", "language": "en", "digests": [beta]}).status_code == 302
    )
    assert subscribed(app, "member@alfa.lv", "beta") and not subscribed(app, "member@alfa.lv", "alfa")
    assert re.search(rf'<input checked [^>]*value="{beta}"', visitor.get("/account").get_data(as_text=True))
    visitor.post("/account", {"name": "Andris", "language": "en"})
    assert not subscribed(app, "member@alfa.lv", "beta")
