"""Latvian alphabetical order: Ā sorts with A, Č after C, Ž last; the same in Python and the database."""

from sqlalchemy import select

from clusterhub.collation import company_sort_key, latvian_sort_key, split_legal_form
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


def test_a_companys_legal_form_is_found_before_or_after_its_name():
    assert split_legal_form("AS Rīgas Kinostudija") == ("Rīgas Kinostudija", "AS")
    assert split_legal_form("Koks, SIA") == ("Koks", "SIA")
    assert split_legal_form("nodibinājums Zaļā Josta") == ("Zaļā Josta", "nodibinājums")
    # A name that is only a legal form, or starts with the letters of one, keeps them.
    assert split_legal_form("SIA") == ("SIA", "")
    assert split_legal_form("Asari") == ("Asari", "")


def test_companies_sort_without_their_legal_form_but_stay_apart_by_it():
    names = ["SIA Zebra", "AS Rīgas Kinostudija", "Bite", "IK Ābele", "Rīgas Kinostudija"]
    assert sorted(names, key=company_sort_key) == [
        "IK Ābele",
        "Bite",
        "Rīgas Kinostudija",
        "AS Rīgas Kinostudija",
        "SIA Zebra",
    ]
    assert company_sort_key("SIA Koks") == company_sort_key("Koks, SIA") == company_sort_key("sia  KOKS")
    assert company_sort_key("SIA Koks") != company_sort_key("AS Koks")
