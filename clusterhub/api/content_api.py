"""What the cluster publishes (events, news, published success stories) and the person's conferences."""

from flask_login import current_user
from flask_smorest import abort

from clusterhub.api import schemas
from clusterhub.api.blueprint import cluster_blueprint
from clusterhub.api.paging import PageArguments, page_of_list, page_of_statement, page_schema
from clusterhub.clock import utcnow
from clusterhub.conferences.access import conference_or_404, registered_participant
from clusterhub.conferences.meetings.services import agenda as agenda_of
from clusterhub.conferences.models import Participant
from clusterhub.conferences.organiser.services import conferences_of
from clusterhub.conferences.scoping import conference_scope
from clusterhub.conferences.slots import slot_end
from clusterhub.events.models import Event
from clusterhub.events.services import past_events, upcoming_events
from clusterhub.extensions import db
from clusterhub.news.models import NewsItem
from clusterhub.news.services import newest_first
from clusterhub.stories.models import SuccessStory
from clusterhub.stories.services import published
from tenants.access import load_or_404
from tenants.context import cross_tenant

content = cluster_blueprint("api_content", __name__, "Events, news and success stories of the cluster.")
conferences = cluster_blueprint(
    "api_conferences", __name__, "Inter-cluster conferences the person takes part in, and their agenda."
)


class EventArguments(PageArguments):
    when = schemas._enum(("upcoming", "past"), load_default="upcoming")


@content.route("/events")
@content.etag
@content.arguments(EventArguments, location="query")
@content.response(200, page_schema(schemas.Event, "EventPage"))
def list_events(arguments):
    """The cluster's events: upcoming ones soonest first, or past ones latest first."""
    listing = upcoming_events if arguments["when"] == "upcoming" else past_events
    return page_of_statement(listing(utcnow()), arguments)


@content.route("/events/<int:event_id>")
@content.etag
@content.response(200, schemas.Event)
def get_event(event_id: int):
    return load_or_404(Event, event_id)


def _readable(name: str, id_name: str, schema, listing, one, about: str) -> None:
    """/<name>: a page of `listing()`, newest first; /<name>/<id>: `one(id)`, or 404."""

    def listed(arguments):
        return page_of_statement(listing(), arguments)

    def single(**ids):
        return one(ids[id_name])

    # Set before the decorators read them: they are the operations' summaries in the OpenAPI document.
    listed.__doc__, single.__doc__ = about, f"One of the {name}."
    page = page_schema(schema, f"{schema.__name__}Page")
    listed = content.response(200, page)(content.arguments(PageArguments, location="query")(listed))
    content.route(f"/{name}", endpoint=f"list_{name}")(content.etag(listed))
    single = content.response(200, schema)(single)
    content.route(f"/{name}/<int:{id_name}>", endpoint=f"get_{name}")(content.etag(single))


_readable(
    "news",
    "news_id",
    schemas.NewsItem,
    newest_first,
    lambda news_id: load_or_404(NewsItem, news_id),
    "The cluster's news, newest first.",
)
_readable(
    "stories",
    "story_id",
    schemas.Story,
    published,
    lambda story_id: db.one_or_404(published().where(SuccessStory.id == story_id)),
    "Published success stories, most recently approved first (drafts never show here).",
)


def _my_participation(conference_id: int) -> Participant:
    """The person's registration for the conference through this cluster's company (scoped to it)."""
    with cross_tenant():
        event = conference_or_404(conference_id)
    found = registered_participant(event, current_user)
    if found is None:
        abort(404)
    return found


@conferences.route("/conferences")
@conferences.etag
@conferences.arguments(PageArguments, location="query")
@conferences.response(200, page_schema(schemas.Conference, "ConferencePage"))
def list_conferences(arguments):
    """The conferences the person is registered for through this cluster: upcoming ones, then recent ones."""
    with cross_tenant():
        upcoming, past = conferences_of(current_user, utcnow())
    # Outside cross_tenant(): only a registration through this cluster's company counts.
    mine = [event for event in upcoming + past if registered_participant(event, current_user)]
    return page_of_list(mine, arguments)


def _meeting(meeting, me: Participant) -> dict:
    other = meeting.invitee if meeting.requester_id == me.id else meeting.requester
    return {
        "id": meeting.id,
        "status": meeting.status,
        "starts_at": meeting.starts_at,
        "ends_at": slot_end(meeting.event, meeting.starts_at),
        "table_no": meeting.table_no,
        "partner": other.company.name,
        "proposed_by_me": meeting.proposed_by_id == me.id,
    }


@conferences.route("/conferences/<int:conference_id>/agenda")
@conferences.etag
@conferences.response(200, schemas.Meeting(many=True))
def agenda(conference_id: int):
    """The person's meetings at the conference in time order: the other side as participants see it."""
    me = _my_participation(conference_id)
    # The other side is usually another cluster's participant: read as the conference pages read it.
    with cross_tenant(), conference_scope(conference_id, me):
        return [_meeting(meeting, me) for meeting in agenda_of(me)]
