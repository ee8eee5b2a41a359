"""The fold agent's table work: each event folded once into every table, with the caches that
keep that cheap (decoded states, the `folded_events` shard objects) and the offset marks."""

from collections import OrderedDict
from typing import Any

from schemas.snippet import Snippet
from streams import codec
from streams.core.fold import delivery
from streams.core.fold.folds import FOLDS
from streams.tables import TABLES, folded_events, folded_key, snippet_texts

FOLDED = "events_folded"
REPUBLISHED = "events_republished"


def fold_event(found: Any, message: Any) -> str:
    """Fold one decoded event into every table; the counter it adds to (folded, republished).

    The same content published again (a new offset, a known event id) is skipped; a fold that
    raises leaves every table as it was, so the tables never disagree on an event.
    """
    here = delivery.origin(message.topic, message.partition, message.offset)
    key, folded = _folded_ids(found.process, found.id)
    if delivery.is_republished(folded.first_origin(found.id), here):
        return REPUBLISHED
    changes = _fold_all_tables(found, message.topic, message.partition, message.offset)
    for name, value in changes:
        TABLES[name][found.process] = value
    folded.add(found.id, here)
    # Set again although changed in place: the write is what sends it to the changelog.
    folded_events[key] = folded
    return FOLDED


_folded_objects: OrderedDict[str, codec.FoldedIds] = OrderedDict()


def _folded_ids(process: str, event_id: str) -> tuple[str, codec.FoldedIds]:
    """The shard of `folded_events` that holds this event id, as an object to grow in place."""
    key = folded_key(process, event_id)
    stored = folded_events.get(key)
    if isinstance(stored, codec.FoldedIds):
        return key, stored
    if stored is None:
        return key, codec.FoldedIds()
    # Bytes: after a recovery, or from a serialising store (rocksdb), which encoded the object
    # it was given; that object is reused while the store holds exactly its bytes.
    known = _folded_objects.get(key)
    if known is None or known.encoded != stored:
        known = codec.FoldedIds.decode(stored)
        _folded_objects[key] = known
        if len(_folded_objects) > 10_000:
            _folded_objects.popitem(last=False)
    _folded_objects.move_to_end(key)
    return key, known


class DecodedStates:
    """States decoded from stored bytes, kept while the table still holds those bytes.

    The in-memory store holds the `codec.TableEntry` a fold wrote, with its state. A store that
    serialises (rocksdb) or a recovery gives bytes back, and decoding a large state on every
    event would cost more than folding it; the cache is only used when the table holds exactly
    the bytes it was filled from, so a rebalance or a recovery can never serve a stale state.
    """

    def __init__(self, limit: int = 10_000) -> None:
        self._items: OrderedDict[tuple[str, str], codec.TableEntry] = OrderedDict()
        self._limit = limit

    def get(self, table: str, key: str, raw: bytes) -> Any | None:
        found = self._items.get((table, key))
        if found is None or found.encoded != raw:
            return None
        self._items.move_to_end((table, key))
        return found.state

    def put(self, table: str, key: str, entry: codec.TableEntry) -> None:
        self._items[(table, key)] = entry
        self._items.move_to_end((table, key))
        if len(self._items) > self._limit:
            self._items.popitem(last=False)


decoded = DecodedStates()


def _stored_state(fold: Any, process: str, stored: codec.TableValue | None) -> Any:
    if stored is None:
        return fold.initial(process)
    if isinstance(stored, codec.TableEntry):
        return stored.state
    state = decoded.get(fold.name, process, stored)
    if state is None:
        state = codec.decode_state(codec.split_entry(stored)[1], fold.state_type)
    return state


def _fold_all_tables(
    found: Any, topic: str, partition: int, offset: int
) -> list[tuple[str, codec.TableEntry]]:
    """New values of the tables this event changes, each with its offset mark moved on.

    A table whose entry already holds this offset was written before a crash: it is skipped,
    so a redelivered event is folded into each table exactly once. A table the event leaves
    unchanged is not written: folding it again would leave it unchanged again.
    """
    changes = []
    for fold in FOLDS:
        stored = TABLES[fold.name].get(found.process)
        marks = codec.entry_marks(stored) if stored else {}
        if delivery.already_applied(marks, topic, partition, offset):
            continue
        state = _stored_state(fold, found.process, stored)
        updated = fold.evolve(state, found)
        if updated is state and stored:
            continue
        entry = codec.TableEntry(updated, delivery.with_mark(marks, topic, partition, offset))
        decoded.put(fold.name, found.process, entry)
        changes.append((fold.name, entry))
    return changes


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
