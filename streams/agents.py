"""Agents: thin adapters that decode, call the pure core, and send or write the table."""

import asyncio
from collections import Counter
from collections.abc import Awaitable
from typing import Any

from schemas.deadletter import DeadLetter
from streams import codec, handling, heap, loop_lag, topics
from streams.app import app
from streams.kafka import offsets
from streams.topics import all_events_topic, deadletter_topic, snippets_topic

# Worker-local counters for the health view; not state, so they restart from zero.
processed: Counter[str] = Counter()

# Agents that raised (Faust restarts them), with the last error: health reports them.
crashes: dict[str, str] = {}


def _reporting_crashes(agent: Any) -> None:
    """Note each error that crashes the agent, then let Faust's handler (a commit) run."""
    faust_handler = agent._on_error

    async def on_error(crashed: Any, error: BaseException) -> None:
        crashes[crashed.name] = repr(error)
        processed["agent_crashes"] += 1
        if faust_handler is not None:
            await faust_handler(crashed, error)

    agent._on_error = on_error


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


@app.task
async def watch_loop_lag() -> None:
    """Measure how long the event loop is held, for the health endpoint."""
    await loop_lag.monitor.run()


@app.task
async def freeze_start_up_heap() -> None:
    """Once the first snippet is read (the lexicons are loaded lazily), freeze the heap."""
    while not processed["snippets"]:
        await asyncio.sleep(1.0)
    heap.freeze()


@app.agent(snippets_topic)
async def classify_snippets(stream: Any) -> None:
    """Split each snippet into typed events and publish them keyed by process."""
    async for event in stream.events():
        events = await _or_dead_letter(event, handling.read_snippet(event), "snippet_deadletters")
        if events is None:
            continue
        for found in events:
            await topics.publish_event(found.type, found.process, codec.encode_event(found))
            processed["events_published"] += 1
        processed["snippets"] += 1


@app.agent(all_events_topic)
async def fold_negotiations(stream: Any) -> None:
    """Fold each event into every state table, once; the tables are keyed like the stream."""
    async for event in stream.events():
        if not offsets.fold_in_order(app, event.message):
            # A record past a missing one: folded when the partition is read again in order.
            processed["events_deferred"] += 1
            continue
        outcome = await _or_dead_letter(event, handling.fold_message(event), "event_deadletters")
        if outcome is not None:
            processed[outcome] += 1


async def _or_dead_letter(event: Any, work: Awaitable[Any], counter: str) -> Any:
    """What `work` gives, or None once the message is dead-lettered with the reason."""
    try:
        return await work
    except handling.Rejected as rejected:
        await dead_letter(event, rejected.reason, counter)
        return None


for _agent in (classify_snippets, fold_negotiations):
    _reporting_crashes(_agent)
