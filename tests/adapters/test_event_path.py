"""The livelock detector's check (streams/kafka/event_path.py) on a partition with no position."""

from types import SimpleNamespace
from typing import Any

import pytest
from aiokafka.consumer.subscription_state import TopicPartitionState
from aiokafka.structs import TopicPartition
from faust.transport.drivers import aiokafka as faust_aiokafka
from faust.types import TP

from streams import app as _app  # noqa: F401  (installs the correction)
from streams.kafka import event_path

PARTITION = TP("parley.snippets", 2)


class Assignment:
    def __init__(self, state: TopicPartitionState) -> None:
        self.active = True
        self.states = {TopicPartition(PARTITION.topic, PARTITION.partition): state}

    def state_value(self, tp: TopicPartition) -> TopicPartitionState | None:
        return self.states.get(tp)


def thread_with(state: TopicPartitionState, now: float) -> Any:
    """A consumer thread stand-in whose partition was polled just now and has a high-water mark."""
    state.timestamp = now * 1000
    state.highwater = 40
    subscriptions = SimpleNamespace(subscription=SimpleNamespace(assignment=Assignment(state)))
    aiokafka_consumer = SimpleNamespace(_fetcher=SimpleNamespace(_subscriptions=subscriptions))
    app = SimpleNamespace(monitor=SimpleNamespace(stream_inbound_time={}), topics=SimpleNamespace())
    app.topics.acks_enabled_for = lambda topic: True
    return SimpleNamespace(
        _ensure_consumer=lambda: aiokafka_consumer,
        consumer=SimpleNamespace(app=app),
        time_started=now,
        tp_fetch_request_timeout_secs=300.0,
        tp_stream_timeout_secs=300.0,
        log=SimpleNamespace(error=lambda *args: None),
        _verify_aiokafka_event_path=lambda now, tp: False,
    )


def test_the_correction_is_installed_on_faust() -> None:
    installed = faust_aiokafka.AIOKafkaConsumerThread.verify_event_path
    assert installed is event_path.verify_event_path


@pytest.mark.asyncio  # aiokafka's partition state needs a running loop
async def test_faust_alone_crashes_on_a_partition_awaiting_its_position() -> None:
    thread = thread_with(TopicPartitionState(assignment=None), now=1000.0)
    with pytest.raises(AssertionError):
        event_path._faust_verify_event_path(thread, 1000.0, PARTITION)


@pytest.mark.asyncio  # aiokafka's partition state needs a running loop
async def test_a_partition_awaiting_its_position_is_passed_over() -> None:
    thread = thread_with(TopicPartitionState(assignment=None), now=1000.0)
    assert event_path.verify_event_path(thread, 1000.0, PARTITION) is None


@pytest.mark.asyncio  # aiokafka's partition state needs a running loop
async def test_a_partition_with_a_position_is_still_checked() -> None:
    state = TopicPartitionState(assignment=None)
    state._position = 12
    thread = thread_with(state, now=1000.0)
    checked: list[TP] = []
    thread._verify_aiokafka_event_path = lambda now, tp: checked.append(tp) or False
    event_path.verify_event_path(thread, 1000.0, PARTITION)
    assert checked == [PARTITION]


@pytest.mark.asyncio  # aiokafka's partition state needs a running loop
async def test_a_partition_no_longer_assigned_is_passed_over() -> None:
    thread = thread_with(TopicPartitionState(assignment=None), now=1000.0)
    other = TP("parley.snippets", 3)
    assert event_path.verify_event_path(thread, 1000.0, other) is None
