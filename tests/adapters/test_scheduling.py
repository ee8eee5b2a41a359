"""Which fetched records reach the agents first, and the fetch wait (streams/kafka/scheduling.py),
on stand-ins for Faust's consumer thread and aiokafka's fetcher."""

import contextlib
from types import SimpleNamespace
from typing import Any

import pytest
from aiokafka.errors import ConsumerStoppedError
from faust.transport.drivers import aiokafka as faust_aiokafka
from faust.types import TP

from streams import app as _app  # noqa: F401  (installs the scheduling)
from streams.app import app, settings
from streams.kafka import scheduling

SNIPPETS = [TP(settings.topic("snippets"), p) for p in range(2)]
EVENTS = [TP(settings.topic("events.talks"), p) for p in range(2)]
STATEMENTS = TP(settings.topic("events.statement"), 0)
EVERY = {*SNIPPETS, *EVENTS, STATEMENTS}


class Fetcher:
    """aiokafka's buffer of fetched records: handed out in each partition's order, the
    partitions in the order they were fetched, at most `max_records` in all."""

    def __init__(self, held: dict[TP, list[int]]) -> None:
        self.held = {tp: list(offsets) for tp, offsets in held.items()}
        self.calls: list[tuple[set[TP], float, int | None]] = []
        self._closed = False
        self._subscriptions = SimpleNamespace(fetch_context=contextlib.nullcontext)

    async def fetched_records(
        self, partitions: set[TP], timeout: float = 0, max_records: int | None = None
    ) -> dict[TP, list[int]]:
        self.calls.append((set(partitions), timeout, max_records))
        out: dict[TP, list[int]] = {}
        for tp in list(self.held):
            room = None if max_records is None else max_records - sum(map(len, out.values()))
            if tp not in partitions or room == 0:
                continue
            taken = self.held[tp][:room]
            if taken:
                out[tp] = taken
                self.held[tp] = self.held[tp][len(taken) :]
        return out


class Thread:
    def __init__(self, fetcher: Fetcher) -> None:
        self._consumer = SimpleNamespace(_fetcher=fetcher, _closed=False)
        self.consumer = SimpleNamespace(flow_active=True)

    def _ensure_consumer(self) -> Any:
        return self._consumer

    async def call_thread(self, method: Any, *args: Any, **kwargs: Any) -> Any:
        return await method(*args, **kwargs)


def consumer(held: dict[TP, list[int]]) -> Any:
    return SimpleNamespace(_thread=Thread(Fetcher(held)))


def delivered(batch: dict[TP, list[int]]) -> list[tuple[str, int]]:
    """The batch in the order Faust's drain hands it to the agents."""
    return [(tp.topic, offset) for tp, offset in scheduling.FirstTopics().iterate(batch)]


def test_the_scheduling_is_installed_on_faust() -> None:
    assert faust_aiokafka.Consumer._getmany is scheduling.getmany
    assert faust_aiokafka.AIOKafkaConsumerThread._create_consumer is scheduling.create_consumer
    assert app.conf.ConsumerScheduler is scheduling.FirstTopics
    assert scheduling.config.first == {settings.topic("snippets")}
    assert scheduling.config.batch_records == settings.consumer_batch_records
    assert scheduling.config.fetch_wait_ms == settings.consumer_fetch_wait_ms


@pytest.mark.asyncio
async def test_every_buffered_snippet_comes_with_a_short_batch_of_events() -> None:
    scheduling.config.batch_records, before = 3, scheduling.config.batch_records
    try:
        # Fetched in this order: the events first, so a cap over all would leave the snippets.
        fake = consumer({EVENTS[0]: [10, 11, 12, 13], SNIPPETS[1]: [5, 6], EVENTS[1]: [3]})
        batch = await scheduling.getmany(fake, EVERY, 1.0)
    finally:
        scheduling.config.batch_records = before
    assert batch == {SNIPPETS[1]: [5, 6], EVENTS[0]: [10, 11, 12]}
    # Neither waits for the broker: records are in hand.
    assert [(timeout, cap) for _, timeout, cap in fake._thread._consumer._fetcher.calls] == [
        (0, None),
        (0, 3),
    ]


def test_the_snippets_of_a_batch_are_handed_over_before_its_events() -> None:
    batch = {EVENTS[0]: [10, 11], STATEMENTS: [4], SNIPPETS[0]: [1], SNIPPETS[1]: [7]}
    order = delivered(batch)
    assert [topic for topic, _ in order[:2]] == [settings.topic("snippets")] * 2
    assert sorted(order) == sorted((tp.topic, o) for tp, offsets in batch.items() for o in offsets)
    # The events keep Faust's round robin over topics, each partition in order.
    assert [o for _, o in order[2:]] in ([10, 4, 11], [4, 10, 11])


def test_a_batch_without_snippets_is_fausts_round_robin() -> None:
    batch = {EVENTS[0]: [10, 11], STATEMENTS: [4]}
    assert delivered(batch) == [
        (tp.topic, o) for tp, o in scheduling.DefaultSchedulingStrategy().iterate(batch)
    ]


@pytest.mark.asyncio
async def test_with_nothing_buffered_it_waits_on_every_partition() -> None:
    fake = consumer({})
    assert await scheduling.getmany(fake, EVERY, 1.0) == {}
    calls = fake._thread._consumer._fetcher.calls
    # A snippet arriving during the wait must end it: the wait covers the snippets too.
    assert calls[-1] == (EVERY, 1.0, settings.consumer_batch_records)


@pytest.mark.asyncio
async def test_every_record_is_handed_over_once_in_its_partitions_order() -> None:
    held = {
        EVENTS[0]: list(range(20, 45)),
        SNIPPETS[0]: [0, 1, 2],
        STATEMENTS: list(range(3, 9)),
        SNIPPETS[1]: [7],
    }
    scheduling.config.batch_records, before = 4, scheduling.config.batch_records
    try:
        fake = consumer(held)
        seen: dict[TP, list[int]] = {}
        while any(fake._thread._consumer._fetcher.held.values()):
            for tp, offsets in (await scheduling.getmany(fake, EVERY, 1.0)).items():
                seen.setdefault(tp, []).extend(offsets)
    finally:
        scheduling.config.batch_records = before
    assert seen == held


@pytest.mark.asyncio
async def test_a_stopped_consumer_raises_and_a_suspended_flow_fetches_nothing() -> None:
    fake = consumer({SNIPPETS[0]: [1]})
    fake._thread.consumer.flow_active = False
    assert await scheduling.getmany(fake, EVERY, 1.0) == {}
    fake._thread.consumer.flow_active = True
    fake._thread._consumer._closed = True
    with pytest.raises(ConsumerStoppedError):
        await scheduling.getmany(fake, EVERY, 1.0)


@pytest.mark.asyncio
@pytest.mark.parametrize(
    "active",
    [
        pytest.param(set(EVENTS), id="no snippets: a recovery, or snippets paused"),
        pytest.param(set(SNIPPETS), id="snippets alone"),
        pytest.param(set(), id="nothing assigned"),
    ],
)
async def test_otherwise_the_fetch_is_fausts(active: set[TP], monkeypatch: Any) -> None:
    calls: list[Any] = []

    async def faust_getmany(self: Any, partitions: Any, timeout: float) -> Any:
        calls.append((partitions, timeout))
        return {}

    monkeypatch.setattr(scheduling, "_faust_getmany", faust_getmany)
    fake = consumer({})
    assert await scheduling.getmany(fake, active, 1.0) == {}
    assert calls == [(active, 1.0)]
    assert fake._thread._consumer._fetcher.calls == []


@pytest.mark.parametrize(("client_only", "wait_ms"), [(False, 100), (True, 1500)])
def test_a_workers_consumer_waits_the_configured_time_a_clients_fausts(
    client_only: bool, wait_ms: int, monkeypatch: Any
) -> None:
    def faust_create(self: Any, loop: Any) -> Any:
        return SimpleNamespace(_fetch_max_wait_ms=1500)

    monkeypatch.setattr(scheduling, "_faust_create_consumer", faust_create)
    monkeypatch.setattr(scheduling.config, "fetch_wait_ms", 100)
    thread = SimpleNamespace(app=SimpleNamespace(client_only=client_only))
    assert scheduling.create_consumer(thread, None)._fetch_max_wait_ms == wait_ms
