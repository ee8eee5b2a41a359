"""Profile the worker's hot path without Kafka or Faust: what each message costs, and where.

The path mirrors the two agents: a snippet is decoded, extracted and its events encoded; each
event is decoded and folded into every table. The fold runs three ways, in the same process on
the same events, and all three must end with identical table bytes: decoding each value on
every event (the agent up to de1d81a), keeping the decoded value beside its bytes but encoding
after every event (up to 1d34d6a), and encoding each changed key once per commit (since).
Tables are plain dicts here, so what is left is the cost of Parley's own code per message;
Faust's per-message cost is what the end-to-end figure adds on top.

    .venv/bin/python bench/profile_hot_path.py --count 3000 [--top 15]
"""

import argparse
import cProfile
import io
import json
import pstats
import sys
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.common import MemoryTables, read_snippet, snippets
from streams import codec
from streams.core.fold.folds import FOLDS


def classify_stage(raw_snippets: list[bytes]) -> list[bytes]:
    return [value for raw in raw_snippets for _, _, value in read_snippet(raw)]


# Events folded between two commits: about 2.8 s (Faust's commit interval) at ~1,800 events/s.
EVENTS_PER_COMMIT = 5000


def fold_stage(raw_events: list[bytes], mode: str = "decode") -> dict[str, dict[str, bytes]]:
    """The fold agent's work, in one of the three ways the agent has done it:

    - "decode": decode the stored value on every event and encode the new one (up to de1d81a);
    - "cached": keep each decoded value beside the bytes it came from, encode every event;
    - "commit": keep the state unencoded and encode each changed key once per commit
      (`codec.TableEntry`, encoded when its changelog record goes out; since 1d34d6a).
    """
    if mode == "commit":
        memory = MemoryTables()
        for number, raw in enumerate(raw_events, start=1):
            memory.fold(raw)
            if number % EVENTS_PER_COMMIT == 0:
                memory.commit()
        memory.commit()
        return memory.tables
    tables: dict[str, dict[str, bytes]] = {fold.name: {} for fold in FOLDS}
    decoded: dict[tuple[str, str], tuple[bytes, Any]] = {}
    for raw in raw_events:
        event = codec.decode_event(raw)
        for fold in FOLDS:
            slot = (fold.name, event.process)
            stored = tables[fold.name].get(event.process)
            memo = decoded.get(slot) if mode == "cached" else None
            if memo is not None and memo[0] is stored:
                state = memo[1]
            elif stored:
                state = codec.decode_state(stored, fold.state_type)
            else:
                state = fold.initial(event.process)
            updated = fold.evolve(state, event)
            encoded = codec.encode_state(updated)
            tables[fold.name][event.process] = encoded
            if mode == "cached":
                decoded[slot] = (encoded, updated)
    return tables


def _top(profile: cProfile.Profile, top: int) -> list[dict[str, Any]]:
    stats = pstats.Stats(profile, stream=io.StringIO())
    rows = []
    for (filename, line, name), (_, calls, own, cumulative, _) in stats.stats.items():  # type: ignore[attr-defined]
        short = filename.replace(str(Path(__file__).resolve().parents[1]) + "/", "")
        if "site-packages/" in short:
            short = short.split("site-packages/", 1)[1]
        rows.append(
            {
                "function": f"{short}:{line}({name})",
                "calls": calls,
                "own_s": own,
                "cumulative_s": cumulative,
            }
        )
    rows.sort(key=lambda row: row["own_s"], reverse=True)
    return rows[:top]


def run(total: int, top: int) -> dict[str, Any]:
    raw_snippets = [value for _, value in snippets(total, "profile")]
    started = time.perf_counter()
    raw_events = classify_stage(raw_snippets)
    classify_seconds = time.perf_counter() - started
    rates = {}
    results = {}
    for mode in ("decode", "cached", "commit"):
        started = time.perf_counter()
        results[mode] = fold_stage(raw_events, mode)
        rates[mode] = len(raw_events) / (time.perf_counter() - started)
    tables = results["decode"]
    for mode in ("cached", "commit"):
        assert results[mode] == tables, f"{mode}: the final table bytes must be identical"
    fold_seconds = len(raw_events) / rates["commit"]
    value_bytes = [len(v) for table in tables.values() for v in table.values()]
    profiles = {}
    for name, mode in (("before", "cached"), ("after", "commit")):
        profile = profiles[name] = cProfile.Profile()
        profile.enable()
        fold_stage(raw_events[: min(len(raw_events), 3000)], mode)
        classify_stage(raw_snippets[: min(len(raw_snippets), 1500)])
        profile.disable()
    return {
        "snippets": total,
        "events": len(raw_events),
        "classify_snippets_per_second": total / classify_seconds,
        "fold_events_per_second": rates["decode"],
        "fold_cached_events_per_second": rates["cached"],
        "fold_commit_events_per_second": rates["commit"],
        "events_per_commit": EVENTS_PER_COMMIT,
        "fold_share": fold_seconds / (fold_seconds + classify_seconds),
        "largest_value_bytes": max(value_bytes, default=0),
        "mean_value_bytes": sum(value_bytes) / max(1, len(value_bytes)),
        "top": _top(profiles["after"], top),
        "top_before": _top(profiles["before"], top),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--count", type=int, default=3000)
    parser.add_argument("--top", type=int, default=15)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    result = run(args.count, args.top)
    if args.json:
        print(json.dumps(result))
        return
    print(
        f"{result['snippets']} snippets, {result['events']} events: classify "
        f"{result['classify_snippets_per_second']:,.0f} snippets/s, fold "
        f"{result['fold_events_per_second']:,.0f} events/s (fold {result['fold_share']:.0%} "
        f"of the time); table values up to {result['largest_value_bytes']:,} bytes; fold with "
        f"decoded values cached {result['fold_cached_events_per_second']:,.0f} events/s; encoded "
        f"once per commit {result['fold_commit_events_per_second']:,.0f} events/s\n"
    )
    print("| function (after) | calls | own s | cumulative s |\n|---|---:|---:|---:|")
    for row in result["top"]:
        print(
            f"| `{row['function']}` | {row['calls']:,} | {row['own_s']:.3f} "
            f"| {row['cumulative_s']:.3f} |"
        )


if __name__ == "__main__":
    main()
