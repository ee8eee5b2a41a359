"""A worker's stop, corrected so that it does not wait for a broker that is gone
(docs/hardening.md, "Shutdown"; found at the end of the afternoon session, docs/status.md).

SIGTERM with the broker stopped left the worker stopping for a minute or more:

1. Faust's stop waits for the streams and commits: `wait_empty` and the final commit flush
   the producer, whose sends retry for Faust's 20-minute request timeout, and aiokafka's
   commit looks for the group coordinator forever, an error line every 100 ms. With the
   broker known to be down those steps are skipped. Nothing is lost: a commit always follows
   the flush of every send made before it (Faust's `_commit_offsets`), so a record whose
   outputs were not delivered is past the committed offset and the next owner reads it
   again; the fold is idempotent (content ids, offset marks), so the re-read changes nothing.
2. aiokafka's `Fetcher.close` cancels its pending fetch requests and awaits them without
   catching their CancelledError. With the broker away a fetch request is always pending (it
   sleeps between retries), so the CancelledError ended `AIOKafkaConsumer.stop` before it
   closed the client, and killed the consumer thread before it told Faust it had stopped:
   Faust then waited mode's 60 s thread timeout in "AIOKafkaConsumerThread: Stopping...".

3. aiokafka's `AIOKafkaProducer.stop` waits until its accumulator has delivered every batch,
   that is for the broker or the 20-minute request timeout. With the broker down the sender
   task is cancelled first, which aiokafka's stop takes as "nothing more can be sent"; the
   batches dropped belong to records past the committed offset, as in 1.

What may still wait for a broker (a connection attempt to a host that drops packets, a broker
that is not yet known to be down) is bounded by the shutdown deadline in streams.worker.
"""

import asyncio
import logging
from collections.abc import Callable
from typing import Any

from aiokafka.consumer import fetcher as aiokafka_fetcher
from faust.app import base as faust_app
from faust.transport import consumer as faust_consumer
from faust.transport.drivers import aiokafka as faust_aiokafka

log = logging.getLogger(__name__)

_broker_down: Callable[[], bool] = lambda: False  # noqa: E731
_stopping = False


def begin_stop() -> None:
    """The worker is stopping: from now on a step that needs the broker is skipped while it is
    down (before, a rebalance must still wait for its streams)."""
    global _stopping
    _stopping = True


async def _close_fetcher(self: Any) -> None:
    self._closed = True
    self._fetch_task.cancel()
    for waiter in self._fetch_waiters:
        self._notify(waiter)
    tasks = [self._fetch_task, *self._pending_tasks]
    for task in tasks:
        task.cancel()
    # The tasks' own cancellation is expected; a cancellation of this close still propagates.
    await asyncio.gather(*tasks, return_exceptions=True)


def _unless_broker_down(original: Any, what: str) -> Any:
    async def step(self: Any, *args: Any, **kwargs: Any) -> Any:
        if _stopping and _broker_down():
            log.warning("Stopping with the broker unreachable: %s skipped", what)
            return None
        return await original(self, *args, **kwargs)

    return step


_faust_producer_on_stop = faust_aiokafka.Producer.on_stop


async def _stop_producer(self: Any) -> None:
    if _stopping and _broker_down():
        clients = [self._producer, *self._transaction_producers.values()]
        for client in clients:
            sender = getattr(client, "_sender", None)
            task = getattr(sender, "sender_task", None)
            if task is not None and not task.done():
                log.warning("Stopping with the broker unreachable: unsent batches dropped")
                task.cancel()
    await _faust_producer_on_stop(self)


def install(broker_down: Callable[[], bool]) -> None:
    global _broker_down
    _broker_down = broker_down
    aiokafka_fetcher.Fetcher.close = _close_fetcher
    consumer = faust_consumer.Consumer
    consumer.wait_empty = _unless_broker_down(consumer.wait_empty, "waiting for the streams")
    consumer.commit_and_end_transactions = _unless_broker_down(
        consumer.commit_and_end_transactions, "the final commit"
    )
    app = faust_app.App
    app._producer_flush = _unless_broker_down(app._producer_flush, "the producer flush")
    faust_aiokafka.Producer.on_stop = _stop_producer
