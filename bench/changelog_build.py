"""Table changelogs built in-process, as a folding worker would leave them, for the recovery
bench: a million events folded by a worker take about 40 minutes, the same fold without Kafka
or Faust a fraction of that, and a recovery reads only the changelogs.

The events are `bench/recovery.py`'s (`make_events`), in the order it produces them. Each is
given the topic, partition and offset the broker gives it when produced to fresh event topics
(the producer's default partitioner on the process key, offsets counted per partition from 0),
decoded from its bytes and folded by the worker's own table code (`streams.table_writes`) into
plain dicts, which hold what the in-memory store holds. A "commit" after every EVERY events
sends a record of every key changed since the last one, in the order of their last write,
encoded at that moment, to the partition the worker writes it to (the event's), with the raw
key: what `streams.kafka.changelog` does at each commit. EVERY 0 sends one record per key at
the end, what a fully compacted changelog holds.

How many records a worker writes per key depends on timing (one per key per commit, every
PARLEY_COMMIT_INTERVAL_S seconds), so the caller chooses: EVERY = the worker's fold rate times
the commit interval gives what that worker writes before the broker's cleaner compacts it.
One fold can feed several apps (`--target APP:EVERY`, repeated), each with its own commits.

The first app id and the topic prefix are set in the environment before `streams` is
imported, so the topic names and their configs are the worker's own
(`streams.tables.changelog_topics`).

    .venv/bin/python bench/changelog_build.py --bootstrap 127.0.0.1:9092 --prefix A \
        --target A:0 --target B:50000 --events 1000000 --tag t
"""

import argparse
import asyncio
import json
import os
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from types import SimpleNamespace
from typing import Any


def _arguments() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--bootstrap", default="127.0.0.1:9092")
    parser.add_argument(
        "--target",
        action="append",
        required=True,
        metavar="APP:EVERY",
        help="an app id (its changelog topics' prefix) and the events between its commits (0: "
        "one commit at the end); several targets share one fold",
    )
    parser.add_argument("--prefix", required=True, help="topic prefix of the event topics")
    parser.add_argument("--events", type=int, required=True)
    parser.add_argument("--per-key", type=int, default=200, help="events per process key")
    parser.add_argument("--tag", required=True, help="make_events' tag (ids and processes)")
    parser.add_argument("--partitions", type=int, default=4)
    return parser.parse_args()


ARGS = _arguments() if __name__ == "__main__" else None
if ARGS is not None:
    # Before streams is imported: the settings, and so the table and topic names, read these.
    os.environ.update(
        {
            "KAFKA_BOOTSTRAP_SERVERS": ARGS.bootstrap,
            "PARLEY_APP_ID": ARGS.target[0].split(":")[0],
            "PARLEY_TOPIC_PREFIX": ARGS.prefix,
            "PARLEY_PARTITIONS": str(ARGS.partitions),
            "PARLEY_STORE": "memory://",
        }
    )

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from aiokafka import AIOKafkaProducer  # noqa: E402
from aiokafka.partitioner import DefaultPartitioner  # noqa: E402

from bench.recovery import make_events  # noqa: E402
from streams import codec, table_writes, tables  # noqa: E402
from streams.kafka import admin  # noqa: E402
from streams.settings import get_settings  # noqa: E402

Record = tuple[str, bytes, bytes, int]


def changelog_names(app: str) -> dict[str, str]:
    """Table name -> changelog topic of that app, as Faust names it for this process's app."""
    own = get_settings().app_id
    names = {}
    for name, table in {**tables.TABLES, "folded_events": tables.folded_events}.items():
        topic = table.changelog_topic.get_topic_name()
        assert topic.startswith(f"{own}-"), topic
        names[name] = f"{app}-{topic[len(own) + 1 :]}"
    return names


class ChangelogFold:
    """The fold agent's table work on plain dicts, and the records its commits would send."""

    def __init__(self, prefix: str, partitions: int, apps: list[str]) -> None:
        self.prefix = prefix
        self.partitions = list(range(partitions))
        self.tables: dict[str, dict[str, Any]] = {name: {} for name in tables.TABLES}
        self.folded: dict[str, Any] = {}
        self.topics = {app: changelog_names(app) for app in apps}
        self._next_offset: dict[tuple[str, int], int] = {}
        # Per app, the keys changed since its last commit, in the order of their last write.
        self._held: dict[str, dict[tuple[str, str], int]] = {app: {} for app in apps}
        self._partitioner = DefaultPartitioner()
        self.counts = {"folded": 0, "republished": 0, "rejected": 0}
        self.records = dict.fromkeys(apps, 0)

    def message(self, kind: str, key: bytes) -> SimpleNamespace:
        """Where the broker puts the next event of this type and key on fresh topics."""
        topic = f"{self.prefix}.events.{kind}"
        partition = self._partitioner(key, self.partitions, self.partitions)
        offset = self._next_offset.get((topic, partition), 0)
        self._next_offset[(topic, partition)] = offset + 1
        return SimpleNamespace(topic=topic, partition=partition, offset=offset)

    def fold(self, kind: str, key: bytes, value: bytes) -> None:
        message = self.message(kind, key)
        try:
            codec.decode_key(key)
            found = codec.decode_event(value)
            outcome = table_writes.fold_event(found, message)
        except Exception:  # the agent dead-letters it; nothing is written
            self.counts["rejected"] += 1
            return
        self.counts["folded" if outcome == table_writes.FOLDED else "republished"] += 1
        if outcome != table_writes.FOLDED:
            return
        # What fold_event wrote: the tables it changed (their entries carry this offset's
        # mark) and the event id's shard; held in the order of the last write, as at commit.
        for name, table in self.tables.items():
            entry = table.get(found.process)
            if (
                entry is not None
                and codec.entry_marks(entry).get(f"{message.topic}/{message.partition}")
                == message.offset
            ):
                self._hold(name, found.process, message.partition)
        self._hold("folded_events", tables.folded_key(found.process, found.id), message.partition)

    def _hold(self, table: str, key: str, partition: int) -> None:
        for held in self._held.values():
            held.pop((table, key), None)
            held[(table, key)] = partition

    def commit(self, app: str) -> Iterator[Record]:
        """The app's record of every key changed since its last commit, encoded now."""
        held, self._held[app] = self._held[app], {}
        topics = self.topics[app]
        for (table, key), partition in held.items():
            value = self.folded[key] if table == "folded_events" else self.tables[table][key]
            self.records[app] += 1
            yield topics[table], key.encode(), codec.entry_bytes(value, keep=False), partition


def records(
    fold: ChangelogFold, events: Iterator[tuple[str, bytes, bytes]], targets: dict[str, int]
) -> Iterator[Record]:
    """Fold every event; each app's records of a commit after every `every` events of its own,
    and of a last commit at the end."""
    for number, (kind, key, value) in enumerate(events, 1):
        fold.fold(kind, key, value)
        for app, every in targets.items():
            if every and number % every == 0:
                yield from fold.commit(app)
    for app in targets:
        yield from fold.commit(app)


async def produce(bootstrap: str, out: Iterator[Record]) -> None:
    producer = AIOKafkaProducer(
        bootstrap_servers=bootstrap,
        acks="all",
        linger_ms=20,
        max_batch_size=256 * 1024,
        max_request_size=tables.MAX_VALUE_BYTES,
        # A loaded broker (its cleaner compacting what was sent) can take longer than the
        # default 40 s to acknowledge; a retried batch only repeats a key's value.
        request_timeout_ms=300_000,
    )
    await producer.start()
    try:
        pending = []
        for topic, key, value, partition in out:
            pending.append(await producer.send(topic, value, key=key, partition=partition))
            if len(pending) >= 2_000:
                await asyncio.gather(*pending)
                pending.clear()
        await asyncio.gather(*pending)
    finally:
        await producer.stop()


def build(args: argparse.Namespace) -> dict[str, Any]:
    targets = {app: int(every) for app, every in (t.split(":") for t in args.target)}
    fold = ChangelogFold(args.prefix, args.partitions, list(targets))
    # The worker's tables, swapped for plain dicts in this process only.
    table_writes.TABLES = fold.tables
    table_writes.folded_events = fold.folded
    # The worker's topics with the worker's configs: event topics and table changelogs.
    configs = tables.changelog_topics()
    own = changelog_names(get_settings().app_id)
    for app in targets:
        renamed = {fold.topics[app][table]: configs[topic] for table, topic in own.items()}
        settings = get_settings().model_copy(update={"app_id": app})
        asyncio.run(admin.ensure_topics(settings, renamed))
    started = time.perf_counter()
    events = make_events(args.events, args.per_key, args.tag)
    asyncio.run(produce(args.bootstrap, records(fold, events, targets)))
    return {
        **fold.counts,
        "keys": len(next(iter(fold.tables.values()))),
        "targets": {
            app: {"commit_events": every, "records": fold.records[app]}
            for app, every in targets.items()
        },
        "build_seconds": time.perf_counter() - started,
    }


if __name__ == "__main__" and ARGS is not None:
    print(json.dumps(build(ARGS)))
