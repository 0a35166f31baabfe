"""The two faces of a conference: its own pages under /events/ and each invited cluster's pages.

Conference pages show several clusters at once. clusterhub/conferences/access.py decides who may see
each page and enters the conference it checked, so that clusterhub/conferences/scoping.py keeps every
query for conference data inside it; other clusters' data is read only by the named functions that must.
"""

from flask import Blueprint
from flask_login import current_user

from clusterhub.extensions import login_manager
from tenants.blueprint import TenantBlueprint

bp = Blueprint("conferences", __name__, url_prefix="/events")
cluster_bp = TenantBlueprint("cluster_conferences", __name__)


@bp.before_request
def _signed_in():
    if not current_user.is_authenticated:
        return login_manager.unauthorized()
    return None
