"""`python -m bench.search_cpu --folder COPY`: the search page's CPU per request in the big cluster, steady
and right after the index changed.

Steady: the bench's search addresses (bench.measure.search_paths) in turn, after two warm-up passes, CPU ms
per request (time.process_time) p50 / p95. After a change: a need is posted through the posts service, the
background worker drains the outbox in its own process (`flask worker run --once`, as `make run` starts it),
and the CPU of the next search is taken. It writes into the folder: give it a copy of a kept dataset.
"""

import argparse
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

from sqlalchemy import select

from bench.dataset import BENCH_COMPANY_ID, BIG, USER, Place, environment
from bench.measure import latency, search_paths
from bench.profile_page import signed_in
from clusterhub.accounts.models import User
from clusterhub.companies.models import Company
from clusterhub.extensions import db
from clusterhub.posts.services import create_post
from tenants.context import tenant_scope
from tenants.models import Tenant

CHANGES = 10


def _cpu_ms(client, path: str) -> float:
    started = time.process_time()
    response = client.get(path)
    spent = (time.process_time() - started) * 1000
    assert response.status_code == 200, path
    return spent


def _post_need(app, number: int) -> None:
    with app.app_context(), tenant_scope(db.session.scalar(select(Tenant).where(Tenant.slug == BIG))):
        author = db.session.scalar(select(User).where(User.email == USER["email"]))
        company = db.session.get(Company, BENCH_COMPANY_ID)
        create_post(company, author, "need", "other", f"Vajag metinātāju {number}", "Metināšana uz vietas.")
        db.session.commit()


def _worker_pass(place: Place) -> None:
    flask = Path(sys.executable).parent / "flask"
    command = [str(flask), "--app", "clusterhub", "worker", "run", "--once"]
    subprocess.run(command, env={**os.environ, **environment(place)}, check=True, capture_output=True)


def measure(place: Place, rounds: int, changes: int) -> tuple[list[float], list[float]]:
    """CPU ms of the steady searches, and of the first search after each change."""
    os.environ["CLUSTERHUB_OUTBOX_WORKER"] = "1"  # requests leave the outbox to the worker, as in production
    paths = search_paths(BIG)
    client = signed_in(place, paths)
    app = client.application
    steady = [_cpu_ms(client, path) for _ in range(rounds) for path in paths]
    after_change = []
    for number in range(changes):
        _post_need(app, number)
        _worker_pass(place)
        after_change.append(_cpu_ms(client, paths[number % len(paths)]))
    return steady, after_change


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--folder", type=Path, required=True, help="a copy of a kept dataset")
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--changes", type=int, default=CHANGES)
    arguments = parser.parse_args()
    steady, after_change = measure(Place(arguments.folder), arguments.rounds, arguments.changes)
    print(f"search page ({BIG}), CPU ms per request: {latency(steady)}")
    print(
        f"first search after a change: median {statistics.median(after_change):.0f} ms, "
        f"max {max(after_change):.0f} ms (n={len(after_change)})"
    )


if __name__ == "__main__":
    main()
