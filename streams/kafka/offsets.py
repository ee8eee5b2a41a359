"""Faust's offset bookkeeping, corrected so that a consumer never commits past a message it
did not process. Found by the kill -9 scale-out test (tests/integration/test_scaleout.py);
docs/kafka.md explains each case. Installed by streams.app before the worker starts.

1. After a rebalance Faust seeks every partition back to its committed offset, so records
   fetched and dropped during the rebalance are read again. aiokafka's `seek_to_committed`
   skips partitions that have no commit yet, so those kept the position reached while Faust
   dropped records: the records were never processed until the next restart. They are now
   sought to their start.
2. A record that reaches a stream while its consumer generation is stale is skipped and yet
   acknowledged, so its offset could be committed. Acks of stale generations are ignored: the
   seek after the rebalance delivers the record again.
3. Faust takes any missing offset for a hole in the log (compaction) and commits past it, and
   its own head-of-queue check lets a single missing offset through. A missing offset is
   either a record Faust dropped, which must be read again, or an offset at which the log
   holds nothing to process: a transaction's commit or abort marker, a record of an aborted
   transaction, a record removed by compaction. The fetcher knows which: it skips the latter
   itself, between the offset it fetched from and the next one it will fetch. Those offsets
   are noted as holes, and commits pass holes and acked offsets only; any other missing
   offset makes commits wait, and the partition is read again from its committed offset
   (`delivery.next_commit`). Before issue 16 every missing offset was a dropped record, so
   one transactional write stalled its partition forever.
4. The consumer reads committed data only (read_committed): records of aborted transactions
   are never processed. Faust sets read_committed only for its exactly-once mode.
"""

import bisect
import logging
import time
from typing import Any

from aiokafka.consumer import fetcher as aiokafka_fetcher
from faust.transport import consumer as faust_consumer
from faust.transport.drivers import aiokafka as faust_aiokafka

from streams.core.fold.delivery import admit_in_order, next_commit, past_holes

log = logging.getLogger(__name__)

# A partition whose head stays missing is read again at most this often.
REFETCH_EVERY_SECONDS = 5.0


async def _seek_to_committed_or_start(thread: Any) -> dict[Any, int | None]:
    consumer = thread._ensure_consumer()
    committed = await consumer.seek_to_committed()
    # A new assignment: the fold's order is taken afresh from the commits (or log starts).
    for tp in committed:
        key = (tp.topic, tp.partition)
        _fold_next.pop(key, None)
        deferred.forget(*key)
        log_starts.pop(key, None)
        _pending_seeks.pop(tp, None)
    uncommitted = [tp for tp, offset in committed.items() if not offset]
    if uncommitted:
        await consumer.seek_to_beginning(*uncommitted)
        for tp in uncommitted:
            log_starts[(tp.topic, tp.partition)] = await consumer.position(tp)
    return committed


# Where an uncommitted partition's log starts, noted when it is sought there: the fold's first
# expected offset. Without it the first record seen was taken as the start, and when Faust had
# dropped the records before it (a rebalance), those were later skipped as already applied
# (the kill -9 scale-out test: a process's first seven casualty reports lost).
log_starts: dict[tuple[str, int], int] = {}


async def seek_to_committed(self: Any) -> Any:
    return await self.call_thread(_seek_to_committed_or_start, self)


_faust_ack = faust_consumer.Consumer.ack


def ack(self: Any, message: Any) -> bool:
    generation = getattr(message, "generation_id", None)
    stale = generation is not None and generation != self.app.consumer_generation_id
    if stale or deferred.holds(message.topic, message.partition, message.offset):
        # Released, so nothing waits for it, but not counted, so never committed: a record of
        # a stale generation, or one the fold deferred, is delivered again by the re-read.
        message.acked = True
        self._unacked_messages.discard(message)
        return False
    return bool(_faust_ack(self, message))


class Deferred:
    """Offsets the fold agent passed over to take its partition in order, per partition.

    Faust acknowledges every record the agent moves past, deferred or not; counted, such an
    acknowledgement let the commit pass a record that was never folded as soon as the records
    before it arrived, and a rebalance before the re-read lost it (the kill -9 scale-out test,
    about one run in five on a loaded machine). A deferred offset is never counted as done:
    the commit waits for it and the partition is read again (`_new_offset`).
    """

    def __init__(self) -> None:
        self._offsets: dict[tuple[str, int], set[int]] = {}

    def add(self, topic: str, partition: int, offset: int) -> None:
        self._offsets.setdefault((topic, partition), set()).add(offset)

    def discard(self, topic: str, partition: int, offset: int) -> None:
        waiting = self._offsets.get((topic, partition))
        if waiting:
            waiting.discard(offset)

    def holds(self, topic: str, partition: int, offset: int) -> bool:
        return offset in self._offsets.get((topic, partition), ())

    def any(self, topic: str, partition: int, committed: int | None = None) -> bool:
        """Whether offsets at or after `committed` wait; those before it are forgotten.

        An offset below the commit was processed (by this worker or the partition's owner at
        the time): one deferred from records still queued when the partition was reassigned
        would otherwise keep the partition re-read, and reported stuck, for ever.
        """
        waiting = self._offsets.get((topic, partition))
        if waiting and committed is not None:
            waiting.difference_update([offset for offset in waiting if offset < committed])
        return bool(waiting)

    def forget(self, topic: str, partition: int) -> None:
        """The partition was (re)assigned: it is read again from its commit."""
        self._offsets.pop((topic, partition), None)


deferred = Deferred()


async def _add_gap(self: Any, tp: Any, offset_from: int, offset_to: int) -> None:
    """Input topics have no holes: a skipped offset is not a gap to commit over."""


class Holes:
    """Offsets the fetcher passed without a record, per partition: merged half-open ranges.

    Fetches move forward, so a new hole nearly always lies after the last one and is appended
    or merged in constant time; after a seek back it is put in its place. Compacted changelogs,
    read by the same consumer at recovery, have a hole between most records: each partition
    keeps its latest `LIMIT` holes, far more than lie past any committed offset.
    """

    LIMIT = 10_000

    def __init__(self) -> None:
        self._ranges: dict[tuple[str, int], list[tuple[int, int]]] = {}

    def note(self, topic: str, partition: int, start: int, end: int) -> None:
        if end <= start:
            return
        ranges = self._ranges.setdefault((topic, partition), [])
        if ranges and start < ranges[-1][0]:
            bisect.insort(ranges, (start, end))
            merged: list[tuple[int, int]] = []
            for low, high in ranges:
                if merged and low <= merged[-1][1]:
                    merged[-1] = (merged[-1][0], max(merged[-1][1], high))
                else:
                    merged.append((low, high))
            ranges[:] = merged
        elif ranges and start <= ranges[-1][1]:
            ranges[-1] = (ranges[-1][0], max(ranges[-1][1], end))
        else:
            ranges.append((start, end))
        if len(ranges) > self.LIMIT:
            del ranges[: len(ranges) - self.LIMIT]

    def of(self, topic: str, partition: int, committed: int | None) -> list[tuple[int, int]]:
        """The holes at or after `committed`; those before it are forgotten."""
        ranges = self._ranges.get((topic, partition), [])
        if committed is not None and ranges and ranges[0][1] <= committed:
            ranges[:] = [(low, high) for low, high in ranges if high > committed]
        return ranges


holes = Holes()
_unpack_records = aiokafka_fetcher.PartitionRecords._unpack_records


def _unpack_noting_holes(self: Any) -> Any:
    """aiokafka's record iterator, noting every offset it passes without yielding a record."""
    tp = self._tp
    expected = self.next_fetch_offset
    for record in _unpack_records(self):
        if record.offset > expected:
            holes.note(tp.topic, tp.partition, expected, record.offset)
        expected = record.offset + 1
        yield record
    # Markers, aborted batches or compacted records after the last record of the fetch.
    holes.note(tp.topic, tp.partition, expected, self.next_fetch_offset)


_create_worker_consumer = faust_aiokafka.AIOKafkaConsumerThread._create_worker_consumer


def _create_read_committed_consumer(self: Any, transport: Any) -> Any:
    consumer = _create_worker_consumer(self, transport)
    # Read by AIOKafkaConsumer.start(), when it builds its fetcher.
    consumer._isolation_level = "read_committed"
    return consumer


def _new_offset(self: Any, tp: Any) -> int | None:
    acked = self._acked[tp]
    acked.sort()
    committed = self._committed_offset[tp]
    offset, waiting = next_commit(acked, committed, holes.of(tp.topic, tp.partition, committed))
    offset, waiting = _within_fold(tp, offset, waiting, acked, committed)
    if offset is None and (acked or deferred.any(tp.topic, tp.partition, committed)):
        stuck_since.setdefault((tp.topic, tp.partition), time.monotonic())
        # With no commit yet, the fold's next expected offset is where the gap begins, or the
        # log's start when a seek has just reset the fold's order.
        key = (tp.topic, tp.partition)
        start = committed if committed is not None else _fold_next.get(key, log_starts.get(key))
        if start is not None:
            _refetch(self, tp, start)
        return None
    stuck_since.pop((tp.topic, tp.partition), None)
    done = acked[: len(acked) - len(waiting)]
    acked[:] = waiting
    self._acked_index[tp].difference_update(done)
    return offset


def _within_fold(
    tp: Any, offset: int | None, waiting: list[int], acked: list[int], committed: int | None
) -> tuple[int | None, list[int]]:
    """The commit of a fold partition, never past the offset the fold expects next.

    Acks and holes alone let a commit pass records the fold never took: at the end of a
    recovery the seek to the commit (`_seek_to_committed_or_start`) resets the fold's order
    while records fetched before it are still being handed on: the fold took offsets 0-2,
    deferred 3-36 as out of order, and a commit with no commit yet went from 0 to 37 (the kill
    -9 scale-out test: 3-36 of every topic on the dead worker's partition never folded, every
    offset committed). Records acked without a fold (Faust acks those it skips while its flow
    is suspended) or holes can carry a commit there; the fold's next expected offset cannot.
    """
    key = (tp.topic, tp.partition)
    if offset is None or tp.topic not in _fold_topics:
        return offset, waiting
    frontier = _fold_next.get(key)
    if frontier is not None:
        # Holes at the fold's head (transaction markers) hold nothing to fold.
        frontier = past_holes(holes.of(tp.topic, tp.partition, None), frontier)
    if frontier is not None and offset <= frontier:
        return offset, waiting
    if frontier is None or (committed is not None and frontier <= committed):
        return None, acked  # the fold holds nothing past the commit yet
    return frontier, [done for done in acked if done >= frontier]


# Topics the fold agent reads: their commits follow the fold (`_within_fold`).
_fold_topics: set[str] = set()


# Partitions whose commit waits for a missing offset, since when (monotonic); for health.
stuck_since: dict[tuple[str, int], float] = {}


_fold_next: dict[tuple[str, int], int] = {}


def fold_in_order(app: Any, message: Any) -> bool:
    """Whether the fold agent may fold this record now (`delivery.admit_in_order`)."""
    consumer = getattr(app, "_consumer", None)  # `app.consumer` would create one in tests
    committed = consumer._committed_offset.get(message.tp) if consumer is not None else None
    key = (message.topic, message.partition)
    _fold_topics.add(message.topic)
    if committed is None:
        committed = log_starts.get(key)
    admitted, next_offset = admit_in_order(
        _fold_next.get(key), message.offset, committed, holes.of(*key, None)
    )
    _fold_next[key] = next_offset
    if admitted:
        deferred.discard(*key, message.offset)
    else:
        deferred.add(*key, message.offset)
    return admitted


def stuck_partitions(longer_than: float, now: float | None = None) -> list[str]:
    """Partitions whose commit has waited for a missing offset longer than `longer_than` s."""
    now = time.monotonic() if now is None else now
    return sorted(
        f"{topic}[{partition}]"
        for (topic, partition), since in stuck_since.items()
        if now - since > longer_than
    )


_last_refetch: dict[Any, float] = {}

# Re-reads asked for by `_refetch`: partition -> offset, applied by `getmany` between batches.
_pending_seeks: dict[Any, int] = {}


def _refetch(consumer: Any, tp: Any, committed: int) -> None:
    now = time.monotonic()
    if now - _last_refetch.get(tp, 0.0) < REFETCH_EVERY_SECONDS:
        return
    _last_refetch[tp] = now
    log.warning(
        "offset %s of %s is missing or deferred (first acked: %s); reading the "
        "partition again from %s",
        committed,
        tp,
        consumer._acked[tp][:1],
        committed,
    )
    _pending_seeks[tp] = committed


_faust_getmany = faust_consumer.Consumer.getmany


async def getmany(self: Any, timeout: float) -> Any:
    """Faust's fetch, after the re-reads `_refetch` asked for.

    Faust's drain loop notes the offset of each record it hands on as read and drops any
    later record below it as a duplicate. A seek made while that loop still held a batch
    fetched from the old position was undone by the batch's remaining records: the re-read
    records fell below the read offset and were dropped, so the head of the gap never came
    back and the partition stalled (the kill -9 scale-out test). Here no batch is held: the
    loop asks for the next one only once it has handed on the last.
    """
    if _pending_seeks:
        await _apply_pending_seeks(self)
    async for item in _faust_getmany(self, timeout):
        yield item


async def _apply_pending_seeks(consumer: Any) -> None:
    seeks = dict(_pending_seeks)
    _pending_seeks.clear()
    assigned = consumer.assignment()
    for tp, offset in seeks.items():
        if tp in assigned:  # revoked since: its new owner reads it from the commit
            await consumer.seek(tp, offset)


def install() -> None:
    aiokafka_fetcher.PartitionRecords._unpack_records = _unpack_noting_holes
    faust_aiokafka.AIOKafkaConsumerThread._create_worker_consumer = _create_read_committed_consumer
    faust_aiokafka.AIOKafkaConsumerThread.seek_to_committed = seek_to_committed
    faust_consumer.Consumer.ack = ack
    faust_consumer.Consumer._add_gap = _add_gap
    faust_consumer.Consumer._new_offset = _new_offset
    faust_consumer.Consumer.getmany = getmany
