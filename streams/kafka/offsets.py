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
3. Faust takes a missing offset for a hole in the log (compaction) and commits past it, and
   its own head-of-queue check lets a single missing offset through. Parley's input topics
   have no holes, so a missing offset is a dropped record: commits wait, and the partition is
   read again from its committed offset (`delivery.next_commit`).
"""

import asyncio
import logging
import time
from typing import Any

from faust.transport import consumer as faust_consumer
from faust.transport.drivers import aiokafka as faust_aiokafka

from streams.core.fold.delivery import next_commit

log = logging.getLogger(__name__)

# A partition whose head stays missing is read again at most this often.
REFETCH_EVERY_SECONDS = 5.0


async def _seek_to_committed_or_start(thread: Any) -> dict[Any, int | None]:
    consumer = thread._ensure_consumer()
    committed = await consumer.seek_to_committed()
    uncommitted = [tp for tp, offset in committed.items() if not offset]
    if uncommitted:
        await consumer.seek_to_beginning(*uncommitted)
    return committed


async def seek_to_committed(self: Any) -> Any:
    return await self.call_thread(_seek_to_committed_or_start, self)


_faust_ack = faust_consumer.Consumer.ack


def ack(self: Any, message: Any) -> bool:
    generation = getattr(message, "generation_id", None)
    if generation is not None and generation != self.app.consumer_generation_id:
        message.acked = True  # released: nothing waits for it, and it is not committed
        self._unacked_messages.discard(message)
        return False
    return bool(_faust_ack(self, message))


async def _add_gap(self: Any, tp: Any, offset_from: int, offset_to: int) -> None:
    """Input topics have no holes: a skipped offset is not a gap to commit over."""


def _new_offset(self: Any, tp: Any) -> int | None:
    acked = self._acked[tp]
    acked.sort()
    committed = self._committed_offset[tp]
    offset, waiting = next_commit(acked, committed)
    if offset is None and acked:
        _refetch(self, tp, committed)
        return None
    done = acked[: len(acked) - len(waiting)]
    acked[:] = waiting
    self._acked_index[tp].difference_update(done)
    return offset


_last_refetch: dict[Any, float] = {}
_refetches: set[asyncio.Future[Any]] = set()


def _refetch(consumer: Any, tp: Any, committed: int) -> None:
    now = time.monotonic()
    if now - _last_refetch.get(tp, 0.0) < REFETCH_EVERY_SECONDS:
        return
    _last_refetch[tp] = now
    log.warning(
        "offset %s of %s was acknowledged out of order (first acked: %s); reading the "
        "partition again from %s",
        committed,
        tp,
        consumer._acked[tp][:1],
        committed,
    )
    seek = asyncio.ensure_future(consumer.seek(tp, committed))
    _refetches.add(seek)
    seek.add_done_callback(_refetches.discard)


def install() -> None:
    faust_aiokafka.AIOKafkaConsumerThread.seek_to_committed = seek_to_committed
    faust_consumer.Consumer.ack = ack
    faust_consumer.Consumer._add_gap = _add_gap
    faust_consumer.Consumer._new_offset = _new_offset
