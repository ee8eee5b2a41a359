"""Which fetched records reach the agents first, and the fetch wait (streams/kafka/scheduling.py),
on a stand-in for Faust's consumer thread."""

from types import SimpleNamespace
from typing import Any

import pytest
from faust.transport.drivers import aiokafka as faust_aiokafka
from faust.types import TP

from streams import app as _app  # noqa: F401  (installs the scheduling)
from streams.app import settings
from streams.kafka import scheduling

SNIPPETS = [TP(settings.topic("snippets"), p) for p in range(2)]
EVENTS = [TP(settings.topic("events.talks"), p) for p in range(2)]


class Thread:
    """The consumer thread's fetch: what it holds per partition, handed out in order."""

    def __init__(self, held: dict[TP, list[int]]) -> None:
        self.held = {tp: list(offsets) for tp, offsets in held.items()}
        self.calls: list[tuple[set[TP], float, int | None]] = []
        self._consumer = SimpleNamespace(_max_poll_records=None)

    def _ensure_consumer(self) -> Any:
        return self._consumer

    async def _fetch_records(
        self, consumer: Any, partitions: set[TP], timeout: float, max_records: int | None
    ) -> dict[TP, list[int]]:
        self.calls.append((set(partitions), timeout, max_records))
        out: dict[TP, list[int]] = {}
        for tp in sorted(partitions):
            room = None if max_records is None else max_records - sum(map(len, out.values()))
            if room == 0:
                break
            taken = self.held.get(tp, [])[:room]
            if taken:
                out[tp] = taken
                self.held[tp] = self.held[tp][len(taken) :]
        return out

    async def call_thread(self, method: Any, *args: Any, **kwargs: Any) -> Any:
        return await method(*args, **kwargs)


def consumer(held: dict[TP, list[int]]) -> Any:
    return SimpleNamespace(_thread=Thread(held))


async def fetch_all(fake: Any, active: set[TP]) -> list[dict[TP, list[int]]]:
    batches = []
    while any(fake._thread.held.values()):
        batches.append(await scheduling.getmany(fake, active, 1.0))
    return batches


def test_the_scheduling_is_installed_on_faust() -> None:
    assert faust_aiokafka.Consumer._getmany is scheduling.getmany
    assert faust_aiokafka.AIOKafkaConsumerThread._create_consumer is scheduling.create_consumer
    assert scheduling.config.first == {settings.topic("snippets")}
    assert scheduling.config.batch_records == settings.consumer_batch_records
    assert scheduling.config.fetch_wait_ms == settings.consumer_fetch_wait_ms


@pytest.mark.asyncio
async def test_buffered_snippets_are_handed_over_alone_before_the_events() -> None:
    fake = consumer({EVENTS[0]: [10, 11, 12], SNIPPETS[1]: [5, 6], EVENTS[1]: [3]})
    first = await scheduling.getmany(fake, {*SNIPPETS, *EVENTS}, 1.0)
    assert first == {SNIPPETS[1]: [5, 6]}
    # Asked for the snippets alone, without waiting for the broker.
    assert fake._thread.calls == [(set(SNIPPETS), 0.0, None)]


@pytest.mark.asyncio
async def test_without_buffered_snippets_a_short_batch_of_every_partition() -> None:
    scheduling.config.batch_records, before = 2, scheduling.config.batch_records
    try:
        fake = consumer({EVENTS[0]: [10, 11, 12], EVENTS[1]: [3]})
        batch = await scheduling.getmany(fake, {*SNIPPETS, *EVENTS}, 1.0)
    finally:
        scheduling.config.batch_records = before
    assert sum(map(len, batch.values())) == 2
    assert fake._thread.calls[-1] == ({*SNIPPETS, *EVENTS}, 1.0, 2)


@pytest.mark.asyncio
async def test_snippets_and_batches_take_turns_so_the_fold_is_not_starved() -> None:
    fake = consumer({SNIPPETS[0]: [1], EVENTS[0]: [10]})
    assert await scheduling.getmany(fake, {*SNIPPETS, *EVENTS}, 1.0) == {SNIPPETS[0]: [1]}
    fake._thread.held[SNIPPETS[0]] = [2]  # another snippet arrived meanwhile
    # This turn is the batch of every partition, the new snippet with the event.
    both = await scheduling.getmany(fake, {*SNIPPETS, *EVENTS}, 1.0)
    assert both == {SNIPPETS[0]: [2], EVENTS[0]: [10]}


@pytest.mark.asyncio
async def test_every_record_is_handed_over_once_in_its_partitions_order() -> None:
    held = {
        SNIPPETS[0]: [0, 1, 2],
        SNIPPETS[1]: [7],
        EVENTS[0]: list(range(20, 45)),
        EVENTS[1]: list(range(3, 9)),
    }
    scheduling.config.batch_records, before = 4, scheduling.config.batch_records
    try:
        batches = await fetch_all(consumer(held), {*SNIPPETS, *EVENTS})
    finally:
        scheduling.config.batch_records = before
    seen: dict[TP, list[int]] = {}
    for batch in batches:
        for tp, offsets in batch.items():
            seen.setdefault(tp, []).extend(offsets)
    assert seen == held


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
    assert fake._thread.calls == []


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
