"""What the rating tests share: the companies of the isolation world by name, and a third company."""

import pytest
from sqlalchemy import select

from clusterhub.companies.models import Company
from clusterhub.extensions import db
from clusterhub.ratings.models import Rating
from tenants.context import tenant_scope
from tenants.models import Tenant
from tests.factories import make_user

ABELE = "SIA CANARYALFA Ābele"  # manager@alfa.lv's company: answered company_a's post, rated it (rating_a)
CIEKURS = "SIA CANARYALFA Čiekurs"  # member@alfa.lv's company: company_a, rated by Ābele


def in_cluster(app, slug: str, statement) -> list:
    """The values a SELECT of columns finds inside one cluster, as a request of that cluster would."""
    with app.app_context():
        tenant = db.session.scalar(select(Tenant).where(Tenant.slug == slug))
        with tenant_scope(tenant):
            return list(db.session.execute(statement))


def company_id(app, name: str, slug: str = "alfa") -> int:
    return in_cluster(app, slug, select(Company.id).where(Company.name == name))[0].id


def ratings_in(app, slug: str = "alfa") -> list:
    """Every rating of a cluster as rows of (rater, rated, scores, comment, hidden_reason)."""
    columns = (Rating.rater_company_id, Rating.rated_company_id, Rating.quality, Rating.reliability)
    columns += (Rating.communication, Rating.comment, Rating.reply, Rating.hidden_reason)
    return in_cluster(app, slug, select(*columns).order_by(Rating.id))


@pytest.fixture
def abele(app, world) -> int:
    return company_id(app, ABELE)


@pytest.fixture
def stranger(app, world) -> int:
    """A member company of cluster A that has never been in contact with anyone."""
    make_user(app, "stranger@alfa.lv", "Sandra Svešā", "alfa", "member", "SIA Svešais")
    return company_id(app, "SIA Svešais")
