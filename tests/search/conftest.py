"""What the search tests share: working inside one cluster as its requests do, and what a search shows."""

from contextlib import contextmanager

import pytest
from sqlalchemy import func, select

from clusterhub.extensions import db
from search.models import IndexOutbox
from search.query import search
from tenants.context import tenant_scope
from tenants.models import Tenant
from tests.factories import make_post, make_tenant, make_user


@contextmanager
def in_cluster(app, slug: str):
    """An app context scoped to one cluster, like a request under /c/<slug>/; yields the cluster."""
    with app.app_context():
        tenant = db.session.scalar(select(Tenant).where(Tenant.slug == slug))
        with tenant_scope(tenant):
            yield tenant


def found(app, slug: str, text: str, **filters) -> list[str]:
    """The company names and post titles a search in one cluster shows, best first."""
    with in_cluster(app, slug):
        return [
            hit.item.name if hit.type == "company" else hit.item.title for hit in search(text, filters).hits
        ]


def waiting(app) -> int:
    """How many index updates wait in the outbox, all clusters together."""
    with app.app_context():
        return db.session.scalar(select(func.count(IndexOutbox.id)))


POSTER = "poster@alfa.lv"
POSTER_COMPANY = "SIA Ziņotājs"


@pytest.fixture
def alfa(app) -> int:
    """Cluster "alfa" with one member whose company writes the posts of a test; its id."""
    tenant_id = make_tenant(app, "alfa", "Alfa klasteris")
    make_user(app, POSTER, "Pēteris Ziņotājs", "alfa", "member", POSTER_COMPANY)
    return tenant_id


def add_post(app, title: str, slug: str = "alfa", **fields) -> int:
    """A committed open need of the poster's company; its id."""
    return make_post(app, slug, POSTER_COMPANY, POSTER, title, **fields)
