"""Agents: thin adapters that decode, call the pure core, and send or write the table."""

from collections import Counter
from typing import Any

from schemas.deadletter import DeadLetter
from streams import codec
from streams.app import app
from streams.core.extract import extract_events
from streams.core.negotiations import evolve, initial
from streams.tables import negotiations
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
        for found in extract_events(snippet):
            await event_topics[found.type].send(key=found.process, value=codec.encode_event(found))
            processed["events_published"] += 1
        processed["snippets"] += 1


@app.agent(all_events_topic)
async def fold_negotiations(stream: Any) -> None:
    """Fold events into the negotiations table; the table key is the stream key."""
    async for event in stream.events():
        try:
            found = codec.decode_event(event.value)
        except codec.DecodeError as error:
            await dead_letter(event, str(error), "event_deadletters")
            continue
        stored = negotiations.get(found.process)
        state = codec.decode_state(stored) if stored else initial(found.process)
        updated = evolve(state, found)
        if updated is not state:
            negotiations[found.process] = codec.encode_state(updated)
        processed["events_folded"] += 1
