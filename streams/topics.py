"""Kafka topics: snippets in, one topic per event type out, and the dead-letter topic."""

from streams.app import app, settings
from schemas.events import EVENT_TYPES

snippets_topic = app.topic(
    settings.topic("snippets"),
    key_type=str,
    value_type=bytes,
    help="News snippets in (JSON, schemas/json/snippet.json); key: snippet id.",
)

event_topics = {
    event_type: app.topic(
        settings.topic(f"events.{event_type}"),
        key_type=str,
        value_type=bytes,
        help=f"{event_type} events (JSON, schemas/json/event.json); key: process.",
    )
    for event_type in EVENT_TYPES
}

# One subscription over every event topic: all are keyed by process and share the partition
# count of the negotiations table, so the fold is co-partitioned with its table.
all_events_topic = app.topic(
    *(topic.get_topic_name() for topic in event_topics.values()),
    key_type=str,
    value_type=bytes,
)

deadletter_topic = app.topic(
    settings.topic("deadletter"),
    key_type=str,
    value_type=bytes,
    help="Rejected messages: the original bytes, with the reason and origin in headers.",
)
