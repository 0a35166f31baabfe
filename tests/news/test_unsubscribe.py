"""Every digest can be stopped with one click, without signing in; a forged link changes nothing."""

from pathlib import Path

import pytest

from tests.news.conftest import header_path, subscribe, subscribed, unsubscribe_path


@pytest.fixture
def digest(app, world, visitor, send_digest):
    """The digest member@alfa.lv got."""
    subscribe(app, "member@alfa.lv")
    assert send_digest("--tenant", "alfa").exit_code == 0
    [mail] = visitor.mails()
    return mail


def test_the_link_in_the_digest_unsubscribes_at_once(app, digest, make_visitor):
    response = make_visitor().get(unsubscribe_path(digest))
    assert response.status_code == 200
    page = response.get_data(as_text=True)
    assert "You will no longer get the monthly news digest of Alfa CANARYALFA klasteris." in page
    assert not subscribed(app, "member@alfa.lv")


def test_unsubscribed_people_get_no_more_digests(app, digest, make_visitor, visitor, send_digest):
    make_visitor().get(unsubscribe_path(digest))
    send_digest("--tenant", "alfa")
    assert len(visitor.mails()) == 1


def test_the_link_names_only_its_own_cluster(app, world, digest, make_visitor):
    subscribe(app, "member@beta.lv", "beta")
    make_visitor().get(unsubscribe_path(digest))
    assert subscribed(app, "member@beta.lv", "beta")


def test_mail_programs_unsubscribe_with_one_click_by_rfc_8058(app, digest):
    assert digest["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    assert header_path(digest) == unsubscribe_path(digest)
    # A mail program's POST carries no form token of ours.
    response = app.test_client().post(header_path(digest), data={"List-Unsubscribe": "One-Click"})
    assert response.status_code == 200
    assert not subscribed(app, "member@alfa.lv")


def test_the_header_link_is_written_plainly_for_mail_programs(app, digest):
    raw = next(Path(app.config["MAIL_DIR"]).glob("*.eml")).read_text()
    assert f"\nList-Unsubscribe: <{digest['List-Unsubscribe'].strip('<>')}>\n" in raw


def test_unsubscribed_by_mistake_subscribes_again(app, digest, make_visitor):
    visitor = make_visitor()
    path = unsubscribe_path(digest)
    visitor.get(path)
    response = visitor.post(path.replace("/unsubscribe/", "/subscribe/"))
    assert response.status_code == 200
    assert "You will get the monthly news digest of Alfa CANARYALFA klasteris again." in visitor.last_page
    assert subscribed(app, "member@alfa.lv")


def test_a_tampered_link_is_refused_and_changes_nothing(app, digest, make_visitor):
    path = unsubscribe_path(digest)
    token = path.rsplit("/", 1)[1]
    tampered = path[: -len(token)] + token[:-3] + ("aaa" if not token.endswith("aaa") else "bbb")
    for bad in (tampered, "/digest/unsubscribe/not-a-valid-token"):
        response = make_visitor().get(bad)
        assert response.status_code == 404
        assert "This unsubscribe link is not valid." in response.get_data(as_text=True)
    assert subscribed(app, "member@alfa.lv")


def test_a_link_of_another_application_key_is_refused(app, digest, make_visitor):
    app.config["SECRET_KEY"] = "another-key"
    assert make_visitor().get(unsubscribe_path(digest)).status_code == 404
    assert subscribed(app, "member@alfa.lv")
