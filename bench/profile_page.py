"""`python -m bench.profile_page PATH… [--folder DIR] [--requests N] [--plain] [--mid]`: where CPU goes.

Signs in as the benchmark user of the kept dataset (a copy of it: the app migrates it; `--mid`: the
300-company cluster's), requests each PATH twice to warm up, freezes what is alive then for the garbage
collector as a gunicorn worker does, then N times under cProfile, and prints the CPU milliseconds per request
and the functions that took most. With `--plain`, no profiler: the paths are requested in turn N times each
(interleaved, so a busy moment hits all alike) and the median and p95 CPU milliseconds of each, and of all
samples together, are printed, for comparing one change back to back on one copy. For finding what to fix;
`make bench` gives the figures that count.
"""

import argparse
import cProfile
import pstats
import statistics
import time
from pathlib import Path

from flask.testing import FlaskClient
from flask_migrate import upgrade

from bench.dataset import MID_USER, USER, Place, default_place, settings
from bench.measure import latency
from bench.server import CSRF_FIELD
from clusterhub import create_app
from clusterhub.ops import collector


def signed_in(place: Place, paths: list[str], person: dict = USER) -> FlaskClient:
    """A test client of the bench user (or `person`), each path requested twice already."""
    app = create_app({**settings(place), "RATE_LIMITS_ENABLED": False})
    with app.app_context():
        upgrade()
    client = app.test_client()
    token = CSRF_FIELD.search(client.get("/login").data).group(1).decode()
    signing_in = {"csrf_token": token, "email": person["email"], "password": person["password"]}
    client.post("/login", data=signing_in)
    for path in paths * 2:
        assert client.get(path).status_code == 200, path
    # As a gunicorn worker (deploy/gunicorn.conf.py), lest the collector's passes over what is kept for
    # the rest of the process count in a few requests here and in none there.
    collector.freeze()
    return client


def profiled(path: str, place: Place, requests: int, person: dict) -> pstats.Stats:
    client = signed_in(place, [path], person)
    profile = cProfile.Profile()
    started = time.process_time()
    profile.enable()
    for _ in range(requests):
        client.get(path)
    profile.disable()
    print(f"{path}: {(time.process_time() - started) / requests * 1000:.0f} ms CPU per request (profiled)")
    return pstats.Stats(profile)


def plain(paths: list[str], place: Place, requests: int, person: dict) -> None:
    client = signed_in(place, paths, person)
    spent: dict[str, list[float]] = {path: [] for path in paths}
    for _ in range(requests):
        for path in paths:
            started = time.process_time()
            client.get(path)
            spent[path].append((time.process_time() - started) * 1000)
            collector.after_request()
    for path, samples in spent.items():
        p95 = statistics.quantiles(samples, n=20)[-1] if len(samples) > 1 else samples[0]
        median = statistics.median(samples)
        print(f"{path}: {median:.1f} ms CPU median, {p95:.1f} ms p95 ({requests} requests)")
    if len(paths) > 1:
        print(f"all paths: {latency([ms for samples in spent.values() for ms in samples])}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("paths", nargs="+", metavar="PATH")
    parser.add_argument("--folder", type=Path, help="a copy of a kept dataset (default: the kept one)")
    parser.add_argument("--requests", type=int, default=5)
    parser.add_argument("--mid", action="store_true", help="as the 300-company cluster's bench user")
    parser.add_argument("--plain", action="store_true", help="median and p95 of each path, no profiler")
    arguments = parser.parse_args()
    place = Place(arguments.folder) if arguments.folder else default_place()
    person = MID_USER if arguments.mid else USER
    if arguments.plain:
        plain(arguments.paths, place, arguments.requests, person)
        return
    for path in arguments.paths:
        profiled(path, place, arguments.requests, person).sort_stats("cumulative").print_stats(40)


if __name__ == "__main__":
    main()
