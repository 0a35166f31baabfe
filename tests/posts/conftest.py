"""What the board and thread tests share: reading the database as one cluster, and a third company."""

from sqlalchemy import select

from clusterhub.extensions import db
from tenants.context import tenant_scope
from tenants.models import Tenant
from tests.factories import make_user

ABELE = "SIA CANARYALFA Ābele"  # manager@alfa.lv's company: answered post_a (thread_a)
CIEKURS = "SIA CANARYALFA Čiekurs"  # member@alfa.lv's company: company_a, wrote post_a
THIRD = "SIA Trešā Puse"


def rows(app, statement, slug: str = "alfa") -> list:
    """What a SELECT of columns finds inside one cluster, as a request of that cluster would."""
    with app.app_context():
        with tenant_scope(db.session.scalar(select(Tenant).where(Tenant.slug == slug))):
            return list(db.session.execute(statement))


def third_company_person(app) -> str:
    """A member of cluster A whose company takes no part in the world's conversation; returns the e-mail."""
    make_user(app, "third@alfa.lv", "Trešais Cilvēks", "alfa", "member", THIRD)
    return "third@alfa.lv"
