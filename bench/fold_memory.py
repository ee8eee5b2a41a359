"""The fold agent's table work at many keys, in one process, without Kafka or Faust (issue 17).

Events are made as `bench/recovery.py` makes them (corpus events copied with new ids, spread
round-robin over `--events / --per-key` processes) and folded through the worker's own code,
`streams.table_writes.fold_event`, with plain dicts standing in for the in-memory stores of the
tables (Faust's memory:// store is a dict of the values written). Every `--per-commit` events a
"commit" encodes each key written since the last one with the tables' value serializer, as
`streams/kafka/changelog.py` does when it sends the changelog records.

It reports the fold rate per window, the commit times, the encoded sizes per table, and the
process's resident memory (and, with `--tracemalloc`, what holds the Python heap).

    .venv/bin/python bench/fold_memory.py --events 200000 --per-key 200 [--profile]
"""

import argparse
import cProfile
import gc
import io
import json
import pstats
import resource
import sys
import time
import tracemalloc
import zlib
from pathlib import Path
from types import SimpleNamespace
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.recovery import make_events
from streams import codec, table_writes

PARTITIONS = 4


def rss_mb() -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


class Held(dict[str, Any]):
    """A table's store: a dict that notes each key written, as the changelog hold does."""

    def __init__(self, name: str, held: dict[tuple[str, str], "Held"]) -> None:
        super().__init__()
        self.name = name
        self._held = held

    def __setitem__(self, key: str, value: Any) -> None:
        super().__setitem__(key, value)
        self._held.pop((self.name, key), None)
        self._held[(self.name, key)] = self


def install_dicts() -> tuple[dict[str, Held], dict[tuple[str, str], Held]]:
    held: dict[tuple[str, str], Held] = {}
    stores = {name: Held(name, held) for name in table_writes.TABLES}
    table_writes.TABLES = stores  # type: ignore[misc]
    stores["folded_events"] = Held("folded_events", held)
    table_writes.folded_events = stores["folded_events"]
    return stores, held


def commit(held: dict[tuple[str, str], Held]) -> tuple[int, int]:
    """Encode each held key's value as its changelog record would be; (keys, bytes)."""
    sent = 0
    keys = len(held)
    for (_, key), store in held.items():
        sent += len(codec.entry_bytes(store[key], keep=False))
    held.clear()
    return keys, sent


def run(total: int, per_key: int, per_commit: int, trace: bool) -> dict[str, Any]:
    stores, held = install_dicts()
    offsets: dict[tuple[str, int], int] = {}
    raw = make_events(total, per_key, "fm")
    gc.collect()
    base_rss = rss_mb()
    if trace:
        tracemalloc.start(5)
    windows: list[dict[str, Any]] = []
    fold_s = commit_s = 0.0
    window_start = time.perf_counter()
    window_fold = window_commit = 0.0
    commits: list[float] = []
    sent_bytes = 0
    for number, (kind, key, value) in enumerate(raw, start=1):
        topic = f"events.{kind}"
        partition = zlib.crc32(key) % PARTITIONS
        offset = offsets.get((topic, partition), 0)
        offsets[(topic, partition)] = offset + 1
        started = time.perf_counter()
        found = codec.decode_event(value)
        table_writes.fold_event(
            found, SimpleNamespace(topic=topic, partition=partition, offset=offset)
        )
        window_fold += time.perf_counter() - started
        if number % per_commit == 0 or number == total:
            started = time.perf_counter()
            _, sent = commit(held)
            took = time.perf_counter() - started
            commits.append(took)
            sent_bytes += sent
            window_commit += took
        if number % (total // 10) == 0:
            now = time.perf_counter()
            windows.append(
                {
                    "events": number,
                    "events_per_s": round((total // 10) / (now - window_start)),
                    "fold_s": round(window_fold, 2),
                    "commit_s": round(window_commit, 2),
                    "rss_mb": round(rss_mb()),
                }
            )
            fold_s += window_fold
            commit_s += window_commit
            window_start, window_fold, window_commit = now, 0.0, 0.0
            print(json.dumps(windows[-1]), file=sys.stderr)
    after, peak = rss_mb(), peak_mb()
    sizes: dict[str, int] = {}
    for name, store in stores.items():
        sizes[name] = sum(len(codec.entry_bytes(v, keep=False)) for v in store.values())
    result: dict[str, Any] = {
        "events": total,
        "keys": len(stores["negotiations"]),
        "fold_s": round(fold_s, 2),
        "commit_s": round(commit_s, 2),
        "commits": len(commits),
        "commit_max_s": round(max(commits), 3),
        "commit_last_s": round(commits[-2] if len(commits) > 1 else commits[-1], 3),
        "changelog_mb": round(sent_bytes / 1e6, 1),
        "encoded_mb_by_table": {k: round(v / 1e6, 1) for k, v in sizes.items()},
        "rss_mb_before_fold": round(base_rss),
        "rss_mb_after": round(after),
        "peak_rss_mb": round(peak),
        "windows": windows,
    }
    if trace:
        snapshot = tracemalloc.take_snapshot()
        result["traced_mb"] = round(tracemalloc.get_traced_memory()[0] / 1e6, 1)
        result["top_allocations"] = [
            f"{stat.size / 1e6:.1f} MB {stat.count} blocks "
            + " <- ".join(
                f"{Path(f.filename).name}:{f.lineno}" for f in reversed(stat.traceback[-5:])
            )
            for stat in snapshot.statistics("traceback")[:12]
        ]
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--events", type=int, default=100_000)
    parser.add_argument("--per-key", type=int, default=200)
    parser.add_argument(
        "--per-commit", type=int, default=4000, help="events between commits (~2.8 s of fold)"
    )
    parser.add_argument("--tracemalloc", action="store_true")
    parser.add_argument("--profile", action="store_true", help="cProfile; prints the top 25")
    args = parser.parse_args()
    if args.profile:
        profile = cProfile.Profile()
        profile.enable()
    result = run(args.events, args.per_key, args.per_commit, args.tracemalloc)
    if args.profile:
        profile.disable()
        out = io.StringIO()
        pstats.Stats(profile, stream=out).sort_stats("tottime").print_stats(25)
        print(out.getvalue(), file=sys.stderr)
    print(json.dumps(result, indent=1))


if __name__ == "__main__":
    main()
