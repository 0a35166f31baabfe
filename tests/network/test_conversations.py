"""A conversation across clusters: a member of cluster A writes to a company of cluster B found in the
network; B's people read and answer it in cluster B; contacts show once both have written; nobody else
sees it, and it closes (read-only, name only) when one of the two leaves the network."""

from tests.conftest import World
from tests.factories import make_profile
from tests.mailbox import plain_text
from tests.network.test_pages import A_COMPANY, A_CONTACT, B_CLUSTER, B_COMPANY, SECRET_CONTACT, _opt_in

QUESTION = "Vai varat piegādāt **koka paletes**?"
ANSWER = "Jā, zvaniet!"


def _talk(app, world, signed_in):
    """A's member writes to B's opted-in company; B's member answers. Returns both browsers."""
    make_profile(app, "beta", B_COMPANY, contacts=[{"name": SECRET_CONTACT, "email": "slepens@beta.lv"}])
    make_profile(app, "alfa", A_COMPANY, contacts=[{"name": A_CONTACT, "email": "kontakts@alfa.lv"}])
    _opt_in(signed_in, world)
    member_a, member_b = signed_in("member@alfa.lv"), signed_in("member@beta.lv")
    assert member_a.submit(f"/c/alfa/network/{world.company_b}", {"message": QUESTION}).status_code == 302
    assert member_b.submit(f"/c/beta/network/{world.company_a}", {"message": ANSWER}).status_code == 302
    return member_a, member_b


def test_a_member_starts_a_conversation_and_the_other_company_answers_in_its_own_cluster(
    app, world, signed_in
):
    make_profile(app, "beta", B_COMPANY, contacts=[{"name": SECRET_CONTACT, "email": "slepens@beta.lv"}])
    make_profile(app, "alfa", A_COMPANY, contacts=[{"name": A_CONTACT, "email": "kontakts@alfa.lv"}])
    _opt_in(signed_in, world)
    member_a = signed_in("member@alfa.lv")
    assert "Write to get in touch" in member_a.get("/c/alfa/network").get_data(as_text=True)
    mails_before = len(member_a.mails())
    response = member_a.submit(f"/c/alfa/network/{world.company_b}", {"message": QUESTION})
    assert response.status_code == 302 and response.location.endswith(f"/c/alfa/network/{world.company_b}")
    page = member_a.get(response.location).get_data(as_text=True)
    assert "<strong>koka paletes</strong>" in page and SECRET_CONTACT not in page
    assert "their contacts show once they answer" in member_a.get("/c/alfa/network").get_data(as_text=True)

    # B's representative is told in cluster B, by the app and by e-mail, with a link into cluster B.
    mail = member_a.mails()[-1]
    assert len(member_a.mails()) == mails_before + 1 and mail["To"] == "member@beta.lv"
    assert f"http://clusterhub.test/c/beta/network/{world.company_a}" in plain_text(mail)
    member_b = signed_in("member@beta.lv")
    notices = member_b.get("/c/beta/notifications/").get_data(as_text=True)
    assert f"{A_COMPANY} of another cluster found your company in the network of clusters" in notices
    listed = member_b.get("/c/beta/network").get_data(as_text=True).split("Conversations")[1]
    assert A_COMPANY in listed and "They wrote to you" in listed and A_CONTACT not in listed
    page = member_b.get(f"/c/beta/network/{world.company_a}").get_data(as_text=True)
    assert "<strong>koka paletes</strong>" in page and A_CONTACT not in page
    assert "Anna" not in page and "member@alfa.lv" not in page  # A's people are not named to B

    member_b.submit(f"/c/beta/network/{world.company_a}", {"message": ANSWER})
    assert f"{B_COMPANY} answered your message" in member_a.get("/c/alfa/notifications/").get_data(
        as_text=True
    )
    page = member_a.get(f"/c/alfa/network/{world.company_b}").get_data(as_text=True)
    assert ANSWER in page and SECRET_CONTACT in page and "You are in touch" in page
    assert A_CONTACT in member_b.get(f"/c/beta/network/{world.company_a}").get_data(as_text=True)

    # A third message tells the other side as one more message.
    member_a.submit(f"/c/alfa/network/{world.company_b}", {"message": "Tiekamies otrdien."})
    mail = member_a.mails()[-1]
    assert mail["To"] == "member@beta.lv" and f"{A_COMPANY} of another cluster wrote to you" in plain_text(
        mail
    )


def test_nobody_but_the_two_companies_sees_the_conversation(app, world, signed_in):
    _talk(app, world, signed_in)
    manager_b = signed_in("manager@beta.lv")  # another company of cluster B
    assert A_COMPANY not in manager_b.get("/c/beta/network").get_data(as_text=True)
    assert manager_b.get(f"/c/beta/network/{world.company_a}").status_code == 404
    manager_a = signed_in("manager@alfa.lv")  # another company of cluster A
    assert B_COMPANY not in manager_a.get("/c/alfa/network").get_data(as_text=True).split("Find a partner")[0]
    assert manager_a.get(f"/c/alfa/network/{world.company_b}").status_code == 200  # B's public card only
    assert QUESTION not in manager_a.last_page and ANSWER not in manager_a.last_page
    # The conversation is read in each side's own cluster, not through the other's addresses.
    assert signed_in("member@beta.lv").get(f"/c/alfa/network/{world.company_a}").status_code in (403, 404)


def test_the_conversation_closes_when_the_found_company_stops_being_shown_and_opens_again(
    app, world, signed_in
):
    member_a, member_b = _talk(app, world, signed_in)
    _opt_in(signed_in, world, visible=False)
    for visitor, path in (
        (member_a, f"/c/alfa/network/{world.company_b}"),
        (member_b, f"/c/beta/network/{world.company_a}"),
    ):
        page = visitor.get(path).get_data(as_text=True)
        assert "The conversation is closed" in page and ANSWER in page and "Reply" not in page
    # A sees B's name and what was written, no longer its card or contacts; B no longer A's contacts.
    assert SECRET_CONTACT not in member_a.get(f"/c/alfa/network/{world.company_b}").get_data(as_text=True)
    assert (
        f"{World.CANARY_B} kompetence" not in member_a.last_page
        and f"from cluster {B_CLUSTER}" not in member_a.last_page
    )
    assert A_CONTACT not in member_b.get(f"/c/beta/network/{world.company_a}").get_data(as_text=True)
    # Writing to a closed conversation writes nothing.
    member_a.post(f"/c/alfa/network/{world.company_b}", {"message": "Vēl viens jautājums"})
    assert "Vēl viens jautājums" not in member_b.get(f"/c/beta/network/{world.company_a}").get_data(
        as_text=True
    )

    _opt_in(signed_in, world)
    page = member_a.get(f"/c/alfa/network/{world.company_b}").get_data(as_text=True)
    assert "The conversation is closed" not in page and SECRET_CONTACT in page


def test_the_conversation_closes_when_either_cluster_leaves_the_network(app, world, signed_in):
    member_a, member_b = _talk(app, world, signed_in)
    manager_a = signed_in("manager@alfa.lv")
    assert manager_a.submit("/c/alfa/manage/network", {}).status_code == 302
    page = member_a.get("/c/alfa/network").get_data(as_text=True)
    assert (
        "switched the network of clusters off" in page and B_COMPANY in page and "Conversation closed" in page
    )
    page = member_b.get(f"/c/beta/network/{world.company_a}").get_data(as_text=True)
    assert "The conversation is closed" in page and A_CONTACT not in page and QUESTION.split("**")[0] in page
    manager_a.submit("/c/alfa/manage/network", {"open": "y"})
    assert A_CONTACT in member_b.get(f"/c/beta/network/{world.company_a}").get_data(as_text=True)


def test_only_companies_the_network_shows_can_be_written_to(app, world, signed_in):
    member_a = signed_in("member@alfa.lv")
    assert member_a.get(f"/c/alfa/network/{world.company_b}").status_code == 404  # not opted in
    _opt_in(signed_in, world)
    assert member_a.get(f"/c/alfa/network/{world.company_b}").status_code == 200
    response = member_a.post(f"/c/alfa/network/{world.company_b}", {"message": "  "})
    assert response.status_code == 200 and "This field is required." in member_a.last_page
    # Company A never opted in and never wrote: B cannot start a conversation with it.
    assert signed_in("member@beta.lv").get(f"/c/beta/network/{world.company_a}").status_code == 404


def test_the_messages_are_in_the_writers_and_the_companys_data_download(app, world, signed_in):
    member_a, _ = _talk(app, world, signed_in)
    mine = member_a.get("/account/data.json").get_json()["network_messages"]
    assert [message["body"] for message in mine] == [QUESTION]
    company = member_a.get(f"/companies/{world.company_a}/data.json").get_json()["network_messages"]
    assert [message["body"] for message in company] == [QUESTION]
