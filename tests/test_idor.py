"""Every object id in every route, filled with an id the visitor has no right to: never found, never shown.

The routes come from the app's URL map, like the isolation matrix (tests/test_isolation.py), which walks
each route with cluster A's own objects. Here the ids belong to someone else:

- another cluster: cluster B's objects in cluster A's addresses (/c/alfa/…/<B's id>);
- another company: cluster A's objects as a member of a third company of cluster A, party to none of them;
- another event: a conference that does not invite the visitor's cluster, and meetings the visitor is not
  one side of.

A new route with an id fails here until its id argument has a foreign value (FOREIGN) and, inside a
cluster, until it is classified as open to every member or reserved to the object's parties (OPEN_TO_MEMBERS,
PARTIES_ONLY).
"""

import re

import pytest
from sqlalchemy import select
from werkzeug.routing import Rule

from clusterhub.accounts.models import User
from clusterhub.accounts.sessions import start_session
from clusterhub.admission.models import Application
from clusterhub.companies.models import Company
from clusterhub.companies.services import update_profile
from clusterhub.extensions import db
from tenants.context import cross_tenant, tenant_scope
from tenants.models import Tenant
from tests.conftest import World
from tests.factories import (
    make_conference,
    make_meeting,
    make_participant,
    make_user,
    membership_id,
    notification_id,
)
from tests.mailbox import plain_text
from tests.routes import ARGUMENTS, all_routes

# Route arguments that name no stored object of a cluster, company or event.
NOT_IDS = {"tenant_slug", "year", "quarter", "token", "filename", "file_format"}
CANARY_EVENT = "CANARYEVENT"
OUTSIDER = "outsider@alfa.lv"
OUTSIDER_COMPANY = f"SIA {World.CANARY_A} Dzērve"
REFUSED = {403, 404}


class Foreign:
    """What the visitors of cluster A have no right to, added to the world of the isolation matrix.

    Cluster B's objects; a conference that invites only cluster B (its own organiser, a participant and a
    meeting); a meeting of the shared conference between cluster B's participant and a third one; and a
    third company of cluster A with a member of its own.
    """

    def __init__(self, app, world: World):
        make_user(app, "organiser2@clusterhub.lv", "Otto Organizators", is_organiser=True)
        self.conference_b = make_conference(
            app, "organiser2@clusterhub.lv", {"beta": 10}, title=f"{CANARY_EVENT} konference"
        )
        make_user(
            app, "third@beta.lv", f"Teodors {World.CANARY_B}", "beta", "member", f"SIA {World.CANARY_B} Egle"
        )
        self.participant_b = make_participant(
            app,
            self.conference_b,
            "beta",
            f"SIA {World.CANARY_B} Dārzs",
            "member@beta.lv",
            seeks=CANARY_EVENT,
        )
        third = make_participant(
            app, self.conference_b, "beta", f"SIA {World.CANARY_B} Egle", "third@beta.lv", seeks=CANARY_EVENT
        )
        self.meeting_b = make_meeting(app, self.participant_b, third, message=CANARY_EVENT)
        # A meeting of the shared conference that member@alfa.lv (world.participant_a) is no side of.
        shared_third = make_participant(
            app, world.conference, "beta", f"SIA {World.CANARY_B} Egle", "third@beta.lv", seeks=CANARY_EVENT
        )
        self.meeting_of_others = make_meeting(
            app, world.participant_b, shared_third, slot=1, message=f"{CANARY_EVENT} tikšanās"
        )
        self.ids = {
            "invitation_id": world.invitation_b,
            "membership_id": membership_id(app, world.member_b, "beta"),
            "company_id": world.company_b,
            "post_id": world.post_b,
            "thread_id": world.thread_b,
            "rating_id": world.rating_b,
            "notification_id": notification_id(app, "beta", "member@beta.lv", "response"),
            **{f"{name}_id": world.managed_b[name] for name in ARGUMENT_RECORDS},
            "conference_id": self.conference_b,
            "participant_id": world.participant_b,
            "meeting_id": self.meeting_b,
            "session_id": self._session_of(app, world.member_b),
            "cluster_slug": "beta",
            "person_id": world.member_b,
        }
        make_user(app, OUTSIDER, f"Ojārs {World.CANARY_A}", "alfa", "member", OUTSIDER_COMPANY)

    @staticmethod
    def _session_of(app, user_id: int) -> int:
        """A signed-in browser of another person."""
        with app.app_context():
            signed_in = start_session(db.session.get(User, user_id), f"{World.CANARY_B} pārlūks", False)
            db.session.commit()
            return signed_in.id


# The world's management records that routes name by id (see tests.factories.make_management).
ARGUMENT_RECORDS = ("visit", "service", "use", "story", "news", "application", "event", "step", "group")

# Routes inside a cluster whose object any member of the cluster may open or act on: a company's profile,
# a need anyone may answer, a rating anyone may report, the cluster's services, news, events and interest
# groups (anyone may join or leave one), a company the network of clusters shows. (The logo
# of company_a is not found by anyone: it has none.)
OPEN_TO_MEMBERS = {
    "catalogue.service",
    "cluster_conferences.request_to_go",
    "companies.detail",
    "companies.logo_image",
    "companies.open_posts",
    "events.attend",
    "events.detail",
    "events.withdraw_attendance",
    "groups.detail",
    "groups.join_group",
    "groups.leave_group",
    "matches.dismiss_partner",
    "network.conversation",
    "news.detail",
    "posts.contact_company",
    "posts.detail",
    "ratings.company_ratings",
    "ratings.flag_rating",
}
# Routes inside a cluster whose object only its own company's people (or the parties to a thread, or the
# addressee of a notification) may open; a member of another company is refused. A company rates only a
# company it has been in contact with; story_a awaits company_a's approval, so only its author, company_a's
# people and the managers see it.
PARTIES_ONLY = {
    "catalogue.feedback",
    "companies.admissions",
    "companies.edit",
    "companies.history",
    "companies.logo",
    "companies.remove_logo",
    "companies.representation",
    "matches.dismiss_for_post",
    "members.leave",
    "network.company_choice",
    "notifications.follow",
    "posts.close",
    "posts.collaboration",
    "posts.edit",
    "posts.reopen",
    "posts.thread",
    "posts.withdraw",
    "ratings.rate_company",
    "ratings.reply_to_rating",
    "stories.approve",
    "stories.decline",
    "stories.detail",
    "stories.edit",
}
# Text that only the parties to cluster A's objects see: the answer in thread_a and the visit report.
PRIVATE_A = (f"{World.CANARY_A} atbilde", f"{World.CANARY_A} vadītāja")


@pytest.fixture
def foreign(app, world):
    return Foreign(app, world)


def _id_names(rule: Rule) -> set[str]:
    return set(rule.arguments) - NOT_IDS


def _id_routes(app, prefix: str) -> list[tuple[Rule, str]]:
    return [
        (rule, method) for rule, method in all_routes(app) if _id_names(rule) and rule.rule.startswith(prefix)
    ]


def _visit(visitor, method: str, path: str):
    response = visitor.get(path) if method == "GET" else visitor.post(path)
    return response.status_code, visitor.last_page


def _own(world: World, rule: Rule) -> dict:
    return {name: ARGUMENTS[name](world) for name in rule.arguments}


def _one_foreign_at_a_time(rule: Rule, own: dict, foreign_ids: dict) -> list[str]:
    """A path per id argument, that argument foreign and the others the visitor's own."""
    missing = _id_names(rule) - set(foreign_ids)
    assert not missing, f"{rule.rule}: add a foreign value of {missing} to Foreign.ids"
    return [rule.build({**own, name: foreign_ids[name]})[1] for name in sorted(_id_names(rule))]


@pytest.mark.parametrize("email", ["manager@alfa.lv", "member@alfa.lv"])
def test_another_clusters_ids_are_not_found_in_a_cluster(app, world, foreign, signed_in, email):
    visitor = signed_in(email)
    for rule, method in _id_routes(app, "/c/"):
        for path in _one_foreign_at_a_time(rule, _own(world, rule), foreign.ids):
            status, body = _visit(visitor, method, path)
            assert status in REFUSED, f"{email} {method} {path}: {status}"
            assert World.CANARY_B not in body and CANARY_EVENT not in body, f"{method} {path} shows B's data"


def test_another_companys_objects_are_refused_to_a_member(app, world, foreign, signed_in):
    visitor = signed_in(OUTSIDER)
    for rule, method in _id_routes(app, "/c/"):
        view = app.view_functions[rule.endpoint]
        path = rule.build(_own(world, rule))[1]
        status, body = _visit(visitor, method, path)
        where = f"{OUTSIDER} {method} {path}: {status}"
        if getattr(view, "access", None) == "manager":
            assert status == 403, where
        elif rule.endpoint in PARTIES_ONLY:
            assert status in REFUSED, where
        else:
            assert rule.endpoint in OPEN_TO_MEMBERS, (
                f"{rule.endpoint}: add it to OPEN_TO_MEMBERS or PARTIES_ONLY"
            )
            assert status < 500, where
        if status in REFUSED:
            assert not any(text in body for text in PRIVATE_A), f"{where} shows another company's data"


def _event_paths(rule: Rule, world: World, foreign: Foreign) -> list[str]:
    """The conference that does not invite cluster A; the shared conference with others' meetings."""
    unknown = _id_names(rule) - {"conference_id", "meeting_id", "participant_id"}
    assert not unknown, f"{rule.rule}: say in _event_paths which other event's {unknown} to try"
    cases = [
        {
            "conference_id": foreign.conference_b,
            "meeting_id": foreign.meeting_b,
            "participant_id": foreign.participant_b,
        }
    ]
    if "participant_id" in rule.arguments:  # the shared conference's page, another event's participant
        cases.append({"conference_id": world.conference, "participant_id": foreign.participant_b})
    if "meeting_id" in rule.arguments:
        cases += [
            {"conference_id": world.conference, "meeting_id": foreign.meeting_b},
            {"conference_id": world.conference, "meeting_id": foreign.meeting_of_others},
        ]
    # Arguments that are no ids (a download's file format) are filled as for cluster A.
    fill = {name: ARGUMENTS[name](world) for name in set(rule.arguments) - _id_names(rule)}
    return [rule.build({**fill, **{name: case[name] for name in _id_names(rule)}})[1] for case in cases]


@pytest.mark.parametrize("email", ["member@alfa.lv", "organiser@clusterhub.lv"])
def test_another_events_ids_are_refused(app, world, foreign, signed_in, email):
    """A participant (member@alfa.lv) and the organiser of the shared conference, in another conference."""
    visitor = signed_in(email)
    for rule, method in _id_routes(app, "/events/"):
        for path in _event_paths(rule, world, foreign):
            status, body = _visit(visitor, method, path)
            assert status in REFUSED, f"{email} {method} {path}: {status}"
            assert CANARY_EVENT not in body, f"{email} {method} {path} shows another event's data"


def test_platform_routes_refuse_other_peoples_ids(app, world, foreign, signed_in):
    """Routes outside clusters and conferences (a person's or a company's own pages) with B's ids."""
    visitor = signed_in("member@alfa.lv")
    for rule, method in all_routes(app):
        # The API answers a browser 401 whatever the id; tests/api/test_isolation.py walks it with tokens.
        if not _id_names(rule) or rule.rule.startswith(("/c/", "/events/", "/api/")):
            continue
        for path in _one_foreign_at_a_time(rule, _own(world, rule), foreign.ids):
            status, body = _visit(visitor, method, path)
            assert status in REFUSED, f"member@alfa.lv {method} {path}: {status}"
            assert World.CANARY_B not in body, f"{method} {path} shows B's data"


def _import_naming(app, runner, tmp_path, company_name: str, number: str) -> None:
    """Cluster A imports a row with the registration number of cluster B's company."""
    with app.app_context(), tenant_scope(db.session.scalar(select(Tenant).where(Tenant.slug == "beta"))):
        company = db.session.scalar(select(Company).where(Company.name == company_name))
        update_profile(company, None, {"registration_number": number})
        db.session.commit()
    path = tmp_path / "import.csv"
    path.write_bytes(f"name,registration_number\r\nMans uzņēmums,{number}\r\n".encode())
    result = runner.invoke(args=["import", "companies", str(path), "--tenant", "alfa"])
    assert result.output == "1 company: 1 waiting for the company\n"


@pytest.mark.parametrize("email", ["manager@alfa.lv", "member@alfa.lv"])
def test_a_company_an_import_row_names_stays_out_of_reach_until_it_accepts(
    app, world, signed_in, runner, tmp_path, email
):
    """B's company named by A's import is only waiting: every company route of A refuses it."""
    _import_naming(app, runner, tmp_path, f"SIA {World.CANARY_B} Dārzs", "40103000002")
    visitor = signed_in(email)
    for rule, method in _id_routes(app, "/c/"):
        if "company_id" not in rule.arguments:
            continue
        path = rule.build({**_own(world, rule), "company_id": world.company_b})[1]
        status, body = _visit(visitor, method, path)
        assert status in REFUSED, f"{email} {method} {path}: {status}"
        assert World.CANARY_B not in body, f"{method} {path} shows B's data"


def test_an_application_naming_another_clusters_company_never_reaches_it(app, world, make_visitor, signed_in):
    """Cluster B's company named (name and registration number) in an application to A and accepted there:
    the applicant joins A with a company of A's own, and every company route of A refuses B's company."""
    applicant = make_visitor()
    details = {"company_name": f"SIA {World.CANARY_B} Dārzs", "registration_number": "40103000002"}
    details |= {"contact_name": "Pēteris Pieteicējs", "email": "peteris@example.lv", "motivation": "Gribam."}
    applicant.submit("/join/alfa", details)
    manager = signed_in("manager@alfa.lv")
    with app.app_context(), cross_tenant():
        application_id = db.session.scalar(
            select(Application.id).where(Application.email == "peteris@example.lv")
        )
    manager.submit(f"/c/alfa/manage/applications/{application_id}/accept", {"language": "en"})
    invitation = next(mail for mail in manager.mails() if mail["To"] == "peteris@example.lv")
    link = re.search(r"http://clusterhub\.test(/invitation/\S+)", plain_text(invitation)).group(1)
    form = {"name": "Pēteris Pieteicējs", "password": "jauna-parole-123", "confirm": "jauna-parole-123"}
    assert applicant.submit(link, {**form, "language": "en"}).status_code == 302
    for rule, method in _id_routes(app, "/c/"):
        if "company_id" in rule.arguments:
            path = rule.build({**_own(world, rule), "company_id": world.company_b})[1]
            status, body = _visit(applicant, method, path)
            assert status in REFUSED and World.CANARY_B + " apraksts" not in body, (
                f"{method} {path}: {status}"
            )
