"""Materialised state tables, one per fold in streams.core.fold.folds, with changelogs in Kafka."""

import zlib
from typing import Any

from faust.serializers import codecs

from streams import codec
from streams.app import MAX_VALUE_BYTES, app
from streams.core.fold.folds import FOLDS
from streams.kafka import changelog

# A table value is rewritten on every event of its key, so a changelog holds many dead values
# per live one. Small segments and an eager cleaner keep it compacted, so recovery reads about
# one value per key instead of the whole history.
CHANGELOG_CONFIGS = {
    "max.message.bytes": str(MAX_VALUE_BYTES),
    "segment.bytes": str(16 * 1024 * 1024),
    "segment.ms": str(10 * 60 * 1000),
    "min.cleanable.dirty.ratio": "0.1",
}


class _TableValues(codecs.Codec):  # type: ignore[misc]
    """Table values to bytes: a `codec.TableEntry` is encoded, bytes pass through; bytes are
    read back as bytes, and decoded only when a fold or a view needs the state."""

    def _dumps(self, value: Any) -> bytes:
        return codec.entry_bytes(value)

    def _loads(self, raw: bytes) -> bytes:
        return bytes(raw)


codecs.register("parley-table-value", _TableValues())

# All tables are keyed by process and share the partitioning of the event topics.
TABLES: dict[str, Any] = {
    fold.name: app.Table(
        fold.name,
        key_type=str,
        value_type=bytes,
        default=None,
        help=f"{fold.help} (schemas/json/{fold.name}.json); key: process.",
        extra_topic_configs=CHANGELOG_CONFIGS,
    )
    for fold in FOLDS
}
negotiations = TABLES["negotiations"]

# Where each event was first folded (event id -> topic/partition/offset), so that the same
# content published again is not counted twice. Keyed by process and a shard of the event id
# (`folded_key`), each value a `codec.FoldedIds`: a changelog record per shard per commit
# rather than one per event, which is what a recovery replays. Written by the fold agent, so a
# shard lives in the changelog partition of its process, beside the tables it protects.
FOLDED_SHARDS = 16
# Compacted with small segments like the state tables, but with the broker's default dirty
# ratio: cleaning this changelog eagerly kept the broker's cleaner busy on a shared 2-CPU
# machine, and produce-to-event latency went from p99 ~0.2 s to ~2 s (docs/benchmarks.md).
FOLDED_CHANGELOG_CONFIGS = {
    key: value for key, value in CHANGELOG_CONFIGS.items() if key != "min.cleanable.dirty.ratio"
}


def _bookkeeping_table(name: str, help: str) -> Any:
    """A table of the worker's own bookkeeping (not a fold), compacted like `folded_events`."""
    return app.Table(
        name,
        key_type=str,
        value_type=bytes,
        default=None,
        help=help,
        extra_topic_configs=FOLDED_CHANGELOG_CONFIGS,
    )


folded_events = _bookkeeping_table(
    "folded_events", "Process#shard -> the event ids folded, each with where it was first folded."
)


# The text each producer-supplied snippet id was first read with (a 16-byte digest), so that
# the same id coming back with another text is a conflict (dead-lettered), never read as a
# republication whose events would be skipped. Keyed by snippet id like parley.snippets, so
# the classify agent that writes it is co-partitioned with it when producers key snippets by
# their id, as the README asks. Derived ids are content-based and never conflict.
snippet_texts = _bookkeeping_table(
    "snippet_texts", "Snippet id -> digest of the text it was first read with."
)


def folded_key(process: str, event_id: str) -> str:
    """The `folded_events` key of an event: its process and a stable shard of its id.

    Shards keep each value far under the message size limit for a process of millions of
    events (16 shards of about 60 bytes per id)."""
    return f"{process}#{zlib.crc32(event_id.encode()) % FOLDED_SHARDS}"


def _raw_keys(table: Any) -> None:
    # Keys as raw bytes, like the event topics': table_route hashes the serialised key to find
    # the owner, and Faust's default JSON key ('"RU--UA"') hashes to another partition than the
    # event's. Faust derives the serializer from key_type (str -> JSON) and builds the
    # changelog topic at once, so both are replaced before the worker starts.
    table.key_serializer = "raw"
    table.changelog_topic = table._new_changelog_topic()


for _table in (*TABLES.values(), folded_events, snippet_texts):
    # Before the changelog topic is rebuilt below, which takes the table's serializers.
    _table.value_serializer = "parley-table-value"
for _table in (*TABLES.values(), folded_events, snippet_texts):
    _raw_keys(_table)

# Changelog records go out at commit, acknowledged before the offsets that made them.
held_changelog = changelog.install(app, [*TABLES.values(), folded_events, snippet_texts])


def changelog_topics() -> dict[str, dict[str, str]]:
    """Every table's changelog topic and its settings, to create before Faust subscribes."""
    return {
        table.changelog_topic.get_topic_name(): {
            "cleanup.policy": "compact",
            **(table.extra_topic_configs or {}),
        }
        for table in (*TABLES.values(), folded_events, snippet_texts)
    }
