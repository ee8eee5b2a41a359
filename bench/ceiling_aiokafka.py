"""Ceiling (b): the worker's work as a plain aiokafka program, what a user would write without
Faust, in one process like the worker.

Two loops share one event loop, like the worker's two agents. The reader takes batches of
snippets (`getmany`), extracts them with the same core, sends every event of the batch to its
per-type topic keyed by process, waits for the acknowledgements and commits. The folder takes
batches of events from those topics, folds them into in-memory tables (each changed key encoded
once per batch) and commits. Unlike the worker it writes no table changelogs, keeps no offset
marks or event ids, and dead-letters nothing: what it leaves out is part of what it measures.

The snippets are loaded first; the clock runs from the first snippet read until every event
the reader sent has been folded.

    .venv/bin/python bench/ceiling_aiokafka.py --bootstrap 127.0.0.1:9092 --count 2000
"""

import asyncio
import sys
import time
import uuid
from pathlib import Path

from aiokafka import AIOKafkaConsumer, AIOKafkaProducer

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.common import (
    EVENT_TYPES,
    MemoryTables,
    broker_bench_main,
    create_topics,
    produce_all,
    read_snippet,
    snippets,
    use_shipped_typer,
)


def _consumer(bootstrap: str, group: str, *topics: str) -> AIOKafkaConsumer:
    return AIOKafkaConsumer(
        *topics,
        bootstrap_servers=bootstrap,
        group_id=group,
        auto_offset_reset="earliest",
        enable_auto_commit=False,
        max_partition_fetch_bytes=8 * 1024 * 1024,
    )


class Loop:
    """The reader and the folder of one run, with the counts that tell them when to stop."""

    def __init__(self, bootstrap: str, tag: str, expected: int) -> None:
        self.tag, self.expected = tag, expected
        self.reader = _consumer(bootstrap, f"{tag}-read", f"{tag}.snippets")
        self.folder = _consumer(bootstrap, f"{tag}-fold", *(self.topic(t) for t in EVENT_TYPES))
        self.producer = AIOKafkaProducer(
            bootstrap_servers=bootstrap, acks="all", linger_ms=5, max_batch_size=512 * 1024
        )
        self.tables = MemoryTables()
        self.read = self.sent = 0
        self.started = self.cpu_started = 0.0

    def topic(self, event_type: str) -> str:
        return f"{self.tag}.events.{event_type}"

    async def read_snippets(self) -> None:
        while self.read < self.expected:
            batch = await self.reader.getmany(timeout_ms=200, max_records=1000)
            if not batch:
                continue
            if not self.started:
                self.started, self.cpu_started = time.perf_counter(), time.process_time()
            pending = []
            records = [record for part in batch.values() for record in part]
            for record in records:
                for event_type, key, value in read_snippet(record.value or b""):
                    pending.append(await self.producer.send(self.topic(event_type), value, key))
            await asyncio.gather(*pending)
            # Both counts move together, after the acknowledgements: the folder stops on them.
            self.read, self.sent = self.read + len(records), self.sent + len(pending)
            await self.reader.commit()

    async def fold_events(self) -> None:
        while self.read < self.expected or self.tables.events < self.sent:
            batch = await self.folder.getmany(timeout_ms=100, max_records=2000)
            for records in batch.values():
                for record in records:
                    self.tables.fold(record.value or b"")
            if batch:
                self.tables.commit()
                await self.folder.commit()

    async def run(self) -> tuple[float, float]:
        """Wall and CPU seconds from the first snippet read to the last event folded."""
        await self.producer.start()
        for consumer in (self.folder, self.reader):
            await consumer.start()
            # Joined and assigned before the clock can start, as the worker is.
            while not consumer.assignment():
                await asyncio.sleep(0.05)
        try:
            await asyncio.gather(self.read_snippets(), self.fold_events())
            return time.perf_counter() - self.started, time.process_time() - self.cpu_started
        finally:
            await self.reader.stop()
            await self.folder.stop()
            await self.producer.stop()


async def run(bootstrap: str, count: int, partitions: int) -> dict[str, float]:
    tag = f"loop-{uuid.uuid4().hex[:8]}"
    loop = Loop(bootstrap, tag, count)
    topics = [f"{tag}.snippets", *(loop.topic(t) for t in EVENT_TYPES)]
    await create_topics(bootstrap, topics, partitions)
    for _, value in snippets(5, "warm"):  # load the lexicons, as the worker has before its clock
        read_snippet(value)
    await produce_all(bootstrap, f"{tag}.snippets", snippets(count, tag))
    seconds, cpu_seconds = await loop.run()
    events = loop.tables.events
    assert events == loop.sent, f"folded {events} of {loop.sent} events sent"
    return {
        "snippets": count,
        "events": events,
        "seconds": seconds,
        "cpu_seconds": cpu_seconds,
        "snippets_per_second": count / seconds,
        "events_per_second": events / seconds,
    }


def main() -> None:
    use_shipped_typer()
    broker_bench_main(__doc__, run, default_count=2000)


if __name__ == "__main__":
    main()
