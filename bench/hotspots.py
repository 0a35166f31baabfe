"""`python -m bench.hotspots [PATH ...]`: where a page's time goes, by cProfile over requests in process.

Uses the dataset `make bench` made (and its index); without paths it profiles the search page
with the benchmark's queries. Example: `.venv/bin/python -m bench.hotspots /c/liels/companies`.
"""

import cProfile
import pstats
import sys

from bench.dataset import USER, default_place, is_current, settings
from bench.measure import search_paths
from bench.server import CSRF_FIELD
from clusterhub import create_app

REQUESTS = 20
WARM_UP = 4
SHOWN = 30


def signed_in(app):
    """A test client signed in as the benchmark's member of the big cluster."""
    client = app.test_client()
    token = CSRF_FIELD.search(client.get("/login").data).group(1).decode()
    fields = {"csrf_token": token, "email": USER["email"], "password": USER["password"]}
    if client.post("/login", data=fields).status_code != 302:
        raise RuntimeError(f"signing in as {USER['email']} failed")
    return client


def main() -> int:
    place = default_place()
    if not is_current(place):
        print("No benchmark dataset yet: run `make bench` first.")
        return 1
    paths = sys.argv[1:] or search_paths()
    client = signed_in(create_app(settings(place)))
    for number in range(WARM_UP):
        client.get(paths[number % len(paths)])
    profiler = cProfile.Profile()
    profiler.enable()
    statuses = [client.get(paths[number % len(paths)]).status_code for number in range(REQUESTS)]
    profiler.disable()
    print(f"{REQUESTS} requests over {len(paths)} paths, statuses {sorted(set(statuses))}")
    stats = pstats.Stats(profiler)
    stats.sort_stats("cumulative").print_stats(SHOWN)
    stats.sort_stats("tottime").print_stats(SHOWN)
    return 0


if __name__ == "__main__":
    sys.exit(main())
