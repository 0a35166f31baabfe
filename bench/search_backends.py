"""`python -m bench.search_backends`: the search page's CPU per request with Whoosh and with PostgreSQL.

One throw-away PostgreSQL server holds a 5,000-company cluster (25,000 posts) of the benchmark dataset and
two small ones; both backends index it (timed), then the same signed-in search pages (bench/measure.py's
queries) are requested in turn from each backend's app, interleaved, in ROUNDS rounds. For each request the
app's own CPU time is taken in process (as inside a gunicorn worker); the database server's CPU (every
backend process of the bench database, read from /proc at clock-tick resolution) is given per request on
average. Printed: min and median over the rounds of p50 and p95.
"""

import os
import statistics
import sys
import time
from contextlib import contextmanager

import psycopg
from sqlalchemy import select, text

from bench import dataset
from bench.dataset import USER, Place, default_place, ensure, settings
from bench.measure import latency, search_paths
from bench.server import CSRF_FIELD
from clusterhub import create_app
from clusterhub.extensions import db
from search import index, services
from tenants.models import Tenant
from tests.pgserver import PostgresServer

SHAPE = {"clusters": 3, "companies": 5_400, "posts": 26_000, "big_companies": 5_000, "big_posts": 25_000}
BACKENDS = ("whoosh", "postgres")
ROUNDS = 3
WARM_UP = 5
TICK_MS = 1000 / os.sysconf("SC_CLK_TCK")


@contextmanager
def smaller_dataset():
    kept = dataset.SHAPE
    dataset.SHAPE = SHAPE
    try:
        yield
    finally:
        dataset.SHAPE = kept


class DatabaseCpu:
    """CPU time of the bench database's server processes (not this connection's own)."""

    def __init__(self, server: PostgresServer):
        self.connection = psycopg.connect(
            host="127.0.0.1", port=server.port, user="postgres", dbname="postgres", autocommit=True
        )

    def ticks(self) -> dict[int, int]:
        rows = self.connection.execute(
            "SELECT pid FROM pg_stat_activity WHERE datname = 'bench' AND pid <> pg_backend_pid()"
        )
        return {pid: _process_ticks(pid) for (pid,) in rows}

    @staticmethod
    def ms_between(before: dict[int, int], after: dict[int, int]) -> float:
        """A process that ended meanwhile is left out; one that started counts from nothing."""
        return sum(ticks - before.get(pid, 0) for pid, ticks in after.items() if ticks) * TICK_MS


def _process_ticks(pid: int) -> int:
    try:
        with open(f"/proc/{pid}/stat") as stat:
            fields = stat.read().rsplit(")", 1)[1].split()
    except OSError:
        return 0  # the process ended between the listing and the reading
    return int(fields[11]) + int(fields[12])  # utime, stime


def signed_in(app):
    client = app.test_client()
    token = CSRF_FIELD.search(client.get("/login").data).group(1).decode()
    answer = client.post(
        "/login", data={"csrf_token": token, "email": USER["email"], "password": USER["password"]}
    )
    if answer.status_code != 302:
        raise RuntimeError(f"signing in failed (HTTP {answer.status_code})")
    return client


def reindex(app) -> float:
    with app.app_context():
        start = time.perf_counter()
        for tenant in db.session.scalars(select(Tenant)).all():
            services.rebuild(tenant, processes=2)
        elapsed = time.perf_counter() - start
        index.warm_up()
    return elapsed


def settle(app) -> None:
    """Vacuumed and analysed tables, as a live database has them: the fill came after the upgrade's ANALYZE
    and the index after the fill, so the planner took the big cluster for a few hundred rows and every scan
    checked each new row's visibility, until autovacuum came at some moment of the rounds (its own work
    then counted as the database's time of the requests it ran beside)."""
    with app.app_context(), db.engine.connect() as connection:
        connection.execution_options(isolation_level="AUTOCOMMIT").execute(text("VACUUM ANALYZE"))


def one_round(clients, paths, database: DatabaseCpu) -> dict:
    """Each path from each backend in turn; the app's CPU ms per request and the database's in total."""
    app_ms = {name: [] for name in clients}
    database_ms = dict.fromkeys(clients, 0.0)
    for path in paths:
        for name, client in clients.items():
            before_database, before = database.ticks(), time.process_time()
            response = client.get(path)
            app_ms[name].append((time.process_time() - before) * 1000)
            database_ms[name] += database.ms_between(before_database, database.ticks())
            if response.status_code != 200:
                raise RuntimeError(f"{name}: {path} answered {response.status_code}")
    return {name: (latency(app_ms[name]), database_ms[name] / len(paths)) for name in clients}


def compare(server: PostgresServer, place: Place) -> tuple[dict[str, float], list[dict]]:
    """Reindex the filled place with each backend (seconds), then the rounds of searches."""
    # Warnings only: a log line per request would be measured with the page.
    quiet = {**settings(place), "LOG_LEVEL": "WARNING"}
    apps = {name: create_app({**quiet, "SEARCH_BACKEND": name}) for name in BACKENDS}
    seconds = {}
    for name, app in apps.items():
        seconds[name] = reindex(app)
        print(f"reindex with {name}: {seconds[name]:.0f} s", flush=True)
    settle(apps["postgres"])
    clients = {name: signed_in(app) for name, app in apps.items()}
    paths = search_paths()
    database = DatabaseCpu(server)
    one_round(clients, paths[:WARM_UP], database)
    return seconds, [one_round(clients, paths, database) for _ in range(ROUNDS)]


def main() -> int:
    server = PostgresServer().start()
    place = Place(default_place().folder / "search-backends", server.create_database("bench"))
    try:
        print("filling a throw-away PostgreSQL server (one 5,000-company cluster)", flush=True)
        with smaller_dataset():
            ensure(place, fresh=True)
        _, rounds = compare(server, place)
        print(
            f"\nsearch page CPU per request, {len(search_paths())} searches x {ROUNDS} rounds"
            " (min / median of rounds)"
        )
        for name in BACKENDS:
            p50 = [found[name][0].p50 for found in rounds]
            p95 = [found[name][0].p95 for found in rounds]
            base = [found[name][1] for found in rounds]
            print(
                f"  {name:8} app p50 {min(p50):.1f} / {statistics.median(p50):.1f} ms,"
                f" p95 {min(p95):.1f} / {statistics.median(p95):.1f} ms;"
                f" database {min(base):.1f} / {statistics.median(base):.1f} ms per request (mean)"
            )
    finally:
        server.stop()
    return 0


if __name__ == "__main__":
    sys.exit(main())
