"""Agents: thin adapters that decode, call the pure core, and send or write the table."""

from collections import Counter
from typing import Any

from schemas.deadletter import DeadLetter
from streams import codec, table_writes
from streams.app import app
from streams.core.read.extract import extract_events
from streams.topics import all_events_topic, deadletter_topic, event_topics, snippets_topic

# Worker-local counters for the health view; not state, so they restart from zero.
processed: Counter[str] = Counter()


async def dead_letter(event: Any, reason: str, counter: str) -> None:
    message = event.message
    letter = DeadLetter(
        reason=reason,
        source_topic=message.topic,
        source_partition=message.partition,
        source_offset=message.offset,
    )
    await deadletter_topic.send(
        key=event.key, value=event.value, headers=codec.deadletter_headers(letter)
    )
    processed[counter] += 1


@app.task
async def declare_deadletter_topic() -> None:
    """Create the dead-letter topic at start: nothing subscribes to it, so Faust would not."""
    await deadletter_topic.maybe_declare()


@app.agent(snippets_topic)
async def classify_snippets(stream: Any) -> None:
    """Split each snippet into typed events and publish them keyed by process."""
    async for event in stream.events():
        events = await _or_dead_letter(event, _read_snippet, "snippet_deadletters")
        if events is None:
            continue
        for found in events:
            await event_topics[found.type].send(key=found.process, value=codec.encode_event(found))
            processed["events_published"] += 1
        processed["snippets"] += 1


@app.agent(all_events_topic)
async def fold_negotiations(stream: Any) -> None:
    """Fold each event into every state table, once; the tables are keyed like the stream."""
    async for event in stream.events():
        outcome = await _or_dead_letter(event, _fold_event, "event_deadletters")
        if outcome is not None:
            processed[outcome] += 1


def _read_snippet(event: Any) -> list[Any]:
    snippet = codec.decode_snippet(event.value)
    try:
        return extract_events(snippet)
    except Exception as error:
        raise _Failed(f"extraction failed: {error!r}") from error


def _fold_event(event: Any) -> str:
    found = codec.decode_event(event.value)
    try:
        return table_writes.fold_event(found, event.message)
    except Exception as error:
        raise _Failed(f"fold failed: {error!r}") from error


class _Failed(Exception):
    """The core failed on one message: its reason, for the dead letter."""


async def _or_dead_letter(event: Any, work: Any, counter: str) -> Any:
    """`work(event)`, or None once the message is dead-lettered with the reason it failed.

    A message that cannot be decoded, or that trips a bug in the core, would otherwise crash
    the agent on every redelivery and block its partition forever."""
    try:
        return work(event)
    except (codec.DecodeError, _Failed) as error:
        await dead_letter(event, str(error), counter)
        return None
