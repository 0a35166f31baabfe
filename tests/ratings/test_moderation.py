"""Members report a rating once; managers hide it with a reason, the history keeps it, and show it again."""

import re

import pytest
from sqlalchemy import select

from clusterhub.companies.models import Company
from clusterhub.companies.services import admit_company
from clusterhub.extensions import db
from tenants.context import cross_tenant, tenant_scope
from tenants.models import Tenant
from tests.factories import make_post, make_rating, make_response, make_user
from tests.ratings.conftest import ABELE, CIEKURS, company_id, ratings_in

COMMENT = "CANARYALFA vērtējums"


def _report(visitor, rating_id: int, reason: str = "Mēs nekad neesam sadarbojušies."):
    return visitor.submit(f"/c/alfa/ratings/{rating_id}/flag", {"reason": reason})


def _hide(visitor, rating_id: int, reason: str = "Aizskarošs teksts."):
    return visitor.submit(f"/c/alfa/ratings/{rating_id}/hide", {"reason": reason})


def test_a_member_reports_a_rating_once_with_a_reason(app, world, signed_in):
    visitor = signed_in("member@alfa.lv")
    empty = _report(visitor, world.rating_a, "")
    assert empty.status_code == 200 and 'id="reason-errors"' in empty.get_data(as_text=True)
    response = _report(visitor, world.rating_a)
    assert response.status_code == 302
    assert "You reported this rating." in visitor.get(response.location).get_data(as_text=True)
    again = visitor.get(f"/c/alfa/ratings/{world.rating_a}/flag")
    assert again.status_code == 403 and "reported this rating already" in again.get_data(as_text=True)
    assert _report(visitor, world.rating_a, "Vēlreiz").status_code == 403


def test_the_company_that_wrote_a_rating_cannot_report_it(app, world, signed_in):
    page = signed_in("manager@alfa.lv").get(f"/c/alfa/ratings/{world.rating_a}/flag")
    assert page.status_code == 403 and "Your company wrote this rating" in page.get_data(as_text=True)


def test_a_manager_hides_a_rating_with_a_reason_and_it_stays_in_the_history(app, world, signed_in):
    _report(signed_in("member@alfa.lv"), world.rating_a)
    manager = signed_in("manager@alfa.lv")
    without_reason = _hide(manager, world.rating_a, " ")
    assert without_reason.status_code == 200 and 'id="reason-errors"' in without_reason.get_data(as_text=True)
    assert ratings_in(app)[0].hidden_reason is None
    assert _hide(manager, world.rating_a).status_code == 302

    member_page = signed_in("colleague@alfa.lv").get(f"/c/alfa/companies/{world.company_a}/ratings")
    text = member_page.get_data(as_text=True)
    assert "A rating hidden by the cluster management." in text
    assert COMMENT not in text and "Aizskarošs teksts." not in text
    assert "No ratings yet." in text  # the summary counts only shown ratings

    managers_view = manager.get(f"/c/alfa/companies/{world.company_a}/ratings").get_data(as_text=True)
    assert COMMENT in managers_view and "Reason: Aizskarošs teksts." in managers_view
    history = manager.get(f"/c/alfa/ratings/{world.rating_a}/history").get_data(as_text=True)
    assert COMMENT in history and "hid the rating" in history and "Aizskarošs teksts." in history
    assert "reported the rating" in history and "Mēs nekad neesam sadarbojušies." in history


def test_a_hidden_rating_is_hidden_in_full_from_the_rated_company_too(app, world, signed_in):
    _hide(signed_in("manager@alfa.lv"), world.rating_a)
    member = signed_in("member@alfa.lv")
    for action in ("reply", "flag"):
        page = member.get(f"/c/alfa/ratings/{world.rating_a}/{action}")
        assert page.status_code == 403 and COMMENT not in page.get_data(as_text=True)


def test_a_hidden_rating_can_be_shown_again(app, world, signed_in):
    manager = signed_in("manager@alfa.lv")
    _hide(manager, world.rating_a)
    response = manager.submit(f"/c/alfa/ratings/{world.rating_a}/show", {"note": "Pārskatīts."})
    assert response.status_code == 302
    text = signed_in("colleague@alfa.lv").get(f"/c/alfa/companies/{world.company_a}/ratings")
    assert COMMENT in text.get_data(as_text=True) and "average of 1 rating" in text.get_data(as_text=True)
    history = manager.get(f"/c/alfa/ratings/{world.rating_a}/history").get_data(as_text=True)
    assert "showed the rating" in history and "Pārskatīts." in history and "Aizskarošs teksts." in history


def test_a_manager_keeps_a_reported_rating_shown_and_closes_the_reports(app, world, signed_in):
    _report(signed_in("member@alfa.lv"), world.rating_a)
    manager = signed_in("manager@alfa.lv")
    assert "reported 1 time" in manager.get("/c/alfa/manage/ratings").get_data(as_text=True)
    assert manager.submit(f"/c/alfa/ratings/{world.rating_a}/show").status_code == 302
    queue = manager.get("/c/alfa/manage/ratings?show=flagged").get_data(as_text=True)
    assert "No reported ratings are waiting for a decision." in queue


def test_reported_ratings_come_first_in_the_managers_queue(app, world, signed_in, abele):
    newer = make_rating(app, "alfa", CIEKURS, ABELE, "member@alfa.lv", 2, "Jaunāks vērtējums")
    _report(signed_in("colleague@alfa.lv"), world.rating_a)
    manager = signed_in("manager@alfa.lv")
    queue = manager.get("/c/alfa/manage/ratings").get_data(as_text=True)
    ids = [int(found) for found in re.findall(r"/c/alfa/ratings/(\d+)/history", queue)]
    assert ids == [world.rating_a, newer]
    reported = manager.get("/c/alfa/manage/ratings?show=flagged").get_data(as_text=True)
    assert re.findall(r"/c/alfa/ratings/(\d+)/history", reported) == [str(world.rating_a)]
    _hide(manager, newer)
    hidden = manager.get("/c/alfa/manage/ratings?show=hidden").get_data(as_text=True)
    assert re.findall(r"/c/alfa/ratings/(\d+)/history", hidden) == [str(newer)]


@pytest.mark.parametrize(
    "page", ["manage/ratings", "ratings/{id}/hide", "ratings/{id}/show", "ratings/{id}/history"]
)
def test_members_cannot_open_the_managers_pages(app, world, signed_in, page):
    visitor = signed_in("member@alfa.lv")
    assert visitor.get("/c/alfa/" + page.format(id=world.rating_a)).status_code == 403


def _company_in_both_clusters(app) -> int:
    """SIA Kopīgais joins cluster A and cluster B; in B it is rated harshly."""
    make_user(app, "kopigais@alfa.lv", "Kārlis Kopīgais", "alfa", "member", "SIA Kopīgais")
    with app.app_context():
        with cross_tenant():
            company = db.session.scalar(select(Company).where(Company.name == "SIA Kopīgais"))
            beta = db.session.scalar(select(Tenant).where(Tenant.slug == "beta"))
        with tenant_scope(beta):
            admit_company(company)
        db.session.commit()
    post = make_post(app, "beta", "SIA Kopīgais", "kopigais@alfa.lv", "CANARYBETA vajadzība 2")
    make_response(app, "beta", post, "SIA CANARYBETA Dārzs", "member@beta.lv", "CANARYBETA atbilde 2")
    make_rating(app, "beta", "SIA CANARYBETA Dārzs", "SIA Kopīgais", "member@beta.lv", 1, "CANARYBETA slikti")
    return company_id(app, "SIA Kopīgais")


def test_ratings_given_in_another_cluster_never_appear_here(app, world, signed_in):
    shared = _company_in_both_clusters(app)
    manager = signed_in("manager@alfa.lv")
    page = manager.get(f"/c/alfa/companies/{shared}/ratings").get_data(as_text=True)
    assert "No ratings yet." in page and "CANARYBETA" not in page
    assert "CANARYBETA" not in manager.get("/c/alfa/manage/ratings").get_data(as_text=True)
    for action in ("flag", "reply", "hide", "show", "history"):
        assert manager.get(f"/c/alfa/ratings/{world.rating_b}/{action}").status_code == 404, action
    assert manager.get(f"/c/alfa/companies/{world.company_b}/ratings").status_code == 404
    assert len(ratings_in(app, "beta")) == 2 and len(ratings_in(app, "alfa")) == 1


def test_a_manager_whose_company_is_a_party_is_warned_before_hiding(app, world, signed_in):
    page = signed_in("manager@alfa.lv").get(f"/c/alfa/ratings/{world.rating_a}/hide")
    assert "Your own company is a party to this rating." in page.get_data(as_text=True)
