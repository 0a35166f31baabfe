"""Worker processes writing to one cluster at once: nobody sees an error, the index loses nothing."""

import logging
import multiprocessing
import re

from sqlalchemy import select

from clusterhub import create_app
from clusterhub.extensions import db
from clusterhub.posts.models import Post
from search.hooks import drain
from search.services import status
from tests.conftest import Visitor, app_config
from tests.factories import make_user
from tests.search.conftest import add_post, found, in_cluster

WORKERS = 3
POSTS_EACH = 20
SHARED_TITLE = "Kopīgs iepirkums"


def _form(title: str) -> dict:
    return {"kind": "need", "category": "purchasing", "title": title, "body": "Daudz darba visiem."}


class _Failures(logging.Handler):
    def __init__(self):
        super().__init__(logging.ERROR)
        self.messages = []

    def emit(self, record):
        self.messages.append(self.format(record))


def _write_posts(database_url: str, tmp_path, worker: int, shared_id: int) -> tuple[list[int], list[str]]:
    """One worker process: posts needs through the pages, editing its last one and the shared one as it goes.

    Returns the status of every response and the errors index updates logged (a lock held too long
    is not one: that work waits in the outbox by design).
    """
    failures = _Failures()
    logging.getLogger("search").addHandler(failures)
    visitor = Visitor(create_app(app_config(database_url, tmp_path)))
    visitor.login(f"writer{worker}@alfa.lv")
    statuses = []
    for number in range(POSTS_EACH):
        created = visitor.submit("/c/alfa/posts/new", _form(f"Ieraksts w{worker}n{number}"))
        statuses.append(created.status_code)
        if _edited(number):
            post_id = re.search(r"/posts/(\d+)$", created.location).group(1)
            edited = visitor.submit(f"/c/alfa/posts/{post_id}/edit", _form(f"Labots e{worker}n{number}"))
            shared = visitor.submit(
                f"/c/alfa/posts/{shared_id}/edit", _form(f"{SHARED_TITLE} s{worker}n{number}")
            )
            statuses += [edited.status_code, shared.status_code]
    return statuses, failures.messages


def _edited(number: int) -> bool:
    return number % 4 == 3


def _words_typed() -> list[str]:
    """The word that sets apart each title any worker wrote: w…n… new, e…n… edited, s…n… shared."""
    return [
        f"{kind}{worker}n{number}"
        for worker in range(WORKERS)
        for number in range(POSTS_EACH)
        for kind in ("wes" if _edited(number) else "w")
    ]


def test_workers_writing_at_once_never_fail_and_every_post_is_found(app, alfa, migrated_url, tmp_path):
    for worker in range(WORKERS):
        make_user(
            app,
            f"writer{worker}@alfa.lv",
            f"Rakstītājs {worker}",
            "alfa",
            "manager",
            f"SIA Rakstītājs {worker}",
        )
    shared_id = add_post(app, SHARED_TITLE)
    with multiprocessing.get_context("spawn").Pool(WORKERS) as pool:
        done = pool.starmap(_write_posts, [(migrated_url, tmp_path, w, shared_id) for w in range(WORKERS)])
    assert all(code == 302 for statuses, _ in done for code in statuses)
    assert [failures for _, failures in done] == [[]] * WORKERS
    with app.app_context():
        drain()  # whatever a worker could not write in time waits in the outbox; none of it is lost
    with in_cluster(app, "alfa") as tenant:
        counts = status(tenant)
        titles = list(db.session.scalars(select(Post.title)))
    assert counts["pending"] == 0
    assert counts["index"] == counts["database"] == {"company": WORKERS + 1, "post": WORKERS * POSTS_EACH + 1}
    # Each post is found by the words it has now, the shared one too, and none by words it had before.
    now = {title.split()[-1]: [title] for title in titles}
    wrong = {word: hits for word in _words_typed() if (hits := found(app, "alfa", word)) != now.get(word, [])}
    assert wrong == {}
