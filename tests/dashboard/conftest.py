"""Hand-made posts, responses and member companies with known dates, and the dashboard's figures over them."""

from datetime import date, datetime

import pytest
from sqlalchemy import select

from clusterhub.companies.models import Company
from clusterhub.companies.services import named_rows
from clusterhub.dashboard.needs import Filters, Span, matching_posts, summary
from clusterhub.extensions import db
from clusterhub.posts.models import Post, PostRegion, PostTag, Thread
from tenants.context import tenant_scope
from tenants.models import Tenant
from tests.factories import Records, make_tenant, records

TODAY = date(2026, 3, 15)


class Board(Records):
    """A cluster's board to fill by hand; `summary()` and `ids()` read it back as the dashboard does."""

    def post(
        self,
        company: Company,
        at: datetime,
        kind="need",
        category="other",
        status="open",
        tags=(),
        regions=(),
    ):
        post = Post(
            company=company,
            kind=kind,
            category=category,
            title=f"{kind} of {company.name} at {at:%Y-%m-%d %H:%M}",
            status=status,
            created_at=at,
            tags=named_rows([], tags, PostTag),  # as the post form saves them, linked to their concepts
            regions=[PostRegion(region=region) for region in regions],
        )
        return self.add(post)

    def response(self, post: Post, company: Company, at: datetime) -> Thread:
        return self.add(
            Thread(post=post, initiator=company, recipient=post.company, subject=post.title, created_at=at)
        )

    def summary(self, months: int | None = 12, today: date = TODAY):
        return summary(today, months)

    def ids(self, months: int | None = 12, today: date = TODAY, **filters) -> set[int]:
        return {
            post.id for post in db.session.scalars(matching_posts(Span(today, months), Filters(**filters)))
        }


@pytest.fixture
def board(app):
    """Cluster "alfa" (and an empty "beta"), alfa's scope open for the test, in an English request."""
    make_tenant(app, "beta")
    with records(app, Board) as board:
        yield board


def in_cluster(slug: str):
    """The scope of another cluster, for a row that must land there."""
    return tenant_scope(db.session.scalar(select(Tenant).where(Tenant.slug == slug)))
