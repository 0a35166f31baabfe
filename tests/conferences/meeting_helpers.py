"""Helpers for the 1:1 meeting and agenda tests (plain functions, not fixtures).

The world's conference has four 30-minute slots (10:00-12:00 Rīga) at 3 tables; member@alfa.lv
(participant_a) asked member@beta.lv (participant_b) to meet in the first slot (world.meeting).
"""

import threading
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select, update

from clusterhub.accounts.models import User
from clusterhub.conferences.meetings import services as meetings
from clusterhub.conferences.models import Meeting, MeetingSeat, Participant
from clusterhub.conferences.slots import slots
from clusterhub.events.models import Event
from clusterhub.extensions import db
from clusterhub.notifications.models import Notification
from tenants.context import cross_tenant
from tests.factories import make_meeting, make_participant, make_user

BUSY = "You or they already have a meeting at that time."
FULL = "No table is free at that time"


def newcomer(app, conference_id: int, slug: str, name: str, **fields) -> int:
    """Another company of cluster `slug` registered for the conference by its own person; its id.

    The person's e-mail is the company's name in lower case at the cluster, e.g. "gamma@beta.lv".
    """
    company = f"SIA {name}"
    email = f"{name.lower()}@{slug}.lv"
    make_user(app, email, f"Persona {name}", slug, "member", company)
    return make_participant(app, conference_id, slug, company, email, **fields)


def conference_slots(app, conference_id: int) -> list[datetime]:
    with app.app_context(), cross_tenant():
        return slots(db.session.get(Event, conference_id))


def change_conference(app, conference_id: int, **values) -> None:
    with app.app_context(), cross_tenant():
        db.session.execute(update(Event).where(Event.id == conference_id).values(**values))
        db.session.commit()


@dataclass(frozen=True)
class MeetingRow:
    status: str
    table_no: int | None
    starts_at: datetime
    proposed_by_id: int


def meeting_row(app, meeting_id: int) -> MeetingRow:
    with app.app_context(), cross_tenant():
        meeting = db.session.get(Meeting, meeting_id)
        return MeetingRow(meeting.status, meeting.table_no, meeting.starts_at, meeting.proposed_by_id)


def seats(app, conference_id: int) -> list[tuple[str, datetime, int]]:
    """Every seat of the conference: (person's e-mail, slot start, meeting id), in a stable order."""
    with app.app_context(), cross_tenant():
        rows = db.session.execute(
            select(User.email, MeetingSeat.starts_at, MeetingSeat.meeting_id)
            .join(User, User.id == MeetingSeat.user_id)
            .where(MeetingSeat.event_id == conference_id)
            .order_by(MeetingSeat.starts_at, User.email)
        )
        return [tuple(row) for row in rows]


def notifications(app, kind_prefix: str = "meeting") -> list[tuple[str, str, str, int]]:
    """Every meeting notification: (reader's e-mail, kind, company named, cluster id), oldest first."""
    with app.app_context(), cross_tenant():
        rows = db.session.execute(
            select(User.email, Notification.kind, Notification.params, Notification.tenant_id)
            .join(Notification.user)
            .where(Notification.kind.startswith(kind_prefix))
            .order_by(Notification.id)
        )
        return [(email, kind, params["company"], tenant_id) for email, kind, params, tenant_id in rows]


def accept_now(app, meeting_id: int) -> None:
    """The answering side of a pending meeting accepts it (as the service does it for a page)."""
    with app.app_context(), cross_tenant():
        meeting = db.session.get(Meeting, meeting_id)
        answering = meeting.invitee if meeting.proposed_by_id == meeting.requester_id else meeting.requester
        meetings.accept(meeting, answering)
        db.session.commit()


def agreed(app, requester_id: int, invitee_id: int, slot: int) -> int:
    """An accepted meeting between two participants in the conference's `slot`-th slot; its id."""
    meeting_id = make_meeting(app, requester_id, invitee_id, slot)
    accept_now(app, meeting_id)
    return meeting_id


def participant_tenant(app, participant_id: int) -> int:
    with app.app_context(), cross_tenant():
        return db.session.get(Participant, participant_id).tenant_id


def at_the_same_moment(monkeypatch, jobs, tables: dict[int, list[int]] | None = None) -> list:
    """Run `jobs` (functions without arguments) in threads of their own and return what each returned.

    Every job stops right after it has looked for a free table until all of them have, so they all
    choose before any of them writes: the database alone decides who wins. `tables` (meeting id: table
    numbers) makes a meeting try other tables than the free ones it found.
    """
    barrier = threading.Barrier(len(jobs), timeout=20)
    looked_up = meetings._free_tables

    def free_tables_then_wait(meeting):
        found = looked_up(meeting)
        barrier.wait()
        return (tables or {}).get(meeting.id, found)

    monkeypatch.setattr(meetings, "_free_tables", free_tables_then_wait)
    results: list = [None] * len(jobs)

    def run(number, job):
        try:
            results[number] = job()
        except Exception as error:  # reported by the test through the result
            results[number] = error

    threads = [threading.Thread(target=run, args=(n, job)) for n, job in enumerate(jobs)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    return results
