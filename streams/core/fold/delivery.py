"""Exactly-once effect over at-least-once delivery: which deliveries of an event to fold.

Kafka may deliver an event again after a crash (the same topic, partition and offset), and a
producer may publish the same snippet again (the same event id at a new offset). The worker
keeps, in each table entry, the last offset it folded per input partition, and, in one table
keyed by event id, where each event was first folded. Both live in Kafka changelogs, so a
restarted worker remembers them. These rules decide; they import nothing from Kafka.
"""

from collections.abc import Mapping


def origin(topic: str, partition: int, offset: int) -> str:
    """Where a delivery came from, as stored in the `folded_events` table."""
    return f"{topic}/{partition}/{offset}"


def is_republished(first_folded_at: str | None, here: str) -> bool:
    """The event was folded from another message: the same content published again."""
    return first_folded_at is not None and first_folded_at != here


def already_applied(marks: Mapping[str, int], topic: str, partition: int, offset: int) -> bool:
    """This table entry already holds the message: a redelivery after a crash."""
    return marks.get(f"{topic}/{partition}", -1) >= offset


def with_mark(marks: Mapping[str, int], topic: str, partition: int, offset: int) -> dict[str, int]:
    return dict(sorted({**marks, f"{topic}/{partition}": offset}.items()))


def next_commit(acked: list[int], committed: int | None) -> tuple[int | None, list[int]]:
    """The offset to commit for one partition, and the acked offsets still waiting.

    `committed` is the next offset to read, Kafka's meaning. Only a run of acked offsets that
    starts exactly there may be committed: a missing offset at the head is a message that was
    never processed (input topics are neither compacted nor transactional, so the log itself
    has no holes), and committing past it would lose it. `acked` must be sorted.
    """
    if not acked or (committed is not None and acked[0] > committed):
        return None, acked
    end = 0
    while end + 1 < len(acked) and acked[end + 1] == acked[end] + 1:
        end += 1
    return acked[end] + 1, acked[end + 1 :]
