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
   a snippet's latency grew with the fold's backlog. Now each fetch takes every record buffered
   for the snippets and at most `PARLEY_CONSUMER_BATCH_RECORDS` of the other partitions, in one
   call to the consumer thread, and the snippets are handed over first (`FirstTopics`, Faust's
   `ConsumerScheduler`). A snippet waits for at most the rest of the batch in hand.

Records are taken from the consumer's buffer in each partition's order and every one is
delivered: only the grouping into batches changes, not what is folded or committed. A worker
recovering its tables reads no snippets (Faust pauses them), and fetches as Faust does.
"""

import itertools
from collections.abc import Iterable, Iterator, Mapping
from typing import Any

from aiokafka.errors import ConsumerStoppedError
from faust.transport.drivers import aiokafka as faust_aiokafka
from faust.transport.utils import DefaultSchedulingStrategy
from faust.types import TP


class _Config:
    first: frozenset[str] = frozenset()
    batch_records: int | None = None
    fetch_wait_ms: int | None = None


config = _Config()
_faust_getmany = faust_aiokafka.Consumer._getmany


async def getmany(self: Any, active_partitions: Any, timeout: float) -> Any:
    """Faust's fetch, with every buffered record of the first topics and a short batch of the
    rest, in one call to the consumer thread."""
    if active_partitions:
        first = {tp for tp in active_partitions if tp.topic in config.first}
        if first and len(first) < len(active_partitions):
            thread = self._thread
            return await thread.call_thread(
                fetch_first, thread, thread._ensure_consumer(), first, active_partitions, timeout
            )
    return await _faust_getmany(self, active_partitions, timeout)


async def fetch_first(
    thread: Any, consumer: Any, first: set[Any], active: set[Any], timeout: float
) -> dict[Any, list[Any]]:
    """In the consumer thread, as Faust's `AIOKafkaConsumerThread._fetch_records`: every record
    buffered for the first topics, then at most `batch_records` of the other partitions; waits
    for the broker (on every partition) only when nothing is buffered."""
    if not thread.consumer.flow_active:
        return {}
    fetcher = consumer._fetcher
    if consumer._closed or fetcher._closed:
        raise ConsumerStoppedError()
    with fetcher._subscriptions.fetch_context():
        records: dict[Any, list[Any]] = await fetcher.fetched_records(first, timeout=0)
        rest = active - first
        if records:
            more = await fetcher.fetched_records(rest, 0, config.batch_records)
            return {**records, **more}
        return await fetcher.fetched_records(  # type: ignore[no-any-return]
            active, timeout, config.batch_records
        )


class FirstTopics(DefaultSchedulingStrategy):  # type: ignore[misc]
    """Faust's round robin over a batch, after every record of the first topics."""

    def iterate(self, records: Mapping[TP, list[Any]]) -> Iterator[tuple[TP, Any]]:
        ahead = {tp: batch for tp, batch in records.items() if tp.topic in config.first}
        if not ahead:
            return super().iterate(records)  # type: ignore[no-any-return]
        rest = {tp: batch for tp, batch in records.items() if tp.topic not in config.first}
        return itertools.chain(super().iterate(ahead), super().iterate(rest))


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
