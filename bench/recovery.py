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
import subprocess
import sys
import tempfile
import time
import uuid
from collections.abc import AsyncIterator, Iterator
from pathlib import Path
from typing import Any

from aiokafka import AIOKafkaConsumer, TopicPartition
from aiokafka.admin import AIOKafkaAdminClient

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.common import (
    EVENT_TYPES,
    ROOT,
    Worker,
    count,
    create_topics,
    http_get,
    lag,
    produce_records,
    shipped_mode,
    snippets,
)
from streams import codec
from streams.core.read.extract import extract_events


def make_events(total: int, per_key: int, tag: str) -> Iterator[tuple[str, bytes, bytes]]:
    """`total` events as (type, process key, JSON), over total/per_key processes, made lazily:
    a million events held at once would take gigabytes in this process."""
    from streams.core.read import typer

    templates = []
    # The shipped typing mode, explicitly: this runs in the bench and in changelog_build.py's
    # process, and importing the worker's modules there applies the settings' mode for good.
    with typer.mode(shipped_mode()):
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


def build_changelogs(
    bootstrap: str, targets: dict[str, int], prefix: str, total: int, per_key: int, tag: str
) -> dict[str, Any]:
    """`bench/changelog_build.py` in its own process: the changelogs a worker folding these
    events would leave, for each app a commit every `targets[app]` events (0: one record per
    key), from one fold."""
    command = [
        sys.executable,
        str(ROOT / "bench" / "changelog_build.py"),
        *("--bootstrap", bootstrap, "--prefix", prefix, "--tag", tag),
        *("--events", str(total), "--per-key", str(per_key)),
        *(f"--target={app}:{every}" for app, every in targets.items()),
    ]
    done = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, check=False)
    if done.returncode != 0:
        raise RuntimeError(f"changelog_build failed:\n{done.stderr[-2000:]}")
    built: dict[str, Any] = json.loads(done.stdout.strip().splitlines()[-1])
    return built


async def _changelog_batches(
    bootstrap: str, app: str
) -> AsyncIterator[tuple[TopicPartition, list[Any]]]:
    """Every record of the app's changelogs, from the start of each partition to its end (as
    the end offsets stood when reading began), in fetched batches."""
    names = await changelog_topics(bootstrap, app)
    consumer = AIOKafkaConsumer(
        bootstrap_servers=bootstrap,
        enable_auto_commit=False,
        auto_offset_reset="earliest",
        max_partition_fetch_bytes=8 * 1024 * 1024,
    )
    await consumer.start()
    try:
        await consumer._client.force_metadata_update()
        parts = [
            TopicPartition(topic, p)
            for topic in names
            for p in sorted(consumer._client.cluster.partitions_for_topic(topic) or ())
        ]
        consumer.assign(parts)
        ends = await consumer.end_offsets(parts)
        await consumer.seek_to_beginning(*parts)
        left = {tp for tp, end in ends.items() if end > 0}
        while left:
            for tp, batch in (await consumer.getmany(*left, timeout_ms=1000)).items():
                yield tp, batch
                if batch and batch[-1].offset + 1 >= ends[tp]:
                    left.discard(tp)
    finally:
        await consumer.stop()


async def _recovered(bootstrap: str, app: str) -> dict[str, dict[tuple[int, bytes], bytes]]:
    """What a recovery rebuilds from the app's changelogs: per table, the last value of each
    (partition, key)."""
    out: dict[str, dict[tuple[int, bytes], bytes]] = {}
    async for tp, batch in _changelog_batches(bootstrap, app):
        table = tp.topic[len(app) + 1 : -len("-changelog")]
        for record in batch:
            out.setdefault(table, {})[(tp.partition, record.key)] = record.value
    return out


def _differences(
    worker: dict[str, dict[tuple[int, bytes], bytes]],
    built: dict[str, dict[tuple[int, bytes], bytes]],
) -> list[str]:
    """Where two recovered sets of tables differ beyond the order the worker read its topics in.

    Every state must be byte-identical. Two parts of a value depend on how the worker happened
    to interleave the event topics, which two worker runs do not repeat either:
    - an entry's offset marks: the event that created the entry keeps its mark even when it
      left the state as it was (`table_writes._fold_all_tables`), and which event type came
      first depends on the interleaving; so each side may hold one mark the other lacks, and
      every mark both hold must be equal;
    - `folded_events` (event id -> first origin) lists the ids in folding order: compared as
      mappings.
    """
    found = []
    for table in sorted(set(worker) | set(built)):
        ours, theirs = built.get(table, {}), worker.get(table, {})
        if ours.keys() != theirs.keys():
            missing, extra = len(theirs.keys() - ours.keys()), len(ours.keys() - theirs.keys())
            found.append(f"{table}: {missing} (partition, key) missing, {extra} extra")
            continue
        same = _same_entry if table != "folded_events" else _same_mapping
        wrong = [slot for slot in theirs if not same(theirs[slot], ours[slot])]
        if wrong:
            found.append(f"{table}: {len(wrong)} of {len(theirs)} values differ, e.g. {wrong[0]}")
    return found


def _same_mapping(a: bytes, b: bytes) -> bool:
    return bool(json.loads(a) == json.loads(b))


def _same_entry(a: bytes, b: bytes) -> bool:
    marks_a, state_a = codec.split_entry(a)
    marks_b, state_b = codec.split_entry(b)
    shared = marks_a.keys() & marks_b.keys()
    return (
        state_a == state_b
        and all(marks_a[topic] == marks_b[topic] for topic in shared)
        and len(marks_a) - len(shared) <= 1
        and len(marks_b) - len(shared) <= 1
    )


def _identical(
    worker: dict[str, dict[tuple[int, bytes], bytes]],
    built: dict[str, dict[tuple[int, bytes], bytes]],
) -> int:
    """How many values are byte for byte the same on both sides."""
    return sum(
        value == built.get(table, {}).get(slot)
        for table, values in worker.items()
        for slot, value in values.items()
    )


def check_equivalence(bootstrap: str, total: int, per_key: int, data: Path) -> dict[str, Any]:
    """A real worker folds `total` events; the builder writes changelogs for the same events
    under another app id; both recovered tables must be the same (raises if not)."""
    uid = uuid.uuid4().hex[:8]
    app, built_app = f"bench-eqv-{uid}", f"bench-eqb-{uid}"
    folder = Worker(bootstrap, app, app, data / "eqv-folder")
    try:
        made = _fold(bootstrap, app, total, per_key, folder)
    finally:
        folder.stop()
    built = build_changelogs(bootstrap, {built_app: 0}, app, total, per_key, app[-8:])
    worker_tables = asyncio.run(_recovered(bootstrap, app))
    built_tables = asyncio.run(_recovered(bootstrap, built_app))
    differences = _differences(worker_tables, built_tables)
    result = {
        "events": total,
        "keys": made["keys"],
        "tables": sorted(worker_tables),
        "values": sum(len(t) for t in worker_tables.values()),
        "worker_records": count(bootstrap, asyncio.run(changelog_topics(bootstrap, app))),
        "built_records": built["targets"][built_app]["records"],
        "byte_identical_values": _identical(worker_tables, built_tables),
        "differences": differences,
    }
    if differences or not worker_tables:
        raise RuntimeError(f"built changelogs differ from a worker's: {json.dumps(result)}")
    return result


async def _live_records(bootstrap: str, app: str) -> int:
    """Records the app's changelogs hold now, read from their start: what a recovery replays
    (the end offsets count every record written, also those the broker's cleaner removed)."""
    return sum([len(batch) async for _, batch in _changelog_batches(bootstrap, app)])


def _time_starts(
    bootstrap: str, app: str, prefix: str, data: Path, keys: int, common: dict[str, Any]
) -> list[dict[str, Any]]:
    """Three fresh starts of the app's worker, each timed until it serves `keys` keys."""
    runs = []
    common = {**common, "live_records_before": asyncio.run(_live_records(bootstrap, app))}
    for store, source, directory in (
        ("memory://", "changelog", data / f"fresh-memory-{app}"),
        ("rocksdb://", "changelog", data / f"fresh-rocksdb-{app}"),
        ("rocksdb://", "store", data / f"fresh-rocksdb-{app}"),
    ):
        run: dict[str, Any] = {"store": store, "source": source, **common}
        fresh = Worker(bootstrap, app, prefix, directory, store=store)
        try:
            run["recovery_seconds"] = _timed_start(fresh, keys, timeout=1800)
        except RuntimeError as error:
            run["error"] = str(error)[-300:]
        finally:
            fresh.stop()
        runs.append(run)
    return runs


def run_all(
    bootstrap: str, total: int, per_key: int, data: Path, everys: list[int], fold: str = "build"
) -> list[dict[str, Any]]:
    """Make changelogs for `total` events once, then time three fresh starts on them:

    - memory:// with an empty data directory: replays the changelogs;
    - rocksdb:// with an empty data directory: replays the changelogs into its store;
    - rocksdb:// again on that directory: reopens the store, reads only the changelog tail.

    `fold="build"` writes the changelogs in-process (`bench/changelog_build.py`), from one fold,
    for an app per entry of `everys` (a commit every that many events; 0: one record per key),
    and times each app's starts in turn; `fold="worker"` produces the events and lets a worker
    fold them (about 40 minutes at 1,000,000 events).
    """
    uid = uuid.uuid4().hex[:8]
    prefix = f"bench-rec-{uid}"
    apps = {
        f"bench-rec-{uid}" if n == 0 else f"bench-rec{n}-{uid}": e for n, e in enumerate(everys)
    }
    made: dict[str, Any]
    if fold == "build":
        try:
            made = build_changelogs(bootstrap, apps, prefix, total, per_key, uid)
        except RuntimeError as error:
            return [{"store": "memory://", "events": total, "error": str(error)[-300:]}]
    else:
        apps = {prefix: 0}
        folder = Worker(bootstrap, prefix, prefix, data / "folder")
        try:
            made = _fold(bootstrap, prefix, total, per_key, folder)
        except RuntimeError as error:
            return [{"store": "memory://", "events": total, "error": str(error)[-300:]}]
        finally:
            # A clean stop commits, which sends the last changelog records.
            folder.stop()
    runs = []
    for app, every in apps.items():
        common = {
            "events": total,
            "fold": fold,
            "commit_events": every if fold == "build" else None,
            "keys": made["keys"],
            "fold_seconds": made.get("build_seconds", made.get("fold_seconds")),
            "changelog_records": count(bootstrap, asyncio.run(changelog_topics(bootstrap, app))),
        }
        runs.extend(_time_starts(bootstrap, app, prefix, data, made["keys"], common))
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
    parser.add_argument(
        "--fold",
        choices=("build", "worker"),
        default="build",
        help="changelogs built in-process (bench/changelog_build.py) or left by a folding worker",
    )
    parser.add_argument(
        "--commit-events",
        type=int,
        nargs="+",
        default=[0],
        help="with --fold build: events between commits, an app and its three starts each, all "
        "from one fold (0: one record per key, a fully compacted changelog)",
    )
    parser.add_argument(
        "--check-events",
        type=int,
        default=5000,
        help="events of the equivalence check (a worker's changelogs against built ones); 0: none",
    )
    args = parser.parse_args()
    data = Path(tempfile.mkdtemp(prefix="parley-recovery-"))
    try:
        results: dict[str, Any] = {"empty_start_seconds": empty_start(args.bootstrap, data)}
        if args.fold == "build" and args.check_events:
            results["equivalence"] = check_equivalence(
                args.bootstrap, args.check_events, args.per_key, data
            )
        results["runs"] = run_all(
            args.bootstrap, args.events, args.per_key, data, args.commit_events, args.fold
        )
    finally:
        shutil.rmtree(data, ignore_errors=True)
    print(json.dumps(results))


if __name__ == "__main__":
    main()
