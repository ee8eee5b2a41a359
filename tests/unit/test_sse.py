"""The SSE cursor and filters, without a broker."""

import pytest
from aiokafka import TopicPartition

from streams.web.sse import decode_cursor, encode_cursor, frame, wanted_processes, wanted_types


def test_a_cursor_round_trips_and_is_ordered() -> None:
    positions = {TopicPartition("p.events.talks", 1): 7, TopicPartition("p.events.aid", 0): 0}
    cursor = encode_cursor(positions)
    assert cursor == "p.events.aid:0:0,p.events.talks:1:7"
    assert decode_cursor(cursor) == positions


@pytest.mark.parametrize("bad", [None, "", "garbage", "t:x:1", "t:1:-2,,"])
def test_an_unreadable_cursor_means_no_positions(bad: str | None) -> None:
    assert decode_cursor(bad) == {}


def test_types_default_to_all_and_unknown_ones_are_refused() -> None:
    assert "talks" in wanted_types(None) and len(wanted_types("")) == 8
    assert wanted_types("talks, strike") == ["talks", "strike"]
    with pytest.raises(ValueError, match="picnic"):
        wanted_types("talks,picnic")


def test_a_frame_carries_id_type_and_one_data_line() -> None:
    assert frame("c", "talks", b'{"a": 1}') == b'id: c\nevent: talks\ndata: {"a": 1}\n\n'


def test_processes_are_one_key_or_several_and_none_means_every_process() -> None:
    assert wanted_processes("MUJ--TD") == {"MUJ--TD"}
    assert wanted_processes("MUJ--TD,TD, GH--TD") == {"MUJ--TD", "TD", "GH--TD"}
    assert wanted_processes(None) == wanted_processes("") == wanted_processes(",") == frozenset()
