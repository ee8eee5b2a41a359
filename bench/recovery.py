"""Recovery: how long a fresh worker takes to rebuild tables that hold `--events` events.

Events are made cheaply: events extracted from the dev corpus once, copied with new ids and
spread over `--events / --per-key` processes, and produced straight to the event topics. A
worker folds them and stops; then a new worker is timed from process start until its health
says ready (tables recovered) and it serves every key, three times (`run_all`): memory:// from
the changelogs, rocksdb:// from the changelogs into an empty store, and rocksdb:// again,
reopening that store.

The time of a worker starting on an empty app is measured too, so the recovery itself can be
told apart from process start. Changelog records are counted, for the extrapolation to other
sizes: recovery reads every changelog record not yet compacted away.

    .venv/bin/python bench/recovery.py --bootstrap 127.0.0.1:9092 --events 1000000
"""

import argparse
import asyncio
import json
import shutil
import sys
import tempfile
import time
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from aiokafka.admin import AIOKafkaAdminClient

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.common import (
    EVENT_TYPES,
    Worker,
    count,
    create_topics,
    http_get,
    lag,
    produce_records,
    snippets,
)
from streams import codec
from streams.core.read.extract import extract_events


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


def _fold(bootstrap: str, app: str, total: int, per_key: int, folder: Worker) -> dict[str, Any]:
    """Produce the events and let one worker fold them all; what it took."""
    result: dict[str, Any] = {}
    asyncio.run(create_topics(bootstrap, [f"{app}.events.{t}" for t in EVENT_TYPES], 4))
    events = make_events(total, per_key, app[-8:])
    records = ((f"{app}.events.{kind}", key, value) for kind, key, value in events)
    asyncio.run(produce_records(bootstrap, records))
    folder.start(timeout=120)
    started = time.perf_counter()
    restarts = 0
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
    result["keys"] = _keys_served(folder)
    return result


def run_all(bootstrap: str, total: int, per_key: int, data: Path) -> list[dict[str, Any]]:
    """Fold `total` events once, then time three fresh starts on what that left:

    - memory:// with an empty data directory: replays the changelogs;
    - rocksdb:// with an empty data directory: replays the changelogs into its store;
    - rocksdb:// again on that directory: reopens the store, reads only the changelog tail.
    """
    app = f"bench-rec-{uuid.uuid4().hex[:8]}"
    folder = Worker(bootstrap, app, app, data / "folder")
    try:
        made = _fold(bootstrap, app, total, per_key, folder)
    except RuntimeError as error:
        return [{"store": "memory://", "events": total, "error": str(error)[-300:]}]
    finally:
        # A clean stop commits, which sends the last changelog records.
        folder.stop()
    records = count(bootstrap, asyncio.run(changelog_topics(bootstrap, app)))
    runs = []
    for store, source, directory in (
        ("memory://", "changelog", data / "fresh-memory"),
        ("rocksdb://", "changelog", data / "fresh-rocksdb"),
        ("rocksdb://", "store", data / "fresh-rocksdb"),
    ):
        run: dict[str, Any] = {
            "store": store,
            "source": source,
            "events": total,
            "changelog_records": records,
            **made,
        }
        fresh = Worker(bootstrap, app, app, directory, store=store)
        try:
            run["recovery_seconds"] = _timed_start(fresh, made["keys"], timeout=1800)
        except RuntimeError as error:
            run["error"] = str(error)[-300:]
        finally:
            fresh.stop()
        runs.append(run)
    return runs


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
    parser.add_argument("--per-key", type=int, default=200, help="events per process key")
    args = parser.parse_args()
    data = Path(tempfile.mkdtemp(prefix="parley-recovery-"))
    try:
        results: dict[str, Any] = {"empty_start_seconds": empty_start(args.bootstrap, data)}
        results["runs"] = run_all(args.bootstrap, args.events, args.per_key, data)
    finally:
        shutil.rmtree(data, ignore_errors=True)
    print(json.dumps(results))


if __name__ == "__main__":
    main()
