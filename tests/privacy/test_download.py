"""A person downloads what the platform holds about them; a company's representative its company's data."""

from sqlalchemy import select

from clusterhub.extensions import db
from clusterhub.security.models import AuditEvent
from tests.conftest import World


def test_my_data_page_shows_my_account_posts_messages_ratings_and_consent(world, signed_in):
    member = signed_in("member@alfa.lv")
    page = member.get("/account/data")
    body = page.get_data(as_text=True)
    assert page.status_code == 200
    assert f"Andris {World.CANARY_A}" in body
    assert "member@alfa.lv" in body
    assert f"{World.CANARY_A} vajadzība" in body  # the need member@alfa.lv posted
    assert "Starpklasteru konference" in body and "Consent given" in body
    assert f"SIA {World.CANARY_A} Čiekurs" in body  # the company represented, with a link to its data
    assert f'href="/companies/{world.company_a}/data"' in body
    manager = signed_in("manager@alfa.lv")
    body = manager.get("/account/data").get_data(as_text=True)
    assert f"{World.CANARY_A} atbilde" in body  # the answer and the rating manager@alfa.lv wrote
    assert f"{World.CANARY_A} vērtējums" in body


def test_json_download_is_an_attachment_holding_every_part(world, visitor):
    visitor.login("member@alfa.lv")
    response = visitor.get("/account/data.json")
    assert response.status_code == 200
    assert "attachment" in response.headers["Content-Disposition"]
    data = response.get_json()
    assert data["profile"]["email"] == "member@alfa.lv"
    assert [post["title"] for post in data["posts"]] == [f"{World.CANARY_A} vajadzība"]
    assert data["memberships"][0]["company"] == f"SIA {World.CANARY_A} Čiekurs"
    assert data["conferences"][0]["consented_at"]  # ISO time of the consent
    assert data["sign_ins"] and data["notifications"]


def test_every_download_is_in_the_audit_log(app, world, visitor):
    visitor.login("member@alfa.lv")
    visitor.get("/account/data.json")
    visitor.get(f"/companies/{world.company_a}/data")
    with app.app_context():
        subjects = db.session.scalars(
            select(AuditEvent.subject).where(AuditEvent.kind == "data_downloaded").order_by(AuditEvent.id)
        ).all()
    assert subjects == [f"user:{world.member_a}", f"company:{world.company_a}"]


def test_downloading_needs_signing_in(visitor):
    response = visitor.get("/account/data.json")
    assert response.status_code == 302 and "/login" in response.headers["Location"]


def test_a_representative_downloads_the_company_profile_posts_and_ratings(world, visitor):
    visitor.login("member@alfa.lv")
    body = visitor.get(f"/companies/{world.company_a}/data").get_data(as_text=True)
    assert f"{World.CANARY_A} apraksts" in body
    assert f"{World.CANARY_A} vajadzība" in body
    assert f"{World.CANARY_A} vērtējums" in body  # the rating it received
    data = visitor.get(f"/companies/{world.company_a}/data.json").get_json()
    assert data["profile"]["sectors"] == [f"{World.CANARY_A} nozare"]
    assert data["clusters"][0]["cluster"] == f"Alfa {World.CANARY_A} klasteris"


def test_only_the_company_representatives_download_its_data(world, signed_in):
    for email in ("manager@alfa.lv", "member@beta.lv"):
        visitor = signed_in(email)
        assert visitor.get(f"/companies/{world.company_a}/data").status_code == 404
        assert visitor.get(f"/companies/{world.company_a}/data.json").status_code == 404
