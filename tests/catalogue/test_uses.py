"""The rules of recording uses and giving feedback, straight at the service functions."""

from datetime import date, timedelta

import pytest
from sqlalchemy import select

from clusterhub.accounts.models import User
from clusterhub.catalogue.services import (
    CatalogueError,
    awaiting_feedback,
    give_feedback,
    record_use,
)
from clusterhub.companies.directory import current_member_companies
from clusterhub.companies.models import CompanyMembership
from clusterhub.extensions import db
from tests.catalogue.conftest import company, service, use

TODAY = date(2026, 5, 15)


@pytest.fixture
def recorder(gamma):
    user = User(email="vadiba@gamma.lv", name="Vadītāja", password_hash="x", language="en")
    db.session.add(user)
    db.session.commit()
    return user


def _reason(call) -> str:
    with pytest.raises(CatalogueError) as refused:
        call()
    return refused.value.reason


def test_a_use_is_refused_in_the_future_twice_for_a_retired_service_or_without_a_company(recorder):
    training, alfa = service("Apmācības"), company("SIA Alfa")
    record_use(training, alfa, TODAY, recorder, TODAY)
    assert _reason(lambda: record_use(training, alfa, TODAY, recorder, TODAY)) == "duplicate"
    assert _reason(lambda: record_use(training, alfa, TODAY + timedelta(days=1), recorder, TODAY)) == "future"
    assert _reason(lambda: record_use(training, None, TODAY, recorder, TODAY)) == "no_company"
    retired = service("Vecā apmācība", active=False)
    assert _reason(lambda: record_use(retired, alfa, TODAY, recorder, TODAY)) == "retired"
    # Another day, or another company on the same day, is a use of its own.
    record_use(training, alfa, TODAY - timedelta(days=1), recorder, TODAY)
    record_use(training, company("SIA Beta"), TODAY, recorder, TODAY)


def test_former_members_are_not_offered_and_get_no_new_uses(recorder):
    training, alfa, beta = service("Apmācības"), company("SIA Alfa"), company("SIA Beta")
    link = db.session.scalar(select(CompanyMembership).where(CompanyMembership.company_id == beta.id))
    link.left_on, link.left_reason = TODAY, "former"
    db.session.commit()
    assert [member.name for member in current_member_companies()] == ["SIA Alfa"]
    assert _reason(lambda: record_use(training, beta, TODAY, recorder, TODAY)) == "not_member"
    record_use(training, alfa, TODAY, recorder, TODAY)


def test_feedback_is_one_answer_per_use_given_only_by_the_company_that_used_it(recorder):
    training, alfa, beta = service("Apmācības"), company("SIA Alfa"), company("SIA Beta")
    first = use(training, alfa, date(2026, 4, 1))
    second = use(training, alfa, date(2026, 4, 2))
    assert [row.id for row in db.session.scalars(awaiting_feedback(alfa.id))] == [second.id, first.id]
    assert _reason(lambda: give_feedback(first, beta, recorder, 5, "", "")) == "not_yours"
    assert _reason(lambda: give_feedback(first, None, recorder, 5, "", "")) == "not_yours"
    given = give_feedback(first, alfa, recorder, 5, " Labi ", "")
    changed = give_feedback(first, alfa, recorder, 3, "", "Īsāk")
    db.session.commit()
    assert changed is given and (given.score, given.worked, given.change) == (3, "", "Īsāk")
    assert [row.id for row in db.session.scalars(awaiting_feedback(alfa.id))] == [second.id]
