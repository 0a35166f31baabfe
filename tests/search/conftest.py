"""What the search tests share: both search backends, working inside one cluster as its requests do, and
what a search shows."""

import shutil
from contextlib import contextmanager

import pytest
from sqlalchemy import delete, func, select

from clusterhub.extensions import db
from search.backends import whoosh
from search.backends.models import SearchDocument
from search.models import IndexOutbox
from search.query import search
from tenants.context import tenant_scope
from tenants.models import Tenant
from tests.conftest import WANT_POSTGRES
from tests.factories import make_post, make_tenant, make_user

# Every search and matching test runs on Whoosh, and on PostgreSQL's own search when the database is one.
SEARCH_BACKENDS = ["whoosh", "postgres"] if WANT_POSTGRES else ["whoosh"]


@pytest.fixture(autouse=True, params=SEARCH_BACKENDS)
def search_backend(request, app):
    """The search backend of this test, for its app and for the apps and processes it starts."""
    if request.param == "postgres" and not app.config["SQLALCHEMY_DATABASE_URI"].startswith("postgresql"):
        pytest.skip("PostgreSQL search needs the PostgreSQL database")
    app.config["SEARCH_BACKEND"] = request.param
    # Not the test's own monkeypatch: a test that undoes its patches still starts apps on this backend.
    with pytest.MonkeyPatch.context() as environment:
        environment.setenv("CLUSTERHUB_SEARCH_BACKEND", request.param)
        yield request.param


@pytest.fixture
def snapshot(snapshot, search_backend):
    """Saved worlds per search backend: one built with Whoosh has no documents in PostgreSQL's tables."""

    def restore_or_build(name: str, build):
        return snapshot(f"{name}-{search_backend}", build)

    return restore_or_build


@pytest.fixture
def whoosh_only(search_backend) -> None:
    """For what only an index folder on disk can suffer (copied, damaged, locked by another process)."""
    if search_backend != "whoosh":
        pytest.skip("about Whoosh's index files")


def lose_index(app, slug: str) -> None:
    """The cluster's whole index gone (a folder deleted, a table emptied), the database kept."""
    with in_cluster(app, slug) as tenant:
        if app.config["SEARCH_BACKEND"] == "whoosh":
            shutil.rmtree(whoosh.cluster_dir(tenant.id))
        else:
            db.session.execute(delete(SearchDocument))
            db.session.commit()


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
