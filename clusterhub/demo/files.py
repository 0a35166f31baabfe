"""The demo's content, read from the JSON files in content/: one per cluster, the shared posts, the forums.

A cluster is added by writing clusters/<slug>.json in the shape of avt.json: the cluster's names and texts,
its manager (name, e-mail), its companies (the order matters: each company's demo representative is
derived from its place), the board's posts, the threads (the answering company writes first, then the two
sides take turns), ratings, the newcomer and the drifting member (company names), the meeting venue,
services, news, success stories, the manager's visits, applications, interest groups and the companies
found from other clusters (`network`, names). Each entry has the fields of its shape in entries.py; a
field left out takes the shape's default.

common.json holds the needs every cluster's members share (posted by the companies at `posters`, places in
each cluster's list), history.json the posts of the two years before the board's current ones.
forums.json holds the inter-cluster forums: when they are (days from today, moved on to the `weekday`;
Rīga wall-clock hours), the invited clusters and quota, each company's pitch, and per forum who registered,
the 1:1 meetings (`talks`, a slot by its place in the grid) and, after the event, the ratings.
visits.json holds a joint incoming visit: its host and invited clusters (quotas), the delegation, the
companies that registered (their pitches are the forums') and their meetings with the delegation.
network.json holds conversations across clusters: the two sides (cluster and company) and the messages.
"""

import json
from pathlib import Path

from clusterhub.demo import entries

CONTENT = Path(__file__).resolve().parent / "content"
# The lists of a cluster file, and the shape of their entries.
CLUSTER_ENTRIES = {
    "companies": entries.Profile,
    "posts": entries.Post,
    "threads": entries.Thread,
    "ratings": entries.Rating,
    "services": entries.Service,
    "news": entries.News,
    "stories": entries.Story,
    "visits": entries.Visit,
    "applications": entries.Application,
    "groups": entries.Group,
}


def _tuples(value):
    # Entries compare and hash their fields, as tuples do and JSON's lists do not.
    return tuple(_tuples(item) for item in value) if isinstance(value, list) else value


def _entry(shape, fields: dict):
    return shape(**{name: _tuples(value) for name, value in fields.items()})


def _read(path: Path) -> dict:
    with path.open(encoding="utf-8") as file:
        return json.load(file)


def cluster(path: Path) -> dict:
    """One cluster's file, its entries in the shapes of entries.py."""
    spec = _read(path)
    for key, shape in CLUSTER_ENTRIES.items():
        spec[key] = [_entry(shape, fields) for fields in spec[key]]
    return spec


def clusters() -> list[dict]:
    """Every cluster's file, in the order of their names (which the representatives' names depend on)."""
    return [cluster(path) for path in sorted((CONTENT / "clusters").glob("*.json"))]


def forums() -> dict:
    """The forums' file, the pitches and meetings in the shapes of entries.py."""
    spec = _read(CONTENT / "forums.json")
    spec["pitches"] = {name: _entry(entries.Pitch, fields) for name, fields in spec["pitches"].items()}
    for forum in (spec["past"], spec["upcoming"]):
        forum["talks"] = [_entry(entries.Talk, fields) for fields in forum["talks"]]
    spec["seasons"] = {int(month): season for month, season in spec["seasons"].items()}
    return spec


def visits() -> dict:
    """The demo's joint incoming visit: its host, invited clusters, delegation, companies and meetings."""
    return _read(CONTENT / "visits.json")


def network() -> list[dict]:
    """The conversations across clusters: each side's cluster and company, and who wrote what when."""
    return _read(CONTENT / "network.json")


def common_posts() -> tuple[list[int], list[entries.Post]]:
    """The places in a cluster's list of the companies that post the shared needs, and those posts."""
    spec = _read(CONTENT / "common.json")
    return spec["posters"], [_entry(entries.Post, fields) for fields in spec["posts"]]


def past_posts() -> list[entries.Past]:
    """The posts of the past, every cluster's, with what became of them."""
    return [
        entries.Past(_entry(entries.Post, past["post"]), past["status"], _tuples(past.get("answers", [])))
        for past in _read(CONTENT / "history.json")
    ]
