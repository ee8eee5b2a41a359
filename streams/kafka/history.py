"""The event log read back from Kafka: replay it from offset zero, or fold it as of a moment.

The tables hold the present. The past is in the event topics, which are the truth: the state
as of a moment is the fold of the events published by then, computed here with the same pure
folds the agents use.
"""

import asyncio
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from datetime import datetime
from typing import Any

from aiokafka import AIOKafkaConsumer, TopicPartition

from schemas.events import EVENT_TYPES, Event
from streams import codec
from streams.core.fold.folds import project_tables
from streams.kafka.admin import topic_partitions
from streams.settings import Settings, get_settings


class LogSnapshot:
    """The events in the log up to the end offsets seen when reading started."""

    def __init__(self, events: list[Event], end_offsets: dict[str, int], undecodable: int):
        self.events = events
        self.end_offsets = end_offsets
        self.undecodable = undecodable


async def log_size(settings: Settings) -> dict[TopicPartition, int]:
    """End offset of every partition of every event topic."""
    topics = [settings.topic(f"events.{t}") for t in EVENT_TYPES]
    partitions = await topic_partitions(settings, topics)
    if not partitions:
        return {}
    consumer = AIOKafkaConsumer(
        bootstrap_servers=settings.kafka_bootstrap_servers, enable_auto_commit=False
    )
    await consumer.start()
    try:
        ends = await consumer.end_offsets(partitions)
    finally:
        await consumer.stop()
    return dict(ends)


async def read_log(
    settings: Settings, on_batch: Callable[[int], None] | None = None
) -> LogSnapshot:
    """Every event from offset zero to the end offsets of now; later events are left out."""
    ends = await log_size(settings)
    wanted = {tp: end for tp, end in ends.items() if end > 0}
    events: list[Event] = []
    undecodable = 0
    if wanted:
        consumer = AIOKafkaConsumer(
            bootstrap_servers=settings.kafka_bootstrap_servers,
            enable_auto_commit=False,
            auto_offset_reset="earliest",
            max_partition_fetch_bytes=8 * 1024 * 1024,
        )
        await consumer.start()
        try:
            consumer.assign(list(wanted))
            await consumer.seek_to_beginning(*wanted)
            pending = dict(wanted)
            while pending:
                batch = await consumer.getmany(*pending, timeout_ms=1000, max_records=5000)
                read = 0
                for tp, messages in batch.items():
                    for message in messages:
                        if message.offset >= wanted[tp]:
                            break
                        read += 1
                        try:
                            events.append(codec.decode_event(message.value))
                        except codec.DecodeError:
                            undecodable += 1
                    if messages and messages[-1].offset + 1 >= wanted[tp]:
                        pending.pop(tp, None)
                if on_batch and read:
                    on_batch(read)
        finally:
            await consumer.stop()
    return LogSnapshot(
        events, {f"{tp.topic}/{tp.partition}": end for tp, end in ends.items()}, undecodable
    )


def published_by(events: list[Event], as_of: datetime | None) -> list[Event]:
    """The events published at or before `as_of` (undated ones count as never published)."""
    if as_of is None:
        return events
    return [e for e in events if e.published_at is not None and e.published_at <= as_of]


def tables_json(events: list[Event], process: str | None = None) -> dict[str, dict[str, Any]]:
    """Every table as the worker serves it: table -> process -> state as JSON-able data."""
    if process is not None:
        events = [e for e in events if e.process == process]
    return {
        name: {key: state.model_dump(mode="json") for key, state in sorted(states.items())}
        for name, states in project_tables(events).items()
    }


_cache: dict[tuple[Any, ...], dict[str, dict[str, Any]]] = {}
_CACHE_LIMIT = 16
# The log as last read, with the end offsets it was read up to: a new `as_of` on an unchanged
# log folds it again but does not read it again (issue 16, D8).
_snapshot: tuple[tuple[Any, ...], LogSnapshot] | None = None
# Folds of the past run one at a time, in a thread: a fold of the whole log takes seconds of
# CPU, which on the event loop stopped every other answer, and many distinct `as_of` at once
# would each have started one.
_folding = asyncio.Lock()
_folder = ThreadPoolExecutor(max_workers=1, thread_name_prefix="parley-as-of")


async def tables_as_of(
    as_of: datetime, process: str | None = None, settings: Settings | None = None
) -> dict[str, dict[str, Any]]:
    """Every table (or one process of each) as it stood at `as_of`, folded from the log.

    Results are cached until the log grows: the same question on an unchanged log is answered
    without reading it again.
    """
    global _snapshot
    settings = settings or get_settings()
    ends = await log_size(settings)
    log_key = tuple(sorted((str(tp), end) for tp, end in ends.items()))
    key = (as_of, process, log_key)
    async with _folding:
        if key not in _cache:
            if _snapshot is None or _snapshot[0] != log_key:
                _snapshot = (log_key, await read_log(settings))
            events = published_by(_snapshot[1].events, as_of)
            loop = asyncio.get_running_loop()
            folded = await loop.run_in_executor(_folder, tables_json, events, process)
            if len(_cache) >= _CACHE_LIMIT:
                _cache.pop(next(iter(_cache)))
            _cache[key] = folded
        return _cache[key]
