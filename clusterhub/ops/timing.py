"""CPU time per request, measured inside the worker: `Server-Timing: cpu;dur=…` when CPU_TIMING is on.

Wall time on a shared machine depends on what else runs; the CPU time the request's thread used does not,
so `python -m bench.page_cpu` reads this header (off by default: it tells clients how long pages took).

It wraps the whole WSGI call, not the view's hooks: the cluster is resolved from the address and the
session read before any `before_request` hook runs, and a page pays for them as much as for its view. It
stops when the headers go out, so only closing the request's database session afterwards is left out.
"""

import time


class _Timed:
    def __init__(self, wsgi_app):
        self.wsgi_app = wsgi_app

    def __call__(self, environ, start_response):
        started = time.thread_time()

        def stamped(status, headers, exc_info=None):
            used = (time.thread_time() - started) * 1000
            headers.append(("Server-Timing", f"cpu;dur={used:.2f}"))
            return start_response(status, headers, exc_info)

        return self.wsgi_app(environ, stamped)


def install(app) -> None:
    """Time every request's CPU use when the app is configured to."""
    if app.config["CPU_TIMING"]:
        app.wsgi_app = _Timed(app.wsgi_app)
