"""The demo's conversations across clusters (content/network.json): a dairy of the food cluster and a robot
integrator of the metalworking cluster who have both written (so each sees the other's contacts), and a
metalworks that wrote to a 3D scanning studio of the audiovisual cluster and waits for the answer.

Written through the same service as the network pages, as each company's first representative, then dated
back. Made once: nothing more when any conversation exists already.
"""

from datetime import timedelta

from sqlalchemy import select

from clusterhub.accounts.models import User
from clusterhub.clock import utcnow
from clusterhub.companies.models import Company
from clusterhub.demo import files
from clusterhub.extensions import db
from clusterhub.network.models import NetworkThread
from clusterhub.network.services import network_view, write
from tenants.context import cross_tenant, tenant_scope
from tenants.models import Membership, Tenant


def _side(slug: str, name: str) -> tuple[Tenant, Company, User]:
    """A cluster, its member company of that name and the company's first representative there."""
    tenant = db.session.scalar(select(Tenant).where(Tenant.slug == slug))
    with tenant_scope(tenant):
        company = db.session.scalar(select(Company).where(Company.name == name))
        person = db.session.scalar(
            select(User).join(Membership).where(Membership.company_id == company.id).order_by(Membership.id)
        )
    return tenant, company, person


def _say(side: tuple[Tenant, Company, User], other: Company, body: str, when) -> None:
    tenant, company, person = side
    with tenant_scope(tenant):
        card = network_view(tenant, company).card(other.id)
        message = write(tenant, company, person, card, body)
    message.created_at = message.thread.last_message_at = when
    if len(message.thread.messages) == 1:
        message.thread.created_at = when


def load_network() -> None:
    """The demo's conversations across clusters, unless there is one already."""
    with cross_tenant():
        if db.session.scalar(select(NetworkThread.id).limit(1)) is not None:
            return
    for talk in files.network():
        sides = {"from": _side(*talk["from"]), "to": _side(*talk["to"])}
        for said in talk["messages"]:
            writer = sides[said["side"]]
            other = sides["to" if said["side"] == "from" else "from"][1]
            _say(writer, other, said["body"], utcnow() - timedelta(days=said["days_ago"]))
            db.session.flush()
