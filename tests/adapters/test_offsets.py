"""The corrections to Faust's offset bookkeeping (streams/kafka/offsets.py), on stand-ins."""

import asyncio
from collections import defaultdict
from types import SimpleNamespace
from typing import Any

import pytest
from aiokafka.consumer import fetcher
from faust.transport import consumer as faust_consumer
from faust.transport.drivers import aiokafka as faust_aiokafka
from faust.types import TP

from streams import app as _app  # noqa: F401  (installs the corrections)
from streams.kafka import offsets

TOPIC = TP("parley.events.talks", 1)


def consumer(acked: list[int], committed: int | None) -> Any:
    seeks: list[tuple[TP, int]] = []

    async def seek(tp: TP, offset: int) -> None:
        seeks.append((tp, offset))

    return SimpleNamespace(
        _acked=defaultdict(list, {TOPIC: list(acked)}),
        _acked_index=defaultdict(set, {TOPIC: set(acked)}),
        _committed_offset=defaultdict(lambda: None, {TOPIC: committed}),
        seek=seek,
        seeks=seeks,
        assignment=lambda: {TOPIC},
    )


def test_the_corrections_are_installed_on_faust() -> None:
    assert faust_consumer.Consumer._new_offset is offsets._new_offset
    assert faust_consumer.Consumer.getmany is offsets.getmany
    assert faust_consumer.Consumer.ack is offsets.ack
    assert faust_aiokafka.AIOKafkaConsumerThread.seek_to_committed is offsets.seek_to_committed
    create = faust_aiokafka.AIOKafkaConsumerThread._create_worker_consumer
    assert create is offsets._create_read_committed_consumer
    assert fetcher.PartitionRecords._unpack_records is offsets._unpack_noting_holes


@pytest.mark.asyncio
async def test_holes_the_fetcher_noted_are_committed_over() -> None:
    offsets.holes.note("parley.events.talks", 1, 27, 28)  # a transaction marker
    fake = consumer([26, 28, 29], committed=26)
    assert offsets._new_offset(fake, TOPIC) == 30
    assert fake._acked[TOPIC] == []
    assert offsets.holes.of("parley.events.talks", 1, 30) == []


@pytest.mark.asyncio
async def test_a_contiguous_run_is_committed_and_forgotten() -> None:
    fake = consumer([26, 27, 28, 30], committed=26)
    assert offsets._new_offset(fake, TOPIC) == 29
    assert fake._acked[TOPIC] == [30] and fake._acked_index[TOPIC] == {30}


@pytest.mark.asyncio
async def test_a_missing_head_offset_blocks_the_commit_and_reads_the_partition_again() -> None:
    offsets._last_refetch.clear()
    fake = consumer([27, 28], committed=26)
    assert offsets._new_offset(fake, TOPIC) is None
    await offsets._apply_pending_seeks(fake)
    assert fake.seeks == [(TOPIC, 26)]
    assert fake._acked[TOPIC] == [27, 28]
    # A second commit soon after does not seek again while the first read is under way.
    assert offsets._new_offset(fake, TOPIC) is None
    await offsets._apply_pending_seeks(fake)
    assert fake.seeks == [(TOPIC, 26)]


class Message:
    def __init__(self, generation_id: int) -> None:
        self.generation_id = generation_id
        self.acked = False


def test_an_ack_from_a_stale_generation_is_released_but_not_counted() -> None:
    message = Message(generation_id=2)
    fake = SimpleNamespace(
        app=SimpleNamespace(consumer_generation_id=3),
        _unacked_messages={message},
        _acked=defaultdict(list),
    )
    assert offsets.ack(fake, message) is False
    assert message.acked is True and not fake._unacked_messages
    assert not fake._acked


@pytest.mark.asyncio
async def test_a_partition_whose_head_stays_missing_is_reported_stuck_until_it_commits() -> None:
    offsets._last_refetch.clear()
    offsets.stuck_since.clear()
    fake = consumer([27, 28], committed=26)
    assert offsets._new_offset(fake, TOPIC) is None
    await offsets._apply_pending_seeks(fake)
    assert offsets.stuck_partitions(30.0) == []
    later = offsets.stuck_since[(TOPIC.topic, TOPIC.partition)] + 31
    assert offsets.stuck_partitions(30.0, now=later) == ["parley.events.talks[1]"]
    fake._acked[TOPIC].insert(0, 26)
    assert offsets._new_offset(fake, TOPIC) == 29
    assert offsets.stuck_partitions(30.0, now=later) == []


def test_holes_are_merged_in_order_whatever_order_they_are_noted_in() -> None:
    found = offsets.Holes()
    for start, end in [(10, 11), (11, 13), (20, 21), (5, 6), (6, 10), (30, 31)]:
        found.note("t", 0, start, end)
    assert found.of("t", 0, None) == [(5, 13), (20, 21), (30, 31)]
    assert found.of("t", 0, 21) == [(30, 31)]


class Delivered:
    """A record as the fold agent sees it: topic, partition, offset, generation."""

    def __init__(self, offset: int, generation_id: int = 3) -> None:
        self.topic, self.partition, self.tp = TOPIC.topic, TOPIC.partition, TOPIC
        self.offset = offset
        self.generation_id = generation_id
        self.acked = False


def _faust_consumer(committed: int | None) -> Any:
    fake = consumer([], committed=committed)
    fake.app = SimpleNamespace(consumer_generation_id=3, topics=SimpleNamespace())
    fake.app.topics.acks_enabled_for = lambda topic: True
    fake._unacked_messages = set()
    fake._n_acked = 0
    fake._waiting_for_ack = None
    return fake


@pytest.mark.asyncio
async def test_a_deferred_record_is_never_committed_and_its_partition_is_read_again() -> None:
    offsets._last_refetch.clear()
    offsets._fold_next.clear()
    offsets.deferred.forget(TOPIC.topic, TOPIC.partition)
    fake = _faust_consumer(committed=26)
    app = SimpleNamespace(_consumer=fake)
    # 26 never arrives (Faust dropped it in a rebalance); 27 and 28 come and are deferred.
    for offset in (27, 28):
        record = Delivered(offset)
        assert offsets.fold_in_order(app, record) is False
        assert offsets.ack(fake, record) is False  # released, not counted
        assert record.acked
    assert fake._acked[TOPIC] == []
    assert offsets._new_offset(fake, TOPIC) is None  # nothing to commit past 26 ...
    await offsets._apply_pending_seeks(fake)
    assert fake.seeks == [(TOPIC, 26)]  # ... and the partition is read again from there
    # The re-read folds them in order, and only then are they counted and committed.
    for offset in (26, 27, 28):
        record = Delivered(offset)
        assert offsets.fold_in_order(app, record) is True
        offsets.ack(fake, record)
    assert offsets._new_offset(fake, TOPIC) == 29


@pytest.mark.asyncio
async def test_with_no_commit_yet_the_read_starts_again_where_the_fold_expects() -> None:
    offsets._last_refetch.clear()
    offsets._fold_next.clear()
    offsets.deferred.forget(TOPIC.topic, TOPIC.partition)
    fake = _faust_consumer(committed=None)
    app = SimpleNamespace(_consumer=fake)
    assert offsets.fold_in_order(app, Delivered(40)) is True  # the first record seen
    assert offsets.fold_in_order(app, Delivered(43)) is False  # 41 and 42 went missing
    assert offsets._new_offset(fake, TOPIC) is None
    await offsets._apply_pending_seeks(fake)
    assert fake.seeks == [(TOPIC, 41)]


class Thread:
    """A consumer thread stand-in: partition 1 has a commit, partition 2 has none."""

    def __init__(self) -> None:
        self.sought_to_start: list[TP] = []
        outer = self

        class AioConsumer:
            async def seek_to_committed(self) -> dict[TP, int | None]:
                return {TOPIC: 26, OTHER: None}

            async def seek_to_beginning(self, *tps: TP) -> None:
                outer.sought_to_start.extend(tps)

            async def position(self, tp: TP) -> int:
                return 7  # the log's start after retention removed offsets 0-6

        self.consumer = AioConsumer()

    def _ensure_consumer(self) -> Any:
        return self.consumer


OTHER = TP("parley.events.talks", 2)


@pytest.mark.asyncio
async def test_an_uncommitted_partition_is_read_from_its_start_and_folded_from_there() -> None:
    offsets._fold_next[(OTHER.topic, OTHER.partition)] = 90  # from an earlier assignment
    thread = Thread()
    await offsets._seek_to_committed_or_start(thread)
    assert thread.sought_to_start == [OTHER]
    assert offsets.log_starts[(OTHER.topic, OTHER.partition)] == 7
    fake = _faust_consumer(committed=None)
    app = SimpleNamespace(_consumer=fake)
    # Faust dropped offsets 7-18 in the rebalance and delivers 19 first: it waits for them,
    # where it was once taken as the start and 7-18 were later skipped as already applied.
    late = Delivered(19)
    late.topic, late.partition, late.tp = OTHER.topic, OTHER.partition, OTHER
    assert offsets.fold_in_order(app, late) is False
    first = Delivered(7)
    first.topic, first.partition, first.tp = OTHER.topic, OTHER.partition, OTHER
    assert offsets.fold_in_order(app, first) is True


class Draining:
    """What Faust's drain loop (`Consumer._drain_messages`, run as is) needs of a consumer, over
    a fetcher stand-in that hands out batches of a ten-record log from its position."""

    LOG = range(20, 30)
    BATCH = 5

    def __init__(self, on_delivery: Any) -> None:
        self._read_offset: Any = defaultdict(lambda: None)
        self._acked: Any = defaultdict(list)
        self._commit_every = None
        self.position = self.LOG[0]
        self.delivered: list[int] = []
        self.on_delivery = on_delivery
        self.should_stop = False
        self._stopped = asyncio.Event()
        self.suspend_flow = asyncio.Event()
        self.consumer_stopped_errors = ()
        self.diag = SimpleNamespace(set_flag=lambda flag: None, unset_flag=lambda flag: None)
        self.app = SimpleNamespace(topics=SimpleNamespace(acks_enabled_for=lambda topic: True))
        self.transport = SimpleNamespace(app=self.app)
        self.log = SimpleNamespace(dev=lambda *args, **kwargs: None)
        self.getmany = lambda timeout: offsets.getmany(self, timeout)

    def assignment(self) -> set[TP]:
        return {TOPIC}

    async def seek(self, tp: TP, offset: int) -> None:
        await faust_consumer.Consumer.seek(self, tp, offset)  # Faust's: it sets the read offset

    async def _seek(self, tp: TP, offset: int) -> None:
        self.position = offset

    async def fetch(self, timeout: float) -> Any:
        """aiokafka's side: the next batch from the position, which moves past it."""
        batch = [offset for offset in self.LOG if offset >= self.position][: self.BATCH]
        if not batch:
            self._stopped.set()
        self.position += len(batch)
        for offset in batch:
            yield TOPIC, SimpleNamespace(offset=offset, topic=TOPIC.topic, key=None, value=None)

    async def callback(self, message: Any) -> None:
        self.delivered.append(message.offset)
        await self.on_delivery(self, message.offset)

    async def wait_first(self, *coros: Any) -> None:
        await coros[0]
        for idle in coros[1:]:
            idle.close()

    async def sleep(self, seconds: float) -> None:
        await asyncio.sleep(0)

    async def _add_gap(self, tp: TP, offset_from: int, offset_to: int) -> None:
        pass


@pytest.mark.asyncio
async def test_a_re_read_asked_for_mid_batch_delivers_the_head_again(monkeypatch: Any) -> None:
    offsets._last_refetch.clear()
    offsets._pending_seeks.clear()
    monkeypatch.setattr(offsets, "_faust_getmany", Draining.fetch)

    async def on_delivery(consumer: Draining, offset: int) -> None:
        if offset == 21 and consumer.delivered.count(21) == 1:
            # The commit timer finds 20 missing while the loop still holds 22-24 of the batch.
            offsets._refetch(consumer, TOPIC, 20)
        for _ in range(3):  # the hand-over to the agent's queue lets other tasks run
            await asyncio.sleep(0)

    draining = Draining(on_delivery)
    fetcher = SimpleNamespace(_stopped=asyncio.Event())
    await asyncio.wait_for(faust_consumer.Consumer._drain_messages(draining, fetcher), 5)
    # The rest of the batch, then the re-read from 20: none of it dropped as already read.
    # A seek made at once was undone by 22-24, and Faust dropped the re-read 20-23.
    assert draining.delivered == [20, 21, 22, 23, 24, *range(20, 30)]


@pytest.mark.asyncio
async def test_deferred_offsets_below_the_commit_do_not_keep_the_partition_re_read() -> None:
    offsets._last_refetch.clear()
    offsets._pending_seeks.clear()
    offsets.deferred.forget(TOPIC.topic, TOPIC.partition)
    # Deferred from records still queued when the partition was reassigned; the commit
    # (another worker's) has passed them since.
    for offset in (3, 4, 5):
        offsets.deferred.add(TOPIC.topic, TOPIC.partition, offset)
    fake = consumer([], committed=30)
    assert offsets._new_offset(fake, TOPIC) is None
    await offsets._apply_pending_seeks(fake)
    assert fake.seeks == []
    assert (TOPIC.topic, TOPIC.partition) not in offsets.stuck_since
    # One at or past the commit still waits.
    offsets.deferred.add(TOPIC.topic, TOPIC.partition, 31)
    assert offsets._new_offset(fake, TOPIC) is None
    await offsets._apply_pending_seeks(fake)
    assert fake.seeks == [(TOPIC, 30)]


@pytest.mark.asyncio
async def test_records_the_fold_never_took_are_not_committed_past_after_a_seek_reset() -> None:
    """The kill -9 scale-out loss: at the end of its recovery a worker folded offsets 0-2 of a
    partition with no commit, the seek to the log's start then reset the fold's order, and
    records fetched before the seek came without being folded (deferred, or skipped and acked
    by Faust while its flow was suspended). The commit went from 0 past them: never folded."""
    offsets._last_refetch.clear()
    offsets._fold_next.clear()
    offsets.log_starts.clear()
    offsets.deferred.forget(OTHER.topic, OTHER.partition)
    fake = _faust_consumer(committed=None)
    fake._acked[OTHER], fake._acked_index[OTHER] = [], set()
    fake.assignment = lambda: {TOPIC, OTHER}
    app = SimpleNamespace(_consumer=fake)

    def delivered(offset: int) -> Delivered:
        record = Delivered(offset)
        record.topic, record.partition, record.tp = OTHER.topic, OTHER.partition, OTHER
        return record

    for offset in (0, 1, 2):  # before the seek: no commit, no log start yet
        record = delivered(offset)
        assert offsets.fold_in_order(app, record) is True
        assert offsets.ack(fake, record) is True

    class StartsAtZero(Thread):
        def __init__(self) -> None:
            super().__init__()

            async def position(tp: TP) -> int:
                return 0

            self.consumer.position = position

    await offsets._seek_to_committed_or_start(StartsAtZero())
    for offset in (3, 4, 5):  # fetched before the seek, acked without being folded
        assert offsets.ack(fake, delivered(offset)) is True
    assert offsets._new_offset(fake, OTHER) is None  # was 6: 3-5 lost
    await offsets._apply_pending_seeks(fake)
    assert fake.seeks == [(OTHER, 0)]  # read again from the log's start
    # The re-read folds in order (0-2 again, then 3-5), and only then is 6 committed.
    for offset in range(6):
        assert offsets.fold_in_order(app, delivered(offset)) is True
    assert offsets._new_offset(fake, OTHER) == 6
