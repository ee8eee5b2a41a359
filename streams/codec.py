"""Serialization at the edge: bytes in, pydantic validation, orjson out; reasons for rejects."""

import hashlib
from typing import Any, TypeVar

import orjson
from pydantic import BaseModel, ValidationError

from schemas.deadletter import DeadLetter
from schemas.events import Event, event_adapter
from schemas.snippet import Snippet
from schemas.state import NegotiationState

MAX_MESSAGE_BYTES = 1_000_000
StateT = TypeVar("StateT", bound=BaseModel)


class DecodeError(ValueError):
    """A message that cannot become a valid record; its text is the dead-letter reason."""


def problems(error: ValidationError, payload: Any) -> list[tuple[str, str]]:
    """(field path, reason) of each validation error a producer can act on.

    A snippet's id is derived from its text; when the text itself is wrong, "id: Field
    required" would only distract from the real problem.
    """
    derived = isinstance(payload, dict) and not payload.get("id")
    found = []
    for item in error.errors():
        if derived and item["loc"] == ("id",) and item["type"] == "missing":
            continue
        found.append((".".join(str(p) for p in item["loc"]) or "(root)", item["msg"]))
    return found


def _describe(error: ValidationError, payload: Any = None) -> str:
    return "; ".join(f"{path}: {reason}" for path, reason in problems(error, payload)[:5])


def _load_json(raw: bytes | None) -> Any:
    if raw is None or raw == b"":
        raise DecodeError("empty message")
    if len(raw) > MAX_MESSAGE_BYTES:
        raise DecodeError(f"message of {len(raw)} bytes exceeds {MAX_MESSAGE_BYTES}")
    try:
        return orjson.loads(raw)
    except orjson.JSONDecodeError as error:
        raise DecodeError(f"not valid JSON: {error}") from None


def text_digest(text: str) -> bytes:
    """What tells two texts under one snippet id apart (issue 16, D4)."""
    return hashlib.blake2b(text.encode("utf-8", "surrogatepass"), digest_size=16).digest()


def decode_key(raw: bytes | str | None) -> str | None:
    """A message key as text; one that is not UTF-8 is a reason to dead-letter the message."""
    if raw is None or isinstance(raw, str):
        return raw
    try:
        return bytes(raw).decode("utf-8")
    except UnicodeDecodeError as error:
        raise DecodeError(f"key is not UTF-8: {error}; key bytes: {bytes(raw)[:64]!r}") from None


def decode_snippet(raw: bytes | None) -> Snippet:
    payload = _load_json(raw)
    if not isinstance(payload, dict):
        raise DecodeError(f"expected a JSON object, got {type(payload).__name__}")
    try:
        return Snippet.model_validate(payload)
    except ValidationError as error:
        raise DecodeError(f"invalid snippet: {_describe(error, payload)}") from None


def decode_event(raw: bytes | None) -> Event:
    try:
        return event_adapter().validate_python(_load_json(raw))
    except ValidationError as error:
        raise DecodeError(f"invalid event: {_describe(error)}") from None


def encode_snippet(snippet: Snippet) -> bytes:
    return orjson.dumps(snippet.model_dump(mode="json", exclude_none=True))


def encode_event(event: Event) -> bytes:
    return orjson.dumps(event.model_dump(mode="json"))


def encode_state(state: BaseModel) -> bytes:
    # pydantic's serializer writes JSON bytes directly, without building Python dicts first.
    return state.__pydantic_serializer__.to_json(state)


def encode_entry(state: BaseModel, marks: dict[str, int]) -> bytes:
    """A table value: the offsets folded per input partition, a newline, then the state.

    The state bytes stay whole, so a view can serve them without decoding.
    """
    return orjson.dumps(marks) + b"\n" + encode_state(state)


class TableEntry:
    """A table value as the fold agent writes it: offset marks and the state, not yet encoded.

    The in-memory store keeps it as is, so a key changed by many events is encoded once per
    commit, when its changelog record is sent (streams/kafka/changelog.py), or when a view or a
    serialising store (rocksdb) asks for the bytes. It is never changed after it is written.
    """

    __slots__ = ("_encoded", "marks", "state")

    def __init__(self, state: BaseModel, marks: dict[str, int]) -> None:
        self.state = state
        self.marks = marks
        self._encoded: bytes | None = None

    def encode(self, keep: bool = True) -> bytes:
        """The entry's bytes; kept beside the state only with `keep` (see `entry_bytes`)."""
        if self._encoded is not None:
            return self._encoded
        encoded = encode_entry(self.state, self.marks)
        if keep:
            self._encoded = encoded
        return encoded

    @property
    def encoded(self) -> bytes | None:
        """The bytes, if something has already asked for them and kept them."""
        return self._encoded


class FoldedIds:
    """Event ids already folded, each with the message it was first folded from.

    One value per process shard in the `folded_events` table, so a million events make a few
    thousand changelog keys rather than a million. It grows in place (copying it per event
    would cost its size) and forgets its bytes whenever it changes.
    """

    __slots__ = ("_encoded", "_ids")

    def __init__(self, ids: dict[str, str] | None = None) -> None:
        self._ids: dict[str, str] = ids or {}
        self._encoded: bytes | None = None

    @classmethod
    def decode(cls, raw: bytes) -> "FoldedIds":
        ids: dict[str, str] = orjson.loads(raw)
        return cls(ids)

    def first_origin(self, event_id: str) -> str | None:
        return self._ids.get(event_id)

    def add(self, event_id: str, origin: str) -> None:
        if event_id not in self._ids:
            self._ids[event_id] = origin
            self._encoded = None

    def __len__(self) -> int:
        return len(self._ids)

    @property
    def encoded(self) -> bytes | None:
        """The bytes, if something has asked for them since the last change."""
        return self._encoded

    def encode(self, keep: bool = True) -> bytes:
        if self._encoded is not None:
            return self._encoded
        encoded = orjson.dumps(self._ids)
        if keep:
            self._encoded = encoded
        return encoded


TableValue = bytes | TableEntry | FoldedIds


def entry_bytes(value: TableValue, keep: bool = True) -> bytes:
    """A table value as stored in a changelog: objects are encoded, bytes pass through.

    With `keep` the object keeps its bytes, for whoever asks next: a serialising store
    (rocksdb) whose bytes the decoded-state cache must recognise, or a view. The changelog
    record at commit passes `keep=False`: the bytes live until the broker has them, and the
    in-memory store then holds one copy of the state, not the state and its encoding (at
    2,500 keys of 200 events, about 100 KB a key; docs/benchmarks.md)."""
    return value if isinstance(value, bytes) else value.encode(keep)


def entry_marks(value: TableValue) -> dict[str, int]:
    """The offset marks of a table value, without copying its state."""
    if isinstance(value, TableEntry):
        return value.marks
    marks: dict[str, int] = orjson.loads(value[: value.index(b"\n")])
    return marks


def split_entry(value: TableValue) -> tuple[dict[str, int], bytes]:
    """(marks, state bytes) of a table value."""
    head, _, state = entry_bytes(value).partition(b"\n")
    marks: dict[str, int] = orjson.loads(head)
    return marks, state


def entry_state_json(value: TableValue) -> Any:
    """The state of a table value as JSON-able data, for the views."""
    return orjson.loads(split_entry(value)[1])


def decode_state(raw: bytes, state_type: type[StateT] = NegotiationState) -> StateT:  # type: ignore[assignment]
    return state_type.model_validate_json(raw)


def deadletter_headers(letter: DeadLetter) -> list[tuple[str, bytes]]:
    """Kafka headers that carry the dead-letter record next to the untouched original bytes."""
    return [
        ("parley.reason", letter.reason.encode("utf-8")),
        ("parley.source.topic", letter.source_topic.encode("utf-8")),
        ("parley.source.partition", str(letter.source_partition).encode("ascii")),
        ("parley.source.offset", str(letter.source_offset).encode("ascii")),
    ]


def deadletter_from_headers(headers: list[tuple[str, bytes]]) -> DeadLetter:
    values = {key: value.decode("utf-8", "replace") for key, value in headers}
    return DeadLetter(
        reason=values.get("parley.reason", ""),
        source_topic=values.get("parley.source.topic", ""),
        source_partition=int(values.get("parley.source.partition", "-1")),
        source_offset=int(values.get("parley.source.offset", "-1")),
    )
