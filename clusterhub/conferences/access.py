"""Who may see which conference page: its organiser, its registered participants, its invited clusters.

Each decorator loads the conference named by the route's `conference_id` into `current_conference`
(another kind of event, or an unknown id, is simply not found), enters it (clusterhub/conferences/
scoping.py: from then on conference data is that conference's, meetings the visitor's own unless they
organise it) and marks the view with its `access` for the isolation matrix.
"""

from functools import wraps

from flask import abort, g
from flask_login import current_user
from sqlalchemy import exists, select
from werkzeug.local import LocalProxy

from clusterhub.conferences.models import EventCluster, Participant
from clusterhub.conferences.scoping import enter_conference
from clusterhub.events.models import CROSS_CLUSTER_KINDS, Event
from clusterhub.extensions import db
from clusterhub.i18n import lazy_gettext as _l
from tenants.context import cross_tenant
from tenants.models import Membership

current_conference = LocalProxy(lambda: g.get("conference"))
current_participant = LocalProxy(lambda: g.get("participant"))
ORGANISERS_ONLY = _l("This page is for the conference's organiser only.")
PARTICIPANTS_ONLY = _l("This page is for the conference's registered participants only.")
INVITED_ONLY = _l("This conference is for the members of the clusters it invites.")


def conference_or_404(conference_id: int) -> Event:
    """An inter-cluster conference (or visit, or mission) by id: an event the platform holds, hence read
    across clusters."""
    with cross_tenant():
        return db.one_or_404(
            select(Event).where(Event.id == conference_id, Event.kind.in_(CROSS_CLUSTER_KINDS))
        )


def organises(event: Event, user) -> bool:
    """The conference's own organiser, or a platform administrator."""
    return user.is_admin or event.organiser_id == user.id


def registered_participant(event: Event, user) -> Participant | None:
    """The registered participation in which `user` attends `event`, if any."""
    return db.session.scalar(
        select(Participant).where(
            Participant.event_id == event.id,
            Participant.user_id == user.id,
            Participant.status == "registered",
        )
    )


def invited(event: Event, user) -> bool:
    """Whether `user` belongs to one of the clusters the conference invites (their memberships in any
    cluster, hence read across clusters)."""
    with cross_tenant():
        return db.session.scalar(
            select(
                exists().where(
                    EventCluster.event_id == event.id,
                    EventCluster.tenant_id == Membership.tenant_id,
                    Membership.user_id == user.id,
                )
            )
        )


def _guard(access: str, allowed, message):
    def decorate(view):
        @wraps(view)
        def guarded(*args, **kwargs):
            g.conference = conference_or_404(kwargs["conference_id"])
            enter_conference(g.conference.id)  # no part in it yet: no meetings visible
            g.participant = registered_participant(g.conference, current_user)
            if not allowed(g.conference, current_user):
                abort(403, message)
            enter_conference(g.conference.id, g.participant, whole=organises(g.conference, current_user))
            return view(*args, **kwargs)

        guarded.access = access
        return guarded

    return decorate


organiser_required = _guard("organiser", organises, ORGANISERS_ONLY)
participant_required = _guard("participant", lambda event, user: g.participant is not None, PARTICIPANTS_ONLY)
participant_or_organiser_required = _guard(
    "participant_or_organiser",
    lambda event, user: g.participant is not None or organises(event, user),
    PARTICIPANTS_ONLY,
)
invited_required = _guard(
    "invited",
    lambda event, user: organises(event, user) or g.participant is not None or invited(event, user),
    INVITED_ONLY,
)


def may_organise(user) -> bool:
    """People with the platform's organiser role, and administrators, create conferences."""
    return user.is_organiser or user.is_admin


def organisers_only(view):
    """Pages for people with the platform's organiser role (creating a conference)."""

    @wraps(view)
    def guarded(*args, **kwargs):
        if not may_organise(current_user):
            abort(403, ORGANISERS_ONLY)
        return view(*args, **kwargs)

    guarded.access = "organiser"
    return guarded
