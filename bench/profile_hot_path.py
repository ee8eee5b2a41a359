"""Profile the worker's hot path without Kafka or Faust: what each message costs, and where.

The path mirrors the two agents: a snippet is decoded, extracted and its events encoded; each
event is decoded and folded into every table, whose value is encoded to bytes after the fold
(the tables hold bytes). "Before" decodes the value from bytes on every event, as the fold agent
did up to commit de1d81a; "after" keeps each decoded value beside the bytes it was encoded to,
as the agent has done since (streams/agents.py, DecodedStates). Both run in the same process on
the same events, and must give identical table bytes. Tables are plain dicts here, so what is
left is the cost of Parley's own code per message; Faust's per-message cost is what the
end-to-end figure adds on top.

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

from bench.common import snippets
from streams import codec
from streams.core.extract import extract_events
from streams.core.folds import FOLDS


def classify_stage(raw_snippets: list[bytes]) -> list[bytes]:
    out: list[bytes] = []
    for raw in raw_snippets:
        snippet = codec.decode_snippet(raw)
        out.extend(codec.encode_event(event) for event in extract_events(snippet))
    return out


def fold_stage(raw_events: list[bytes], cached: bool = False) -> dict[str, dict[str, bytes]]:
    """The fold agent's work; `cached` keeps each decoded value beside the bytes it came from.

    With `cached`, a value is decoded only when the table holds bytes this process did not
    write itself (after a recovery or a rebalance): the change proposed in docs/benchmarks.md.
    """
    tables: dict[str, dict[str, bytes]] = {fold.name: {} for fold in FOLDS}
    decoded: dict[tuple[str, str], tuple[bytes, Any]] = {}
    for raw in raw_events:
        event = codec.decode_event(raw)
        for fold in FOLDS:
            stored = tables[fold.name].get(event.process)
            memo = decoded.get((fold.name, event.process)) if cached else None
            if memo is not None and memo[0] is stored:
                state = memo[1]
            elif stored:
                state = codec.decode_state(stored, fold.state_type)
            else:
                state = fold.initial(event.process)
            updated = fold.evolve(state, event)
            encoded = codec.encode_state(updated)
            tables[fold.name][event.process] = encoded
            if cached:
                decoded[(fold.name, event.process)] = (encoded, updated)
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
    started = time.perf_counter()
    tables = fold_stage(raw_events)
    fold_seconds = time.perf_counter() - started
    started = time.perf_counter()
    cached_tables = fold_stage(raw_events, cached=True)
    cached_seconds = time.perf_counter() - started
    assert cached_tables == tables, "the cache must not change a single value"
    value_bytes = [len(v) for table in tables.values() for v in table.values()]
    profiles = {}
    for name, cached in (("before", False), ("after", True)):
        profile = profiles[name] = cProfile.Profile()
        profile.enable()
        fold_stage(raw_events[: min(len(raw_events), 3000)], cached=cached)
        classify_stage(raw_snippets[: min(len(raw_snippets), 1500)])
        profile.disable()
    return {
        "snippets": total,
        "events": len(raw_events),
        "classify_snippets_per_second": total / classify_seconds,
        "fold_events_per_second": len(raw_events) / fold_seconds,
        "fold_cached_events_per_second": len(raw_events) / cached_seconds,
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
        f"decoded values cached {result['fold_cached_events_per_second']:,.0f} events/s\n"
    )
    print("| function (after) | calls | own s | cumulative s |\n|---|---:|---:|---:|")
    for row in result["top"]:
        print(
            f"| `{row['function']}` | {row['calls']:,} | {row['own_s']:.3f} "
            f"| {row['cumulative_s']:.3f} |"
        )


if __name__ == "__main__":
    main()
