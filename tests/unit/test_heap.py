"""The start-up heap frozen out of the collector's full passes (streams/heap.py)."""

import gc
import weakref

from streams import heap


class Node:
    def __init__(self) -> None:
        self.me = self  # a reference cycle: only the cycle collector frees it


def test_freeze_moves_the_live_objects_out_of_the_collected_generations() -> None:
    kept = Node()
    try:
        frozen = heap.freeze()
        assert frozen == gc.get_freeze_count() > 0
        assert not any(o is kept for o in gc.get_objects())
    finally:
        gc.unfreeze()
    assert any(o is kept for o in gc.get_objects())


def test_garbage_is_collected_before_the_freeze_not_kept_for_good() -> None:
    gc.disable()  # no automatic pass may collect the garbage before the freeze does
    try:
        garbage = weakref.ref(Node())  # unreachable at once, kept alive by its own cycle
        assert garbage() is not None
        heap.freeze()
        assert garbage() is None
    finally:
        gc.unfreeze()
        gc.enable()
