"""Agents: thin adapters that decode, call the pure core, and send or write the table."""

import asyncio
from collections import Counter
from concurrent.futures import ThreadPoolExecutor
from typing import Any

from schemas.deadletter import DeadLetter
from schemas.snippet import Snippet
from streams import codec, table_writes
from streams.app import app, settings
from streams.core.read.extract import extract_events
from streams.kafka import offsets
from streams.tables import snippet_texts
from streams.topics import all_events_topic, deadletter_topic, event_topics, snippets_topic

# Worker-local counters for the health view; not state, so they restart from zero.
processed: Counter[str] = Counter()

# Extraction is CPU work: a long snippet (up to PARLEY_SNIPPET_MAX_CHARS, about a second at
# 200,000 characters) runs in a thread, so the event loop keeps serving the web, ingest, the
# other agents and the consumer's heartbeats meanwhile. Short ones, nearly all, stay inline:
# the hop to a thread would cost more than they do. One thread: the agent awaits each
# snippet in turn, so there is never more than one extraction per worker.
INLINE_EXTRACTION_CHARS = 5_000
_extractor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="parley-extract")


async def extract_off_loop(snippet: Snippet) -> list[Any]:
    if len(snippet.text) <= INLINE_EXTRACTION_CHARS:
        return extract_events(snippet)
    return await asyncio.get_running_loop().run_in_executor(_extractor, extract_events, snippet)


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


def id_conflict(snippet: Snippet) -> str | None:
    """Why a snippet cannot be read under its id: the id came before with another text.

    Remembers the text of an id seen for the first time. The same id and text again is a
    republication, which the fold recognises by its event ids."""
    digest = codec.text_digest(snippet.text)
    known = snippet_texts.get(snippet.id)
    if known is None:
        snippet_texts[snippet.id] = digest
        return None
    if bytes(known) != digest:
        return f"id conflict: snippet id {snippet.id!r} was first read with another text"
    return None


@app.task
async def declare_deadletter_topic() -> None:
    """Create the dead-letter topic at start: nothing subscribes to it, so Faust would not."""
    await deadletter_topic.maybe_declare()


@app.agent(snippets_topic)
async def classify_snippets(stream: Any) -> None:
    """Split each snippet into typed events and publish them keyed by process."""
    async for event in stream.events():
        try:
            codec.decode_key(event.key)
            snippet = codec.decode_snippet(event.value)
        except codec.DecodeError as error:
            await dead_letter(event, str(error), "snippet_deadletters")
            continue
        if len(snippet.text) > settings.snippet_max_chars:
            reason = (
                f"text of {len(snippet.text)} characters exceeds PARLEY_SNIPPET_MAX_CHARS "
                f"({settings.snippet_max_chars})"
            )
            await dead_letter(event, reason, "snippet_deadletters")
            continue
        conflict = id_conflict(snippet)
        if conflict:
            await dead_letter(event, conflict, "snippet_deadletters")
            continue
        try:
            events = await extract_off_loop(snippet)
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
        if not offsets.fold_in_order(app, event.message):
            # A record past a missing one: folded when the partition is read again in order.
            processed["events_deferred"] += 1
            continue
        try:
            codec.decode_key(event.key)
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


for _agent in (classify_snippets, fold_negotiations):
    _reporting_crashes(_agent)
