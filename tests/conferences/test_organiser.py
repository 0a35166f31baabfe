"""Organisers plan inter-cluster conferences, invite clusters with quotas, change and delete them; everyone
invited finds them under /events/ and sees the next step that is theirs."""

import re
from datetime import UTC, datetime, timedelta

from sqlalchemy import select

from clusterhub.clock import local_today
from clusterhub.conferences.models import EventCluster, MeetingWindow, Participant
from clusterhub.events.models import Event
from clusterhub.extensions import db
from clusterhub.notifications.models import Notification
from tenants.context import cross_tenant
from tenants.models import Tenant
from tests.factories import make_conference, make_meeting, make_participant, make_tenant, make_user
from tests.mailbox import plain_text

TITLE = "Rudens starpklasteru forums"


def _tenant_id(app, slug: str) -> int:
    with app.app_context():
        return db.session.scalar(select(Tenant.id).where(Tenant.slug == slug))


def _conference_form(app, **changes) -> dict:
    """A new conference on 7 October 2030 inviting cluster alfa (quota 5), beta left out."""
    alfa, beta = _tenant_id(app, "alfa"), _tenant_id(app, "beta")
    return {
        "title": TITLE,
        "description": "**Sadarbība** starp nozarēm",
        "venue": "Rīga, Kalnciema iela 1",
        "starts_at": "2030-10-07T09:00",
        "ends_at": "2030-10-07T17:00",
        "registration_closes_at": "2030-09-30T17:00",
        "slot_minutes": "20",
        "tables": "5",
        "windows": "2030-10-07 10:00-12:00\n2030-10-07 14:00-15:00",
        f"invite_{alfa}": "y",
        f"quota_{alfa}": "5",
        f"quota_{beta}": "10",
        **changes,
    }


def _world_form(app, world, **changes) -> dict:
    """The world's conference as its edit form shows it (14 days ahead, 9:00-17:00, one window 10-12)."""
    day = (local_today() + timedelta(days=14)).isoformat()
    deadline = (local_today() + timedelta(days=7)).isoformat()
    alfa, beta = _tenant_id(app, "alfa"), _tenant_id(app, "beta")
    return {
        "title": "Starpklasteru konference",
        "description": "",
        "venue": "Rīga, Kalnciema iela 1",
        "starts_at": f"{day}T09:00",
        "ends_at": f"{day}T17:00",
        "registration_closes_at": f"{deadline}T09:00",
        "slot_minutes": "30",
        "tables": "3",
        "windows": f"{day} 10:00-12:00",
        f"invite_{alfa}": "y",
        f"quota_{alfa}": "10",
        f"invite_{beta}": "y",
        f"quota_{beta}": "10",
        **changes,
    }


def _conferences(app) -> list[Event]:
    with app.app_context(), cross_tenant():
        return list(db.session.scalars(select(Event).where(Event.kind == "conference").order_by(Event.id)))


def _errors(page: str, field_id: str) -> str:
    found = re.search(rf'id="{field_id}-errors">(.*?)</ul>', page, re.S)
    return found.group(1) if found else ""


def test_an_organiser_creates_a_conference_with_windows_and_quotas_and_finds_it_listed(app, world, signed_in):
    organiser = signed_in("organiser@clusterhub.lv")
    assert "New conference" in organiser.get("/events/").get_data(as_text=True)
    response = organiser.submit("/events/new", _conference_form(app))
    assert response.status_code == 302
    event = _conferences(app)[-1]
    assert response.headers["Location"].endswith(f"/events/{event.id}")
    with app.app_context(), cross_tenant():
        event = db.session.get(Event, event.id)
        assert (event.title, event.organiser.email, event.slot_minutes, event.tables, event.tenant_id) == (
            TITLE,
            "organiser@clusterhub.lv",
            20,
            5,
            None,
        )
        # 10:00 in Rīga in October (summer time, UTC+3) is 7:00 UTC.
        windows = db.session.scalars(select(MeetingWindow).where(MeetingWindow.event_id == event.id))
        assert [(w.starts_at, w.ends_at) for w in windows] == [
            (datetime(2030, 10, 7, 7, 0, tzinfo=UTC), datetime(2030, 10, 7, 9, 0, tzinfo=UTC)),
            (datetime(2030, 10, 7, 11, 0, tzinfo=UTC), datetime(2030, 10, 7, 12, 0, tzinfo=UTC)),
        ]
        invited = db.session.scalars(select(EventCluster).where(EventCluster.event_id == event.id))
        assert [(i.tenant.slug, i.quota) for i in invited] == [("alfa", 5)]
    listing = organiser.get("/events/").get_data(as_text=True)
    assert TITLE in listing
    page = organiser.get(f"/events/{event.id}").get_data(as_text=True)
    assert (
        "<strong>Sadarbība</strong>" in page and "9 meeting slots of 20 minutes at each of 5 tables" in page
    )
    assert f"/events/{event.id}/edit" in page and f"/events/{event.id}/report" in page


def test_the_managers_of_invited_clusters_are_told_of_the_invitation(app, world, signed_in):
    organiser = signed_in("organiser@clusterhub.lv")
    organiser.submit("/events/new", _conference_form(app))
    with app.app_context(), cross_tenant():
        told = db.session.execute(
            select(
                Notification.user_id, Notification.tenant_id, Notification.link, Notification.params
            ).where(Notification.kind == "conference_invitation")
        ).all()
    assert [(user, tenant, link) for user, tenant, link, _ in told] == [
        (world.manager_a, _tenant_id(app, "alfa"), "/c/alfa/conferences")
    ]
    assert told[0].params == {"event": TITLE, "quota": 5, "deadline": "2030-09-30T14:00:00+00:00"}
    mails = [mail for mail in organiser.mails() if mail["To"] == "manager@alfa.lv"]
    assert mails and "nominate up to 5 member companies by 30 Sep 2030 17:00" in plain_text(mails[-1])


def test_only_organisers_create_conferences(app, world, signed_in):
    member = signed_in("manager@alfa.lv")
    assert member.get("/events/new").status_code == 403
    assert member.post("/events/new", _conference_form(app)).status_code == 403
    assert "New conference" not in member.get("/events/").get_data(as_text=True)
    assert len(_conferences(app)) == 1  # the world's


def test_mistakes_are_shown_beside_their_fields_and_nothing_is_saved(app, world, signed_in):
    organiser = signed_in("organiser@clusterhub.lv")
    alfa = _tenant_id(app, "alfa")
    mistakes = _conference_form(
        app,
        ends_at="2030-10-07T08:00",
        registration_closes_at="2030-10-08T09:00",
        windows="2030-10-07 10:00-12:00\n2030-10-07 11:30-13:00\nlunch\n2030-10-09 10:00-11:00",
        slot_minutes="3",
        tables="501",
        **{f"quota_{alfa}": "0"},
    )
    response = organiser.submit("/events/new", mistakes)
    page = organiser.last_page
    assert response.status_code == 200
    assert "The end must be after the start." in _errors(page, "ends_at")
    assert "The registration deadline must be before the conference starts." in _errors(
        page, "registration_closes_at"
    )
    windows = _errors(page, "windows")
    assert "Line 3: write a window as 2026-03-14 10:00-12:00." in windows
    assert "Line 4: the window must lie within the conference." in windows
    assert "Line 2 overlaps line 1." not in windows  # both already lie outside the conference (ends at 8:00)
    assert "Number must be between 5 and 240." in _errors(page, "slot_minutes")
    assert "Number must be between 1 and 500." in _errors(page, "tables")
    assert "Enter a quota between 1 and 1000." in _errors(page, f"quota_{alfa}")
    assert 'aria-invalid="true"' in page and "lunch" in page  # what was typed stays in the form
    assert len(_conferences(app)) == 1


def test_overlapping_windows_and_a_conference_inviting_nobody_are_refused(app, world, signed_in):
    organiser = signed_in("organiser@clusterhub.lv")
    alfa = _tenant_id(app, "alfa")
    form = _conference_form(app, windows="2030-10-07 10:00-12:00\n2030-10-07 11:30-13:00")
    del form[f"invite_{alfa}"]
    assert organiser.submit("/events/new", form).status_code == 200
    assert "Line 2 overlaps line 1." in _errors(organiser.last_page, "windows")
    assert "Invite at least one cluster." in _errors(organiser.last_page, "clusters")
    assert len(_conferences(app)) == 1


def test_an_organiser_changes_a_conference_and_a_newly_invited_cluster_is_told(app, world, signed_in):
    make_tenant(app, "gamma", "Gamma klasteris")
    make_user(app, "manager@gamma.lv", "Gita", "gamma", "manager", "SIA Gamma")
    gamma = _tenant_id(app, "gamma")
    organiser = signed_in("organiser@clusterhub.lv")
    edit = f"/events/{world.conference}/edit"
    assert 'name="windows"' in organiser.get(edit).get_data(as_text=True)
    changes = {"title": "Jauns nosaukums", f"invite_{gamma}": "y", f"quota_{gamma}": "4"}
    response = organiser.submit(edit, _world_form(app, world, **changes))
    assert response.status_code == 302
    with app.app_context(), cross_tenant():
        event = db.session.get(Event, world.conference)
        assert event.title == "Jauns nosaukums"
        invited = db.session.scalars(select(EventCluster).where(EventCluster.event_id == event.id))
        assert sorted((i.tenant.slug, i.quota) for i in invited) == [("alfa", 10), ("beta", 10), ("gamma", 4)]
        told = db.session.scalars(
            select(Notification.tenant_id).where(Notification.kind == "conference_invitation")
        ).all()
    assert told == [gamma]


def test_a_cluster_with_participants_stays_invited_and_a_quota_stays_above_its_nominations(
    app, world, signed_in
):
    make_user(app, "jauns@alfa.lv", "Jānis", "alfa", "member", "SIA Jaunais")
    make_participant(app, world.conference, "alfa", "SIA Jaunais", status="nominated")
    alfa, beta = _tenant_id(app, "alfa"), _tenant_id(app, "beta")
    organiser = signed_in("organiser@clusterhub.lv")
    form = _world_form(app, world, title="Nemainīsies", **{f"quota_{alfa}": "1"})
    del form[f"invite_{beta}"]
    assert organiser.submit(f"/events/{world.conference}/edit", form).status_code == 200
    page = organiser.last_page
    assert "stays invited: 1 of its companies is nominated or asked to go" in _errors(page, f"invite_{beta}")
    assert "has nominated 2 companies already: the quota cannot be smaller." in _errors(page, f"quota_{alfa}")
    with app.app_context(), cross_tenant():
        assert db.session.get(Event, world.conference).title == "Starpklasteru konference"
        assert db.session.scalar(select(EventCluster).where(EventCluster.tenant_id == beta)) is not None


def test_windows_and_tables_cannot_leave_accepted_meetings_without_a_place(app, world, signed_in):
    make_meeting(app, world.participant_b, world.participant_a, slot=3, status="accepted", table_no=3)
    day = (local_today() + timedelta(days=14)).isoformat()
    organiser = signed_in("organiser@clusterhub.lv")
    form = _world_form(app, world, windows=f"{day} 10:00-11:00", tables="2")
    assert organiser.submit(f"/events/{world.conference}/edit", form).status_code == 200
    page = organiser.last_page
    assert "1 accepted meeting (on" in _errors(page, "windows") and "11:30)" in _errors(page, "windows")
    assert "is at a table beyond this number" in _errors(page, "tables")
    # The slot of the meeting (11:30-12:00) stays in a window that grows: that change is fine.
    form = _world_form(app, world, windows=f"{day} 10:00-12:00\n{day} 13:00-14:00")
    assert organiser.submit(f"/events/{world.conference}/edit", form).status_code == 302
    with app.app_context(), cross_tenant():
        windows = db.session.scalars(select(MeetingWindow).where(MeetingWindow.event_id == world.conference))
        assert len(windows.all()) == 2


def test_only_the_conferences_own_organiser_changes_or_deletes_it(app, world, signed_in):
    make_user(app, "cits@clusterhub.lv", "Cits Organizators", is_organiser=True)
    other = signed_in("cits@clusterhub.lv")
    for path in (f"/events/{world.conference}/edit", f"/events/{world.conference}/delete"):
        assert other.get(path).status_code == 403
        assert other.post(path).status_code == 403
    make_user(app, "admin@clusterhub.lv", "Admins", is_admin=True)
    admin = signed_in("admin@clusterhub.lv")
    assert admin.get(f"/events/{world.conference}/edit").status_code == 200


def test_deleting_a_conference_asks_first_and_takes_its_participants_along(app, world, signed_in):
    organiser = signed_in("organiser@clusterhub.lv")
    path = f"/events/{world.conference}/delete"
    question = organiser.get(path).get_data(as_text=True)
    assert "Delete “Starpklasteru konference”?" in question and "2 clusters" in question
    assert "3 companies" in question
    assert len(_conferences(app)) == 1  # asking deleted nothing
    response = organiser.post(path)
    assert response.status_code == 302 and response.headers["Location"].endswith("/events/")
    assert _conferences(app) == []
    with app.app_context(), cross_tenant():
        assert db.session.scalars(select(Participant)).all() == []
        assert db.session.scalars(select(EventCluster)).all() == []
    assert organiser.get(f"/events/{world.conference}").status_code == 404


def test_the_conference_page_shows_nothing_of_clusters_it_does_not_invite(app, world, signed_in):
    make_tenant(app, "gamma", "Gamma CANARYGAMMA klasteris")
    make_user(app, "member@gamma.lv", "Guntis", "gamma", "member", "SIA CANARYGAMMA")
    only_alfa = make_conference(app, "organiser@clusterhub.lv", {"alfa": 7}, title="Tikai Alfa")
    organiser = signed_in("organiser@clusterhub.lv")
    page = organiser.get(f"/events/{only_alfa}").get_data(as_text=True)
    assert "Alfa CANARYALFA klasteris" in page and "CANARYBETA" not in page and "CANARYGAMMA" not in page
    outsider = signed_in("member@gamma.lv")
    assert outsider.get(f"/events/{only_alfa}").status_code == 403
    assert outsider.get(f"/events/{world.conference}").status_code == 403
    assert "Tikai Alfa" not in outsider.get("/events/").get_data(as_text=True)
    assert signed_in("member@beta.lv").get(f"/events/{only_alfa}").status_code == 403


def test_each_visitor_sees_their_own_next_step(app, world, signed_in):
    conference = f"/events/{world.conference}"
    participant = signed_in("member@alfa.lv").get(conference).get_data(as_text=True)
    assert f"{conference}/participants" in participant and f"{conference}/agenda" in participant
    assert f"{conference}/edit" not in participant
    make_participant(app, world.conference, "beta", "SIA CANARYBETA Ēna", status="nominated")
    nominated = signed_in("manager@beta.lv").get(conference).get_data(as_text=True)
    assert "Your company is nominated: register now" in nominated and f"{conference}/register" in nominated
    assert f"{conference}/agenda" not in nominated and "/c/beta/conferences" in nominated
    colleague = signed_in("colleague@alfa.lv").get(conference).get_data(as_text=True)
    assert "/c/alfa/conferences" in colleague and f"{conference}/register" not in colleague


def test_people_find_the_conferences_of_their_clusters_on_their_list(app, world, signed_in):
    listing = signed_in("colleague@alfa.lv").get("/events/").get_data(as_text=True)
    assert "Starpklasteru konference" in listing and f"/events/{world.conference}" in listing
    assert "Conferences you organise" not in listing
    make_user(app, "loner@clusterhub.lv", "Vientulis")
    empty = signed_in("loner@clusterhub.lv").get("/events/").get_data(as_text=True)
    assert "None of your clusters is invited to an upcoming conference." in empty
    assert "No past conferences." in empty


def test_signing_in_is_needed_for_conferences(app, world, visitor):
    response = visitor.get("/events/")
    assert response.status_code == 302 and "/login" in response.headers["Location"]
