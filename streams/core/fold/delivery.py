"""Exactly-once effect over at-least-once delivery: which deliveries of an event to fold.

Kafka may deliver an event again after a crash (the same topic, partition and offset), and a
producer may publish the same snippet again (the same event id at a new offset). The worker
keeps, in each table entry, the last offset it folded per input partition, and, in one table
keyed by event id, where each event was first folded. Both live in Kafka changelogs, so a
restarted worker remembers them. These rules decide; they import nothing from Kafka.
"""

from bisect import bisect_right
from collections.abc import Mapping, Sequence


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


def next_commit(
    acked: list[int], committed: int | None, holes: Sequence[tuple[int, int]] = ()
) -> tuple[int | None, list[int]]:
    """The offset to commit for one partition, and the acked offsets still waiting.

    `committed` is the next offset to read, Kafka's meaning. Only a run that starts exactly
    there may be committed, made of acked offsets and of `holes`: offsets at which the log
    holds no record to process, as the fetcher saw them (a transaction's commit or abort
    marker, the records of an aborted transaction, a record removed by compaction). Any other
    missing offset at the head is a message that was never processed, and committing past it
    would lose it. `acked` must be sorted; `holes` are sorted, non-overlapping, half-open
    (start, end) ranges.
    """
    if not acked:
        return None, acked
    position = acked[0] if committed is None else committed
    if acked[0] > position and not hole_end(holes, position):
        return None, acked
    taken = 0
    while True:
        if taken < len(acked) and acked[taken] <= position:
            position = max(position, acked[taken] + 1)
            taken += 1
            continue
        passed = hole_end(holes, position)
        if passed:
            position = passed
            continue
        break
    if taken == 0:
        return None, acked
    return position, acked[taken:]


def hole_end(holes: Sequence[tuple[int, int]], offset: int) -> int:
    """The end of the hole that holds `offset`, or 0 (`holes` as for `next_commit`)."""
    at = bisect_right(holes, (offset, float("inf"))) - 1
    if at >= 0 and holes[at][0] <= offset < holes[at][1]:
        return holes[at][1]
    return 0


def past_holes(holes: Sequence[tuple[int, int]], offset: int) -> int:
    """The first offset at or after `offset` that no hole holds (holes may adjoin)."""
    end = hole_end(holes, offset)
    while end:
        offset = end
        end = hole_end(holes, offset)
    return offset


def admit_in_order(
    next_offset: int | None, offset: int, committed: int | None, holes: Sequence[tuple[int, int]]
) -> tuple[bool, int]:
    """Whether the fold may take the record at `offset` now, and the partition's next offset.

    Table values mark the last offset folded per input partition, so a record folded after a
    later one of the same partition and key would be taken for a redelivery and skipped: lost.
    That happens when Faust drops a record and delivers the next ones (the commit then waits
    and the partition is read again). The fold therefore takes a partition's records in offset
    order only: a record past the next expected one (holes aside) waits for the re-read.
    Records before it are redeliveries, which the marks and `folded_events` recognise.
    `committed` (Kafka's next offset to read) was processed before, by this worker or another.
    """
    if committed is not None and (next_offset is None or committed > next_offset):
        next_offset = committed
    if next_offset is None:
        return True, offset + 1  # the first record seen, with nothing committed: no reference
    next_offset = past_holes(holes, next_offset)
    if offset < next_offset:
        return True, next_offset
    if offset == next_offset:
        return True, offset + 1
    return False, next_offset
