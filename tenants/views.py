"""A cluster's own pages: its start page and its people, whom managers can promote or remove."""

from flask import flash, g, has_request_context, redirect, render_template, url_for
from flask_babel import get_locale
from flask_babel import gettext as _
from sqlalchemy import func, select
from sqlalchemy.orm import contains_eager

from clusterhub.accounts.forms import LanguageForm
from clusterhub.accounts.models import User
from clusterhub.clock import local_today, utcnow
from clusterhub.companies.directory import member_count
from clusterhub.companies.models import Company, CompanyMembership
from clusterhub.dashboard.key_figures import key_figures
from clusterhub.extensions import db
from clusterhub.forms import ConfirmForm
from clusterhub.i18n import lazy_gettext as _l
from clusterhub.navigation import paginate
from clusterhub.onboarding.services import kit_for_new_member
from tenants.access import current_membership, load_or_404, manager_required
from tenants.blueprint import TenantBlueprint
from tenants.forms import RoleForm
from tenants.models import Membership
from tenants.services import MembershipError, change_role, my_memberships, remove_member

bp = TenantBlueprint("clusters", __name__)


@bp.app_context_processor
def navigation():
    """What the layout needs on every page: the cluster, the person's clusters, the language form."""
    if not has_request_context():
        return {}  # e-mail rendered by a command or a background job has no page around it
    return {
        "current_tenant": g.get("tenant"),
        "current_membership": g.get("membership"),
        "my_memberships": my_memberships(),
        "language_form": LanguageForm(formdata=None, language=str(get_locale())),
    }


@bp.route("/")
def home():
    counts = {
        "companies": member_count(),
        "people": db.session.scalar(select(func.count(Membership.id))),
    }
    newest = db.session.scalars(
        select(CompanyMembership)
        .join(CompanyMembership.company)
        .options(contains_eager(CompanyMembership.company))
        .where(CompanyMembership.is_current)
        .order_by(CompanyMembership.member_since.desc(), Company.name_sort)
        .limit(5)
    )
    managers = db.session.scalars(
        select(Membership)
        .join(Membership.user)
        .options(contains_eager(Membership.user))
        .where(Membership.role == "manager")
        .order_by(User.name_sort)
    )
    # A new member's people get the onboarding kit (source study: the new members' road map).
    kit = kit_for_new_member(g.tenant, current_membership.company, local_today(), utcnow())
    figures = key_figures(local_today()) if current_membership.is_manager else None
    return render_template(
        "clusters/home.html",
        counts=counts,
        newest=list(newest),
        managers=list(managers),
        kit=kit,
        figures=figures,
    )


@bp.route("/members")
def members():
    statement = (
        select(Membership)
        .join(Membership.user)
        .outerjoin(Membership.company)
        .options(contains_eager(Membership.user), contains_eager(Membership.company))
        .order_by(Company.name_sort.is_(None), Company.name_sort, User.name_sort)
    )
    return render_template("clusters/members.html", members=paginate(statement))


LAST_MANAGER = _l("A cluster needs at least one manager. Make someone else a manager first.")


@bp.route("/members/<int:membership_id>/role", methods=["GET", "POST"])
@manager_required
def change_member_role(membership_id: int):
    membership = load_or_404(Membership, membership_id)
    form = RoleForm(obj=membership)
    if form.validate_on_submit():
        try:
            change_role(membership, form.role.data)
        except MembershipError:
            form.role.errors.append(LAST_MANAGER)
        else:
            db.session.commit()
            flash(
                _(
                    "%(name)s is now: %(role)s.",
                    name=membership.user.name,
                    role=_("Manager") if membership.is_manager else _("Member"),
                ),
                "success",
            )
            return redirect(url_for(".members"))
    return render_template("clusters/role.html", form=form, membership=membership)


@bp.route("/members/<int:membership_id>/remove", methods=["GET", "POST"])
@manager_required
def remove_from_cluster(membership_id: int):
    membership = load_or_404(Membership, membership_id)
    form = ConfirmForm()
    if form.validate_on_submit():
        name = membership.user.name
        try:
            remove_member(membership)
        except MembershipError:
            flash(LAST_MANAGER, "error")
        else:
            db.session.commit()
            flash(_("%(name)s was removed from the cluster.", name=name), "info")
        return redirect(url_for(".members"))
    return render_template("clusters/remove.html", form=form, membership=membership)
