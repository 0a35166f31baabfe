"""The network of clusters: search the other clusters' opted-in companies, opt in, switch it off."""

from flask import abort, flash, g, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user
from sqlalchemy.exc import IntegrityError

from clusterhub.companies.models import Company
from clusterhub.extensions import db
from clusterhub.i18n import lazy_gettext as _l
from clusterhub.navigation import paginate_list
from clusterhub.network.forms import AskForm, ClusterNetworkForm, CompanyNetworkForm, NetworkSearchForm
from clusterhub.network.matching import from_other_clusters
from clusterhub.network.services import (
    NetworkError,
    messages_of,
    network_view,
    set_network_open,
    set_network_visible,
    write,
)
from clusterhub.security.limits import limited
from clusterhub.security.once import submitted_once
from tenants.access import current_membership, load_or_404, manager_required
from tenants.blueprint import TenantBlueprint

bp = TenantBlueprint("network", __name__)

REPRESENTATIVES_ONLY = _l("Only the people who represent the company choose whether other clusters find it.")


def _found(cards, text: str = "", region: str = ""):
    return [
        card for card in cards if (not text or card.mentions(text)) and (not region or card.region == region)
    ]


@bp.route("/network")
def index():
    form = NetworkSearchForm(request.args)
    filters = form.filters()
    company = current_membership.company
    view = network_view(g.tenant, company)
    return render_template(
        "network/index.html",
        form=form,
        filters=filters,
        cards=paginate_list(_found(view.found, **filters)),
        conversations=view.conversations,
        suggestions=from_other_clusters(g.tenant, company, 5) if not filters else [],
        any_cards=bool(view.found),
    )


REFUSALS = {
    "closed": _l("The conversation is closed: one of the two companies is no longer in the network."),
    "elsewhere": _l(
        "Your company talks with this company already, on the pages of another cluster you are both in."
    ),
}


@bp.route("/network/<int:company_id>", methods=["GET", "POST"])
@limited("posting")
@submitted_once
def conversation(company_id: int):
    """The conversation with a company of another cluster: started with a company the network shows, read
    and answered by both; any other company is not found."""
    company = current_membership.company
    card = network_view(g.tenant, company).card(company_id) if company else None
    if card is None:
        abort(404)
    form = AskForm()
    if not card.closed and form.validate_on_submit():
        try:
            write(g.tenant, company, current_user._get_current_object(), card, form.message.data)
            db.session.commit()
        except NetworkError as refused:
            flash(REFUSALS[refused.reason], "error")
            return redirect(url_for(".index"))
        except IntegrityError:
            # Both people of a company started the same conversation at once: the first one counts.
            db.session.rollback()
            flash(_("Someone of your company started this conversation a moment ago."), "info")
            return redirect(url_for(".conversation", company_id=card.id))
        flash(_("Your message was sent to %(company)s.", company=card.name), "success")
        return redirect(url_for(".conversation", company_id=card.id))
    return render_template(
        "network/conversation.html", form=form, card=card, messages=messages_of(card, company)
    )


@bp.route("/companies/<int:company_id>/network", methods=["GET", "POST"])
def company_choice(company_id: int):
    company = load_or_404(Company, company_id)
    if current_membership.company_id != company.id:
        abort(403, REPRESENTATIVES_ONLY)
    form = CompanyNetworkForm(data={"visible": company.network_visible})
    if form.validate_on_submit():
        set_network_visible(company, form.visible.data)
        db.session.commit()
        if company.network_visible:
            flash(
                _("Members of the other clusters can now find %(company)s.", company=company.name), "success"
            )
        else:
            flash(_("%(company)s is no longer shown to other clusters.", company=company.name), "info")
        return redirect(url_for("companies.detail", company_id=company.id))
    return render_template("network/company.html", form=form, company=company)


@bp.route("/manage/network", methods=["GET", "POST"])
@manager_required
def settings():
    form = ClusterNetworkForm(data={"open": g.tenant.network_open})
    if form.validate_on_submit():
        set_network_open(g.tenant, form.open.data)
        db.session.commit()
        if g.tenant.network_open:
            flash(_("The cluster takes part in the network of clusters."), "success")
        else:
            flash(_("The cluster is out of the network: none of its companies is shown elsewhere."), "info")
        return redirect(url_for(".settings"))
    return render_template("network/settings.html", form=form)
