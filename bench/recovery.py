"""Recovery: how long a fresh worker takes to rebuild tables that hold `--events` events.

Events are made cheaply: events extracted from the dev corpus once, copied with new ids and
spread over `--events / --per-key` processes, and produced straight to the event topics. A
worker folds them and stops; then a new worker is timed from process start until its health
says ready (tables recovered) and it serves every key:

- memory:// (changelog): the new worker has an empty data directory, so it replays the changelogs;
- rocksdb:// (persistent store): the new worker reuses the data directory of the one that folded.

The time of a worker starting on an empty app is measured too, so the recovery itself can be
told apart from process start. Changelog records are counted, for the extrapolation to other
sizes: recovery reads every changelog record not yet compacted away.

    .venv/bin/python bench/recovery.py --bootstrap 127.0.0.1:9092 --events 20000
"""

import argparse
import asyncio
import json
import shutil
import sys
import tempfile
import time
import uuid
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from aiokafka import AIOKafkaProducer
from aiokafka.admin import AIOKafkaAdminClient

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.common import (
    EVENT_TYPES,
    Worker,
    count,
    create_topics,
    http_get,
    lag,
    snippets,
)
from streams import codec
from streams.core.extract import extract_events


def make_events(total: int, per_key: int, tag: str) -> Iterator[tuple[str, bytes, bytes]]:
    """`total` events as (type, process key, JSON), over total/per_key processes, made lazily:
    a million events held at once would take gigabytes in this process."""
    templates = []
    for _, raw in snippets(400, f"{tag}-t"):
        templates.extend(extract_events(codec.decode_snippet(raw)))
    keys = max(1, total // per_key)
    for number in range(total):
        template = templates[number % len(templates)]
        process = f"{tag}-P{number % keys}"
        event = template.model_copy(
            update={"id": f"{tag}-e{number}", "snippet_id": f"{tag}-s{number}", "process": process}
        )
        yield event.type, process.encode(), codec.encode_event(event)


async def produce_events(
    bootstrap: str, app: str, events: Iterable[tuple[str, bytes, bytes]]
) -> None:
    producer = AIOKafkaProducer(
        bootstrap_servers=bootstrap, acks="all", linger_ms=20, max_batch_size=512 * 1024
    )
    await producer.start()
    try:
        pending = []
        for event_type, key, value in events:
            pending.append(await producer.send(f"{app}.events.{event_type}", key=key, value=value))
            if len(pending) >= 20_000:
                await asyncio.gather(*pending)
                pending.clear()
        await asyncio.gather(*pending)
    finally:
        await producer.stop()


async def changelog_topics(bootstrap: str, app_id: str) -> list[str]:
    admin = AIOKafkaAdminClient(bootstrap_servers=bootstrap)
    await admin.start()
    try:
        names = await admin.list_topics()
    finally:
        await admin.close()
    return sorted(n for n in names if n.startswith(f"{app_id}-") and n.endswith("-changelog"))


def _folded(worker: Worker) -> int:
    done = worker.processed()
    return (
        done.get("events_folded", 0)
        + done.get("events_republished", 0)
        + done.get("event_deadletters", 0)
    )


def _keys_served(worker: Worker) -> int:
    status, body = http_get(worker.base_url + "/api/tables/negotiations", timeout=120)
    return int(body.get("count", 0)) if status == 200 and isinstance(body, dict) else -1


def _timed_start(worker: Worker, keys: int, timeout: float) -> float:
    """Seconds from process start until ready and serving `keys` keys."""
    started = time.perf_counter()
    worker.start(wait=False)
    worker.wait_ready(timeout)
    deadline = time.monotonic() + timeout
    while _keys_served(worker) < keys:
        if time.monotonic() > deadline:
            raise RuntimeError(f"recovered {_keys_served(worker)} of {keys} keys")
        time.sleep(0.1)
    return time.perf_counter() - started


def run_store(bootstrap: str, store: str, total: int, per_key: int, data: Path) -> dict[str, Any]:
    uid = uuid.uuid4().hex[:8]
    app = f"bench-rec-{uid}"
    result: dict[str, Any] = {"store": store, "events": total}
    asyncio.run(create_topics(bootstrap, [f"{app}.events.{t}" for t in EVENT_TYPES], 4))
    asyncio.run(produce_events(bootstrap, app, make_events(total, per_key, uid)))
    folder = Worker(bootstrap, app, app, data / "first", store=store)
    try:
        folder.start(timeout=120)
    except RuntimeError as error:
        result["error"] = str(error).splitlines()[-1][:300]
        return result
    started = time.perf_counter()
    restarts = 0
    try:
        last, moved = -1, time.monotonic()
        while lag([folder]) > 0:
            if not folder.alive():
                raise RuntimeError(folder.log_tail())
            folded = _folded(folder)
            if folded != last:
                last, moved = folded, time.monotonic()
            elif time.monotonic() - moved > 30 and restarts < 2:
                # The fold agent is stuck (PartitionsMismatch on a fresh app; see e2e.warm_up).
                folder.stop()
                folder.start(timeout=120)
                restarts, last, moved = restarts + 1, -1, time.monotonic()
            time.sleep(0.5)
        result["fold_restarts"] = restarts
        result["fold_seconds"] = time.perf_counter() - started
        # Let the last changelog writes go out before the clean stop.
        time.sleep(2)
        result["keys"] = _keys_served(folder)
    finally:
        folder.stop()
    topics = asyncio.run(changelog_topics(bootstrap, app))
    result["changelog_records"] = count(bootstrap, topics)
    fresh_dir = data / "first" if store.startswith("rocksdb") else data / "second"
    fresh = Worker(bootstrap, app, app, fresh_dir, store=store)
    try:
        result["recovery_seconds"] = _timed_start(fresh, result["keys"], timeout=900)
    finally:
        fresh.stop()
    return result


def empty_start(bootstrap: str, data: Path) -> float:
    """Seconds for a worker of a new, empty app to become ready: the floor of any recovery."""
    uid = uuid.uuid4().hex[:8]
    worker = Worker(bootstrap, f"bench-empty-{uid}", f"bench-empty-{uid}", data / "empty")
    try:
        return worker.start(timeout=120)
    finally:
        worker.stop()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--bootstrap", default="127.0.0.1:9092")
    parser.add_argument("--events", type=int, default=20_000)
    parser.add_argument("--per-key", type=int, default=20, help="events per process key")
    parser.add_argument("--stores", default="memory://,rocksdb://")
    args = parser.parse_args()
    data = Path(tempfile.mkdtemp(prefix="parley-recovery-"))
    try:
        results: dict[str, Any] = {"empty_start_seconds": empty_start(args.bootstrap, data)}
        results["runs"] = [
            run_store(args.bootstrap, store, args.events, args.per_key, data / store[:-3])
            for store in args.stores.split(",")
        ]
    finally:
        shutil.rmtree(data, ignore_errors=True)
    print(json.dumps(results))


if __name__ == "__main__":
    main()
