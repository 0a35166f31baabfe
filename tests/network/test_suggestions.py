"""Suggestions from other clusters are kept between page views (clusterhub/network/matching.py): they
follow every change of the card they show and of the need they answer, are kept per need, and show
nothing of another cluster but its public card."""

from sqlalchemy import select

from clusterhub.extensions import db
from clusterhub.network import matching as network_matching
from clusterhub.network.models import NetworkFound
from tenants.context import cross_tenant
from tests.conftest import World
from tests.factories import make_post, make_profile
from tests.network.test_pages import A_COMPANY, B_COMPANY, SECRET_CONTACT, _opt_in, private_profile

HEADING = "Suggested partners from other clusters"
NEED = "Meklējam koka iepakojuma piegādātāju"


def _suggested(member, place: str) -> str:
    """What the page shows under the heading of suggestions from other clusters ('' when it has none)."""
    page = member.get(place).get_data(as_text=True)
    return page.split(HEADING)[1] if HEADING in page else ""


def _places(world) -> tuple[str, str]:
    return "/c/alfa/matches", f"/c/alfa/companies/{world.company_a}"


def _packaging_need_and_card(app, signed_in, world) -> int:
    make_profile(app, "beta", B_COMPANY, competences=["Koka iepakojums"])
    _opt_in(signed_in, world)
    return make_post(app, "alfa", A_COMPANY, "member@alfa.lv", NEED)


def test_a_kept_suggestion_follows_the_card_it_shows(app, world, signed_in):
    _packaging_need_and_card(app, signed_in, world)
    member_a = signed_in("member@alfa.lv")
    for place in _places(world):
        assert B_COMPANY in _suggested(member_a, place)
    # The company of the other cluster no longer says it makes packaging: not suggested any more.
    make_profile(app, "beta", B_COMPANY, competences=["Dārza mēbeles"])
    for place in _places(world):
        assert B_COMPANY not in _suggested(member_a, place)
    # It says so again: suggested again, with its card as it reads now.
    make_profile(app, "beta", B_COMPANY, competences=["Koka iepakojums"], description="Jauns apraksts")
    for place in _places(world):
        suggested = _suggested(member_a, place)
        assert B_COMPANY in suggested and "Jauns apraksts" in suggested
    _opt_in(signed_in, world, visible=False)
    for place in _places(world):
        assert B_COMPANY not in _suggested(member_a, place)
    _opt_in(signed_in, world)
    for place in _places(world):
        assert B_COMPANY in _suggested(member_a, place)


def test_a_kept_suggestion_follows_the_need_it_answers(app, world, signed_in):
    need_id = _packaging_need_and_card(app, signed_in, world)
    member_a = signed_in("member@alfa.lv")
    assert B_COMPANY in _suggested(member_a, "/c/alfa/matches")
    edit = f"/c/alfa/posts/{need_id}/edit"
    other_need = {"kind": "need", "category": "other", "title": "Meklējam grāmatvedi", "body": "", "tags": ""}
    assert member_a.submit(edit, other_need).status_code == 302
    assert B_COMPANY not in _suggested(member_a, "/c/alfa/matches")
    assert member_a.submit(edit, {**other_need, "title": NEED}).status_code == 302
    suggested = _suggested(member_a, "/c/alfa/matches")
    assert B_COMPANY in suggested and NEED in suggested
    assert member_a.submit(f"/c/alfa/posts/{need_id}/close", {}).status_code == 302
    for place in _places(world):
        assert B_COMPANY not in _suggested(member_a, place)


def test_kept_suggestions_are_the_company_s_own_and_show_only_the_public_card(app, world, signed_in):
    private_profile(app, infrastructure=f"{World.CANARY_B} noliktava")
    _packaging_need_and_card(app, signed_in, world)
    suggested = _suggested(signed_in("member@alfa.lv"), "/c/alfa/matches")
    assert B_COMPANY in suggested and f"{World.CANARY_B} apraksts" in suggested
    for private in (
        SECRET_CONTACT,
        "slepens@beta.lv",
        "darzs.example.lv",
        f"{World.CANARY_B} noliktava",  # infrastructure is not on the public card
        f"{World.CANARY_B} vajadzība",  # its post
        "/c/beta/",
    ):
        assert private not in suggested, private
    # Another company of the same cluster, without such a need, is suggested nothing from what was kept.
    manager_a = signed_in("manager@alfa.lv")
    assert _suggested(manager_a, "/c/alfa/matches") == ""
    # Nor does the other cluster's own member see anything of cluster A: its company did not opt in.
    make_post(app, "beta", B_COMPANY, "member@beta.lv", NEED)
    assert A_COMPANY not in signed_in("member@beta.lv").get("/c/beta/matches").get_data(as_text=True)


def test_a_new_need_keeps_the_suggestions_of_the_company_s_other_needs(app, world, signed_in):
    need_id = _packaging_need_and_card(app, signed_in, world)
    member_a = signed_in("member@alfa.lv")
    assert NEED in _suggested(member_a, "/c/alfa/matches")
    # Only the new need is scored on the next page; the kept result of the first still counts.
    make_post(app, "alfa", A_COMPANY, "member@alfa.lv", "Meklējam grāmatvedi")
    for place in _places(world):
        suggested = _suggested(member_a, place)
        assert B_COMPANY in suggested and NEED in suggested
    assert member_a.submit(f"/c/alfa/posts/{need_id}/close", {}).status_code == 302
    assert B_COMPANY not in _suggested(member_a, "/c/alfa/matches")


def _stored_cards(app, need_id: int) -> list[int]:
    with app.app_context(), cross_tenant():
        found = db.session.scalar(select(NetworkFound.found).where(NetworkFound.need_id == need_id))
        return [f["card_id"] for f in found or []]


def test_a_need_posted_has_its_suggestions_from_other_clusters_scored_by_the_background_work(
    app, world, signed_in
):
    need_id = _packaging_need_and_card(app, signed_in, world)
    assert _stored_cards(app, need_id) == [world.company_b]
    # Another process (no result of its own kept): the page shows what the background work stored.
    network_matching._held.clear()
    member_a = signed_in("member@alfa.lv")
    assert B_COMPANY in _suggested(member_a, "/c/alfa/matches")
    # The card changed since: the stored result no longer holds, and the page scores the need itself.
    network_matching._held.clear()
    make_profile(app, "beta", B_COMPANY, competences=["Dārza mēbeles"])
    assert _stored_cards(app, need_id) == [world.company_b]
    assert B_COMPANY not in _suggested(member_a, "/c/alfa/matches")
    # Closed: nothing stored for it any more.
    assert member_a.submit(f"/c/alfa/posts/{need_id}/close", {}).status_code == 302
    assert _stored_cards(app, need_id) == []


def test_a_suggestion_shows_the_viewer_s_own_conversation_with_the_card(app, world, signed_in):
    # The cards shown are those kept for the cluster, each marked with the viewing company's conversation:
    # another company of the same cluster sees the same card unmarked.
    _packaging_need_and_card(app, signed_in, world)
    private_profile(app, competences=["Koka iepakojums"])  # contacts, shown once both have written
    make_post(app, "alfa", f"SIA {World.CANARY_A} Ābele", "manager@alfa.lv", NEED)
    member_a, manager_a = signed_in("member@alfa.lv"), signed_in("manager@alfa.lv")
    for place in _places(world):
        assert "Write to get in touch" in _suggested(member_a, place)
    assert member_a.submit(f"/c/alfa/network/{world.company_b}", {"message": "Labdien!"}).status_code == 302
    for place in _places(world):
        assert "You wrote to them" in _suggested(member_a, place)
    suggested = _suggested(manager_a, "/c/alfa/matches")
    assert B_COMPANY in suggested and "Write to get in touch" in suggested and "You wrote" not in suggested
    member_b = signed_in("member@beta.lv")
    assert member_b.submit(f"/c/beta/network/{world.company_a}", {"message": "Sveiki!"}).status_code == 302
    for place in _places(world):
        suggested = _suggested(member_a, place)
        assert "You are in touch" in suggested and SECRET_CONTACT in suggested
    suggested = _suggested(manager_a, "/c/alfa/matches")
    assert B_COMPANY in suggested and "You are in touch" not in suggested and SECRET_CONTACT not in suggested
