"""Spreadsheets for the import tests, and a look into one cluster's data."""

import csv
import io
from contextlib import contextmanager

import pytest
from sqlalchemy import func, select

from clusterhub.companies.models import Company, CompanyChange, CompanyMembership, CompanyTag, ContactPerson
from clusterhub.extensions import db
from clusterhub.posts.models import Post
from tenants.context import cross_tenant, tenant_scope
from tenants.models import Tenant

COMPANY_HEADER = (
    "name,registration_number,sectors,size,region,roles,competences,description,website,"
    "contact_name,contact_email,member_since"
).split(",")
# What an export of the directory has: every column the import reads.
EXPORT_HEADER = (
    "name,registration_number,sectors,size,region,roles,competences,description,infrastructure,"
    "development_directions,partnership_interests,website,"
    "contact_name,contact_email,contact_phone,contact_role,"
    "contact_name_2,contact_email_2,contact_phone_2,contact_role_2,"
    "contact_name_3,contact_email_3,contact_phone_3,contact_role_3,member_since"
).split(",")
POST_HEADER = ["company", "kind", "category", "title", "body", "tags", "valid_until"]


def csv_bytes(header: list[str], rows: list[list[str]], bom: bool = True, delimiter: str = ",") -> bytes:
    """A CSV file as Excel's "CSV UTF-8" writes it: with a byte-order mark, CRLF line ends."""
    out = io.StringIO()
    writer = csv.writer(out, delimiter=delimiter, lineterminator="\r\n")
    writer.writerow(header)
    writer.writerows(rows)
    return ("\ufeff" if bom else "").encode() + out.getvalue().encode("utf-8")


def good_companies() -> bytes:
    """Three new companies with Latvian letters, lists, labels instead of codes and one contact."""
    return csv_bytes(
        COMPANY_HEADER,
        [
            [
                "SIA Ērgļu Kamera",
                "40003000001",
                "Audiovizuālā tehnika; Kino",
                "small",
                "Rīga",
                "producer; Distributor",
                "Kameru noma; Krāsu korekcija",
                "Kameru noma un krāsu korekcija.\nStrādājam visā Latvijā.",
                "www.ergli.lv",
                "Žanete Ķēniņa",
                "zanete@ergli.lv",
                "2021-03-15",
            ],
            ["SIA Ūdensrozes Skaņa", "", "Skaņa", "micro", "kurzeme", "", "", "", "", "", "", ""],
            [
                "Rēzeknes tehnikums",
                "",
                "",
                "",
                "Latgale",
                "education_research",
                "",
                "",
                "",
                "",
                "",
                "01.09.2018",
            ],
        ],
    )


@contextmanager
def in_cluster(app, slug: str):
    """Read one cluster's data as its own pages would."""
    with app.app_context():
        tenant = db.session.scalar(select(Tenant).where(Tenant.slug == slug))
        with tenant_scope(tenant):
            yield


def member_names(app, slug: str) -> list[str]:
    with in_cluster(app, slug):
        return list(db.session.scalars(select(Company.name).order_by(Company.name_sort)))


def everything(app) -> dict:
    """How many companies, profile rows and posts the platform has: the proof that nothing was written."""
    models = (Company, CompanyMembership, CompanyTag, ContactPerson, CompanyChange, Post)
    with app.app_context(), cross_tenant():
        return {model.__tablename__: db.session.scalar(select(func.count(model.id))) for model in models}


@pytest.fixture
def write_file(tmp_path):
    """Write bytes to a file and return its path, for the command line."""

    def write(content: bytes, name: str = "import.csv") -> str:
        path = tmp_path / name
        path.write_bytes(content)
        return str(path)

    return write
