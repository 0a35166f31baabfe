"""Gunicorn settings for production, read from the same environment as the app (see deploy/env.example).

Started by deploy/serve: `gunicorn -c deploy/gunicorn.conf.py`.
"""

import importlib
import os

wsgi_app = "clusterhub:create_app()"
# nginx in front talks to this address; never expose it to the network directly.
bind = os.environ.get("CLUSTERHUB_BIND", "127.0.0.1:8000")
# deploy/serve sets CLUSTERHUB_WORKERS the same way before `flask check`, which needs PostgreSQL for several.
workers = int(
    os.environ.get("CLUSTERHUB_WORKERS") or os.environ.get("WEB_CONCURRENCY") or 2 * os.cpu_count() + 1
)
# Page work is short; a slow CSV import or report still fits. Then the worker is killed and replaced.
timeout = int(os.environ.get("CLUSTERHUB_TIMEOUT", "60"))
graceful_timeout = 30
keepalive = 5
# A worker is replaced after this many requests (with jitter, so not all at once): memory stays flat.
max_requests = 2000
max_requests_jitter = 200
# The app writes one JSON line per request itself (with request id, cluster and user id, without query
# strings): gunicorn's own access log would repeat it with the query string, so it stays off.
accesslog = None
errorlog = "-"
loglevel = os.environ.get("CLUSTERHUB_LOG_LEVEL", "info").lower()
# X-Forwarded-* headers are trusted from nginx on this machine only (the app's PROXY_COUNT does the rest);
# with nginx on another machine, CLUSTERHUB_FORWARDED_ALLOW_IPS is its address.
forwarded_allow_ips = os.environ.get("CLUSTERHUB_FORWARDED_ALLOW_IPS", "127.0.0.1")
# Workers start from the code on disk, so a restart picks up a new release without stale imports.
preload_app = False
control_socket_disable = True


def post_worker_init(worker):
    """A new worker opens every cluster's search index and reads its facet values before its first request,
    so no member's search pays for that (about half a second per cluster with Whoosh)."""
    # Imported here, in the worker: the master never imports the app's code (see preload_app).
    search_index = importlib.import_module("search.index")
    with worker.wsgi.app_context():
        search_index.warm_up()
    # What the worker has read by now (the code, the settings, the indexes' caches) lives as long as it does.
    # Frozen, the collector's full passes no longer walk it: unfrozen, each such pass took about 130 ms of
    # one request in every few dozen on the 5,000-company bench cluster.
    importlib.import_module("clusterhub.ops.collector").freeze()


def post_request(worker, req, environ, resp):
    """After the response: what the worker's caches gained is frozen too (clusterhub/ops/collector.py)."""
    importlib.import_module("clusterhub.ops.collector").after_request()
