"""Fixtures: the app on SQLite (and PostgreSQL when asked), factories, and a CSRF-aware client."""

import os
import re
import sqlite3
from email import policy
from email.message import EmailMessage
from email.parser import BytesParser
from pathlib import Path

import pytest
import time_machine
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po
from flask_migrate import upgrade
from sqlalchemy import event
from sqlalchemy.engine import Engine

from clusterhub import create_app
from clusterhub.i18n import TRANSLATIONS
from tests.downloads import readable
from tests.factories import (
    PASSWORD,
    make_conference,
    make_invitation,
    make_management,
    make_meeting,
    make_participant,
    make_post,
    make_profile,
    make_rating,
    make_response,
    make_tenant,
    make_user,
    membership_id,
    notification_id,
)
from tests.pgserver import PostgresServer
from tests.snapshots import BUILT_BEFORE, EMPTY, PostgresStore, SqliteStore, Store, moment

WANT_POSTGRES = os.environ.get("CLUSTERHUB_TEST_POSTGRES") == "1" or os.environ.get("CI") == "true"
BACKENDS = ["sqlite", "postgresql"] if WANT_POSTGRES else ["sqlite"]
PERSON = "member@alfa.lv"
MOMENT = moment(os.environ.get("CLUSTERHUB_TEST_NOW"))
RUN_CLOCK = pytest.StashKey[time_machine.travel]()


def app_config(database_url: str, tmp_path: Path) -> dict:
    """Settings for one test app: its own database URL and mail folder, cheap password hashing."""
    return {
        "TESTING": True,
        "SQLALCHEMY_DATABASE_URI": database_url,
        "SECRET_KEY": "test-secret-key",
        "MAIL_BACKEND": "file",
        "MAIL_DIR": str(tmp_path / "mail"),
        "INDEX_DIR": str(tmp_path / "index"),
        "PASSWORD_HASH_METHOD": "scrypt:1024:8:1",
        "SERVER_NAME": "clusterhub.test",
        # The suite signs in and posts a lot from one address; tests/security turn the limits on.
        "RATE_LIMITS_ENABLED": False,
    }


@pytest.fixture(scope="session", autouse=True)
def compiled_catalogue():
    """The Latvian .mo as `make translations` builds it, so a bare `pytest` renders Latvian pages too."""
    po = TRANSLATIONS / "lv" / "LC_MESSAGES" / "messages.po"
    mo = po.with_suffix(".mo")
    if not mo.exists() or mo.stat().st_mtime < po.stat().st_mtime:
        partial = mo.with_name(f"{mo.name}.{os.getpid()}")  # written aside: no app reads half a file
        with po.open("rb") as source, partial.open("wb") as target:
            write_mo(target, read_po(source, locale="lv"))
        partial.replace(mo)


@pytest.fixture(scope="session")
def postgres_server():
    server = PostgresServer().start()
    yield server
    server.stop()


@pytest.fixture(scope="session")
def fresh_database(request, tmp_path_factory):
    """Makes empty databases of the backend under test: fresh_database(name) -> URL."""
    backend = request.param if hasattr(request, "param") else "sqlite"
    folder = tmp_path_factory.mktemp("db")
    if backend == "postgresql":
        server = request.getfixturevalue("postgres_server")
        return server.create_database
    return lambda name: f"sqlite:///{folder / name}.sqlite3"


def pytest_generate_tests(metafunc):
    if "fresh_database" in metafunc.fixturenames:
        metafunc.parametrize("fresh_database", BACKENDS, indirect=True, scope="session")


@event.listens_for(Engine, "connect")
def _without_waiting_for_the_disk(dbapi_connection, connection_record) -> None:
    # Test databases are thrown away: waiting for every commit to reach the disk made SQLite tests
    # several times slower on a busy machine.
    if isinstance(dbapi_connection, sqlite3.Connection):
        dbapi_connection.execute("PRAGMA synchronous=OFF")


@pytest.fixture(scope="session")
def stores() -> dict[str, Store]:
    """The run's stores by backend: tests in random order switch backends, and pytest then sets the
    parametrized fixtures below up again; the migrated database and its saved states stay."""
    return {}


@pytest.fixture(scope="session")
def store(fresh_database, stores, tmp_path_factory) -> Store:
    """The run's test database of the backend under test, migrated once, and its saved states."""
    server = getattr(fresh_database, "__self__", None)  # PostgreSQL's fresh_database is its server's
    backend = "postgresql" if isinstance(server, PostgresServer) else "sqlite"
    if backend not in stores:
        folder = tmp_path_factory.mktemp("snapshots")
        if server is not None:
            database = PostgresStore(server, folder)
        else:
            database = SqliteStore(fresh_database("clusterhub_test"), folder)
        shared = create_app(app_config(database.url, tmp_path_factory.mktemp("migrate")))
        with shared.app_context():
            upgrade()
        database.save(EMPTY, shared)
        database.shared_app = shared
        stores[backend] = database
    return stores[backend]


@pytest.fixture(scope="session")
def migrated_url(store) -> str:
    """The URL of the database every test of this backend runs on (emptied before each test)."""
    return store.url


def pytest_configure(config):
    # From the start, so that what test modules compute when imported (this quarter, today) agrees too.
    config.stash[RUN_CLOCK] = time_machine.travel(MOMENT, tick=True)
    config.stash[RUN_CLOCK].start()


def pytest_unconfigure(config):
    config.stash[RUN_CLOCK].stop()


@pytest.fixture(autouse=True)
def clock():
    """Every test starts at the same moment and time runs on from there; a test about time moves it
    with `clock.move_to(...)`. CLUSTERHUB_TEST_NOW runs the suite at another moment."""
    with time_machine.travel(MOMENT, tick=True) as traveller:
        yield traveller


@pytest.fixture
def app(request, store, tmp_path):
    """The run's app on an empty migrated database, with this test's own mail and index folders.

    One app serves the whole run (building one compiles every URL rule and throws away the template and
    statement caches); the settings a test changes are put back after it. A test that adds routes asks
    for an app of its own with `@pytest.mark.own_app`."""
    shared = store.shared_app
    settings = dict(shared.config)
    shared.config.update(MAIL_DIR=str(tmp_path / "mail"), INDEX_DIR=str(tmp_path / "index"))
    test_app = create_app(dict(shared.config)) if request.node.get_closest_marker("own_app") else shared
    store.restore(EMPTY, test_app)
    yield test_app
    store.release(test_app)
    shared.config.clear()
    shared.config.update(settings)


@pytest.fixture
def snapshot(app, store, clock):
    """snapshot(name, build): build() once per run and save what it left; later tests get it back.

    The database, the index and the mail folder are saved with build()'s result (ids, not rows). Every
    build happens a minute before the test's moment, so its records are as old for every test."""

    def restore_or_build(name: str, build):
        if store.has(name):
            store.restore(name, app)
        else:
            clock.move_to(MOMENT - BUILT_BEFORE)
            store.objects[name] = build()
            clock.move_to(MOMENT)
            store.save(name, app)
        return store.objects[name]

    return restore_or_build


@pytest.fixture
def runner(app):
    return app.test_cli_runner()


CSRF_RE = re.compile(r'name="csrf_token" type="hidden" value="([^"]+)"')


class Visitor:
    """A test client that behaves like a browser: it reads the CSRF token from the page it was shown."""

    def __init__(self, app, language: str = "en"):
        self.app = app
        self.client = app.test_client()
        # Tests read English text unless they ask for another language, as a browser would.
        self.client.environ_base["HTTP_ACCEPT_LANGUAGE"] = language
        self.last_page = ""

    def get(self, path: str, **kwargs):
        response = self.client.get(path, **kwargs)
        self.last_page = readable(response)
        return response

    def token(self) -> str:
        found = CSRF_RE.search(self.last_page) or CSRF_RE.search(
            self.get("/login", follow_redirects=True).get_data(as_text=True)
        )
        return found.group(1)

    def post(self, path: str, data: dict | None = None, **kwargs):
        response = self.client.post(path, data={"csrf_token": self.token(), **(data or {})}, **kwargs)
        self.last_page = readable(response)
        return response

    def submit(self, path: str, data: dict | None = None, **kwargs):
        """Open the page with the form, then send it, as a person would."""
        self.get(path)
        return self.post(path, data, **kwargs)

    def login(self, email: str, password: str = PASSWORD):
        response = self.submit("/login", {"email": email, "password": password})
        assert response.status_code == 302, f"login of {email} failed"
        return response

    def mails(self) -> list[EmailMessage]:
        """The e-mails sent so far, oldest first."""
        folder = Path(self.app.config["MAIL_DIR"])
        paths = sorted(folder.glob("*.eml")) if folder.exists() else []
        return [BytesParser(policy=policy.default).parsebytes(p.read_bytes()) for p in paths]


@pytest.fixture
def visitor(app):
    return Visitor(app)


@pytest.fixture
def make_visitor(app):
    return lambda language="en": Visitor(app, language)


@pytest.fixture
def signed_in(make_visitor):
    """signed_in(email, language="en"): a new browser, signed in as that person."""

    def sign_in(email: str, language: str = "en") -> Visitor:
        visitor = make_visitor(language)
        visitor.login(email)
        return visitor

    return sign_in


@pytest.fixture
def person(app) -> int:
    """One person in no cluster, enough for most account and security tests."""
    return make_user(app, PERSON, "Andris Bērziņš")


class World:
    """Two clusters whose every name and text carries a canary that must never show in the other cluster.

    Each cluster has a manager and a member with companies, a filled-in profile, a post, an answer to
    it (a thread), a rating and an invitation; the ids of cluster A's objects fill the isolation matrix.
    """

    CANARY_A = "CANARYALFA"
    CANARY_B = "CANARYBETA"

    def __init__(self, app):
        make_tenant(app, "alfa", f"Alfa {self.CANARY_A} klasteris", vision=f"{self.CANARY_A} vīzija")
        make_tenant(app, "beta", f"Beta {self.CANARY_B} klasteris", vision=f"{self.CANARY_B} vīzija")
        self.manager_a = make_user(
            app, "manager@alfa.lv", f"Māra {self.CANARY_A}", "alfa", "manager", f"SIA {self.CANARY_A} Ābele"
        )
        self.member_a = make_user(
            app, "member@alfa.lv", f"Andris {self.CANARY_A}", "alfa", "member", f"SIA {self.CANARY_A} Čiekurs"
        )
        self.manager_b = make_user(
            app, "manager@beta.lv", f"Baiba {self.CANARY_B}", "beta", "manager", f"SIA {self.CANARY_B} Ēna"
        )
        self.member_b = make_user(
            app, "member@beta.lv", f"Bruno {self.CANARY_B}", "beta", "member", f"SIA {self.CANARY_B} Dārzs"
        )
        colleague = make_user(app, "colleague@alfa.lv", f"Kolēģis {self.CANARY_A}", "alfa")
        self.membership_a = membership_id(app, colleague, "alfa")
        self.invitation_a = make_invitation(
            app, "alfa", "invitee@alfa.lv", self.manager_a, company=f"SIA {self.CANARY_A} Jaunais"
        )
        self.invitation_b = make_invitation(
            app, "beta", "invitee@beta.lv", self.manager_b, company=f"SIA {self.CANARY_B} Jaunais"
        )
        self.company_a, self.post_a, self.thread_a, self.rating_a = self._activity(
            app,
            "alfa",
            self.CANARY_A,
            ("manager@alfa.lv", f"SIA {self.CANARY_A} Ābele"),
            ("member@alfa.lv", f"SIA {self.CANARY_A} Čiekurs"),
        )
        self.company_b, self.post_b, self.thread_b, self.rating_b = self._activity(
            app,
            "beta",
            self.CANARY_B,
            ("manager@beta.lv", f"SIA {self.CANARY_B} Ēna"),
            ("member@beta.lv", f"SIA {self.CANARY_B} Dārzs"),
        )
        # The answer to post_a told member@alfa.lv, whose company wrote the post.
        self.notification_a = notification_id(app, "alfa", "member@alfa.lv", "response")
        self.managed_a = make_management(
            app, "alfa", self.CANARY_A, f"SIA {self.CANARY_A} Čiekurs", "member@alfa.lv", "manager@alfa.lv"
        )
        self.managed_b = make_management(
            app, "beta", self.CANARY_B, f"SIA {self.CANARY_B} Dārzs", "member@beta.lv", "manager@beta.lv"
        )
        self._conference(app)

    def _conference(self, app) -> None:
        """A conference inviting both clusters: member@alfa.lv and member@beta.lv registered (showing
        nothing beyond what every participant shows), manager@alfa.lv's company asking to go, and a meeting
        request from A's participant to B's."""
        self.organiser = make_user(app, "organiser@clusterhub.lv", "Olga Organizatore", is_organiser=True)
        self.conference = make_conference(app, "organiser@clusterhub.lv", {"alfa": 10, "beta": 10})
        self.participant_a = make_participant(
            app,
            self.conference,
            "alfa",
            f"SIA {self.CANARY_A} Čiekurs",
            "member@alfa.lv",
            seeks="Meklējam loģistikas partneri eksportam",
            offers="Piedāvājam koka iepakojumu",
            interests="Loģistika",
        )
        self.request_a = make_participant(
            app, self.conference, "alfa", f"SIA {self.CANARY_A} Ābele", "manager@alfa.lv", status="requested"
        )
        self.participant_b = make_participant(
            app,
            self.conference,
            "beta",
            f"SIA {self.CANARY_B} Dārzs",
            "member@beta.lv",
            seeks="Meklējam iepakojuma piegādātāju",
            offers="Piedāvājam kravu pārvadājumus uz Skandināviju",
            interests="Kokapstrāde",
        )
        self.meeting = make_meeting(
            app, self.participant_a, self.participant_b, message="Tiekamies pie kafijas"
        )

    @staticmethod
    def _activity(app, slug: str, canary: str, answerer: tuple[str, str], poster: tuple[str, str]):
        """The member's company posts a need, the manager's company answers and rates it."""
        company = make_profile(
            app,
            slug,
            poster[1],
            description=f"{canary} apraksts",
            region="kurzeme",
            sectors=[f"{canary} nozare"],
            competences=[f"{canary} kompetence"],
            roles=["producer"],
        )
        post = make_post(
            app,
            slug,
            poster[1],
            poster[0],
            f"{canary} vajadzība",
            category="export",
            tags=[f"{canary} birka"],
        )
        thread = make_response(app, slug, post, answerer[1], answerer[0], f"{canary} atbilde")
        rating = make_rating(app, slug, answerer[1], poster[1], answerer[0], 5, f"{canary} vērtējums")
        return company, post, thread, rating


@pytest.fixture
def world(app, snapshot):
    return snapshot("world", lambda: World(app))


# Every demo test on one worker of a parallel run, so the demo is loaded once.
DEMO = pytest.mark.xdist_group("demo")


def pytest_collection_modifyitems(items):
    for item in items:
        if "demo" in getattr(item, "fixturenames", ()):
            item.add_marker(DEMO)


@pytest.fixture
def demo(app, runner, snapshot) -> str:
    """The demo loaded into the test's database; returns what `demo load` printed.

    Loaded as `make run` loads it: from the command line, with no request and no SERVER_NAME, so links in
    its notifications must build without one."""

    def load() -> str:
        server_name, app.config["SERVER_NAME"] = app.config["SERVER_NAME"], None
        result = runner.invoke(args=["demo", "load"])
        app.config["SERVER_NAME"] = server_name
        assert result.exit_code == 0, result.output
        return result.output

    return snapshot("demo", load)
