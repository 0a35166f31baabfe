"""Every conference page; each module registers its routes on one of the two blueprints."""

from clusterhub.conferences import directory, meetings, nominations, organiser, reports  # noqa: F401
from clusterhub.conferences.blueprints import bp, cluster_bp

__all__ = ["bp", "cluster_bp"]
