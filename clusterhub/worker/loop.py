"""The worker's loop: drain the outbox whenever there is work, look at the schedule every minute."""

import logging
import signal
import threading
import time

from flask import current_app

from clusterhub.clock import utcnow
from clusterhub.extensions import db
from clusterhub.worker import jobs
from search import hooks

log = logging.getLogger(__name__)

SCHEDULE_EVERY = 60.0


def _safely(work, failure: str) -> int:
    # A failed pass leaves its work where it was (the outbox, the schedule): the next pass tries again,
    # and the worker keeps running (the database may be away for a moment).
    try:
        return work()
    except Exception:
        db.session.rollback()
        log.exception(failure)
        return 0
    finally:
        db.session.remove()


def work_once() -> int:
    """One pass over the outbox; how many documents it wrote."""
    return _safely(hooks.drain, "outbox work failed")


def scheduled() -> int:
    """The scheduled jobs due now; how many ran."""
    return _safely(lambda: jobs.due(utcnow()), "scheduled jobs failed")


def run(stop: threading.Event | None = None) -> None:
    """Drain and schedule until SIGTERM or SIGINT; finishes the pass it is in."""
    stop = stop or threading.Event()
    for number in (signal.SIGTERM, signal.SIGINT):
        signal.signal(number, lambda *_: stop.set())
    poll = current_app.config["WORKER_POLL_SECONDS"]
    next_schedule = 0.0
    log.info("worker started, polling every %.1f s", poll)
    while not stop.is_set():
        if time.monotonic() >= next_schedule:
            scheduled()
            next_schedule = time.monotonic() + SCHEDULE_EVERY
        if not work_once():
            stop.wait(poll)
    log.info("worker stopped")
