"""The measurements. Each returns rows of the printed table: what, figure, goal, note."""

import random
import shutil
import statistics
import time
from pathlib import Path
from typing import NamedTuple
from urllib.parse import urlencode

from sqlalchemy import delete, select
from whoosh import index as whoosh_index

from bench.dataset import BENCH_COMPANY_ID, BIG, RARE_WORDS
from clusterhub.accounts.models import User
from clusterhub.api.tokens import create_token
from clusterhub.extensions import db
from clusterhub.posts.models import Post
from search import services
from search.documents import all_documents, company_key, post_key
from search.matching import rules, stored
from search.models import IndexOutbox
from search.schema import INDEX_NAME, SCHEMA
from tenants.context import current_tenant, tenant_scope
from tenants.models import Membership

PER_PAGE = 25

# Common words, their unaccented spellings, phrases, English, typos and made-up words from the rare tail.
WORDS = (
    "animācija",
    "animacija",
    "metināšana",
    "eksports",
    "partneri",
    "Rīga",
    "riga",
    "sertifikācija",
    "laboratorija",
    "pārtikas iepakošana",
    "3D animācija",
    "CNC frēzēšana",
    "saldēšanas kameras",
    "kravu pārvadājumi Liepājā",
    "BIM modelēšana",
    "saules paneļi",
    "ISO 9001",
    "machine learning",
    "cold storage",
    "packaging line",
    "welding",
    "supplier",
    "animcija",
    "laboratrija",
    "sertifkācija",
    "kiberdrošba",
    *(word.lower() for word in RARE_WORDS[1000:1006]),
    *RARE_WORDS[3000:3004],
)
# Some searches narrow by a filter, as people do after the first page of results.
FILTERED = (
    {"q": "animācija", "region": "riga"},
    {"q": "metināšana", "type": "company"},
    {"q": "eksports", "kind": "need", "status": "open"},
    {"q": "laboratorija", "size": "small"},
)


# Mixed once, so that a short run still has every kind of query.
QUERIES = tuple(random.Random(4).sample(WORDS, len(WORDS)))


class Latency(NamedTuple):
    p50: float
    p95: float
    count: int

    def __str__(self) -> str:
        return f"p50 {self.p50:.1f} ms, p95 {self.p95:.1f} ms (n={self.count})"


class Row(NamedTuple):
    what: str
    figure: str
    goal: str = ""
    note: str = ""
    value: float | None = None  # a load test's requests/s or a build's seconds, kept for comparisons


def latency(samples: list[float]) -> Latency:
    p95 = statistics.quantiles(samples, n=20, method="inclusive")[18]
    return Latency(statistics.median(samples), p95, len(samples))


def judged(goal: str, met: bool) -> str:
    return f"{goal}: {'met' if met else 'missed'}"


def skipped(what: str, reason: str) -> Row:
    return Row(what, "–", "", f"skipped: {reason}")


def search_paths(slug: str = BIG) -> list[str]:
    """The search page addresses measured: plain queries and a few filtered ones."""
    searches = [{"q": text} for text in QUERIES] + list(FILTERED)
    random.Random(4).shuffle(searches)
    return [f"/c/{slug}/search?{urlencode(fields)}" for fields in searches]


def own_open_needs(company_id: int = BENCH_COMPANY_ID) -> list[int]:
    """Open needs of the bench user's company (the current cluster's): their pages show suggestions."""
    statement = select(Post.id).where(
        Post.company_id == company_id, Post.kind == "need", Post.status == "open"
    )
    return list(db.session.scalars(statement.order_by(Post.id)))


def make_manager(email: str) -> None:
    """Let the bench user manage the current cluster, so the managers' pages can be measured too."""
    membership = db.session.scalar(select(Membership).join(Membership.user).where(User.email == email))
    membership.role = "manager"
    db.session.commit()


def api_tokens(email: str, count: int) -> list[str]:
    """Read tokens of the bench user for the current cluster: one per API figure, so that none of them
    passes the API's rate limit of a token (a figure takes up to WARM_UP + REQUESTS calls)."""
    user = db.session.scalar(select(User).where(User.email == email))
    made = [
        create_token(user, current_tenant._get_current_object(), "bench", "read", 30) for _ in range(count)
    ]
    db.session.commit()
    return [secret for _token, secret in made]


# In-process measurements (inside an app context) ---------------------------------------------------


def index_build(tenants) -> list[Row]:
    start = time.perf_counter()
    count = sum(services.rebuild(tenant, processes=2) for tenant in tenants)
    elapsed = time.perf_counter() - start
    figure = f"{count / elapsed:,.0f} docs/s; {count:,} documents in {elapsed:.0f} s"
    what = f"full reindex, Whoosh (SQLite): search.services.rebuild(processes=2), {len(tenants)} clusters"
    return [Row(what, figure, note="reads the database and writes", value=elapsed)]


def raw_build(tenants, folder: Path) -> list[Row]:
    """Whoosh alone writing the same documents, built in memory first (that reading is timed apart)."""
    reading = writing = 0.0
    count = 0
    shutil.rmtree(folder, ignore_errors=True)
    try:
        for tenant in tenants:
            start = time.perf_counter()
            with tenant_scope(tenant):
                documents = list(all_documents())
            read = time.perf_counter()
            _write_raw(folder / f"cluster-{tenant.id}", documents)
            reading += read - start
            writing += time.perf_counter() - read
            count += len(documents)
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    return [
        Row(
            "index build, raw Whoosh: same documents, create_in + writer(procs=2, limitmb=256, multisegment)",
            f"{count / writing:,.0f} docs/s; {writing:.0f} s",
            note="one index per cluster, like the app",
            value=writing,
        ),
        Row(
            "documents made from the database (search.documents.all_documents)",
            f"{count / reading:,.0f} docs/s; {reading:.0f} s",
            note="the app's build = this + writing",
        ),
    ]


def _write_raw(folder: Path, documents: list[dict]) -> None:
    folder.mkdir(parents=True)
    writer = whoosh_index.create_in(folder, SCHEMA, INDEX_NAME).writer(
        procs=2, limitmb=256, multisegment=True
    )
    for document in documents:
        writer.add_document(**document)
    writer.commit()


# The brokering desk shows the newest open needs; their stored suggestions are computed with the user's.
DESK_NEEDS = 50


def stored_suggestions(tenant, post_ids: list[int], company_id: int = BENCH_COMPANY_ID) -> Row:
    """Store the suggestions the measured pages read, as the worker does after a change.

    The dataset is written without the outbox, so nothing is stored yet; recomputing every need of 100
    clusters would take longer than the whole benchmark. The outbox rows an upgrade queued are dropped:
    the indexes are rebuilt here and the pages' suggestions computed below.
    """
    with tenant_scope(tenant):
        db.session.execute(delete(IndexOutbox))
        newest = select(Post.id).where(Post.kind.in_(rules.SEEKING_KINDS), Post.status == "open")
        desk = list(db.session.scalars(newest.order_by(Post.created_at.desc()).limit(DESK_NEEDS)))
        keys = {post_key(post_id) for post_id in {*post_ids, *desk}} | {company_key(company_id)}
        started = time.perf_counter()
        stored.recompute(keys)
        elapsed = (time.perf_counter() - started) * 1000
        db.session.commit()
    what = f"stored suggestions in {tenant.slug}: stored.recompute (the measured pages' needs and company)"
    return Row(what, f"{elapsed / len(keys):.0f} ms per changed need or company", "", f"{len(keys)} keys")
