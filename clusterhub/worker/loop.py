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


def work_once() -> int:
    """One pass over the outbox; how many documents it wrote."""
    try:
        return hooks.drain()
    except Exception:
        # A broken batch stays in the outbox; the next pass tries again, the worker keeps running.
        db.session.rollback()
        log.exception("outbox work failed")
        return 0
    finally:
        db.session.remove()


def scheduled() -> int:
    """The scheduled jobs due now; how many ran."""
    try:
        return jobs.due(utcnow())
    except Exception:
        # The database may be away for a moment; the schedule is looked at again in a minute.
        db.session.rollback()
        log.exception("scheduled jobs failed")
        return 0
    finally:
        db.session.remove()


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
