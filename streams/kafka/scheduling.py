"""When fetched records reach the agents: soon after they reach the broker, and the snippets
before the fold's events. Measured with the latency bench (docs/benchmarks.md, issue 17, branch
perf/p99); installed by streams.app before the worker starts.

1. The fetch wait. Faust builds its consumer with `fetch_max_wait_ms=1500`: the broker holds a
   fetch up to 1.5 s while no new record arrives on the partitions it asks for. aiokafka leaves
   out of a fetch every partition whose records it still holds undelivered, and sends the next
   fetch only when this one returns, so a snippet that arrived while the fetch in flight asked
   for the event partitions alone (the snippets fetched before it were still being handed over)
   waited at the broker for up to 1.5 s: the latency p99 of one worker at half its throughput
   was that wait. The wait is now `PARLEY_CONSUMER_FETCH_WAIT_MS`.
2. The order. Faust hands a fetched batch to the agents one record at a time, each in a turn of
   the event loop in which the agent that got the record before it also runs, and fetches again
   only when the batch is through. The fold agent takes each event as it comes (its queue never
   held more than one record in the bench), so a snippet waited until every event fetched with
   or before it was folded, and when the fold fell behind (large states, a commit, a collection)
   a snippet's latency grew with the fold's backlog. Now a fetch first takes what is buffered
   for the snippets, without waiting, and hands it over alone; the next one (or this one, when
   there is none) takes a batch of every partition, of at most `PARLEY_CONSUMER_BATCH_RECORDS`
   records. A snippet then waits for at most one such batch, and the fold for one batch of
   snippets.

Records are taken from the consumer's buffer in each partition's order and every one is
delivered: only the grouping into batches changes, not what is folded or committed. A worker
recovering its tables reads no snippets (Faust pauses them), and fetches as Faust does.
"""

from collections.abc import Iterable
from typing import Any

from faust.transport.drivers import aiokafka as faust_aiokafka


class _Config:
    first: frozenset[str] = frozenset()
    batch_records: int | None = None
    fetch_wait_ms: int | None = None


config = _Config()
_faust_getmany = faust_aiokafka.Consumer._getmany


async def getmany(self: Any, active_partitions: Any, timeout: float) -> Any:
    """Faust's fetch, with the records of the first topics on their own ahead of each batch of
    every partition; the two take turns, so the fold is never starved by a stream of snippets.
    """
    if active_partitions:
        first = {tp for tp in active_partitions if tp.topic in config.first}
        if first and len(first) < len(active_partitions):
            if not getattr(self, "_parley_first_fetched", False):
                records = await _fetch(self, first, 0.0, None)
                if records:
                    self._parley_first_fetched = True
                    return records
            self._parley_first_fetched = False
            return await _fetch(self, active_partitions, timeout, config.batch_records)
    return await _faust_getmany(self, active_partitions, timeout)


async def _fetch(self: Any, partitions: Any, timeout: float, max_records: int | None) -> Any:
    """What Faust's `AIOKafkaConsumerThread.getmany` does, with the number of records given."""
    thread = self._thread
    return await thread.call_thread(
        thread._fetch_records,
        thread._ensure_consumer(),
        partitions,
        timeout=timeout,
        max_records=max_records,
    )


_faust_create_consumer = faust_aiokafka.AIOKafkaConsumerThread._create_consumer


def create_consumer(self: Any, loop: Any) -> Any:
    """Faust's consumer, with the configured fetch wait (a worker's; not a client's)."""
    consumer = _faust_create_consumer(self, loop)
    if config.fetch_wait_ms is not None and not self.app.client_only:
        # Read by AIOKafkaConsumer.start(), when it builds its fetcher.
        consumer._fetch_max_wait_ms = config.fetch_wait_ms
    return consumer


def install(first_topics: Iterable[str], batch_records: int, fetch_wait_ms: int) -> None:
    config.first = frozenset(first_topics)
    config.batch_records = batch_records
    config.fetch_wait_ms = fetch_wait_ms
    faust_aiokafka.Consumer._getmany = getmany
    faust_aiokafka.AIOKafkaConsumerThread._create_consumer = create_consumer
