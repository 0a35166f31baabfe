"""The benchmark's dataset at its tiny scale: both clusters the goals name are there, each with a bench user
of its first company and that company's open needs, so `make bench` has pages to measure. No timings."""

import pytest
from sqlalchemy import func, select

from bench import dataset
from bench.dataset import BIG, MID, MID_USER, OWN_NEEDS, USER, Place, ensure, settings, use_scale
from clusterhub import create_app
from clusterhub.accounts.models import User
from clusterhub.companies.models import Company, CompanyMembership
from clusterhub.extensions import db
from clusterhub.posts.models import Post
from tenants.context import cross_tenant, tenant_scope
from tenants.models import Membership, Tenant


@pytest.fixture
def tiny():
    use_scale("tiny")
    yield dataset.SHAPE
    use_scale("full")


def test_tiny_dataset_has_the_big_and_the_realistic_cluster_with_their_bench_users(tiny, tmp_path):
    place = Place(tmp_path)
    assert ensure(place)
    assert not ensure(place)  # kept: the stamp says it is current
    with create_app(settings(place)).app_context():
        tenants = list(db.session.scalars(select(Tenant).order_by(Tenant.id)))
        assert [tenant.slug for tenant in tenants[:2]] == [BIG, MID]
        assert len(tenants) == tiny["clusters"]
        for tenant, person, size in ((tenants[0], USER, "big"), (tenants[1], MID_USER, "mid")):
            with tenant_scope(tenant):
                companies = db.session.scalar(select(func.count(CompanyMembership.company_id)))
                assert companies == tiny[f"{size}_companies"]
                member = db.session.scalar(select(Membership).join(User).where(User.email == person["email"]))
                first = db.session.scalar(select(func.min(CompanyMembership.company_id)))
                assert member.company_id == first
                own = select(func.count(Post.id)).where(
                    Post.company_id == first, Post.kind == "need", Post.status == "open"
                )
                assert db.session.scalar(own) >= OWN_NEEDS
        # The big cluster's members get suggestions from the network of clusters: cards of the others.
        with cross_tenant():
            shown = select(CompanyMembership.tenant_id).join(Company).where(Company.network_visible.is_(True))
            clusters = set(db.session.scalars(shown))
        assert clusters and tenants[0].id not in clusters
