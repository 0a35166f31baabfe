"""Latvian alphabetical order: Ā sorts with A, Č after C, Ž last; the same in Python and the database."""

from sqlalchemy import select

from clusterhub.collation import latvian_sort_key
from clusterhub.companies.models import Company
from clusterhub.companies.services import company_named
from clusterhub.extensions import db
from tenants.context import tenant_scope
from tenants.models import Tenant
from tests.factories import make_tenant

LATVIAN_ORDER = [
    "Ābele",
    "Abra",
    "Ala",
    "Alai",
    "Cits",
    "Čiekurs",
    "Dārzs",
    "Ēna",
    "Eža",
    "Gulbis",
    "Ģirts",
    "Kaza",
    "Ķirsis",
    "Lācis",
    "Ļoti",
    "Nams",
    "Ņaudēt",
    "Sala",
    "Šalle",
    "Tuja",
    "Tūja",
    "Zebra",
    "Žagars",
]


def test_latvian_words_sort_in_latvian_order():
    shuffled = LATVIAN_ORDER[::2] + LATVIAN_ORDER[1::2]
    assert sorted(shuffled, key=latvian_sort_key) == LATVIAN_ORDER


def test_case_and_spacing_do_not_change_the_order():
    assert latvian_sort_key("SIA ĒNU TEĀTRIS") == latvian_sort_key("sia  ēnu teātris")


def test_the_database_orders_by_the_key_the_same_way(app):
    make_tenant(app, "alfa")
    with app.app_context(), tenant_scope(db.session.scalar(select(Tenant).where(Tenant.slug == "alfa"))):
        for name in reversed(LATVIAN_ORDER):
            company_named(name)
        names = db.session.scalars(select(Company.name).order_by(Company.name_sort)).all()
    assert names == LATVIAN_ORDER
