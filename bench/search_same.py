"""`python -m bench.search_same --folder COPY (--save FILE | --compare FILE) [--times] [--after-changes]`:
what the search finds for every bench query in both clusters, kept in a file or compared with one kept before
a change.

For each cluster (`liels`, `videjs`) and each of the bench's queries (bench.measure.QUERIES and FILTERED,
and a few other shapes of query), pages 1 and 2 by relevance and page 1 by date: the hits in order, the
total, the facet counts and the snippets with their marks. A change that is only meant to make search
faster must leave all of it the same. With `--times`, each query's CPU milliseconds (median of 3) in
search/query.py:search are printed too, dearest first, to see which queries make the p95. With
`--after-changes`, every search is asked once first (so the process keeps what it read), then each cluster's
index changes (a need posted with tags, a post edited, another closed) and what the searches find then is
kept or compared: what is kept across index versions must follow the changes (give each run a fresh copy).
"""

import argparse
import json
import statistics
import sys
import time
from pathlib import Path

from flask_migrate import upgrade
from sqlalchemy import select

from bench.dataset import BENCH_COMPANY_ID, BIG, MID, MID_USER, USER, Place, mid_company_id, settings
from bench.measure import FILTERED, PER_PAGE, QUERIES
from clusterhub import create_app
from clusterhub.accounts.models import User
from clusterhub.companies.models import Company
from clusterhub.extensions import db
from clusterhub.posts.models import Post
from clusterhub.posts.services import create_post, set_status, update_post
from search.query import search
from tenants.context import tenant_scope
from tenants.models import Tenant

# Shapes of query the bench's list lacks: NOT, OR, AND, quotes, a wildcard, a filter alone, a boost.
SHAPES = (
    ("metināšana NOT eksports", {}),
    ("animācija -riga", {}),
    ('"saules paneļi"', {}),
    ("welding OR laboratorija", {}),
    ("CNC AND frēzēšana OR (cold storage)", {}),
    ("metin*", {}),
    ("sertifikācija^2 eksports", {}),
    ("", {"type": "company", "size": "small"}),
)
# (sort, page) of each query: the first page, the next one, and the newest first.
PAGES = (("relevance", 1), ("relevance", 2), ("date", 1))
TIMED_ROUNDS = 3


def _searches() -> list[tuple[str, dict[str, str]]]:
    plain = [(text, {}) for text in QUERIES]
    narrowed = [{name: value for name, value in fields.items() if name != "q"} for fields in FILTERED]
    filtered = [(fields["q"], filters) for fields, filters in zip(FILTERED, narrowed, strict=True)]
    return plain + filtered + list(SHAPES)


def _found(text: str, filters: dict[str, str], sort: str, page: int) -> dict:
    results = search(text, filters, sort, page, PER_PAGE)
    return {
        "hits": [[hit.type, hit.item.id, str(hit.snippet)] for hit in results.hits],
        "total": results.total,
        # As lists: the order of the values (most first) is part of what the page shows.
        "facets": [[name, list(counts.items())] for name, counts in results.facets.items()],
    }


def _cpu_ms(text: str, filters: dict[str, str]) -> float:
    spent = []
    for _ in range(TIMED_ROUNDS):
        started = time.process_time()
        search(text, filters, "relevance", 1, PER_PAGE)
        spent.append((time.process_time() - started) * 1000)
    return statistics.median(spent)


def _print_times(slug: str) -> None:
    spent = {f"{text} {json.dumps(filters)}": _cpu_ms(text, filters) for text, filters in _searches()}
    for what, ms in sorted(spent.items(), key=lambda pair: -pair[1]):
        print(f"{slug} {ms:7.1f} ms  {what}")


def _change(slug: str) -> None:
    """A need posted with a concept's tag and a tag of its own, the cluster's first open need edited (its old
    document hidden in an old segment), its second closed; the index written as the commit drains."""
    person, company_id = (USER, BENCH_COMPANY_ID) if slug == BIG else (MID_USER, mid_company_id())
    author = db.session.scalar(select(User).where(User.email == person["email"]))
    tags = ["metināšana", "Zemūdens griešana"]
    company = db.session.get(Company, company_id)
    create_post(company, author, "need", "other", "Vajag metinātāju", "Eksports.", tags)
    needs = select(Post).where(Post.kind == "need", Post.status == "open", Post.company_id != company_id)
    edited, closed = db.session.scalars(needs.order_by(Post.id).limit(2)).all()
    update_post(edited, {"body": "Laboratorija un sertifikācija, ISO 9001.", "tags": ["laboratorija"]})
    set_status(closed, "fulfilled")
    db.session.commit()


def _collected(slug: str) -> dict:
    found = {}
    for text, filters in _searches():
        name = f"{slug} {text!r} {json.dumps(filters, sort_keys=True)}"
        for sort, page in PAGES:
            found[f"{name} {sort} {page}"] = _found(text, filters, sort, page)
    return found


def collect(place: Place, times: bool, after_changes: bool = False) -> dict:
    app = create_app({**settings(place), "RATE_LIMITS_ENABLED": False})
    found = {}
    with app.app_context():
        upgrade()
        for slug in (BIG, MID):
            with tenant_scope(db.session.scalar(select(Tenant).where(Tenant.slug == slug))):
                if after_changes:
                    _collected(slug)
                    _change(slug)
                found.update(_collected(slug))
                if times:
                    _print_times(slug)
    return found


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--folder", type=Path, required=True, help="a copy of a kept dataset")
    kept = parser.add_mutually_exclusive_group(required=True)
    kept.add_argument("--save", type=Path, help="write what is found into this file")
    kept.add_argument("--compare", type=Path, help="compare what is found with this file")
    parser.add_argument("--times", action="store_true", help="also print each query's CPU ms")
    parser.add_argument("--after-changes", action="store_true", help="search, change the index, search again")
    arguments = parser.parse_args()
    found = collect(Place(arguments.folder), arguments.times, arguments.after_changes)
    if arguments.save:
        arguments.save.write_text(json.dumps(found, ensure_ascii=False, indent=1))
        print(f"{len(found)} searches kept in {arguments.save}")
        return 0
    before = json.loads(arguments.compare.read_text())
    found = json.loads(json.dumps(found))  # as the kept file has it: lists, not tuples
    differing = [name for name in before.keys() | found.keys() if before.get(name) != found.get(name)]
    for name in sorted(differing):
        print(f"differs: {name}")
    print(f"{len(found)} searches, {len(differing)} differ")
    return 1 if differing else 0


if __name__ == "__main__":
    sys.exit(main())
