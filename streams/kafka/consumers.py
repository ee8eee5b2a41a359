"""Kafka consumers behind the CLI: follow event topics, list and replay dead letters."""

import sys
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TextIO

from aiokafka import AIOKafkaConsumer, AIOKafkaProducer

from schemas.events import EVENT_TYPES, Event
from streams import codec
from streams.kafka.admin import topic_partitions
from streams.settings import Settings


def render_event(event: Event) -> str:
    """One readable line: when, process, type/subtype, modality, and the sentence."""
    when = event.published_at.date().isoformat() if event.published_at else "----------"
    kind = f"{event.type}/{event.subtype}" if event.subtype else event.type
    return f"{when} {event.process:<14} {kind:<28} [{event.modality}] {event.sentence.text}"


async def tail(
    settings: Settings,
    types: Sequence[str],
    *,
    from_beginning: bool,
    as_json: bool,
    limit: int | None,
    idle_timeout: float | None,
    out: TextIO = sys.stdout,
) -> int:
    """Print events of the given types as they arrive; returns how many were printed."""
    unknown = sorted(set(types) - set(EVENT_TYPES))
    if unknown:
        raise ValueError(f"unknown event types {unknown}; known: {', '.join(EVENT_TYPES)}")
    topics = [settings.topic(f"events.{t}") for t in (types or EVENT_TYPES)]
    consumer = AIOKafkaConsumer(
        *topics,
        bootstrap_servers=settings.kafka_bootstrap_servers,
        enable_auto_commit=False,
        auto_offset_reset="earliest" if from_beginning else "latest",
    )
    await consumer.start()
    printed = 0
    try:
        while limit is None or printed < limit:
            batch = await consumer.getmany(timeout_ms=int((idle_timeout or 1.0) * 1000))
            if not batch and idle_timeout is not None:
                break  # quiet for idle_timeout seconds: done
            for messages in batch.values():
                for message in messages:
                    try:
                        event = codec.decode_event(message.value)
                    except codec.DecodeError as error:
                        print(f"(offset {message.offset}: {error})", file=out)
                        continue
                    print(event.model_dump_json() if as_json else render_event(event), file=out)
                    printed += 1
                    if limit is not None and printed >= limit:
                        return printed
            out.flush()
    finally:
        await consumer.stop()
    return printed


@dataclass(frozen=True)
class Letter:
    """A dead-lettered message and why it was rejected."""

    partition: int
    offset: int
    key: bytes | None
    value: bytes
    reason: str
    source_topic: str
    source_partition: int
    source_offset: int


async def read_letters(settings: Settings, group: str | None = None) -> list[Letter]:
    """Dead letters up to the current end; with a group, only those the group has not handled.

    With a group, the group's offsets move past what was returned, so a second call returns
    only letters that arrived in between.
    """
    partitions = await topic_partitions(settings, [settings.topic("deadletter")])
    if not partitions:
        return []
    consumer = AIOKafkaConsumer(
        bootstrap_servers=settings.kafka_bootstrap_servers,
        group_id=group,
        enable_auto_commit=False,
        auto_offset_reset="earliest",
    )
    await consumer.start()
    letters: list[Letter] = []
    try:
        consumer.assign(partitions)
        if group is None:
            await consumer.seek_to_beginning(*partitions)
        ends = await consumer.end_offsets(partitions)
        for tp in partitions:
            while await consumer.position(tp) < ends[tp]:
                batch = await consumer.getmany(tp, timeout_ms=2000)
                for message in batch.get(tp, []):
                    if message.offset >= ends[tp]:
                        break
                    meta = codec.deadletter_from_headers(list(message.headers or ()))
                    letters.append(
                        Letter(
                            tp.partition,
                            message.offset,
                            message.key,
                            message.value or b"",
                            meta.reason,
                            meta.source_topic,
                            meta.source_partition,
                            meta.source_offset,
                        )
                    )
        if group is not None:
            await consumer.commit({tp: ends[tp] for tp in partitions})
    finally:
        await consumer.stop()
    return letters


@dataclass(frozen=True)
class ReplayReport:
    replayed: int
    still_invalid: list[tuple[Letter, str]]


async def replay_letters(settings: Settings, *, force: bool = False) -> ReplayReport:
    """Send dead-lettered snippets back to the snippets topic when they now pass validation.

    A consumer group remembers what was handled, so letters are replayed once. A letter that
    is still invalid is reported (and skipped) unless `force` sends it anyway.
    """
    letters = await read_letters(settings, group=f"{settings.app_id}-deadletter-replay")
    snippets = settings.topic("snippets")
    producer = AIOKafkaProducer(
        bootstrap_servers=settings.kafka_bootstrap_servers, acks="all", enable_idempotence=True
    )
    await producer.start()
    replayed = 0
    still_invalid: list[tuple[Letter, str]] = []
    try:
        for letter in letters:
            if letter.source_topic != snippets:
                continue  # only snippets come back through the front door
            try:
                snippet = codec.decode_snippet(letter.value)
            except codec.DecodeError as error:
                still_invalid.append((letter, str(error)))
                if not force:
                    continue
                await producer.send_and_wait(snippets, key=letter.key, value=letter.value)
            else:
                value = codec.encode_snippet(snippet)
                await producer.send_and_wait(snippets, key=snippet.id.encode(), value=value)
            replayed += 1
    finally:
        await producer.stop()
    return ReplayReport(replayed, still_invalid)
