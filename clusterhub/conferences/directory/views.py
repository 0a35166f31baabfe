"""The conference's participant directory across clusters, and whom each participant should meet."""

from flask import render_template

from clusterhub.conferences.access import (
    current_conference,
    current_participant,
    participant_or_organiser_required,
    participant_required,
)
from clusterhub.conferences.blueprints import bp
from clusterhub.conferences.directory.forms import ParticipantFilterForm
from clusterhub.conferences.directory.services import (
    card,
    directory_page,
    invited_clusters,
    participant_count,
    sector_names,
)
from clusterhub.conferences.directory.suggestions import WEIGHTS, suggestions
from clusterhub.navigation import paginate_list


@bp.route("/<int:conference_id>/participants")
@participant_or_organiser_required
def participants(conference_id: int):
    form = ParticipantFilterForm.from_address(
        invited_clusters(current_conference), sector_names(current_conference)
    )
    filters = form.filters()
    page = directory_page(current_conference, filters, filters.get("sort", "name"))
    return render_template(
        "conferences/participants.html",
        conference=current_conference,
        form=form,
        filters=filters,
        page=page,
        cards=[card(participant) for participant in page.items],
        me=current_participant.id if current_participant else None,
        filtered=any(name != "sort" for name in filters),
        registered=participant_count(current_conference) if not page.items else None,
    )


@bp.route("/<int:conference_id>/matches")
@participant_required
def matches(conference_id: int):
    return render_template(
        "conferences/matches.html",
        conference=current_conference,
        page=paginate_list(suggestions(current_participant)),
        weights=WEIGHTS,
        me=current_participant.id,
    )
