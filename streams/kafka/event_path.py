"""Faust's livelock detector, corrected so it cannot crash the worker it watches.

Every few seconds Faust checks each assigned partition for a stalled stream and reads the
partition's position from aiokafka. A partition that was just assigned, or sought back after
a rebalance, has fetched a high-water mark but has no position yet, and aiokafka *asserts* on
reading it: the AssertionError crashed the consumer and stopped the worker. Seen when three
workers joined one group one after another (tests/integration/test_scaleout.py). A partition
with no position has nothing to check yet; the next round checks it. Installed by streams.app.
"""

from typing import Any

from aiokafka.structs import TopicPartition
from faust.transport.drivers import aiokafka as faust_aiokafka

_faust_verify_event_path = faust_aiokafka.AIOKafkaConsumerThread.verify_event_path


def _partition_state(thread: Any, tp: Any) -> Any:
    subscription = thread._ensure_consumer()._fetcher._subscriptions.subscription
    assignment = subscription.assignment if subscription is not None else None
    if assignment is None:
        return None
    return assignment.state_value(TopicPartition(tp.topic, tp.partition))


def verify_event_path(self: Any, now: float, tp: Any) -> None:
    state = _partition_state(self, tp)
    if state is None or not state.has_valid_position:
        return None
    return _faust_verify_event_path(self, now, tp)


def install() -> None:
    faust_aiokafka.AIOKafkaConsumerThread.verify_event_path = verify_event_path
