"""A cluster's own pages: its start page and its people."""
from flask import g, render_template
from flask_babel import get_locale
from flask_login import current_user
from sqlalchemy import func, select

from clusterhub.accounts.forms import LanguageForm
from clusterhub.accounts.models import User
from clusterhub.companies.models import Company, CompanyMembership
from clusterhub.extensions import db
from clusterhub.navigation import paginate
from tenants.blueprint import TenantBlueprint
from tenants.models import Membership
from tenants.services import memberships_of

bp = TenantBlueprint("clusters", __name__)


@bp.app_context_processor
def navigation():
    """What the layout needs on every page: the cluster, the person's clusters, the language form."""
    signed_in = current_user.is_authenticated
    return {
        "current_tenant": g.get("tenant"),
        "current_membership": g.get("membership"),
        "my_memberships": memberships_of(current_user) if signed_in else [],
        "language_form": LanguageForm(formdata=None, language=str(get_locale())),
    }


@bp.route("/")
def home():
    counts = {
        "companies": db.session.scalar(select(func.count(CompanyMembership.id))),
        "people": db.session.scalar(select(func.count(Membership.id))),
    }
    newest = db.session.scalars(
        select(CompanyMembership).join(CompanyMembership.company)
        .order_by(CompanyMembership.member_since.desc(), Company.name_sort).limit(5)
    )
    managers = db.session.scalars(
        select(Membership).join(Membership.user).where(Membership.role == "manager").order_by(User.name_sort)
    )
    return render_template("clusters/home.html", counts=counts, newest=list(newest), managers=list(managers))


@bp.route("/members")
def members():
    statement = (
        select(Membership).join(Membership.user).outerjoin(Membership.company)
        .order_by(Company.name_sort.is_(None), Company.name_sort, User.name_sort)
    )
    return render_template("clusters/members.html", members=paginate(statement))
