"""Broker faults: stop the broker mid-stream and start it again.

The shared test broker is left alone: this module runs a broker of its own (scripts/kafka with
its own ports and home under tmp_path), stops it while snippets are being produced and folded,
and starts it again on the same data. The producer and the worker must resume by themselves,
and the final tables must equal `parley state` over the same snippets.
"""

import asyncio
import contextlib
import threading
import time
import uuid
from pathlib import Path

import orjson
from aiokafka import AIOKafkaProducer

from tests.integration.conftest import (
    corpus_snippets,
    http_get,
    new_worker,
    parley_state,
    table_differences,
    wait_for_tables,
    wait_until,
)
from tests.integration.kafka_helpers import broker_reachable
from tests.integration.private_broker import PrivateBroker

__all__ = ["PrivateBroker"]


class ResilientProducer(threading.Thread):
    """Sends every message in order, retrying each one until the broker acknowledges it."""

    def __init__(self, bootstrap: str, topic: str, messages: list[tuple[bytes, bytes]]) -> None:
        super().__init__(daemon=True)
        self.bootstrap, self.topic, self.messages = bootstrap, topic, messages
        self.acknowledged = 0
        self.failures = 0
        self.error: BaseException | None = None

    def run(self) -> None:
        try:
            asyncio.run(self._send_all())
        except BaseException as error:  # reported by the test, not lost in the thread
            self.error = error

    def _producer(self) -> AIOKafkaProducer:
        return AIOKafkaProducer(
            bootstrap_servers=self.bootstrap, acks="all", request_timeout_ms=5000
        )

    async def _send_all(self) -> None:
        producer: AIOKafkaProducer | None = None
        deadline = time.monotonic() + 120
        try:
            for key, value in self.messages:
                while True:
                    try:
                        if producer is None:
                            producer = self._producer()
                            await asyncio.wait_for(producer.start(), 10)
                        send = producer.send_and_wait(self.topic, key=key, value=value)
                        await asyncio.wait_for(send, 10)
                        break
                    except Exception:
                        self.failures += 1
                        if time.monotonic() > deadline:
                            raise
                        # Start over with a new producer: one that lost its connection or its
                        # sequence across the restart may stay failed. A message may then be
                        # written twice, which content ids make harmless.
                        if producer is not None:
                            with contextlib.suppress(Exception):
                                await asyncio.wait_for(producer.stop(), 5)
                            producer = None
                        await asyncio.sleep(0.5)
                self.acknowledged += 1
                await asyncio.sleep(0.005)  # a stream, not one burst
        finally:
            if producer is not None:
                with contextlib.suppress(Exception):
                    await asyncio.wait_for(producer.stop(), 5)


def test_broker_restart_mid_stream(broker: PrivateBroker, tmp_path: Path) -> None:
    uid = uuid.uuid4().hex[:8]
    worker = new_worker(broker.bootstrap, tmp_path / "worker", uid)
    lines = corpus_snippets(uid)
    expected = parley_state(lines)
    messages = [(str(orjson.loads(line)["id"]).encode(), line) for line in lines]
    producer = ResilientProducer(broker.bootstrap, worker.topic("snippets"), messages)
    worker.start()
    try:
        producer.start()
        wait_until(
            lambda: producer.acknowledged >= len(messages) // 3, 60, "a third produced", every=0.2
        )
        broker.run("stop")
        assert not broker_reachable(broker.bootstrap)
        stopped_at = producer.acknowledged
        time.sleep(3)
        assert producer.acknowledged == stopped_at, "nothing can be acknowledged while it is down"
        broker.run("start")

        producer.join(timeout=150)
        assert producer.error is None, repr(producer.error)
        assert producer.acknowledged == len(messages)
        assert producer.failures > 0 or stopped_at < len(messages)
        # The worker reconnects by itself, catches up, and its tables match the pure projection.
        assert worker.process is not None and worker.process.poll() is None, worker.log_tail()
        served = wait_for_tables([worker], expected, timeout=90)
        differences = table_differences(expected, served)
        assert not differences, "\n".join(differences[:20]) + "\n" + worker.log_tail()
        status, health = http_get(worker.base_url + "/api/health")
        assert status == 200 and health["status"] == "ready", health
    finally:
        worker.stop()
