"""The load test: gunicorn with several workers on the big dataset, 60 s of a member mix sent by wrk.

`python -m bench.load [--database sqlite|postgresql] [--seconds N]` runs it alone; `make bench` runs it
on both databases after its other measurements. Members of the big cluster browse the directory and
the board, search, open profiles and posts, post needs, answer needs and write in their conversations
(MIX; bench/load.lua sends it). Every request must succeed: a status outside 2xx/3xx, a socket error,
a redirect to the sign-in page, a form shown again with errors, or fewer rows stored than forms
acknowledged counts as an error.

It runs on a copy, so the kept dataset stays as it was: SQLite copies the kept file and index;
PostgreSQL fills a throw-away server (tests/pgserver.py) with the same generator and indexes it.
The background worker runs beside gunicorn, as `make run` starts it. The stored suggestions of the needs
and companies the mix visits are computed first, so their pages read what they read in production.

`throughput_rows` (SQLite) runs the same mix on the code before issue 17 (bench/old_code.py), on its own
copy of the same dataset, right before the current code, and gives the ratio.
"""

import argparse
import json
import random
import re
import shutil
import subprocess
import sys
import time
from contextlib import contextmanager, nullcontext
from datetime import timedelta
from pathlib import Path
from urllib.parse import urlencode

from flask_migrate import upgrade
from sqlalchemy import create_engine, func, or_, select

from bench import old_code
from bench.dataset import BIG, USER, Place, copy_database, default_place, ensure, environment, settings
from bench.measure import Row, judged, search_paths
from bench.server import APP, CSRF_FIELD, HOST, Client, Gunicorn, background_worker, wrk_available
from clusterhub import ROOT, create_app
from clusterhub.accounts.services import create_user
from clusterhub.clock import local_today
from clusterhub.companies.models import Company
from clusterhub.extensions import db
from clusterhub.posts.models import CATEGORIES, Message, Post
from search import services
from search.documents import company_key, post_key
from search.matching import rules, stored
from search.models import IndexOutbox
from tenants.context import tenant_scope
from tenants.models import Tenant
from tenants.services import add_member
from tests.pgserver import PostgresServer

SECONDS = 60
CONNECTIONS = 32
# Two sync workers per core: a request waiting on the database or the index leaves the core to another.
WORKERS = 4
# People signed in at once, each representing another company of the big cluster (the first is USER's).
MEMBERS = 8
# Percent of requests per action. Reading dominates, as on any board; one request in eight writes.
MIX = {
    "directory": 16,
    "board": 8,
    "search": 22,
    "profile": 20,
    "post": 22,
    "need": 4,
    "respond": 4,
    "message": 4,
}
READ_SAMPLES = 200
FORMS_EACH = 25
LUA = Path(__file__).with_name("load.lua")
BIG_PATH = f"/c/{BIG}"
THREAD_PATH = re.compile(r"/threads/(\d+)$")
PASSWORD = "klasteris-load-2026"


def main() -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.load", description=__doc__.split("\n")[0])
    parser.add_argument("--database", choices=("sqlite", "postgresql"), action="append")
    parser.add_argument("--seconds", type=int, default=SECONDS)
    arguments = parser.parse_args()
    for database in arguments.database or COPIES:
        for row in rows(database, arguments.seconds):
            print(f"{row.what}: {row.figure}  {row.goal}  {row.note}", flush=True)
    return 0


def rows(database: str, seconds: int = SECONDS, old: bool = False) -> list[Row]:
    """The load test on one database ("sqlite" or "postgresql") as a row of the bench table; with `old`,
    of the code before issue 17 (SQLite only)."""
    code = f"old code ({old_code.OLD_COMMIT})" if old else "current code"
    what = f"load test, {database}, {code}: member mix, {seconds} s, {CONNECTIONS} connections"
    what += f", {WORKERS} workers"
    if not wrk_available():
        return [Row(what, "–", "", "skipped: wrk is not installed (apt-get install -y wrk)")]
    started = time.perf_counter()
    with COPIES[database](old) as place:
        prepared = time.perf_counter() - started
        print(f"  {database}, {code}: dataset ready in {prepared:.0f} s; {seconds} s of load", flush=True)
        found = run(place, database, seconds, old)
    return [_row(what, found, prepared)]


def throughput_rows(seconds: int = SECONDS) -> list[Row]:
    """The old code's load test and the current one's, back to back on copies of the same SQLite dataset,
    and the ratio of their rates against the goal of 3×."""
    old, new = rows("sqlite", seconds, old=True), rows("sqlite", seconds)
    what = "member-mix throughput, current code against the old code (same machine, same dataset)"
    if old[0].value is None or new[0].value is None:
        return [*old, *new, Row(what, "–", "", "skipped: a load test did not run")]
    ratio = new[0].value / old[0].value
    figure = f"{ratio:.2f}× ({new[0].value:,.1f} against {old[0].value:,.1f} req/s)"
    note = "the old code on its own schema (migrated down) and index; no background worker existed then"
    return [*old, *new, Row(what, figure, judged("≥ 3×", ratio >= 3), note)]


# The database and index the load writes to ----------------------------------------------------------


@contextmanager
def sqlite_copy(old: bool = False):
    """A copy of the kept SQLite dataset and its index (made or indexed first when missing); for the old
    code, taken down to its schema and indexed by it."""
    kept = default_place()
    ensure(kept)
    place = Place(kept.folder / ("load-sqlite-old" if old else "load-sqlite"))
    _remove(place)
    place.folder.mkdir(parents=True)
    try:
        copy_database(kept, place)
        if kept.index.exists() and not old:
            shutil.copytree(kept.index, place.index)
        _prepare(place, index_missing=not (old or kept.index.exists()))
        yield place
    finally:
        _remove(place)


@contextmanager
def postgresql_copy(old: bool = False):
    """The same dataset made in a throw-away PostgreSQL server, then indexed."""
    if old:
        raise ValueError("the old code is measured on SQLite only")
    server = PostgresServer().start()
    place = Place(default_place().folder / "load-postgresql", server.create_database("bench"))
    _remove(place)
    try:
        print("  postgresql: filling a throw-away server with the dataset, then indexing it", flush=True)
        ensure(place, fresh=True)
        _prepare(place, index_missing=True)
        yield place
    finally:
        server.stop()
        _remove(place)


COPIES = {"sqlite": sqlite_copy, "postgresql": postgresql_copy}


def _remove(place: Place) -> None:
    shutil.rmtree(place.folder, ignore_errors=True)


def _prepare(place: Place, index_missing: bool) -> None:
    """Migrations, the index when there is none, and the signed-in members' accounts."""
    app = create_app(settings(place))
    with app.app_context():
        upgrade()
        tenants = list(db.session.scalars(select(Tenant)))
        if index_missing:
            for tenant in tenants:
                services.rebuild(tenant, processes=2)
        with tenant_scope(next(tenant for tenant in tenants if tenant.slug == BIG)):
            _add_members()


def _add_members() -> None:
    """People for the first MEMBERS companies of the big cluster; the first company has USER already."""
    companies = db.session.scalars(select(Company).order_by(Company.id).limit(MEMBERS))
    for number, company in enumerate(companies):
        if number:
            user = create_user(_email(number), f"Slodzes Dalībnieks {number}", PASSWORD, language="lv")
            add_member(user, "member", company)
    db.session.commit()


def _email(number: int) -> str:
    return USER["email"] if number == 0 else f"load{number}@{BIG}.lv"


def _password(number: int) -> str:
    return USER["password"] if number == 0 else PASSWORD


# The run ------------------------------------------------------------------------------------------------


def run(place: Place, database: str, seconds: int, old: bool = False) -> dict:
    """Serve the place, send the mix, and compare the forms sent with the rows stored."""
    app = create_app(settings(place))
    with app.app_context(), tenant_scope(db.session.scalar(select(Tenant).where(Tenant.slug == BIG))):
        companies, posts = _sampled()
        pages, answerable = _pages(companies, posts), _answerable()
        if not old:
            _store_suggestions(posts)
    log = default_place().folder / f"gunicorn-load-{database}{'-old' if old else ''}.log"
    code = old_code.worktree() if old else ROOT
    if old:
        old_code.adopt(place, code, log)
    before = _stored(place)
    # 8 people posting at machine speed would pass the posting limit at once; real members do not.
    environment_ = {**environment(place), "CLUSTERHUB_RATE_LIMITS": "0"}
    if not old:
        environment_["CLUSTERHUB_OUTBOX_WORKER"] = "1"
    with (
        Gunicorn(APP, environment_, log, WORKERS, code) as server,
        nullcontext() if old else background_worker(environment_, log.with_suffix(".worker.log")),
    ):
        members = [_member(server.port, number, answerable) for number in range(MEMBERS)]
        data = place.folder / "load-data.lua"
        data.write_text(_lua_data(pages, members))
        found = _wrk(server.port, data, seconds)
    # Stopping gunicorn let the requests in flight finish; now everything sent is stored or lost.
    after = _stored(place)
    found["waiting"] = after["waiting"]
    # The setup's own answers (one per member) are in `after` but were not sent by wrk.
    found["posts_stored"] = after["posts"] - before["posts"]
    found["messages_stored"] = after["messages"] - before["messages"] - MEMBERS
    return found


def _sampled() -> tuple[list[int], list[int]]:
    """The companies and posts whose pages the mix opens, at random."""
    chooser = random.Random(7)
    company_ids = list(db.session.scalars(select(Company.id)))
    post_ids = list(db.session.scalars(select(Post.id)))
    return (
        chooser.sample(company_ids, min(READ_SAMPLES, len(company_ids))),
        chooser.sample(post_ids, min(READ_SAMPLES, len(post_ids))),
    )


def _pages(companies: list[int], posts: list[int]) -> dict[str, list[str]]:
    """The addresses of each reading action: pages of lists, searches, and profiles and posts at random."""
    board = [f"{BIG_PATH}/posts?page={n}" for n in range(1, 11)]
    board += [
        f"{BIG_PATH}/posts?{urlencode({'kind': kind, 'page': n})}"
        for kind in ("need", "offer")
        for n in (1, 2)
    ]
    return {
        "directory": [f"{BIG_PATH}/companies?page={n}" for n in range(1, 21)],
        "board": board,
        "search": search_paths(),
        "profile": [f"{BIG_PATH}/companies/{i}" for i in companies],
        "post": [f"{BIG_PATH}/posts/{i}" for i in posts],
    }


def _store_suggestions(posts: list[int]) -> None:
    """The stored suggestions of the open needs the mix opens and of the members' companies, as the worker
    leaves them after a change (the dataset is written without the outbox, so none are stored yet)."""
    needs = select(Post.id).where(
        Post.id.in_(posts), Post.kind.in_(rules.SEEKING_KINDS), Post.status == "open"
    )
    members = select(Company.id).order_by(Company.id).limit(MEMBERS)
    keys = {post_key(post_id) for post_id in db.session.scalars(needs)}
    stored.recompute(keys | {company_key(company_id) for company_id in db.session.scalars(members)})
    db.session.commit()


def _answerable() -> list[int]:
    """Open needs of other companies that stay open past the run: anyone may answer them."""
    members = select(Company.id).order_by(Company.id).limit(MEMBERS)
    statement = select(Post.id).where(
        Post.kind == "need",
        Post.status == "open",
        Post.company_id.not_in(members),
        or_(Post.valid_until.is_(None), Post.valid_until > local_today() + timedelta(days=7)),
    )
    return list(db.session.scalars(statement.order_by(Post.id).limit(READ_SAMPLES)))


def _stored(place: Place) -> dict[str, int]:
    """Rows of every cluster, counted without the app: the old code's schema is not this code's."""
    engine = create_engine(place.url)
    try:
        with engine.connect() as connection:
            return {
                name: connection.scalar(select(func.count()).select_from(table))
                for name, table in (
                    ("posts", Post.__table__),
                    ("messages", Message.__table__),
                    ("waiting", IndexOutbox.__table__),
                )
            }
    finally:
        engine.dispose()


def _member(port: int, number: int, answerable: list[int]) -> dict:
    """A signed-in member's cookie and the forms they send, signed with their session's CSRF token.

    They answer one need first, through the pages, to have a conversation to write in.
    """
    client = Client(port)
    client.login(_email(number), _password(number))
    _, page = client.get(f"{BIG_PATH}/posts/new")
    token = CSRF_FIELD.search(page).group(1).decode()
    chooser = random.Random(number)
    first = answerable[number]
    status, _ = client.post(f"{BIG_PATH}/posts/{first}", {"csrf_token": token, "body": "Varam palīdzēt."})
    thread_id = _thread_of(client, status)
    forms = {
        "need": [(f"{BIG_PATH}/posts/new", need_form(token, number, n)) for n in range(FORMS_EACH)],
        "respond": [
            (f"{BIG_PATH}/posts/{post_id}", _answer(token, number, n))
            for n, post_id in enumerate(chooser.sample(answerable, FORMS_EACH))
        ],
        "message": [
            (f"{BIG_PATH}/threads/{thread_id}", _answer(token, number, n)) for n in range(FORMS_EACH)
        ],
    }
    return {"cookie": client.cookie_header(), "forms": forms}


def _thread_of(client: Client, status: int) -> int:
    if status != 302 or not THREAD_PATH.search(client.location or ""):
        raise RuntimeError(f"answering a need failed (HTTP {status})")
    return int(THREAD_PATH.search(client.location).group(1))


def need_form(token: str, member: int, number: int) -> str:
    fields = {
        "csrf_token": token,
        "kind": "need",
        "category": CATEGORIES[number % len(CATEGORIES)],
        "title": f"Meklējam partneri eksportam, slodze {member}-{number}",
        "body": "Meklējam uzņēmumu, kas palīdzētu ar **eksportu** uz Vāciju un Zviedriju.",
        "tags": "eksports, loģistika",
    }
    return urlencode(fields)


def _answer(token: str, member: int, number: int) -> str:
    return urlencode(
        {"csrf_token": token, "body": f"Varam palīdzēt ar šo ({member}-{number}). Sazināsimies?"}
    )


def _lua_data(pages: dict[str, list[str]], members: list[dict]) -> str:
    """The data file load.lua reads: a Lua table (JSON strings are Lua strings for this text)."""

    def strings(values) -> str:
        return "{" + ", ".join(json.dumps(value) for value in values) + "}"

    mix = ", ".join(f"{{{json.dumps(action)}, {weight}}}" for action, weight in MIX.items())
    page_lists = ", ".join(f"{action} = {strings(paths)}" for action, paths in pages.items())
    people = []
    for member in members:
        forms = ", ".join(
            f"{action} = {{{', '.join(strings(form) for form in entries)}}}"
            for action, entries in member["forms"].items()
        )
        people.append(f"{{cookie = {json.dumps(member['cookie'])}, forms = {{{forms}}}}}")
    return f"return {{mix = {{{mix}}}, pages = {{{page_lists}}}, members = {{{', '.join(people)}}}}}\n"


def _wrk(port: int, data: Path, seconds: int) -> dict:
    # gunicorn gives a request 30 s before it kills the worker; wrk waits as long, so slowness shows as
    # latency, and only a request the server dropped counts as a timeout.
    command = ["wrk", "-t2", f"-c{CONNECTIONS}", f"-d{seconds}s", "--timeout", "30s", "-s", str(LUA)]
    command += [f"http://{HOST}:{port}{BIG_PATH}/companies", "--", str(data)]
    output = subprocess.run(command, capture_output=True, text=True, check=True, timeout=seconds + 60).stdout
    return {name: int(value) for name, value in re.findall(r"^(\w+)=(\d+)$", output, re.M)}


def _row(what: str, found: dict, prepared: float) -> Row:
    # (acknowledged by a redirect, stored in the database) per kind of form; a request still queued when
    # wrk stopped may be stored without an answer, so only fewer rows than answers is a loss.
    writes = {
        "needs": (found["acknowledged_needs"], found["posts_stored"]),
        "answers and messages": (found["acknowledged_messages"], found["messages_stored"]),
    }
    errors = {
        "non-2xx/3xx": found["status_errors"],
        "socket errors": found["socket_errors"],
        "sent to sign-in": found["signed_out"],
        "forms refused": found["refused"],
        "acknowledged but not stored": sum(max(0, said - stored) for said, stored in writes.values()),
    }
    total = sum(errors.values())
    rate = found["requests"] / (found["duration_us"] / 1e6)
    figure = (
        f"{rate:,.1f} req/s; p50 {found['p50_us'] / 1000:.0f} ms, p95 {found['p95_us'] / 1000:.0f} ms, "
        f"p99 {found['p99_us'] / 1000:.0f} ms; errors {total}"
    )
    sent = ", ".join(f"{action} {found.get(f'sent_{action}', 0)}" for action in MIX)
    details = ", ".join(f"{name} {count}" for name, count in errors.items())
    stored = ", ".join(
        f"{kind} {said} acknowledged/{stored} stored" for kind, (said, stored) in writes.items()
    )
    note = (
        f"{found['requests']:,} requests ({sent}); {details}; {stored}; index updates waiting after the "
        f"run: {found['waiting']}; dataset ready in {prepared:.0f} s"
    )
    return Row(what, figure, judged("0 errors", total == 0), note, value=rate)


if __name__ == "__main__":
    sys.exit(main())
