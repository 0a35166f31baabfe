"""Several machines, as deploy/ runs them: two application servers and one background worker on one
PostgreSQL database with PostgreSQL search, each process with a working folder of its own.

A browser signed in through server A stays signed in on server B; a need posted through A's form is found
by B's search and shows its suggestions there once the worker (never a request) has done the outbox work;
a rate limit counts the hits of both servers together. Afterwards the servers' folders are still empty:
they keep nothing of their own that the other would miss. And servers restarted together, each migrating
the database as deploy/serve does, all start.
"""

import contextlib
import os
import re
import subprocess
import sys
import time
from pathlib import Path
from urllib.parse import quote, urlsplit

import pytest
import time_machine

from bench.server import Client, Gunicorn
from clusterhub import ROOT
from tests.factories import PASSWORD, make_profile, make_tenant, make_user
from tests.matching.test_pages import AUTHOR, CLUSTER, STUDIO, STUDIO_PROFILE, build_need
from tests.search.conftest import waiting

SECRET_KEY = "several-servers-share-this-key-" + "k" * 20
# The worker's pass ends within a second or two on an idle machine; the deadline only stops a broken run.
DEADLINE = 120.0
TITLE = "Meklējam skaņu režisoru reklāmas rullīšiem"
UNIQUE_WORD = "rullīšiem"
OTHER_STUDIO = "SIA Otrā Studija"
HIDDEN = re.compile(rb'<input[^>]*name="([^"]+)"[^>]*type="hidden"[^>]*value="([^"]*)"')
RESET_LIMIT = 3  # RATE_LIMITS["password_reset_email"]: 3 requests per e-mail per hour (the shipped default)


@pytest.fixture
def several_machines(app, tmp_path):
    """The seeded database, and a starter of processes that a failed test names with their logs."""
    if not app.config["SQLALCHEMY_DATABASE_URI"].startswith("postgresql"):
        pytest.skip("several application servers need PostgreSQL (and its search backend)")
    # Seeded in the test's process with PostgreSQL search, so the servers start with every cluster indexed.
    app.config["SEARCH_BACKEND"] = "postgres"
    build_need(app)
    make_tenant(app, "otra", "Otrais klasteris")
    make_user(app, "ilze@otra.lv", "Ilze Otra", "otra", "member", OTHER_STUDIO)
    make_profile(app, "otra", OTHER_STUDIO, **STUDIO_PROFILE)
    machines = Machines(app, tmp_path)
    yield machines
    machines.stop()


class Machines:
    """Starts application servers and workers, each with its own folder, against the test's database."""

    def __init__(self, app, root: Path):
        self.app = app
        self.root = root
        self.processes = contextlib.ExitStack()
        self.logs: list[Path] = []

    def stop(self) -> None:
        """Stop every process started, then print their logs (pytest shows them when the test failed)."""
        self.processes.close()
        for log in self.logs:
            print(f"===== {log.name} =====\n{log.read_text(errors='replace')[-6000:]}")

    def folder(self, name: str) -> Path:
        folder = self.root / name
        folder.mkdir()
        return folder

    def environment(self, folder: Path) -> dict[str, str]:
        settings = {
            "DATABASE_URL": self.app.config["SQLALCHEMY_DATABASE_URI"],
            "SECRET_KEY": SECRET_KEY,
            "SEARCH_BACKEND": "postgres",
            "OUTBOX_WORKER": "1",
            "RATE_LIMITS": "1",
            # INDEX_DIR, MAIL_DIR and the privacy file default to places inside it.
            "INSTANCE_DIR": str(folder),
            "WORKERS": "1",
            "WORKER_POLL_SECONDS": "0.2",
        }
        return {f"CLUSTERHUB_{name}": value for name, value in settings.items()}

    def server(self, name: str) -> Gunicorn:
        """An application server with deploy/gunicorn.conf.py's settings, answering /healthz with 200."""
        environment = self.environment(self.folder(name))
        environment["GUNICORN_CMD_ARGS"] = f"--config {ROOT / 'deploy' / 'gunicorn.conf.py'}"
        log = self.root / f"{name}.log"
        self.logs.append(log)
        started = Gunicorn("clusterhub:create_app()", environment, log, workers=1)
        server = self.processes.enter_context(started)
        status = until(lambda: Client(server.port).get("/healthz")[0], lambda status: status == 200)
        assert status == 200, f"{name} is not healthy"
        return server

    def worker(self, name: str) -> None:
        """`flask worker run`, as deploy/clusterhub-worker.service starts it."""
        log = self.root / f"{name}.log"
        self.logs.append(log)
        flask = Path(sys.executable).with_name("flask")
        with log.open("wb") as output:
            process = subprocess.Popen(
                [str(flask), "--app", "clusterhub", "worker", "run"],
                cwd=ROOT,
                env={**_inherited(), **self.environment(self.folder(name))},
                stdout=output,
                stderr=subprocess.STDOUT,
            )
        self.processes.callback(_stop, process)

    def files_kept(self, name: str) -> list[str]:
        return sorted(str(path.relative_to(self.root)) for path in (self.root / name).rglob("*"))


def _inherited() -> dict[str, str]:
    # The test run's own CLUSTERHUB_* settings are not the worker's.
    return {name: value for name, value in os.environ.items() if not name.startswith("CLUSTERHUB_")}


def _stop(process: subprocess.Popen) -> None:
    process.terminate()
    try:
        process.wait(30)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()


def until(read, done):
    """read() again until done(its value) or the deadline; the last value (a failing test shows it)."""
    deadline = time.monotonic() + DEADLINE
    while True:
        try:
            value = read()
        except OSError as error:  # not listening yet
            value = error
        if done(value) or time.monotonic() > deadline:
            return value
        time.sleep(0.2)


def _inside_one_window(seconds: int) -> None:
    """Rate limits count in fixed windows (on the hour for an hour's): a few hits that would straddle two
    windows wait for the next one to start. The servers' clock is the real one, not the test's."""
    left = seconds - time_machine.escape_hatch.time.time() % seconds
    if left < 30:
        time.sleep(left + 1)


def browser_of(server: Gunicorn) -> Client:
    return Client(server.port, {"Accept-Language": "en"})


def send_form(browser: Client, path: str, fields: dict[str, str]) -> int:
    """Open the form's page, then send it with its hidden fields (CSRF and one-time tokens) as shown."""
    status, page = browser.get(path)
    assert status == 200, f"{path} answered {status}"
    hidden = {name.decode(): value.decode() for name, value in HIDDEN.findall(page)}
    return browser.post(path, {**hidden, **fields})[0]


def text_of(browser: Client, path: str) -> str:
    return browser.get(path)[1].decode()


def suggestions_of(browser: Client, path: str) -> str:
    """The need page's suggestions section (empty until they are computed)."""
    page = text_of(browser, path)
    return page.partition('id="need-matches"')[2]


def test_two_servers_and_a_worker_share_sign_in_search_suggestions_and_rate_limits(several_machines):
    machines = several_machines
    a, b = machines.server("server-a"), machines.server("server-b")

    # Signed in on A; the same cookies are a signed-in browser on B (not sent to the sign-in page).
    browser = browser_of(a)
    browser.login(AUTHOR, PASSWORD)
    browser.port = b.port
    status, page = browser.get(f"/c/{CLUSTER}/posts/new")
    assert (status, browser.location) == (200, None)
    assert "Anna Liepa" in page.decode()

    # A need posted through A's form: the request leaves the index and the suggestions to the worker.
    browser.port = a.port
    fields = {"kind": "need", "category": "research", "title": TITLE, "tags": "3D animācija, Renderēšana"}
    assert send_form(browser, f"/c/{CLUSTER}/posts/new", fields) == 302
    need = urlsplit(browser.location).path
    assert re.fullmatch(rf"/c/{CLUSTER}/posts/\d+", need), need
    assert waiting(machines.app) > 0
    browser.port = b.port
    search = f"/c/{CLUSTER}/search?q={quote(UNIQUE_WORD)}"
    assert TITLE not in text_of(browser, search)
    assert STUDIO not in suggestions_of(browser, need)

    machines.worker("worker")
    assert TITLE in until(lambda: text_of(browser, search), lambda page: TITLE in page)
    suggestions = until(lambda: suggestions_of(browser, need), lambda part: STUDIO in part)
    assert STUDIO in suggestions and OTHER_STUDIO not in suggestions
    assert waiting(machines.app) == 0

    # Rate limits count on both: the hit past the limit is refused by whichever server gets it.
    _inside_one_window(3600)
    reset = {"email": "nobody@rada.lv"}
    answers = [send_form(browser_of(server), "/reset", reset) for server in (a, b, a, b, a)]
    assert answers == [302] * RESET_LIMIT + [429, 429]

    # Nothing the servers did left a file behind: no index, no mail, no generated key.
    assert machines.files_kept("server-a") == machines.files_kept("server-b") == []


def test_servers_started_together_migrate_a_new_database_once_without_failing(fresh_database, tmp_path):
    url = fresh_database("migrated_together")
    if not url.startswith("postgresql"):
        pytest.skip("several application servers need PostgreSQL")
    flask = Path(sys.executable).with_name("flask")
    environment = {**_inherited(), "CLUSTERHUB_DATABASE_URL": url, "CLUSTERHUB_SECRET_KEY": SECRET_KEY}
    # deploy/serve runs `db upgrade` at every server's start, and a release restarts them all at once.
    upgrades = [
        subprocess.Popen(
            [str(flask), "--app", "clusterhub", "db", "upgrade"],
            cwd=ROOT,
            env={**environment, "CLUSTERHUB_INSTANCE_DIR": str(tmp_path / f"server-{number}")},
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
        )
        for number in range(2)
    ]
    outputs = [upgrade.communicate(timeout=300)[0] for upgrade in upgrades]
    assert [upgrade.returncode for upgrade in upgrades] == [0, 0], "\n".join(outputs)
