"""A cluster manager plans a joint incoming visit or trade mission their cluster hosts. Like the
organiser's conference form it lists every cluster to invite, so it is one of the /events/ pages, which
span clusters; the visit's own pages are the conference's (/events/<id>/...)."""

from functools import wraps

from flask import abort, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_login import current_user

from clusterhub.conferences.blueprints import bp
from clusterhub.conferences.organiser.services import clusters_to_invite
from clusterhub.conferences.visits.forms import visit_form
from clusterhub.conferences.visits.services import create_visit, managed_clusters
from clusterhub.extensions import db
from clusterhub.labels import EVENT_KINDS
from tenants.models import Tenant

MANAGERS_ONLY = _l("Only a cluster's managers host a visit or a trade mission.")


def managers_of_a_cluster(view):
    """Pages for people who manage at least one active cluster; the view gets those clusters."""

    @wraps(view)
    def guarded(*args, **kwargs):
        hosts = managed_clusters(current_user)
        if not hosts:
            abort(403, MANAGERS_ONLY)
        return view(hosts, *args, **kwargs)

    guarded.access = "manager_of_a_cluster"
    return guarded


@bp.route("/delegations/new", methods=["GET", "POST"])
@managers_of_a_cluster
def new_visit(hosts: list[Tenant]):
    chosen = next((c.id for c in hosts if c.slug == request.args.get("host")), hosts[0].id)
    form = visit_form(hosts, clusters_to_invite(), data={"host": chosen})
    if form.validate_on_submit():
        host = next(cluster for cluster in hosts if cluster.id == form.host.data)
        event = create_visit(
            host,
            current_user,
            form.kind.data,
            form.values(),
            form.spans(),
            form.quotas(),
            form.delegation_values(),
        )
        db.session.commit()
        flash(
            _(
                "%(kind)s “%(title)s” was created; the invited clusters' managers are told.",
                kind=EVENT_KINDS[event.kind],
                title=event.title,
            ),
            "success",
        )
        return redirect(url_for(".detail", conference_id=event.id))
    return render_template("conferences/new_visit.html", form=form)
