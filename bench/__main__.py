"""`python -m bench [--fresh]`: make (or reuse) the dataset, measure, print one table."""

import argparse
import os
import signal
import sys
import time
import traceback

from flask_migrate import upgrade
from sqlalchemy import select

from bench import conference, load, measure, quality
from bench.dataset import BIG, USER, Place, default_place, ensure, environment, settings
from bench.measure import Row
from bench.server import Client, Gunicorn
from clusterhub import create_app
from clusterhub.extensions import db
from search.vocabulary.services import load_vocabulary
from tenants.context import tenant_scope
from tenants.models import Tenant

BIG_PATH = f"/c/{BIG}"
DIRECTORY = f"{BIG_PATH}/companies"
API_PATH = f"/api/v1/clusters/{BIG}"


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


def in_process(place: Place) -> tuple[list[Row], Row, list[int], int, list[str]]:
    """Index build, raw Whoosh and services in process: the rows, the raw query row, the needs to open
    and the benchmark conference."""
    app = create_app(settings(place))
    with app.app_context():
        upgrade()  # a kept dataset follows migrations added since it was made
        load_vocabulary()  # suggestions read the vocabulary, as after `make run`
        db.session.commit()
        tenants = list(db.session.scalars(select(Tenant).order_by(Tenant.id)))
        big = next(tenant for tenant in tenants if tenant.slug == BIG)
        with tenant_scope(big):
            needs = measure.own_open_needs()
            measure.make_manager(USER["email"])
            tokens = measure.api_tokens(USER["email"], 2)
        conference_id = conference.ensure_conference(tenants)
        rows = measured(measure.index_build, tenants)
        rows += measured(measure.raw_build, tenants, place.folder / "raw-index")
        raw = measured(measure.raw_query, big)
        rows += raw + measured(measure.search_service, big) + measured(measure.match_call, big, needs)
        rows += measured(measure.stored_suggestions, big, needs)
    return rows, raw[0], needs, conference_id, tokens


def api_rows(port: int, needs: list[int], tokens: list[str]) -> list[Row]:
    """The JSON API's companies list and a need's matches, each read with a token of its own."""
    companies, matches = (Client(port, {"Authorization": f"Bearer {token}"}) for token in tokens)
    rows = measured(
        measure.page_row, f"API companies list {API_PATH}/companies", companies, [f"{API_PATH}/companies"]
    )
    return rows + measured(
        measure.page_row,
        f"API matches of an open need {API_PATH}/posts/<id>/matches",
        matches,
        [f"{API_PATH}/posts/{post_id}/matches" for post_id in needs],
        measure.MATCH_P95_MS,
    )


def app_server(place: Place, needs: list[int], conference_id: int, tokens: list[str]) -> list[Row]:
    with Gunicorn("clusterhub:create_app()", environment(place), place.folder / "gunicorn-app.log") as server:
        client = Client(server.port)
        client.login(USER["email"], USER["password"])
        search_paths = measure.search_paths()
        script = place.folder / "wrk.lua"
        rows = measured(
            measure.page_row,
            f"search page {BIG_PATH}/search?q=… ({len(search_paths)} queries)",
            client,
            search_paths,
            measure.SEARCH_P95_MS,
        )
        rows += measured(
            measure.page_row,
            f"post page of an open need {BIG_PATH}/posts/<id> (the author's view, with suggestions)",
            client,
            [f"{BIG_PATH}/posts/{post_id}" for post_id in needs],
            measure.MATCH_P95_MS,
        )
        rows += measured(
            measure.page_row,
            f"suggested partners {BIG_PATH}/matches (the bench user's company)",
            client,
            [f"{BIG_PATH}/matches"],
            measure.MATCH_P95_MS,
        )
        rows += measured(measure.page_row, f"member directory {DIRECTORY}", client, [DIRECTORY])
        rows += api_rows(server.port, needs, tokens)
        for what, path in measure.MANAGER_PAGES:
            rows += measured(measure.page_row, f"{what} {BIG_PATH}{path}", client, [BIG_PATH + path])
        for what, paths in conference.paths(conference_id):
            rows += measured(measure.page_row, f"{what} {paths[0]}", client, paths)
        rows += measured(measure.load, "throughput, search page", server, client, search_paths, script)
        rows += measured(measure.load, "throughput, member directory", server, client, [DIRECTORY], script)
        rows += measured(measure.memory, server)
    return rows


def minimal_server(place: Place) -> list[Row]:
    with Gunicorn("bench.minimal:app", {}, place.folder / "gunicorn-minimal.log") as server:
        client = Client(server.port)
        rows = measured(
            measure.page_row, "minimal Flask page (bench/minimal.py), same gunicorn", client, ["/"]
        )
        rows += measured(
            measure.load, "throughput, minimal Flask page", server, client, ["/"], place.folder / "wrk.lua"
        )
    return rows


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
    arguments = parser.parse_args()
    # `kill` or a stopped `make` still runs the cleanup that stops the gunicorn servers.
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))
    started = time.perf_counter()
    place = default_place()
    print(f"load average before: {_load()}", flush=True)
    made = ensure(place, arguments.fresh)
    state = (
        f"made in {time.perf_counter() - started:.0f} s"
        if made
        else "kept from an earlier run; FRESH=1 remakes it"
    )
    print(f"dataset: {place.folder} ({state}); sign in as {USER['email']} / {USER['password']}", flush=True)
    rows = measured(quality.rows, place.folder / "quality")
    in_place, raw, needs, conference_id, tokens = in_process(place)
    rows += in_place
    print("in-process measurements done; now through gunicorn on 127.0.0.1", flush=True)
    served = attempt(app_server, place, needs, conference_id, tokens)
    floor = attempt(minimal_server, place)
    rows += served + floor + [measure.compared(served[0], raw, floor[0])]
    print(f"now the load test ({load.SECONDS} s on each database)", flush=True)
    rows += [row for database in load.COPIES for row in measured(load.rows, database)]
    print()
    print_table(rows)
    print(f"\nbench took {time.perf_counter() - started:.0f} s; logs and dataset in {place.folder}")
    print(f"load average after: {_load()} (on 2 cores, anything else running skews the figures)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
