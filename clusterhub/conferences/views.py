"""Every conference page; each activity's views register their routes on one of the two blueprints."""

from clusterhub.conferences.blueprints import bp, cluster_bp
from clusterhub.conferences.directory import views as directory_views  # noqa: F401
from clusterhub.conferences.feedback import views as feedback_views  # noqa: F401
from clusterhub.conferences.meetings import views as meetings_views  # noqa: F401
from clusterhub.conferences.nominations import views as nominations_views  # noqa: F401
from clusterhub.conferences.organiser import views as organiser_views  # noqa: F401
from clusterhub.conferences.reports import views as reports_views  # noqa: F401
from clusterhub.conferences.visits import views as visits_views  # noqa: F401

__all__ = ["bp", "cluster_bp"]
