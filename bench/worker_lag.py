"""`python -m bench.worker_lag`: how long a committed change takes to reach search and the stored matches
with the background worker running (on the database the CLUSTERHUB_* settings name, e.g. `make run`'s).

A need's title gets a new word; the clock runs from the commit until a search in its cluster finds the word
and its stored suggestions are recomputed. The worker is started here as `make run` starts it.
"""

import os
import secrets
import statistics
import subprocess
import sys
import time
from pathlib import Path

from sqlalchemy import func, select

from clusterhub import create_app
from clusterhub.extensions import db
from clusterhub.posts.models import Post
from clusterhub.posts.services import open_and_valid
from search.matching import rules
from search.models import IndexOutbox
from search.query import search
from tenants.context import tenant_scope
from tenants.models import Tenant

CHANGES = 10
POLL = 0.02
GIVE_UP = 30.0


def _a_need() -> tuple[int, int, str]:
    for tenant in db.session.scalars(select(Tenant).order_by(Tenant.id)):
        with tenant_scope(tenant):
            need = db.session.scalar(
                select(Post).where(Post.kind.in_(rules.SEEKING_KINDS), open_and_valid()).limit(1)
            )
            if need is not None:
                return tenant.id, need.id, need.title
    raise SystemExit("no open need in the database: load the demo first (make run)")


def _visible(tenant_id: int, word: str) -> bool:
    """The outbox of the cluster is empty (its rows go in the transaction that stored the recomputed
    suggestions) and a search finds the word."""
    db.session.remove()
    with tenant_scope(db.session.get(Tenant, tenant_id)):
        pending = select(func.count(IndexOutbox.id)).where(IndexOutbox.tenant_id == tenant_id)
        waiting = db.session.scalar(pending)
        return not waiting and bool(search(word, {}).hits)


def _retitle(tenant_id: int, need_id: int, title: str) -> None:
    with tenant_scope(db.session.get(Tenant, tenant_id)):
        db.session.get(Post, need_id).title = title
        db.session.commit()


def lags(changes: int = CHANGES) -> list[float]:
    """Seconds from each change's commit until it is visible, in an app context with a worker running."""
    tenant_id, need_id, title = _a_need()
    found = []
    for number in range(changes):
        word = f"lagmeasure{number}x{secrets.token_hex(3)}"
        _retitle(tenant_id, need_id, f"{title} {word}")
        started = time.monotonic()
        while not _visible(tenant_id, word):
            if time.monotonic() - started > GIVE_UP:
                raise RuntimeError(f"not visible after {GIVE_UP:.0f} s: is the worker failing?")
            time.sleep(POLL)
        found.append(time.monotonic() - started)
        time.sleep(1)  # an idle machine between changes
    _retitle(tenant_id, need_id, title)
    return found


def main() -> None:
    os.environ["CLUSTERHUB_OUTBOX_WORKER"] = "1"
    app = create_app()
    flask = Path(sys.executable).parent / "flask"
    worker = subprocess.Popen([str(flask), "--app", "clusterhub", "worker", "run"], stderr=subprocess.DEVNULL)
    try:
        with app.app_context():
            time.sleep(3)  # the worker's start and its first pass are not a change's lag
            found = lags()
    finally:
        worker.terminate()
        worker.wait(timeout=60)
    print(
        f"change → search and stored matches, {CHANGES} changes with the worker idle: "
        f"median {statistics.median(found):.2f} s, max {max(found):.2f} s (goal < 2 s)"
    )


if __name__ == "__main__":
    main()
