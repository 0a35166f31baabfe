"""`python -m bench.profile_page PATH [--folder DIR] [--requests N]`: where one page's CPU goes, in process.

Signs in as the benchmark user of the kept dataset (a copy of it: the app migrates it), requests PATH twice
to warm up, then (with `--plain M`) M times timed without the profiler, then N times under cProfile, and
prints the CPU milliseconds per request and the functions that took most. For finding what to fix; `make
bench` gives the figures that count.
"""

import argparse
import cProfile
import pstats
import statistics
import time
from pathlib import Path

from flask_migrate import upgrade

from bench.dataset import USER, Place, default_place, settings
from bench.server import CSRF_FIELD
from clusterhub import create_app


def profiled(path: str, place: Place, requests: int, plain: int = 0) -> pstats.Stats:
    app = create_app({**settings(place), "RATE_LIMITS_ENABLED": False})
    with app.app_context():
        upgrade()
    client = app.test_client()
    token = CSRF_FIELD.search(client.get("/login").data).group(1).decode()
    client.post("/login", data={"csrf_token": token, "email": USER["email"], "password": USER["password"]})
    for _ in range(2):
        assert client.get(path).status_code == 200, path
    if plain:
        print(f"{path}: {unprofiled(client, path, plain)} (not profiled, {plain} requests)")
    profile = cProfile.Profile()
    started = time.process_time()
    profile.enable()
    for _ in range(requests):
        client.get(path)
    profile.disable()
    print(f"{path}: {(time.process_time() - started) / requests * 1000:.0f} ms CPU per request (profiled)")
    return pstats.Stats(profile)


def unprofiled(client, path: str, requests: int) -> str:
    """The median and p95 CPU milliseconds of `requests` requests, without cProfile's overhead."""
    spent = []
    for _ in range(requests):
        started = time.process_time()
        client.get(path)
        spent.append((time.process_time() - started) * 1000)
    spent.sort()
    return f"median {statistics.median(spent):.1f} ms, p95 {spent[int(0.95 * (len(spent) - 1))]:.1f} ms CPU"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("path")
    parser.add_argument("--folder", type=Path, help="a copy of a kept dataset (default: the kept one)")
    parser.add_argument("--requests", type=int, default=5)
    parser.add_argument("--plain", type=int, default=0, help="first time this many requests unprofiled")
    arguments = parser.parse_args()
    place = Place(arguments.folder) if arguments.folder else default_place()
    stats = profiled(arguments.path, place, arguments.requests, arguments.plain)
    stats.sort_stats("cumulative").print_stats(40)


if __name__ == "__main__":
    main()
