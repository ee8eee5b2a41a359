"""Read-only caches of the event topics and the snippets topic, filled incrementally from Kafka.

Each request asks for the log "up to now": the cache reads only the records past what it has
already seen, so a page costs one end-offsets look-up when nothing new arrived.
"""

import asyncio
import contextlib
import time
from dataclasses import dataclass
from typing import Any

import orjson
from aiokafka import AIOKafkaConsumer, TopicPartition

from schemas.events import EVENT_TYPES
from streams import codec
from streams.kafka.admin import topic_partitions
from streams.settings import Settings

READ_TIMEOUT = 15.0  # seconds one refresh may spend catching up
PARTITIONS_TTL = 30.0  # seconds a look-up of topic partitions is reused


@dataclass(frozen=True)
class Logged:
    """One record: its decoded JSON object, its raw bytes and where it sits in Kafka."""

    data: dict[str, Any]
    raw: bytes
    topic: str
    partition: int
    offset: int


class TopicCache:
    """Every valid JSON object of some topics, read once and kept in memory, in log order."""

    def __init__(self, settings: Settings, topics: list[str]) -> None:
        self.settings = settings
        self.topics = topics
        self.records: list[Logged] = []
        self._next: dict[TopicPartition, int] = {}
        self._partitions: list[TopicPartition] = []
        self._partitions_at = 0.0
        self._consumer: AIOKafkaConsumer | None = None
        self._lock = asyncio.Lock()

    async def _current_partitions(self) -> list[TopicPartition]:
        if not self._partitions or time.monotonic() - self._partitions_at > PARTITIONS_TTL:
            self._partitions = await topic_partitions(self.settings, self.topics)
            self._partitions_at = time.monotonic()
        return self._partitions

    async def refresh(self) -> list[Logged]:
        """The records up to the current end offsets of the topics."""
        async with self._lock:
            partitions = await self._current_partitions()
            if not partitions:
                return self.records
            if self._consumer is None:
                self._consumer = AIOKafkaConsumer(
                    bootstrap_servers=self.settings.kafka_bootstrap_servers,
                    enable_auto_commit=False,
                    auto_offset_reset="earliest",
                )
                await self._consumer.start()
            consumer = self._consumer
            ends = await consumer.end_offsets(partitions)
            behind = {tp for tp in partitions if self._next.get(tp, 0) < ends[tp]}
            if not behind:
                return self.records
            consumer.assign(sorted(behind))
            for tp in behind:
                if tp in self._next:
                    consumer.seek(tp, self._next[tp])
                else:
                    await consumer.seek_to_beginning(tp)
            try:
                await self._catch_up(consumer, behind, ends)
            finally:
                # No assignment between refreshes: an idle long-poll fetch would otherwise hold
                # the connection and delay the next end-offsets look-up by fetch_max_wait_ms.
                consumer.unsubscribe()
            return self.records

    async def _catch_up(
        self, consumer: AIOKafkaConsumer, behind: set[TopicPartition], ends: dict[Any, int]
    ) -> None:
        with contextlib.suppress(TimeoutError):
            async with asyncio.timeout(READ_TIMEOUT):
                while behind:
                    batch = await consumer.getmany(timeout_ms=500)
                    for tp, messages in batch.items():
                        for message in messages:
                            if message.offset >= ends[tp]:
                                break
                            self._keep(tp, message)
                            self._next[tp] = message.offset + 1
                        if self._next.get(tp, 0) >= ends[tp]:
                            behind.discard(tp)
                    for tp in list(behind):
                        # A compacted or deleted range: the position moved past the end.
                        if await consumer.position(tp) >= ends[tp]:
                            self._next[tp] = ends[tp]
                            behind.discard(tp)

    def _keep(self, tp: TopicPartition, message: Any) -> None:
        raw = message.value or b""
        try:
            data = orjson.loads(raw)
        except orjson.JSONDecodeError:
            return  # the worker dead-letters such records; the view skips them
        if isinstance(data, dict):
            self.records.append(Logged(data, raw, tp.topic, tp.partition, message.offset))

    async def close(self) -> None:
        if self._consumer is not None:
            await self._consumer.stop()
            self._consumer = None


class EventLog:
    """The event topics, deduplicated by event id (delivery is at least once)."""

    def __init__(self, settings: Settings) -> None:
        self.cache = TopicCache(settings, [settings.topic(f"events.{t}") for t in EVENT_TYPES])
        self._unique: tuple[int, list[Logged]] = (0, [])

    async def events(self) -> list[Logged]:
        """Every event once, in log order; recomputed only when the log has grown."""
        records = await self.cache.refresh()
        if self._unique[0] == len(records) and records:
            return self._unique[1]
        seen: set[str] = set()
        unique = []
        for record in records:
            event_id = str(record.data.get("id", ""))
            if event_id and event_id not in seen:
                seen.add(event_id)
                unique.append(record)
        self._unique = (len(records), unique)
        return unique


class SnippetLog:
    """The snippets topic, by snippet id (the latest record of an id wins)."""

    def __init__(self, settings: Settings) -> None:
        self.cache = TopicCache(settings, [settings.topic("snippets")])
        self._by_id: dict[str, dict[str, Any]] = {}
        self._indexed = 0

    async def get(self, snippet_id: str) -> dict[str, Any] | None:
        records = await self.cache.refresh()
        for record in records[self._indexed :]:
            try:
                # The id a producer gave, else the one the worker derives from the content.
                snippet = codec.decode_snippet(record.raw)
            except codec.DecodeError:
                continue
            self._by_id[snippet.id] = snippet.model_dump(mode="json")
        self._indexed = len(records)
        return self._by_id.get(snippet_id)
