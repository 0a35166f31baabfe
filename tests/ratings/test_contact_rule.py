"""A company rates another only after real contact: both wrote, a collaboration, or a meeting held."""

from datetime import timedelta

from sqlalchemy import select

from clusterhub.companies.models import Company
from clusterhub.companies.services import admit_company
from clusterhub.conferences.models import Meeting
from clusterhub.extensions import db
from clusterhub.posts.models import Thread
from clusterhub.posts.services import contact, mark_collaboration, send_message
from tenants.context import cross_tenant, tenant_scope
from tenants.models import Tenant
from tests.factories import make_meeting
from tests.ratings.conftest import CIEKURS

SCORES = {"quality": "1", "reliability": "1", "communication": "1", "comment": "Neatbildēja."}


def _in_alfa(app, work):
    with app.app_context(), tenant_scope(db.session.scalar(select(Tenant).where(Tenant.slug == "alfa"))):
        result = work(lambda name: db.session.scalar(select(Company).where(Company.name == name)))
        db.session.commit()
        return result


def _stranger_writes(app) -> int:
    """SIA Svešais writes once to Čiekurs (company_a); returns the thread."""
    return _in_alfa(
        app,
        lambda company: contact(company("SIA Svešais"), company(CIEKURS), None, "Sadarbība", "Sveiki!").id,
    )


def test_one_unanswered_message_does_not_unlock_a_rating(app, world, signed_in, stranger):
    _stranger_writes(app)
    visitor = signed_in("stranger@alfa.lv")
    page = visitor.get(f"/c/alfa/companies/{world.company_a}/rate")
    assert page.status_code == 403 and "a conversation in which both wrote" in page.get_data(as_text=True)
    assert visitor.post(f"/c/alfa/companies/{world.company_a}/rate", SCORES).status_code == 403


def test_a_conversation_in_which_both_wrote_unlocks_it_and_the_page_says_so(app, world, signed_in, stranger):
    thread_id = _stranger_writes(app)
    _in_alfa(
        app,
        lambda company: send_message(db.session.get(Thread, thread_id), company(CIEKURS), None, "Labdien"),
    )
    page = signed_in("stranger@alfa.lv").get(f"/c/alfa/companies/{world.company_a}/rate")
    assert page.status_code == 200
    assert "Your companies wrote to each other on the platform." in page.get_data(as_text=True)


def test_a_recorded_collaboration_unlocks_it(app, world, signed_in, stranger):
    thread_id = _stranger_writes(app)
    _in_alfa(
        app, lambda company: mark_collaboration(db.session.get(Thread, thread_id), company(CIEKURS), None)
    )
    page = signed_in("stranger@alfa.lv").get(f"/c/alfa/companies/{world.company_a}/rate")
    assert "Your companies recorded a collaboration on the platform." in page.get_data(as_text=True)


def test_a_meeting_unlocks_it_only_once_it_took_place(app, world, signed_in, clock):
    # Dārzs (cluster B's participant) joins cluster A too, where Čiekurs met it at the conference.
    with app.app_context():
        with cross_tenant():
            darzs = db.session.scalar(select(Company).where(Company.name == "SIA CANARYBETA Dārzs"))
        with tenant_scope(db.session.scalar(select(Tenant).where(Tenant.slug == "alfa"))):
            admit_company(darzs)
        db.session.commit()
        darzs_id = darzs.id
    accepted = make_meeting(
        app, world.participant_a, world.participant_b, slot=1, status="accepted", table_no=1
    )
    visitor = signed_in("member@alfa.lv")
    assert visitor.get(f"/c/alfa/companies/{darzs_id}/rate").status_code == 403  # agreed, not held yet
    with app.app_context(), cross_tenant():
        starts_at = db.session.get(Meeting, accepted).starts_at
    clock.move_to(starts_at + timedelta(minutes=30))
    page = signed_in("member@alfa.lv").get(f"/c/alfa/companies/{darzs_id}/rate")
    assert page.status_code == 200
    assert "Your companies met at a 1:1 meeting of a conference." in page.get_data(as_text=True)
