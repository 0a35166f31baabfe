"""The two faces of a conference: its own pages under /events/ and each invited cluster's pages.

Conference pages show several clusters at once, so each request reads across clusters on purpose;
what a visitor may see is decided by clusterhub/conferences/access.py, view by view.
"""

from flask import Blueprint
from flask_login import current_user

from clusterhub.extensions import login_manager
from tenants.blueprint import TenantBlueprint
from tenants.context import cross_tenant_for_request

bp = Blueprint("conferences", __name__, url_prefix="/events")
cluster_bp = TenantBlueprint("cluster_conferences", __name__)


@bp.before_request
def _signed_in_across_clusters():
    if not current_user.is_authenticated:
        return login_manager.unauthorized()
    cross_tenant_for_request()
    return None
