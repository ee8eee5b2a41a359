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
        try:
            snippet = codec.decode_snippet(event.value)
        except codec.DecodeError as error:
            await dead_letter(event, str(error), "snippet_deadletters")
            continue
        try:
            events = extract_events(snippet)
        except Exception as error:
            # A bug met by one snippet would otherwise crash the agent on every redelivery.
            await dead_letter(event, f"extraction failed: {error!r}", "snippet_deadletters")
            continue
        for found in events:
            await event_topics[found.type].send(key=found.process, value=codec.encode_event(found))
            processed["events_published"] += 1
        processed["snippets"] += 1


@app.agent(all_events_topic)
async def fold_negotiations(stream: Any) -> None:
    """Fold each event into every state table, once; the tables are keyed like the stream."""
    async for event in stream.events():
        try:
            found = codec.decode_event(event.value)
        except codec.DecodeError as error:
            await dead_letter(event, str(error), "event_deadletters")
            continue
        try:
            outcome = table_writes.fold_event(found, event.message)
        except Exception as error:
            # As above: one event that trips a fold must not block its partition forever.
            await dead_letter(event, f"fold failed: {error!r}", "event_deadletters")
            continue
        processed[outcome] += 1
