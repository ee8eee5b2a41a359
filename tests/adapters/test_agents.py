"""Agents through Faust's test harness: no broker, real decode → core → send/table paths."""

import asyncio
from collections.abc import Iterator
from contextlib import ExitStack
from dataclasses import replace
from types import SimpleNamespace
from typing import Any
from unittest.mock import AsyncMock, patch

import pytest
from faust.types import TP

from schemas.snippet import Snippet
from schemas.state import StrikeActivity
from streams import agents, codec, handling, table_writes, topics
from streams.app import app
from streams.core.fold.folds import FOLDS
from streams.tables import (
    TABLES,
    folded_events,
    folded_key,
    held_changelog,
    negotiations,
    snippet_texts,
)
from streams.topics import deadletter_topic, event_topics
from tests.factories import make_event, mediator, party


@pytest.fixture()
def harness() -> Iterator[None]:
    app.finalize()
    assert str(app.conf.store).startswith("memory:"), "adapter tests need the memory store"
    app.flow_control.resume()
    for table in (*TABLES.values(), folded_events, snippet_texts):
        table.data.clear()
    held_changelog.forget()
    yield
    for table in (*TABLES.values(), folded_events, snippet_texts):
        table.data.clear()
    held_changelog.forget()


@pytest.fixture()
def sends() -> Iterator[dict[str, AsyncMock]]:
    """Sends by topic: each event type's (through `topics.publish_event`) and the dead letters'."""
    mocks = {name: AsyncMock() for name in [*event_topics, "deadletter"]}

    async def publish_event(event_type: str, process: str, value: bytes) -> None:
        await mocks[event_type](key=process, value=value)

    with ExitStack() as stack:
        stack.enter_context(patch.object(topics, "publish_event", publish_event))
        stack.enter_context(patch.object(deadletter_topic, "send", mocks["deadletter"]))
        yield mocks


SNIPPET = Snippet(
    text=(
        "Delegations from Armenia and Azerbaijan held talks in Washington on Friday. "
        "Artillery shelled villages near the border overnight, the defence ministry said."
    ),
    source="adapter-test",
    published_at="2026-03-06",
)


@pytest.mark.asyncio
async def test_classify_agent_sends_each_event_to_its_type_topic_keyed_by_process(
    harness: None, sends: dict[str, AsyncMock]
) -> None:
    async with agents.classify_snippets.test_context() as agent:
        await agent.put(key=SNIPPET.id, value=codec.encode_snippet(SNIPPET))

    published = [
        (name, call.kwargs) for name, mock in sends.items() for call in mock.await_args_list
    ]
    assert published, "no event was sent"
    assert {name for name, _ in published} >= {"talks", "strike"}
    for name, kwargs in published:
        event = codec.decode_event(kwargs["value"])
        assert event.type == name
        assert kwargs["key"] == event.process
        assert event.snippet_id == SNIPPET.id
    assert sends["deadletter"].await_count == 0


@pytest.mark.asyncio
async def test_classify_agent_dead_letters_bad_bytes_with_reason_and_origin(
    harness: None, sends: dict[str, AsyncMock]
) -> None:
    async with agents.classify_snippets.test_context() as agent:
        await agent.put(key="k", value=b"{not json")

    assert sends["deadletter"].await_count == 1
    kwargs = sends["deadletter"].await_args.kwargs
    assert kwargs["value"] == b"{not json"
    letter = codec.deadletter_from_headers(kwargs["headers"])
    assert letter.reason.startswith("not valid JSON")
    assert letter.source_offset >= 0
    assert all(mock.await_count == 0 for name, mock in sends.items() if name != "deadletter")


@pytest.mark.asyncio
async def test_fold_agent_writes_the_table_and_ignores_a_republished_event(harness: None) -> None:
    event = make_event("talks", actors=(party("Russia", "RU"), mediator("United States", "US")))
    other = make_event("strike", start=200)
    async with agents.fold_negotiations.test_context() as agent:
        for item in (event, other, event):
            await agent.put(key=item.process, value=codec.encode_event(item))

    # The third message carries the first event again at a new offset: the same content
    # published twice, which the folded_events table recognises.
    marks, raw = codec.split_entry(negotiations[event.process])
    state = codec.decode_state(raw)
    assert state.event_count == 2
    assert state.counts == {"talks": 1, "strike": 1}
    assert [m.name for m in state.mediators] == ["United States"]
    assert len(marks) == 1 and next(iter(marks.values())) >= 1
    for item in (event, other):
        ids = folded_events[folded_key(item.process, item.id)]
        assert isinstance(ids, codec.FoldedIds) and ids.first_origin(item.id) is not None
    # The same agent keeps every other table of the process too.
    _, strikes_raw = codec.split_entry(TABLES["strike_activity"][event.process])
    assert codec.decode_state(strikes_raw, StrikeActivity).total == 1


@pytest.mark.asyncio
async def test_a_snippet_the_core_fails_on_is_dead_lettered_and_the_stream_goes_on(
    harness: None, sends: dict[str, AsyncMock]
) -> None:
    def broken(snippet: Snippet) -> list:
        raise RuntimeError("boom")

    with patch.object(handling, "extract_events", broken):
        async with agents.classify_snippets.test_context() as agent:
            await agent.put(key=SNIPPET.id, value=codec.encode_snippet(SNIPPET))
    letter = codec.deadletter_from_headers(sends["deadletter"].await_args.kwargs["headers"])
    assert letter.reason.startswith("extraction failed: RuntimeError('boom')")

    async with agents.classify_snippets.test_context() as agent:
        await agent.put(key=SNIPPET.id, value=codec.encode_snippet(SNIPPET))
    assert any(mock.await_count for name, mock in sends.items() if name != "deadletter")


@pytest.mark.asyncio
async def test_an_event_a_fold_fails_on_changes_no_table(
    harness: None, sends: dict[str, AsyncMock]
) -> None:
    event = make_event("strike")
    original = FOLDS[-1]
    failing = replace(original, evolve=lambda state, found: (_ for _ in ()).throw(ValueError("x")))
    with patch.object(table_writes, "FOLDS", (*FOLDS[:-1], failing)):
        async with agents.fold_negotiations.test_context() as agent:
            await agent.put(key=event.process, value=codec.encode_event(event))
    assert all(table.get(event.process) is None for table in TABLES.values())
    letter = codec.deadletter_from_headers(sends["deadletter"].await_args.kwargs["headers"])
    assert letter.reason.startswith("fold failed: ValueError")


@pytest.mark.asyncio
async def test_changelog_holds_the_latest_value_per_key_until_commit_then_sends_it_once(
    harness: None,
) -> None:
    events = [make_event("strike", start=200 + 40 * n) for n in range(3)]
    assert len({e.process for e in events}) == 1
    async with agents.fold_negotiations.test_context() as agent:
        for item in events:
            await agent.put(key=item.process, value=codec.encode_event(item))

    # Three events changed each table of one process three times: each key is held once.
    process = events[0].process
    assert set(held_changelog._held) == {(t.name, process) for t in TABLES.values()} | {
        ("folded_events", folded_key(process, e.id)) for e in events
    }
    # The in-memory table keeps the entry unencoded until something needs its bytes.
    entry = negotiations[process]
    assert isinstance(entry, codec.TableEntry) and entry.encoded is None
    assert entry.state.event_count == 3

    published: list[tuple[str, bytes, bytes]] = []
    persisted: list[tuple[str, TP, int]] = []
    loop = asyncio.get_running_loop()

    async def send(
        topic: str, *, key: bytes, value: bytes, partition: int | None, **_: object
    ) -> asyncio.Future[object]:
        published.append((topic, key, value))
        acknowledged: asyncio.Future[object] = loop.create_future()
        acknowledged.set_result(SimpleNamespace(topic_partition=TP(topic, 0), offset=7))
        return acknowledged

    def noting(table: Any) -> Any:
        return lambda tp, offset: persisted.append((table.name, tp, offset))

    with ExitStack() as stack:
        stack.enter_context(patch.object(app.producer, "send", send))
        for table in (*TABLES.values(), folded_events):
            stack.enter_context(patch.object(table.data, "set_persisted_offset", noting(table)))
        sent = await held_changelog.publish_for_tp_offset(TP("parley-events", 0), 2)
        await asyncio.sleep(0)  # the acknowledgements' callbacks
    shards = {folded_key(process, e.id) for e in events}
    assert len(sent) == len(published) == len(TABLES) + len(shards)
    # Sent as the value the table holds at commit, encoded once; the entry does not keep the
    # bytes it sent beside its state.
    assert negotiations[process] is entry and entry.encoded is None
    changelog_name = negotiations.changelog_topic.get_topic_name()
    assert (changelog_name, process.encode(), entry.encode()) in published
    assert codec.decode_state(codec.split_entry(entry.encode())[1]).event_count == 3
    assert held_changelog.held == 0
    # Each table notes the offset of its record (a rocksdb store reopens after it).
    assert {name for name, _, offset in persisted if offset == 7} == {
        *(t.name for t in TABLES.values()),
        "folded_events",
    }
    # Nothing is sent twice: the next commit finds nothing held.
    assert await held_changelog.publish_for_tp_offset(TP("parley-events", 0), 3) == []


@pytest.mark.asyncio
async def test_a_long_snippet_is_extracted_off_the_event_loop(
    harness: None, sends: dict[str, AsyncMock]
) -> None:
    """Issue 16, D1: the loop keeps running (web, ingest, heartbeats) while a long text is read."""
    import asyncio
    import threading
    import time

    ran_in: list[str] = []
    ticks = 0
    during: list[int] = []

    def slow_extract(snippet: Snippet) -> list[object]:
        ran_in.append(threading.current_thread().name)
        before = ticks
        time.sleep(0.3)  # stands for CPU work; what matters is where it runs
        during.append(ticks - before)
        return []

    async def tick() -> None:
        nonlocal ticks
        while True:
            await asyncio.sleep(0.01)
            ticks += 1

    long_text = Snippet(text="he said " * (handling.INLINE_EXTRACTION_CHARS // 8 + 1))
    ticker = asyncio.ensure_future(tick())
    try:
        with patch.object(handling, "extract_events", slow_extract):
            async with agents.classify_snippets.test_context() as agent:
                await agent.put(key=long_text.id, value=codec.encode_snippet(long_text))
                for _ in range(500):  # the agent awaits the thread: wait for it here too
                    if during:
                        break
                    await asyncio.sleep(0.01)
    finally:
        ticker.cancel()
    assert ran_in and ran_in[0] != threading.main_thread().name
    assert during and during[0] >= 5, f"the loop ran {during} times in 0.3 s of extraction"


@pytest.mark.asyncio
async def test_a_snippet_over_the_size_setting_is_dead_lettered_with_the_reason(
    harness: None, sends: dict[str, AsyncMock]
) -> None:
    small = handling.settings.model_copy(update={"snippet_max_chars": 50})
    with patch.object(handling, "settings", small):
        async with agents.classify_snippets.test_context() as agent:
            await agent.put(key=SNIPPET.id, value=codec.encode_snippet(SNIPPET))
    assert sends["deadletter"].await_count == 1
    letter = codec.deadletter_from_headers(sends["deadletter"].await_args.kwargs["headers"])
    assert "exceeds PARLEY_SNIPPET_MAX_CHARS (50)" in letter.reason
    assert all(mock.await_count == 0 for name, mock in sends.items() if name != "deadletter")


@pytest.mark.asyncio
async def test_a_snippet_id_that_comes_back_with_another_text_is_dead_lettered(
    harness: None, sends: dict[str, AsyncMock]
) -> None:
    """Issue 16, D4: its events would share the first text's ids and be skipped as republished."""
    first = Snippet(id="x", text="Delegations from Armenia and Azerbaijan held talks on Friday.")
    again = Snippet(id="x", text=first.text)
    other = Snippet(id="x", text="Artillery shelled villages near the border overnight.")
    async with agents.classify_snippets.test_context() as agent:
        for snippet in (first, again, other):
            await agent.put(key=snippet.id, value=codec.encode_snippet(snippet))
    assert sends["deadletter"].await_count == 1
    kwargs = sends["deadletter"].await_args.kwargs
    assert kwargs["value"] == codec.encode_snippet(other)
    assert "id conflict" in codec.deadletter_from_headers(kwargs["headers"]).reason
    assert sends["talks"].await_count == 2  # the first text, and its republication


@pytest.mark.asyncio
async def test_the_fold_defers_a_record_past_a_missing_one_until_it_is_read_in_order(
    harness: None,
) -> None:
    from streams.kafka import offsets

    offsets._fold_next.clear()
    first = make_event("talks", actors=(party("Russia", "RU"),))
    second = make_event("strike", start=200)
    async with agents.fold_negotiations.test_context() as agent:
        await agent.put(key=first.process, value=codec.encode_event(first))
        agent.sent_offset += 1  # the record at offset 1 was dropped before the agent saw it
        await agent.put(key=second.process, value=codec.encode_event(second))
        counts = codec.decode_state(codec.split_entry(negotiations[first.process])[1]).counts
        assert counts == {"talks": 1}, "a record past a missing one was folded"
        # Read again in order: offset 1, then 2.
        agent.sent_offset = 1
        await agent.put(key=first.process, value=codec.encode_event(make_event("aid", start=300)))
        await agent.put(key=second.process, value=codec.encode_event(second))
    state = codec.decode_state(codec.split_entry(negotiations[first.process])[1])
    assert state.counts == {"aid": 1, "strike": 1, "talks": 1}
