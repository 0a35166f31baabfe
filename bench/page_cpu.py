"""`python -m bench.page_cpu`: CPU milliseconds per request, measured inside one gunicorn worker, for the
pages issue 17 sets goals for, on the database the CLUSTERHUB_* settings name (e.g. `make run`'s demo).

Every page is requested once per turn (interleaved, so a busy moment of the machine hits all of them
alike), 3 rounds of TURNS turns; the table gives the min and median of the rounds' medians, the p95 over
all samples, the wall p50 beside it, and the goal with "met" or "missed".

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
from pathlib import Path

from sqlalchemy import func, select, text

from bench.dataset import Maker
from bench.server import Client, Gunicorn
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


def _pages() -> list[tuple[str, str, str, float]]:
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


def _timed(client: Client, path: str) -> tuple[float, float]:
    started = time.monotonic()
    status, _ = client.get(path)
    if status != 200:
        raise SystemExit(f"{path} answered {status}")
    return float(CPU.search(client.timing).group(1)), (time.monotonic() - started) * 1000


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--grow", type=int, default=0, metavar="N", help="add N companies first")
    if (companies := parser.parse_args().grow) > 0:
        grow(companies)
    pages = _pages()
    environment = {
        **{name: value for name, value in os.environ.items() if name.startswith("CLUSTERHUB_")},
        "CLUSTERHUB_CPU_TIMING": "1",
        "CLUSTERHUB_OUTBOX_WORKER": "1",
        "CLUSTERHUB_RATE_LIMITS": "0",
    }
    log = Path(os.environ.get("TMPDIR", "/tmp")) / "clusterhub-page-cpu.log"
    cpu = {what: [] for what, *_ in pages}
    medians = {what: [] for what, *_ in pages}
    wall = {what: [] for what, *_ in pages}
    with Gunicorn("clusterhub:create_app()", environment, log, workers=1) as server:
        clients = {email: Client(server.port) for email in (MEMBER, MANAGER)}
        for email, client in clients.items():
            client.login(email, DEMO_PASSWORD)
        for _, who, path, _ in pages:  # warm-up: templates compiled, searchers opened
            _timed(clients[who], path)
        for _ in range(ROUNDS):
            this_round = {what: [] for what, *_ in pages}
            for _ in range(TURNS):
                for what, who, path, _ in pages:
                    used, elapsed = _timed(clients[who], path)
                    this_round[what].append(used)
                    wall[what].append(elapsed)
            for what, samples in this_round.items():
                cpu[what] += samples
                medians[what].append(statistics.median(samples))
    print(f"| page ({CLUSTER}) | CPU ms min / median of {ROUNDS} round medians | CPU p95 | wall p50 | goal |")
    print("| --- | --- | --- | --- | --- |")
    for what, _, _, goal in pages:
        p95 = statistics.quantiles(cpu[what], n=20)[-1]
        judged = "—" if not goal else f"≤ {goal:.0f} ms p95: {'met' if p95 <= goal else 'missed'}"
        print(
            f"| {what} | {min(medians[what]):.1f} / {statistics.median(medians[what]):.1f} | {p95:.1f} "
            f"| {statistics.median(wall[what]):.1f} | {judged} |"
        )


if __name__ == "__main__":
    sys.exit(main())
