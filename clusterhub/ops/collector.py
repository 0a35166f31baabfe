"""The garbage collector in a long-lived worker process: what lives as long as the worker is frozen.

A full collection walks every object that survived earlier ones. `gc.freeze()` after the warm-up takes what
the worker read then out of those walks, but the caches a worker fills on first use come later: figures kept
under a cluster's stamp (clusterhub/companies/kept.py), compiled SQL and templates. Unfrozen, they made each
full pass cost about 45 ms of one request in every few dozen in a worker serving the small bench dataset's
pages (measured in process); so after a request in which the collector made a full pass, the worker collects
the garbage that request left and freezes what remains, and the next passes walk only what is newer.

Frozen objects are still freed when nothing refers to them; only a reference cycle frozen while alive and
dropped later stays until the worker is replaced (gunicorn's `max_requests`). This needs a worker that
serves one request at a time (gunicorn's sync workers, as deploy/gunicorn.conf.py runs them): with
threads, another request's objects would be frozen while in use, and its cycles kept for good.
"""

import gc

FULL = 2  # the collector's oldest generation: a collection of it is a full pass
_passes_seen = 0


def _full_passes() -> int:
    return gc.get_stats()[FULL]["collections"]


def freeze() -> None:
    """Take everything alive now out of the collector's passes (after the worker's warm-up)."""
    global _passes_seen
    gc.freeze()
    _passes_seen = _full_passes()


def after_request() -> None:
    """Once the response is sent: freeze the survivors again if the collector made a full pass meanwhile."""
    if _full_passes() != _passes_seen:
        # The request's own objects are gone by now; collecting first keeps its cyclic garbage out of the
        # frozen set, where nothing would ever free it.
        gc.collect()
        freeze()
