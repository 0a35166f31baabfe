"""CPU time per request, measured inside the worker: `Server-Timing: cpu;dur=…` when CPU_TIMING is on.

Wall time on a shared machine depends on what else runs; the CPU time the request's thread used does not,
so `python -m bench.page_cpu` reads this header (off by default: it tells clients how long pages took).
"""

import time

from flask import g


def _start() -> None:
    g.cpu_started = time.thread_time()


def _stamp(response):
    if "cpu_started" in g:
        used = (time.thread_time() - g.cpu_started) * 1000
        response.headers.add("Server-Timing", f"cpu;dur={used:.2f}")
    return response


def install(app) -> None:
    """Time every request's CPU use when the app is configured to."""
    if app.config["CPU_TIMING"]:
        app.before_request(_start)
        app.after_request(_stamp)
