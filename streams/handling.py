"""What the agents do with one message, apart from Kafka: read a snippet into events, fold an
event into the tables. A message the worker cannot take raises `Rejected` with the reason its
dead letter carries; nothing a message holds may stop its partition."""

import asyncio
from concurrent.futures import ThreadPoolExecutor
from typing import Any

from schemas.snippet import Snippet
from streams import codec, table_writes
from streams.app import settings
from streams.core.read.extract import extract_events


class Rejected(Exception):
    """A message the worker cannot take, with the reason for its dead letter."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


async def read_snippet(event: Any) -> list[Any]:
    """The events of a snippet message: decoded, checked for size and id, then extracted."""
    try:
        codec.decode_key(event.key)
        snippet = codec.decode_snippet(event.value)
    except codec.DecodeError as error:
        raise Rejected(str(error)) from error
    if len(snippet.text) > settings.snippet_max_chars:
        raise Rejected(
            f"text of {len(snippet.text)} characters exceeds PARLEY_SNIPPET_MAX_CHARS "
            f"({settings.snippet_max_chars})"
        )
    conflict = table_writes.id_conflict(snippet)
    if conflict:
        raise Rejected(conflict)
    try:
        return await extract_off_loop(snippet)
    except Exception as error:
        # A bug met by one snippet would otherwise crash the agent on every redelivery.
        raise Rejected(f"extraction failed: {error!r}") from error


async def fold_message(event: Any) -> str:
    """Fold an event message into every table; the counter it adds to."""
    try:
        codec.decode_key(event.key)
        found = codec.decode_event(event.value)
    except codec.DecodeError as error:
        raise Rejected(str(error)) from error
    try:
        return table_writes.fold_event(found, event.message)
    except Exception as error:
        # As above: one event that trips a fold must not block its partition forever.
        raise Rejected(f"fold failed: {error!r}") from error


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
