"""The network of clusters: a company of cluster B that opted in is found from cluster A by its public card
only; nothing of a company that did not, of a cluster that switched the network off, or of B's own life."""

from tests.conftest import World
from tests.factories import make_post, make_profile

B_COMPANY = f"SIA {World.CANARY_B} Dārzs"  # represented by member@beta.lv
B_OTHER = f"SIA {World.CANARY_B} Ēna"  # manager@beta.lv's company, never opted in
B_CLUSTER = f"Beta {World.CANARY_B} klasteris"
SECRET_CONTACT = f"Slepenais {World.CANARY_B} kontakts"
A_COMPANY = f"SIA {World.CANARY_A} Čiekurs"  # represented by member@alfa.lv
A_CONTACT = f"Alfas {World.CANARY_A} kontakts"


def _opt_in(signed_in, world, visible: bool = True):
    representative = signed_in("member@beta.lv")
    response = representative.submit(
        f"/c/beta/companies/{world.company_b}/network", {"visible": "y"} if visible else {}
    )
    assert response.status_code == 302


def private_profile(app, **more) -> None:
    """Company B's profile with what its public card must never show: a contact person and a website."""
    make_profile(
        app,
        "beta",
        B_COMPANY,
        contacts=[{"name": SECRET_CONTACT, "email": "slepens@beta.lv", "phone": "+371 20000000"}],
        website="https://darzs.example.lv",
        **more,
    )


def _network(signed_in, email: str = "member@alfa.lv", slug: str = "alfa", query: str = "") -> str:
    return signed_in(email).get(f"/c/{slug}/network{query}").get_data(as_text=True)


def test_a_member_of_another_cluster_sees_only_the_public_card_of_an_opted_in_company(app, world, signed_in):
    private_profile(app)
    assert B_COMPANY not in _network(signed_in)
    _opt_in(signed_in, world)

    page = _network(signed_in)
    assert B_COMPANY in page and f"from cluster {B_CLUSTER}" in page
    assert f"{World.CANARY_B} apraksts" in page and f"{World.CANARY_B} kompetence" in page
    assert f"{World.CANARY_B} nozare" in page and "Kurzeme" in page
    for private in (
        SECRET_CONTACT,
        "slepens@beta.lv",
        "darzs.example.lv",
        f"{World.CANARY_B} vajadzība",  # its post
        f"{World.CANARY_B} atbilde",  # a conversation
        f"{World.CANARY_B} vērtējums",  # a rating
        f"{World.CANARY_B} pakalpojums",  # the cluster's service
        f"{World.CANARY_B} ziņa",  # the cluster's news
        f"Bruno {World.CANARY_B}",  # the cluster's people
        B_OTHER,  # a company that did not opt in
    ):
        assert private not in page, private
    # The card links nowhere inside cluster B, and cluster A's addresses do not reach the company.
    assert "/c/beta/" not in page
    assert signed_in("member@alfa.lv").get(f"/c/alfa/companies/{world.company_b}").status_code == 404


def test_a_company_that_did_not_opt_in_or_opted_out_never_appears(app, world, signed_in):
    _opt_in(signed_in, world)
    _opt_in(signed_in, world, visible=False)
    page = _network(signed_in)
    assert World.CANARY_B not in page
    assert "No company of another cluster has chosen to be found yet." in page


def test_a_cluster_switched_off_hides_all_of_its_companies_and_its_members_search_nothing(
    app, world, signed_in
):
    _opt_in(signed_in, world)
    manager = signed_in("manager@beta.lv")
    assert manager.submit("/c/beta/manage/network", {}).status_code == 302
    assert World.CANARY_B not in _network(signed_in)
    assert "switched the network of clusters off" in _network(signed_in, "member@beta.lv", "beta")
    manager.submit("/c/beta/manage/network", {"open": "y"})
    assert B_COMPANY in _network(signed_in)


def test_the_search_filters_cards_by_text_and_region(app, world, signed_in):
    _opt_in(signed_in, world)
    assert B_COMPANY in _network(signed_in, query=f"?text={World.CANARY_B.lower()}+KOMPETENCE")
    assert B_COMPANY in _network(signed_in, query="?region=kurzeme")
    page = _network(signed_in, query="?region=latgale")
    assert B_COMPANY not in page and "No company of another cluster matches these filters." in page


def test_only_the_companys_own_people_choose_and_only_managers_switch_the_cluster(app, world, signed_in):
    manager_b = signed_in("manager@beta.lv")
    assert manager_b.get(f"/c/beta/companies/{world.company_b}/network").status_code == 403
    member_a = signed_in("member@alfa.lv")
    assert member_a.get(f"/c/alfa/companies/{world.company_b}/network").status_code == 404
    assert member_a.get("/c/alfa/manage/network").status_code == 403
    own = member_a.get(f"/c/alfa/companies/{world.company_a}").get_data(as_text=True)
    assert "Network of clusters: not shown" in own


def test_a_cross_cluster_match_suggestion_is_marked_with_its_cluster(app, world, signed_in):
    make_profile(app, "beta", B_COMPANY, competences=["Koka iepakojums", "Paletes"])
    make_post(
        app,
        "alfa",
        f"SIA {World.CANARY_A} Čiekurs",
        "member@alfa.lv",
        "Meklējam koka iepakojuma piegādātāju",
        tags=["koka iepakojums"],
    )
    page = _network(signed_in)
    assert "Suggested for your needs" not in page  # nobody opted in yet
    _opt_in(signed_in, world)
    page = _network(signed_in)
    suggested = page.split("Suggested for your needs")[1].split("Find a partner in another cluster")[0]
    assert B_COMPANY in suggested and f"from cluster {B_CLUSTER}" in suggested
    assert "Their competence “Koka iepakojums”" in suggested


def test_cross_cluster_suggestions_show_where_members_look_for_partners(app, world, signed_in):
    make_profile(app, "beta", B_COMPANY, competences=["Koka iepakojums", "Paletes"])
    make_post(app, "alfa", A_COMPANY, "member@alfa.lv", "Meklējam koka iepakojuma piegādātāju")
    heading = "Suggested partners from other clusters"
    places = ("/c/alfa/matches", f"/c/alfa/companies/{world.company_a}")
    member_a = signed_in("member@alfa.lv")
    for place in places:
        assert heading not in member_a.get(place).get_data(as_text=True)  # B did not opt in yet
    _opt_in(signed_in, world)
    for place in places:
        suggested = member_a.get(place).get_data(as_text=True).split(heading)[1]
        assert B_COMPANY in suggested and f"from cluster {B_CLUSTER}" in suggested
        assert "Their competence “Koka iepakojums”" in suggested
        assert f"/c/alfa/network/{world.company_b}" in suggested and "/c/beta/" not in suggested
    # Another company's profile shows none, and neither does a cluster out of the network, on either side.
    assert heading not in signed_in("manager@alfa.lv").get(places[1]).get_data(as_text=True)
    for manager, slug in (("manager@beta.lv", "beta"), ("manager@alfa.lv", "alfa")):
        signed_in(manager).submit(f"/c/{slug}/manage/network", {})
        for place in places:
            assert heading not in member_a.get(place).get_data(as_text=True)
        signed_in(manager).submit(f"/c/{slug}/manage/network", {"open": "y"})
