"""`python -m bench [--fresh] [--scale full|small|tiny]`: make (or reuse) the dataset, measure, one table.

The full scale (the default, `make bench`) is issue 17's benchmark dataset; `small` keeps its 5,000- and
300-company clusters with 32 small ones beside them (BENCH_SCALE=small does the same).
"""

import argparse
import os
import signal
import sys
import time
import traceback

from flask_migrate import upgrade
from sqlalchemy import select

from bench import conference, dataset, goals, load, measure, quality
from bench.dataset import BENCH_COMPANY_ID, BIG, MID, MID_USER, SCALES, USER, ensure, settings, use_scale
from bench.measure import Row
from clusterhub import create_app
from clusterhub.extensions import db
from search.vocabulary.services import load_vocabulary
from tenants.context import tenant_scope
from tenants.models import Tenant


def attempt(measurement, *arguments) -> list[Row]:
    """The rows of a measurement; a failure becomes a row (traceback on stderr), the others still run."""
    try:
        found = measurement(*arguments)
    except Exception as error:
        traceback.print_exc()
        what = arguments[0] if arguments and isinstance(arguments[0], str) else measurement.__name__
        found = Row(what, "failed", "", repr(error)[:200])
    return [found] if isinstance(found, Row) else found


def measured(measurement, *arguments) -> list[Row]:
    """`attempt`, showing each row at once: the whole table comes only at the end."""
    rows = attempt(measurement, *arguments)
    for row in rows:
        print(f"  {row.what}: {row.figure}  {row.goal}", flush=True)
    return rows


def prepare(place) -> tuple[list[Row], list[goals.Cluster], list[str], int]:
    """In process on the kept dataset: the bench users' clusters, tokens and conference, the full reindex
    against raw Whoosh, and the stored suggestions the measured pages read."""
    app = create_app(settings(place))
    with app.app_context():
        upgrade()  # a kept dataset follows migrations added since it was made
        load_vocabulary()  # suggestions read the vocabulary, as after `make run`
        db.session.commit()
        tenants = list(db.session.scalars(select(Tenant).order_by(Tenant.id)))
        by_slug = {tenant.slug: tenant for tenant in tenants}
        clusters = []
        for slug, person, company_id in (
            (BIG, USER, BENCH_COMPANY_ID),
            (MID, MID_USER, dataset.mid_company_id()),
        ):
            with tenant_scope(by_slug[slug]):
                measure.make_manager(person["email"])
                clusters.append(goals.Cluster(slug, person, measure.own_open_needs(company_id), company_id))
        with tenant_scope(by_slug[BIG]):
            tokens = measure.api_tokens(USER["email"], 1)
        conference_id = conference.ensure_conference(tenants)
        goals.add_tourist(tenants)
        rows = measured(measure.index_build, tenants)
        rows += measured(measure.raw_build, tenants, place.folder / "raw-index")
        for cluster in clusters:
            rows += measured(
                measure.stored_suggestions, by_slug[cluster.slug], cluster.needs, cluster.company_id
            )
    return rows, clusters, tokens, conference_id


def print_table(rows: list[Row]) -> None:
    table = [("what", "figure", "goal", "note"), *(row[:4] for row in rows)]
    widths = [max(len(line[column]) for line in table) for column in range(4)]
    for number, line in enumerate(table):
        print("| " + " | ".join(cell.ljust(width) for cell, width in zip(line, widths, strict=True)) + " |")
        if number == 0:
            print("|" + "|".join("-" * (width + 2) for width in widths) + "|")


def _load() -> str:
    return " ".join(f"{value:.1f}" for value in os.getloadavg())


def main() -> int:
    parser = argparse.ArgumentParser(prog="python -m bench", description=__doc__)
    parser.add_argument(
        "--fresh", action="store_true", help="make the dataset again even if a current one exists"
    )
    parser.add_argument("--scale", choices=SCALES, default=os.environ.get("BENCH_SCALE") or "full")
    parser.add_argument(
        "--seconds", type=int, default=load.SECONDS, help="length of each member-mix load test"
    )
    arguments = parser.parse_args()
    # `kill` or a stopped `make` still runs the cleanup that stops the gunicorn servers.
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))
    started = time.perf_counter()
    use_scale(arguments.scale)
    place = dataset.default_place()
    print(f"load average before: {_load()}", flush=True)
    made = ensure(place, arguments.fresh)
    state = f"made in {time.perf_counter() - started:.0f} s" if made else "kept; FRESH=1 remakes it"
    print(f"dataset {arguments.scale} {dataset.SHAPE}: {place.folder} ({state})", flush=True)
    built, clusters, tokens, conference_id = prepare(place)
    print("in-process measurements done; now both search backends on PostgreSQL", flush=True)
    backends = measured(goals.backend_rows, built[0], built[1])
    print("now every page through gunicorn, interleaved", flush=True)
    rows = measured(goals.page_rows, place, clusters, tokens, conference_id) + backends + built
    print(f"now the member mix, old code then current code ({arguments.seconds} s each)", flush=True)
    rows += measured(load.throughput_rows, arguments.seconds)
    rows += measured(quality.rows, place.folder / "quality")
    print()
    print_table(rows)
    print(f"\nscale {arguments.scale}: {dataset.SHAPE}")
    print(f"bench took {time.perf_counter() - started:.0f} s; logs and dataset in {place.folder}")
    print(f"load average after: {_load()} (on 2 cores, anything else running skews the figures)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
