import orjson
import pytest

from schemas.deadletter import DeadLetter
from schemas.state import NegotiationState
from streams import codec
from tests.factories import make_event


def test_snippet_round_trip_keeps_the_derived_id() -> None:
    snippet = codec.decode_snippet(b'{"text": "Talks resumed in Doha.", "source": "wire"}')
    again = codec.decode_snippet(codec.encode_snippet(snippet))
    assert again == snippet
    assert snippet.id.startswith("s-")


@pytest.mark.parametrize(
    ("raw", "reason"),
    [
        (None, "empty message"),
        (b"", "empty message"),
        (b"\xff\xfe not utf8", "not valid JSON"),
        (b"{", "not valid JSON"),
        (b"[1, 2]", "expected a JSON object, got list"),
        (b'{"text": 5}', "text: Input should be a valid string"),
        (b'{"source": "x"}', "text: Field required"),
        (b'{"text": "   "}', "text"),
        (b'{"text": "ok", "published_at": "yesterday"}', "published_at"),
    ],
)
def test_bad_snippets_are_refused_with_a_reason(raw: bytes | None, reason: str) -> None:
    with pytest.raises(codec.DecodeError, match=reason):
        codec.decode_snippet(raw)


def test_oversized_message_is_refused_before_parsing() -> None:
    huge = b'{"text": "' + b"a" * codec.MAX_MESSAGE_BYTES + b'"}'
    with pytest.raises(codec.DecodeError, match="exceeds"):
        codec.decode_snippet(huge)


def test_event_round_trip_through_bytes_keeps_the_subclass() -> None:
    event = make_event("prisoner_exchange")
    decoded = codec.decode_event(codec.encode_event(event))
    assert decoded == event
    assert type(decoded).__name__ == "PrisonerExchangeEvent"


def test_event_with_unknown_type_is_refused() -> None:
    payload = orjson.loads(codec.encode_event(make_event()))
    payload["type"] = "picnic"
    with pytest.raises(codec.DecodeError, match="invalid event"):
        codec.decode_event(orjson.dumps(payload))


def test_deadletter_headers_round_trip() -> None:
    letter = DeadLetter(
        reason="not valid JSON", source_topic="t", source_partition=2, source_offset=9
    )
    assert codec.deadletter_from_headers(codec.deadletter_headers(letter)) == letter


def test_fields_a_snippet_does_not_define_are_ignored_not_refused() -> None:
    snippet = codec.decode_snippet(b'{"id": "x", "text": "ok", "labels": ["talks"], "feed": 3}')
    assert (snippet.id, snippet.text) == ("x", "ok")


def test_folded_ids_keep_the_first_origin_and_forget_stale_bytes() -> None:
    ids = codec.FoldedIds()
    ids.add("e-1", "t/0/5")
    first = ids.encode()
    ids.add("e-1", "t/3/9")  # the same content again: the first origin stays
    assert ids.encode() is first
    ids.add("e-2", "t/0/6")
    assert ids.encoded is None  # changed: the old bytes must not be served
    again = codec.FoldedIds.decode(ids.encode())
    assert again.first_origin("e-1") == "t/0/5" and again.first_origin("e-2") == "t/0/6"
    assert again.first_origin("e-3") is None and len(again) == 2
    assert codec.entry_bytes(ids) == ids.encode()


def test_bytes_made_for_a_changelog_record_are_not_kept_beside_the_state() -> None:
    state = NegotiationState(process="RU--UA", event_count=3)
    entry = codec.TableEntry(state, {"t/0": 4})
    sent = codec.entry_bytes(entry, keep=False)
    assert entry.encoded is None  # the store holds one copy: the state
    assert sent == codec.entry_bytes(entry) == codec.encode_entry(state, {"t/0": 4})
    assert entry.encoded == sent  # asked without keep=False (a view, rocksdb): kept
    assert codec.entry_bytes(entry, keep=False) is entry.encoded
    ids = codec.FoldedIds({"e-1": "t/0/5"})
    assert codec.entry_bytes(ids, keep=False) == ids.encode() and ids.encoded is not None
    assert codec.FoldedIds({"e-1": "t/0/5"}).encode(keep=False) == ids.encoded


def test_folded_keys_spread_a_process_over_a_fixed_set_of_shards() -> None:
    from streams.tables import FOLDED_SHARDS, folded_key

    keys = {folded_key("RU--UA", f"e-{n}") for n in range(1000)}
    assert len(keys) == FOLDED_SHARDS
    assert all(key.startswith("RU--UA#") for key in keys)
    assert folded_key("RU--UA", "e-7") == folded_key("RU--UA", "e-7")


def test_a_key_that_is_not_utf8_is_a_decode_error_with_the_reason() -> None:
    """Issue 16, D3: the agents decode keys, so a bad key is a dead letter, not a crash."""
    from streams import codec as edge

    assert edge.decode_key(b"RU--UA") == "RU--UA"
    assert edge.decode_key(None) is None
    with pytest.raises(edge.DecodeError, match="key is not UTF-8"):
        edge.decode_key(b"\xff\xfe")
