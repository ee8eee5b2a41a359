"""The rules that turn at-least-once delivery into an exactly-once effect on the tables."""

from streams.core.delivery import already_applied, is_republished, origin, with_mark


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
