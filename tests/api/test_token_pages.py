"""Tokens are made on the account page (personal) and by managers (integration), shown once, stored hashed,
revocable, with their last use shown."""

import hashlib
import re

from sqlalchemy import select

from clusterhub.api.models import ApiToken
from clusterhub.extensions import db
from clusterhub.security.models import AuditEvent
from tenants.context import cross_tenant
from tenants.models import Tenant
from tests.api.test_access import bearer
from tests.factories import make_token

SECRET = re.compile(r'<code class="secret">(chub_[\w-]+)</code>')


def _alfa(app) -> str:
    with app.app_context():
        return str(db.session.scalar(select(Tenant.id).where(Tenant.slug == "alfa")))


def _make(visitor, path: str, **fields) -> str:
    visitor.get(path)
    page = visitor.post(path, {"name": "Mūsu CRM", "access": "write", "days": "90", **fields})
    assert page.status_code == 201
    assert page.headers["Cache-Control"] == "no-store"
    return SECRET.search(page.get_data(as_text=True)).group(1)


def test_a_personal_token_is_shown_once_stored_hashed_and_works_for_its_cluster(app, world, signed_in):
    member = signed_in("member@alfa.lv")
    secret = _make(member, "/account/api-tokens", cluster=_alfa(app))
    listing = member.get("/account/api-tokens").get_data(as_text=True)
    assert secret not in listing and "Mūsu CRM" in listing and "Never" in listing
    with app.app_context(), cross_tenant():
        stored = db.session.scalar(select(ApiToken))
        assert stored.secret_hash == hashlib.sha256(secret.encode()).hexdigest()
        assert db.session.scalar(
            select(AuditEvent.kind).where(AuditEvent.subject == f"api_token:{stored.id}")
        )
    answer = app.test_client().get("/api/v1/clusters/alfa/posts", headers=bearer(secret))
    assert answer.status_code == 200
    assert "Never" not in member.get("/account/api-tokens").get_data(as_text=True)


def test_a_revoked_token_stops_working_at_once(app, world, signed_in):
    member = signed_in("member@alfa.lv")
    secret = _make(member, "/account/api-tokens", cluster=_alfa(app))
    with app.app_context(), cross_tenant():
        token_id = db.session.scalar(select(ApiToken.id))
    asked = member.post("/account/api-tokens/revoke", {"token": str(token_id)})
    assert "Revoke “Mūsu CRM”?" in asked.get_data(as_text=True)
    assert app.test_client().get("/api/v1/clusters/alfa/posts", headers=bearer(secret)).status_code == 200
    done = member.post("/account/api-tokens/revoke", {"token": str(token_id), "confirmed": "yes"})
    assert done.status_code == 302
    assert app.test_client().get("/api/v1/clusters/alfa/posts", headers=bearer(secret)).status_code == 401


def test_nobody_revokes_another_persons_token(app, world, signed_in):
    make_token(app, "member@beta.lv", "beta")
    with app.app_context(), cross_tenant():
        token_id = db.session.scalar(select(ApiToken.id))
    manager = signed_in("manager@alfa.lv")
    refused = manager.post("/account/api-tokens/revoke", {"token": str(token_id), "confirmed": "yes"})
    assert refused.status_code == 404
    assert manager.post("/c/alfa/manage/api-tokens/revoke", {"token": str(token_id)}).status_code == 404


def test_a_manager_makes_an_integration_token_read_only_by_default_that_other_managers_see(
    app, world, signed_in
):
    manager = signed_in("manager@alfa.lv")
    manager.get("/c/alfa/manage/api-tokens")
    page = manager.post("/c/alfa/manage/api-tokens", {"name": "Mājaslapa", "days": "365"})
    secret = SECRET.search(page.get_data(as_text=True)).group(1)
    client = app.test_client()
    assert client.get("/api/v1/clusters/alfa/events", headers=bearer(secret)).status_code == 200
    written = client.post("/api/v1/clusters/alfa/posts", json={}, headers=bearer(secret))
    assert written.status_code == 403
    assert "Mājaslapa" not in manager.get("/account/api-tokens").get_data(as_text=True)
    assert signed_in("member@alfa.lv").get("/c/alfa/manage/api-tokens").status_code == 403
