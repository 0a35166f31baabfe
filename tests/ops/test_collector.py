"""A worker freezes what outlives a full collection, and never the garbage a request left behind."""

import gc
import weakref

import pytest

from clusterhub.ops import collector


class Node:
    """An object that can be part of a reference cycle and be watched by a weak reference."""

    def __init__(self):
        self.other = None


def _dropped_cycle() -> weakref.ref:
    first, second = Node(), Node()
    first.other, second.other = second, first
    return weakref.ref(first)


@pytest.fixture
def thawed():
    """The test process's objects back under the collector afterwards."""
    yield
    gc.unfreeze()


def test_after_a_full_pass_the_survivors_are_frozen_and_a_dropped_cycle_is_freed(thawed):
    collector.freeze()
    gc.collect()  # the full pass a request happened to trigger
    kept = [Node() for _ in range(100)]  # what the worker keeps, such as cache entries
    dropped = _dropped_cycle()  # what the request left unreachable
    frozen_before = gc.get_freeze_count()
    collector.after_request()
    assert dropped() is None
    assert gc.get_freeze_count() >= frozen_before + len(kept)


def test_without_a_full_pass_nothing_more_is_frozen(thawed):
    collector.freeze()
    young = [Node() for _ in range(100)]  # what a request made, not yet through any full pass
    frozen_before = gc.get_freeze_count()
    collector.after_request()
    assert gc.get_freeze_count() == frozen_before
    assert len(young) == 100
