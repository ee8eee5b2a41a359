"""Server-sent events over the event topics: filters, and a resumable cursor as the event id."""

import re

from aiokafka import TopicPartition

from schemas.events import EVENT_TYPES


def encode_cursor(positions: dict[TopicPartition, int]) -> str:
    """The next offset of every partition, as "topic:partition:offset,..." (sorted)."""
    return ",".join(
        f"{tp.topic}:{tp.partition}:{offset}" for tp, offset in sorted(positions.items())
    )


_NUMBER = re.compile(r"[0-9]{1,19}")
MAX_OFFSET = 2**63 - 1  # Kafka offsets are signed 64-bit: a larger one crashed the fetcher
MAX_PARTITION = 2**31 - 1


def decode_cursor(cursor: str | None) -> dict[TopicPartition, int]:
    """Positions from a Last-Event-ID; what cannot be read is ignored (the stream starts fresh)."""
    positions: dict[TopicPartition, int] = {}
    for part in (cursor or "").split(","):
        pieces = part.rsplit(":", 2)
        if len(pieces) != 3:
            continue
        topic, partition, offset = pieces
        # ASCII digits only ("²".isdigit() is true, int("²") fails), and offsets Kafka can hold.
        if not (_NUMBER.fullmatch(partition) and _NUMBER.fullmatch(offset)):
            continue
        if int(partition) <= MAX_PARTITION and int(offset) <= MAX_OFFSET:
            positions[TopicPartition(topic, int(partition))] = int(offset)
    return positions


def wanted_types(query: str | None) -> list[str]:
    """Event types asked for by "?type=talks,strike"; all of them when absent."""
    if not query:
        return list(EVENT_TYPES)
    types = [t.strip() for t in query.split(",") if t.strip()]
    unknown = sorted(set(types) - set(EVENT_TYPES))
    if unknown:
        raise ValueError(f"unknown event types {unknown}")
    return types


def wanted_processes(query: str | None) -> frozenset[str]:
    """Process keys asked for by "?process=MUJ--TD,TD,GH--TD" (a process page and the keys it
    shows joined); none (every process) when absent. Keys are codes: they hold no comma."""
    return frozenset(p.strip() for p in (query or "").split(",") if p.strip())


def frame(cursor: str, event_type: str, data: bytes) -> bytes:
    """One SSE message; JSON has no raw newlines, so the data fits on one line."""
    return f"id: {cursor}\nevent: {event_type}\ndata: ".encode() + data + b"\n\n"
