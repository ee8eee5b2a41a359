"""Kafka topics: snippets in, one topic per event type out, and the dead-letter topic."""

from typing import Any

from schemas.events import EVENT_TYPES
from streams.app import app, settings
from streams.kafka.admin import log_topic_config

# Parley owns its topics: `internal` makes Faust create them with these partitions on start,
# instead of leaving them to broker auto-creation with its defaults.
_OWNED: dict[str, Any] = {
    "internal": True,
    "partitions": settings.partitions,
    "replicas": settings.replication_factor,
    "config": log_topic_config(settings),
}

# Faust topics take no help text (tables do), so the descriptions live here and in the README.
TOPIC_HELP: dict[str, str] = {}


# Keys arrive as bytes and are decoded by the agents (codec.decode_key): a key that is not
# UTF-8 is then a dead letter with its reason. Decoded by Faust (key_type=str), it raised
# before the agent saw the message, the agent crashed, and the message was committed unread.
def _topic(name: str, help: str) -> Any:
    full_name = settings.topic(name)
    TOPIC_HELP[full_name] = help
    return app.topic(full_name, key_type=bytes, value_type=bytes, **_OWNED)


snippets_topic = _topic(
    "snippets", "News snippets in (JSON, schemas/json/snippet.json); key: snippet id."
)

event_topics = {
    event_type: _topic(
        f"events.{event_type}",
        f"{event_type} events (JSON, schemas/json/event.json); key: process.",
    )
    for event_type in EVENT_TYPES
}
_EVENT_TOPIC_NAMES = {
    event_type: topic.get_topic_name() for event_type, topic in event_topics.items()
}


async def publish_event(event_type: str, process: str, value: bytes) -> None:
    """Send an encoded event to its type's topic, keyed by process, without waiting for the
    broker.

    Straight to the app's producer, not through `Topic.send`, whose path adds a message object,
    sensor calls and a completion callback per record (docs/benchmarks.md, issue 17). Nothing
    is lost by it: the partitioner is the same (the key's hash), and Faust flushes this
    producer, waiting for the broker's acknowledgements, before it commits any offset, so an
    event is in Kafka before the snippet that made it is committed.
    """
    await app.producer.send(
        _EVENT_TOPIC_NAMES[event_type],
        key=process.encode(),
        value=value,
        partition=None,
        timestamp=None,
        headers=None,
    )


deadletter_topic = _topic(
    "deadletter", "Rejected messages: the original bytes, with the reason and origin in headers."
)

# One subscription over every event topic: all are keyed by process and share the partition
# count of the negotiations table, so the fold is co-partitioned with its table.
all_events_topic = app.topic(
    *(settings.topic(f"events.{t}") for t in EVENT_TYPES),
    key_type=bytes,
    value_type=bytes,
    **_OWNED,
)
