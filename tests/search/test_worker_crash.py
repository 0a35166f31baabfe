"""A gunicorn worker killed (SIGKILL) in the middle of a burst of edits loses nothing that was acknowledged.

Members post needs and edit them over HTTP from several threads while one worker after another is
killed. Afterwards every change that got its redirect is in the database and, once the outbox the dead
worker left is drained (as the next process's first request or `flask search drain` does), in the index;
a change cut off with its worker is there whole (post and tags, database and index) or not at all.
"""

import contextlib
import http.client
import os
import re
import signal
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import select

from bench.server import CSRF_FIELD, Client, Gunicorn
from clusterhub.extensions import db
from clusterhub.posts.models import Post
from search.hooks import drain
from search.services import status
from tests.factories import PASSWORD, make_user
from tests.search.conftest import found, in_cluster

WORKERS = 3
WRITERS = 4
ROUNDS = 3  # each round: a new need, then an edit of it
CUTS = 2  # requests to cut off by killing the worker serving them
KILLS = 4
CUT_OFF = (OSError, http.client.HTTPException)
NEW_POST = re.compile(r"/c/alfa/posts/(\d+)$")


@dataclass
class Change:
    word: str  # the word that sets this version's title and tag apart
    post_id: int | None  # None: a new post whose answer never came
    acknowledged: bool


@dataclass
class Burst:
    port: int
    changes: dict[int, list[Change]] = field(default_factory=dict)
    cut_off: int = 0
    refused: list[str] = field(default_factory=list)  # forms answered with anything but a redirect

    def member(self, writer: int) -> tuple[Client, str]:
        """A signed-in member and the CSRF token of their session, so the burst sends forms only."""
        client = Client(self.port)
        client.login(f"writer{writer}@alfa.lv", PASSWORD)
        _, page = client.get("/c/alfa/posts/new")
        return client, CSRF_FIELD.search(page).group(1).decode()

    def write(self, writer: int, client: Client, token: str) -> None:
        """One member's edits, in order; a form its worker died under is noted and not sent again."""
        changes = self.changes.setdefault(writer, [])
        for number in range(ROUNDS):
            created = self.send(client, token, "/c/alfa/posts/new", f"w{writer}n{number}")
            changes.append(created)
            if created.post_id is not None:
                path = f"/c/alfa/posts/{created.post_id}/edit"
                changes.append(self.send(client, token, path, f"w{writer}e{number}", created.post_id))

    def send(self, client: Client, token: str, path: str, word: str, post_id: int | None = None) -> Change:
        try:
            answer, _ = client.post(path, _form(token, word))
        except CUT_OFF:
            self.cut_off += 1
            return Change(word, post_id, acknowledged=False)
        if answer != 302:
            self.refused.append(f"{path} answered {answer}")
            return Change(word, post_id, acknowledged=False)
        return Change(word, post_id or int(NEW_POST.search(client.location).group(1)), acknowledged=True)

    def acknowledged(self) -> int:
        return sum(change.acknowledged for changes in list(self.changes.values()) for change in changes)


def _form(token: str, word: str) -> dict[str, str]:
    return {
        "csrf_token": token,
        "kind": "need",
        "category": "purchasing",
        "title": f"Iepirkums {word}",
        "body": "Meklējam piegādātāju.",
        "tags": f"avārija, {word}",
    }


def _versions(changes: list[Change], post_id: int, word: str) -> list[Change]:
    """A post's changes in order; for a new post whose answer never came, that one change."""
    return [c for c in changes if c.post_id == post_id] or [
        c for c in changes if c.post_id is None and c.word == word
    ]


def _allowed_words(versions: list[Change]) -> set[str]:
    """The words a post may show: its last acknowledged version's, or a later one's cut off."""
    acknowledged = [number for number, change in enumerate(versions) if change.acknowledged]
    return {change.word for change in versions[acknowledged[-1] if acknowledged else 0 :]}


def _busy_workers(server: Gunicorn) -> list[int]:
    """The workers holding a client's connection now: killing one cuts off the request it is serving."""
    port = f":{server.port:04X}"
    with open("/proc/net/tcp") as table:
        rows = [line.split() for line in table.readlines()[1:]]
    # Columns: local address, remote address, state (01: established), …, the socket's inode.
    serving = {row[9] for row in rows if row[1].endswith(port) and row[3] == "01"}
    return [pid for pid in server.workers() if _sockets(pid) & serving]


def _sockets(pid: int) -> set[str]:
    found = set()
    for descriptor in Path(f"/proc/{pid}/fd").glob("*"):
        with contextlib.suppress(OSError):  # closed meanwhile
            target = os.readlink(descriptor)
            if target.startswith("socket:["):
                found.add(target[len("socket:[") : -1])
    return found


def _kill_workers(server: Gunicorn, burst: Burst, writers: list[threading.Thread]) -> int:
    """Once the burst is under way, SIGKILL a worker serving a request, until CUTS were cut off; the kills."""
    kills = 0
    while burst.acknowledged() < len(writers) and any(writer.is_alive() for writer in writers):
        time.sleep(0.05)
    while kills < KILLS and burst.cut_off < CUTS and any(writer.is_alive() for writer in writers):
        if busy := _busy_workers(server):
            with contextlib.suppress(ProcessLookupError):
                os.kill(busy[0], signal.SIGKILL)
                kills += 1
            time.sleep(0.5)
        time.sleep(0.02)
    return kills


def _environment(app) -> dict[str, str]:
    """The test app's database, index and mail folder, for gunicorn's workers."""
    settings = {
        "DATABASE_URL": app.config["SQLALCHEMY_DATABASE_URI"],
        "INDEX_DIR": app.config["INDEX_DIR"],
        "MAIL_DIR": app.config["MAIL_DIR"],
        "SECRET_KEY": app.config["SECRET_KEY"],
        "RATE_LIMITS": "0",
        "SEARCH_BACKEND": app.config["SEARCH_BACKEND"],
    }
    # Workers fork from a master that loaded the app once, so a killed one is replaced within a moment.
    return {
        "GUNICORN_CMD_ARGS": "--preload",
        **{f"CLUSTERHUB_{name}": value for name, value in settings.items()},
    }


def test_a_worker_killed_mid_burst_loses_no_acknowledged_change(app, alfa, tmp_path):
    for writer in range(WRITERS):
        make_user(
            app, f"writer{writer}@alfa.lv", f"Rakstītājs {writer}", "alfa", "member", f"SIA Raksti {writer}"
        )
    with Gunicorn("clusterhub:create_app()", _environment(app), tmp_path / "gunicorn.log", WORKERS) as server:
        burst = Burst(server.port)
        members = [burst.member(number) for number in range(WRITERS)]
        writers = [
            threading.Thread(target=burst.write, args=(number, *member))
            for number, member in enumerate(members)
        ]
        for writer in writers:
            writer.start()
        kills = _kill_workers(server, burst, writers)
        for writer in writers:
            writer.join()
    assert kills and burst.cut_off, "no request was cut off by a killed worker: the test proved nothing"
    assert len(burst.changes) == WRITERS, "a member's thread stopped with an error"
    assert burst.refused == []

    with app.app_context():
        drain()
    with in_cluster(app, "alfa") as tenant:
        counts = status(tenant)
        posts = {
            post.id: (post.title.split()[-1], set(post.tag_names))
            for post in db.session.scalars(select(Post))
        }
    assert counts["pending"] == 0
    assert counts["index"] == counts["database"]

    changes = [change for writer_changes in burst.changes.values() for change in writer_changes]
    # Nothing half-written: each post's tags are those of the version its title shows.
    assert {post_id: tags for post_id, (_, tags) in posts.items()} == {
        post_id: {"avārija", word} for post_id, (word, _) in posts.items()
    }
    # Every acknowledged new post is there, showing its last acknowledged version or a later one whose
    # answer was cut off; a new post cut off is there whole or not at all.
    assert {change.post_id for change in changes if change.acknowledged} <= set(posts)
    shows = {post_id: word for post_id, (word, _) in posts.items()}
    allowed = {post_id: _allowed_words(_versions(changes, post_id, word)) for post_id, word in shows.items()}
    assert {post_id: word for post_id, word in shows.items() if word not in allowed[post_id]} == {}
    # The index finds each post by the words it has now and by no word it had before.
    shown = {word: [f"Iepirkums {word}"] for word, _ in posts.values()}
    wrong = {c.word: hits for c in changes if (hits := found(app, "alfa", c.word)) != shown.get(c.word, [])}
    assert wrong == {}
