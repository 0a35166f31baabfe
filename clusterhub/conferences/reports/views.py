"""The organiser's report, spreadsheets and printable table plan of a conference."""

from flask import render_template, request

from clusterhub.clock import utcnow
from clusterhub.conferences.access import (
    current_conference,
    organiser_required,
)
from clusterhub.conferences.blueprints import bp
from clusterhub.conferences.models import STATUSES
from clusterhub.conferences.reports import export
from clusterhub.conferences.reports.services import (
    accepted,
    cluster_lines,
    cluster_matrix,
    grid,
    has_ended,
    meetings,
    outcome,
    participants,
    request_shares,
    sector_matrix,
)
from clusterhub.transfer.tables import send_table


@bp.route("/<int:conference_id>/report")
@organiser_required
def report(conference_id: int):
    event = current_conference
    everyone, all_meetings = participants(event), meetings(event)
    taking_place = accepted(all_meetings)
    return render_template(
        "conferences/report.html",
        event=event,
        clusters=cluster_lines(event),
        statuses=STATUSES,
        participants=everyone,
        requests=len(all_meetings),
        shares=request_shares(all_meetings),
        grid=grid(event, taking_place),
        sectors=sector_matrix(taking_place),
        clusters_met=cluster_matrix(taking_place),
        ended=has_ended(event, utcnow()),
        outcome=outcome(everyone, taking_place),
    )


# The CSV file is the older address (…/participants.csv); the workbook beside it holds the same rows.
@bp.route("/<int:conference_id>/participants.<any(csv, xlsx):file_format>")
@organiser_required
def export_participants(conference_id: int, file_format: str):
    table = export.participants_table(conference_id, participants(current_conference))
    return send_table(table, file_format, f"conference:{conference_id}:participants.{file_format}")


@bp.route("/<int:conference_id>/meetings.<any(csv, xlsx):file_format>")
@organiser_required
def export_meetings(conference_id: int, file_format: str):
    table = export.meetings_table(conference_id, meetings(current_conference))
    return send_table(table, file_format, f"conference:{conference_id}:meetings.{file_format}")


@bp.route("/<int:conference_id>/tables")
@organiser_required
def table_plan(conference_id: int):
    """Who sits at which table in each slot; with ?print=1 the plan alone, to print for the venue."""
    event = current_conference
    return render_template(
        "conferences/table_plan.html",
        event=event,
        grid=grid(event, accepted(meetings(event))),
        printing=request.args.get("print") == "1",
    )
