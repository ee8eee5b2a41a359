"""HTTP ingest helpers: parse a body of one snippet, an array, or JSON Lines; validate each."""

from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import orjson
from pydantic import ValidationError

from schemas.snippet import Snippet
from streams.codec import problems, text_digest


class BadBody(ValueError):
    """The body is not JSON, a JSON array, or JSON Lines."""


@dataclass(frozen=True)
class ItemError:
    index: int
    path: str
    reason: str


def parse_body(body: bytes) -> list[Any]:
    """Payloads of a request: a JSON object, a JSON array of them, or one object per line."""
    text = body.strip()
    if not text:
        raise BadBody("empty body")
    try:
        whole = orjson.loads(text)
    except orjson.JSONDecodeError:
        whole = None
    else:
        return whole if isinstance(whole, list) else [whole]
    payloads = []
    for number, line in enumerate(text.splitlines(), start=1):
        if line.strip():
            try:
                payloads.append(orjson.loads(line))
            except orjson.JSONDecodeError as error:
                raise BadBody(f"line {number}: not valid JSON: {error}") from None
    return payloads


def validate(
    payloads: list[Any], max_chars: int | None = None
) -> tuple[list[Snippet], list[ItemError]]:
    """Valid snippets, and for each invalid item its index, field path and reason.

    A text longer than `max_chars` (PARLEY_SNIPPET_MAX_CHARS) is refused here rather than
    accepted and then dead-lettered by the worker."""
    snippets: list[Snippet] = []
    errors: list[ItemError] = []
    for index, payload in enumerate(payloads):
        if not isinstance(payload, dict):
            errors.append(
                ItemError(index, "(root)", f"expected an object, got {type(payload).__name__}")
            )
            continue
        try:
            snippet = Snippet.model_validate(payload)
        except ValidationError as error:
            errors.extend(
                ItemError(index, path, reason) for path, reason in problems(error, payload)
            )
            continue
        if max_chars is not None and len(snippet.text) > max_chars:
            reason = f"text of {len(snippet.text)} characters exceeds {max_chars}"
            errors.append(ItemError(index, "text", reason))
            continue
        snippets.append(snippet)
    return snippets, errors


class RecentIds:
    """Ids this worker acknowledged lately, with where they were written and the digest of
    their text (bounded, oldest out)."""

    def __init__(self, capacity: int = 100_000) -> None:
        self.capacity = capacity
        self._written: OrderedDict[str, tuple[dict[str, Any], bytes | None]] = OrderedDict()

    def get(self, snippet_id: str) -> dict[str, Any] | None:
        found = self._written.get(snippet_id)
        return found[0] if found else None

    def digest(self, snippet_id: str) -> bytes | None:
        found = self._written.get(snippet_id)
        return found[1] if found else None

    def add(self, snippet_id: str, where: dict[str, Any], digest: bytes | None = None) -> None:
        self._written[snippet_id] = (where, digest)
        self._written.move_to_end(snippet_id)
        while len(self._written) > self.capacity:
            self._written.popitem(last=False)


def id_conflicts(
    snippets: list[Snippet], recent: RecentIds, stored: Callable[[str], Any]
) -> list[ItemError]:
    """Items whose id names another text: earlier in the batch, written lately by this
    worker, or read before by the classify agent (`stored`, the `snippet_texts` table).

    Issue 16, D4: such an item used to be answered `duplicate: true` and dropped."""
    errors: list[ItemError] = []
    first: dict[str, tuple[int, bytes]] = {}
    for index, snippet in enumerate(snippets):
        digest = text_digest(snippet.text)
        earlier = first.setdefault(snippet.id, (index, digest))
        if earlier[1] != digest:
            reason = f"id {snippet.id!r} is also item {earlier[0]}'s, with another text"
            errors.append(ItemError(index, "id", reason))
            continue
        if earlier[0] != index:
            continue
        known = recent.digest(snippet.id) or stored(snippet.id)
        if known is not None and bytes(known) != digest:
            reason = f"id {snippet.id!r} was accepted before with another text"
            errors.append(ItemError(index, "id", reason))
    return errors
