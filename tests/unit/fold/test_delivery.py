"""The rules that turn at-least-once delivery into an exactly-once effect on the tables."""

from hypothesis import given, settings
from hypothesis import strategies as st

from streams.core.fold import delivery
from streams.core.fold.delivery import already_applied, is_republished, origin, with_mark


def test_a_redelivery_after_a_crash_is_recognised_by_its_offset() -> None:
    marks = with_mark({}, "p.events.talks", 2, 41)
    assert already_applied(marks, "p.events.talks", 2, 41)
    assert already_applied(marks, "p.events.talks", 2, 7)
    assert not already_applied(marks, "p.events.talks", 2, 42)
    # Offsets of other partitions and topics are unrelated.
    assert not already_applied(marks, "p.events.talks", 3, 0)
    assert not already_applied(marks, "p.events.strike", 2, 0)


def test_marks_move_on_and_stay_sorted() -> None:
    marks = with_mark(with_mark({}, "t.b", 0, 5), "t.a", 1, 3)
    assert list(marks) == ["t.a/1", "t.b/0"]
    assert with_mark(marks, "t.b", 0, 9)["t.b/0"] == 9


def test_the_same_event_from_another_message_is_a_republication() -> None:
    first = origin("p.events.talks", 0, 10)
    assert not is_republished(None, first)
    # The same message again is a redelivery, decided by the offset marks, not skipped here:
    # its first fold may have been lost in the crash.
    assert not is_republished(first, first)
    assert is_republished(first, origin("p.events.talks", 0, 99))


def test_next_commit_takes_the_run_that_starts_at_the_committed_offset() -> None:
    assert delivery.next_commit([26, 27, 28, 31, 32], 26) == (29, [31, 32])
    assert delivery.next_commit([31, 32], 29) == (None, [31, 32])


def test_next_commit_never_passes_a_missing_head_even_a_single_offset() -> None:
    # Faust's own check let exactly one missing offset through; that message was lost.
    assert delivery.next_commit([27, 28], 26) == (None, [27, 28])


def test_next_commit_without_a_commit_yet_takes_the_first_run() -> None:
    assert delivery.next_commit([0, 1, 2, 5], None) == (3, [5])
    assert delivery.next_commit([], 4) == (None, [])


def test_next_commit_passes_offsets_the_log_holds_no_record_at() -> None:
    """Issue 16, D2: a transaction marker (or an aborted or compacted record) is no lost
    message; the commit must pass it, or the partition is re-read forever."""
    # 26 processed, 27 a commit marker, 28..29 processed: commit 30.
    assert delivery.next_commit([26, 28, 29], 26, [(27, 28)]) == (30, [])
    # The marker right at the committed offset, then records.
    assert delivery.next_commit([28, 29], 27, [(27, 28)]) == (30, [])
    # A hole at the end of the run is passed too: the next record starts after it.
    assert delivery.next_commit([26], 26, [(27, 30)]) == (30, [])
    # A missing offset that is no hole still stops the commit.
    assert delivery.next_commit([26, 28], 26, [(30, 31)]) == (27, [28])
    assert delivery.next_commit([28, 29], 27, [(20, 27)]) == (None, [28, 29])


@settings(max_examples=300, deadline=None)
@given(st.sets(st.integers(0, 40), max_size=30), st.sets(st.integers(0, 40), max_size=10))
def test_next_commit_never_passes_an_offset_that_is_neither_acked_nor_a_hole(
    acked_set: set[int], hole_set: set[int]
) -> None:
    acked = sorted(acked_set - hole_set)
    holes = [(h, h + 1) for h in sorted(hole_set)]
    offset, waiting = delivery.next_commit(list(acked), 0, holes)
    if offset is not None:
        assert all(o in acked_set or o in hole_set for o in range(0, offset))
        assert offset not in acked_set or offset in waiting
    expected = 0
    while expected in acked_set or expected in hole_set:
        expected += 1
    assert (offset or 0) == (expected if acked and acked[0] < expected else 0)


def test_the_fold_takes_a_partitions_records_in_offset_order_only() -> None:
    """A record folded after a later one of its key would be skipped as a redelivery (the
    table's mark is past it): seen as a lost event in the kill -9 scale-out test."""
    admit = delivery.admit_in_order
    assert admit(None, 7, None, []) == (True, 8)  # nothing known: take it
    assert admit(8, 8, None, []) == (True, 9)
    assert admit(9, 11, None, []) == (False, 9)  # 9 and 10 missing: wait for the re-read
    assert admit(9, 11, None, [(9, 11)]) == (True, 12)  # ... unless the log has none there
    assert admit(9, 5, None, []) == (True, 9)  # a redelivery: the marks decide
    assert admit(9, 20, 20, []) == (True, 21)  # committed by another worker meanwhile
    assert admit(None, 3, 0, []) == (False, 0)  # the committed offset is the reference
