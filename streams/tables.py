"""Materialised state tables, one per fold in streams.core.folds, with changelogs in Kafka."""

from typing import Any

from streams.app import MAX_VALUE_BYTES, app
from streams.core.folds import FOLDS

# All tables are keyed by process and share the partitioning of the event topics.
TABLES: dict[str, Any] = {
    fold.name: app.Table(
        fold.name,
        key_type=str,
        value_type=bytes,
        default=None,
        help=f"{fold.help} (schemas/json/{fold.name}.json); key: process.",
        extra_topic_configs={"max.message.bytes": str(MAX_VALUE_BYTES)},
    )
    for fold in FOLDS
}
negotiations = TABLES["negotiations"]
