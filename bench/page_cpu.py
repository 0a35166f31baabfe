"""CPU milliseconds per request, measured inside the gunicorn worker, sampled interleaved.

The app sends its CPU time per request in a `Server-Timing` header when CLUSTERHUB_CPU_TIMING=1
(clusterhub/ops/timing.py). Every probe (a page, a form, or a call in this process) is taken once per turn,
so a busy moment of the shared machine hits all of them alike; ROUNDS rounds of `turns` turns. A figure is
the min and median of the rounds' medians, the p95 over all samples, and the wall p50/p95 beside it.

`python -m bench.page_cpu` alone measures the pages issue 17 sets goals for on the database the
CLUSTERHUB_* settings name (e.g. `make run`'s demo); `make bench` uses the same loop on its dataset.

`--grow N` first adds N synthetic companies (with 5 posts each, made by bench/dataset.py's generator) to the
cluster, so the pages are measured on a cluster of thousands instead of the demo's few dozen. It writes into
that database: point the CLUSTERHUB_* settings at a copy.
"""

import argparse
import os
import random
import re
import statistics
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import func, select, text

from bench.dataset import Maker
from bench.measure import Row, judged
from bench.server import APP, Client, Gunicorn
from clusterhub import create_app
from clusterhub.accounts.models import User
from clusterhub.clock import utcnow
from clusterhub.companies.models import Company
from clusterhub.demo.data import DEMO_PASSWORD
from clusterhub.extensions import db
from clusterhub.posts.models import Post
from tenants.context import tenant_scope
from tenants.models import Membership, Tenant

CLUSTER = "avt"
MEMBER = "janis.ozols@avt.demo.lv"
MANAGER = "ilze.berzina@avt.demo.lv"
ROUNDS = 3
TURNS = 20
CPU = re.compile(r"cpu;dur=([0-9.]+)")
POSTS_PER_COMPANY = 5


def grow(companies: int) -> None:
    """Add `companies` synthetic member companies and their posts to the cluster, after the ids in use."""
    with create_app().app_context():
        tenant = db.session.scalar(select(Tenant).where(Tenant.slug == CLUSTER))
        maker = Maker(random.Random(companies), utcnow())
        with db.engine.begin() as connection:
            maker.company_id = connection.scalar(select(func.max(Company.id)))
            maker.post_id = connection.scalar(select(func.max(Post.id)))
            cluster = {"id": tenant.id, "slug": tenant.slug}
            maker.fill_cluster(connection, cluster, None, companies, companies * POSTS_PER_COMPANY)
            # Planner statistics for the grown tables, as every upgrade (each start of `make run`) makes them.
            connection.execute(text("ANALYZE"))


@dataclass
class Probe:
    """One measured thing: `take(turn)` does it once and returns (CPU ms, wall ms)."""

    what: str
    take: object
    goal_ms: float = 0  # p95; 0: no goal
    cpu: list[float] = field(default_factory=list)
    wall: list[float] = field(default_factory=list)
    medians: list[float] = field(default_factory=list)

    def p95(self) -> float:
        return statistics.quantiles(self.cpu, n=20, method="inclusive")[18]

    def row(self) -> Row:
        rounds = f"{min(self.medians):.1f} / {statistics.median(self.medians):.1f}"
        walls = statistics.quantiles(self.wall, n=20, method="inclusive")
        figure = (
            f"CPU {rounds} ms (min / median of {len(self.medians)} round medians), p95 {self.p95():.1f}; "
            f"wall p50 {statistics.median(self.wall):.0f}, p95 {walls[18]:.0f} ms"
        )
        goal = judged(f"CPU p95 ≤ {self.goal_ms:.0f} ms", self.p95() <= self.goal_ms) if self.goal_ms else ""
        return Row(self.what, figure, goal, f"n={len(self.cpu)}")


def page(what: str, client: Client, paths: list[str], goal_ms: float = 0) -> Probe:
    """A GET of the paths in turn, timed by the app's own Server-Timing header."""
    return Probe(what, lambda turn: timed(client, "GET", paths[turn % len(paths)]), goal_ms)


def form(what: str, client: Client, path: str, body, goal_ms: float = 0) -> Probe:
    """A POST of `body(turn)` (urlencoded) to the path; the answer must be a redirect (the form was taken)."""
    return Probe(what, lambda turn: timed(client, "POST", path, body(turn)), goal_ms)


def in_process(what: str, call, arguments: list) -> Probe:
    """A call in this process, on this thread's CPU clock."""

    def take(turn: int) -> tuple[float, float]:
        started, cpu = time.perf_counter(), time.thread_time()
        call(arguments[turn % len(arguments)])
        return (time.thread_time() - cpu) * 1000, (time.perf_counter() - started) * 1000

    return Probe(what, take)


def timed(client: Client, method: str, path: str, body: str | None = None) -> tuple[float, float]:
    started = time.perf_counter()
    status, _ = client.request(method, path, body and body.encode())
    if status != (200 if method == "GET" else 302):
        raise RuntimeError(f"{method} {path} answered {status}")
    found = CPU.search(client.timing)
    if found is None:
        raise RuntimeError(f"{path} sent no Server-Timing: is CLUSTERHUB_CPU_TIMING=1 set?")
    return float(found.group(1)), (time.perf_counter() - started) * 1000


def interleaved(probes: list[Probe], turns: int = TURNS, rounds: int = ROUNDS) -> list[Probe]:
    """Each probe once per turn (after a warm-up turn: templates compiled, searchers opened)."""
    for probe in probes:
        probe.take(0)
    for _ in range(rounds):
        this_round = {probe.what: [] for probe in probes}
        for turn in range(turns):
            for probe in probes:
                cpu, wall = probe.take(turn)
                this_round[probe.what].append(cpu)
                probe.wall.append(wall)
        for probe in probes:
            probe.cpu += this_round[probe.what]
            probe.medians.append(statistics.median(this_round[probe.what]))
    return probes


# Alone, on the demo ------------------------------------------------------------------------------------


def _demo_pages() -> list[tuple[str, str, str, float]]:
    """(what, who, path, goal ms) of each page, with the member's own company and need."""
    with create_app().app_context():
        tenant = db.session.scalar(select(Tenant).where(Tenant.slug == CLUSTER))
        with tenant_scope(tenant):
            membership = db.session.scalar(select(Membership).join(User).where(User.email == MEMBER))
            need = db.session.scalar(
                select(Post.id).where(Post.company_id == membership.company_id, Post.kind == "need").limit(1)
            )
    base = f"/c/{CLUSTER}"
    return [
        ("signed-in page with little data (notifications)", MEMBER, f"{base}/notifications/", 0),
        ("search page", MEMBER, f"{base}/search?q=anim%C4%81cija", 60),
        ("own open need (suggestions)", MEMBER, f"{base}/posts/{need}", 40),
        ("own company profile", MEMBER, f"{base}/companies/{membership.company_id}", 40),
        ("/matches", MEMBER, f"{base}/matches", 40),
        ("member directory", MEMBER, f"{base}/companies", 40),
        ("board", MEMBER, f"{base}/posts", 40),
        ("brokering desk", MANAGER, f"{base}/manage/matches", 40),
        ("needs dashboard", MANAGER, f"{base}/manage/", 150),
        ("indicators", MANAGER, f"{base}/manage/indicators", 150),
    ]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--grow", type=int, default=0, metavar="N", help="add N companies first")
    if (companies := parser.parse_args().grow) > 0:
        grow(companies)
    pages = _demo_pages()
    environment = {
        **{name: value for name, value in os.environ.items() if name.startswith("CLUSTERHUB_")},
        "CLUSTERHUB_CPU_TIMING": "1",
        "CLUSTERHUB_OUTBOX_WORKER": "1",
        "CLUSTERHUB_RATE_LIMITS": "0",
    }
    log = Path(os.environ.get("TMPDIR", "/tmp")) / "clusterhub-page-cpu.log"
    with Gunicorn(APP, environment, log, workers=1) as server:
        clients = {email: Client(server.port) for email in (MEMBER, MANAGER)}
        for email, client in clients.items():
            client.login(email, DEMO_PASSWORD)
        probes = interleaved([page(what, clients[who], [path], goal) for what, who, path, goal in pages])
    print(f"| page ({CLUSTER}) | CPU per request | goal |")
    print("| --- | --- | --- |")
    for probe in probes:
        row = probe.row()
        print(f"| {row.what} | {row.figure} | {row.goal or '—'} |")


if __name__ == "__main__":
    sys.exit(main())
