"""An applicant naming an existing member company becomes its representative only if the company agrees."""

import re

from sqlalchemy import select

from clusterhub.admission.models import Application, RepresentationRequest
from clusterhub.extensions import db
from tenants.context import cross_tenant
from tests.conftest import World
from tests.mailbox import plain_text

CIEKURS = f"SIA {World.CANARY_A} Čiekurs"  # member@alfa.lv's company: company_a
IMPOSTOR = {
    "company_name": f"sia  {World.CANARY_A.lower()}   čiekurs",
    "registration_number": "",
    "website": "",
    "contact_name": "Viltus Pārstāvis",
    "email": "viltus@example.lv",
    "phone": "",
    "motivation": "Mēs esam šis uzņēmums.",
}


def _accepted_impostor(app, visitor, signed_in):
    visitor.submit("/join/alfa", IMPOSTOR)
    with app.app_context(), cross_tenant():
        application_id = db.session.scalar(
            select(Application.id).where(Application.email == "viltus@example.lv")
        )
    manager = signed_in("manager@alfa.lv")
    path = f"/c/alfa/manage/applications/{application_id}/accept"
    page = manager.get(path).get_data(as_text=True)
    assert f"A member company of this name or registration number exists: “{CIEKURS}”" in page
    assert manager.post(path, {"language": "en"}).status_code == 302
    return application_id


def _requests(app) -> list[str]:
    with app.app_context(), cross_tenant():
        return list(db.session.scalars(select(RepresentationRequest.status)))


def _answer(representative, company_id: int, answer: str):
    path = f"/c/alfa/companies/{company_id}/representation"
    page = representative.get(path).get_data(as_text=True)
    request_id = re.search(r'name="request" type="hidden" value="(\d+)"', page).group(1)
    return representative.post(path, {"request": request_id, "answer": answer})


def test_accepting_an_application_for_a_member_company_only_asks_the_company(app, world, visitor, signed_in):
    _accepted_impostor(app, visitor, signed_in)
    assert not any(mail["To"] == "viltus@example.lv" for mail in visitor.mails())  # no invitation yet
    assert _requests(app) == ["waiting"]
    representative = signed_in("member@alfa.lv")
    notices = representative.get("/c/alfa/notifications/").get_data(as_text=True)
    assert "Viltus Pārstāvis applied to join the cluster as a representative of your company" in notices


def test_the_company_agrees_and_only_then_the_applicant_is_invited_for_it(
    app, world, visitor, signed_in, make_visitor
):
    _accepted_impostor(app, visitor, signed_in)
    assert _answer(signed_in("member@alfa.lv"), world.company_a, "accept").status_code == 302
    assert _requests(app) == ["accepted"]
    invitation = next(mail for mail in visitor.mails() if mail["To"] == "viltus@example.lv")
    link = re.search(r"http://clusterhub\.test(/invitation/\S+)", plain_text(invitation)).group(1)
    newcomer = make_visitor()
    form = {"name": "Viltus Pārstāvis", "password": "jauna-parole-123", "confirm": "jauna-parole-123"}
    assert newcomer.submit(link, {**form, "language": "en"}).status_code == 302
    assert newcomer.get(f"/c/alfa/companies/{world.company_a}/edit").status_code == 200


def test_a_refusal_sends_no_invitation_and_tells_the_managers(app, world, visitor, signed_in):
    _accepted_impostor(app, visitor, signed_in)
    assert _answer(signed_in("member@alfa.lv"), world.company_a, "refuse").status_code == 302
    assert _requests(app) == ["refused"]
    assert not any(mail["To"] == "viltus@example.lv" for mail in visitor.mails())
    notices = signed_in("manager@alfa.lv").get("/c/alfa/notifications/").get_data(as_text=True)
    assert "refused to let Viltus Pārstāvis represent it" in notices


def test_only_the_companys_own_representatives_answer(app, world, visitor, signed_in):
    _accepted_impostor(app, visitor, signed_in)
    manager = signed_in("manager@alfa.lv")  # manages the cluster, represents another company
    assert manager.get(f"/c/alfa/companies/{world.company_a}/representation").status_code == 403
    assert _requests(app) == ["waiting"]
