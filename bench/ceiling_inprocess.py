"""Ceiling (a): the worker's own work in one plain Python process, without Kafka or Faust.

The same snippets as the end-to-end bench go through the same core, batch by batch: each
snippet is decoded, extracted and its events encoded (the classify agent); each event is then
decoded and folded into every table, and each key a batch changed is encoded once at the end
of the batch (the fold agent, which encodes a changed key once per commit). Five warm-up
snippets load the lexicons first, as the worker has done before the end-to-end clock starts.

    .venv/bin/python bench/ceiling_inprocess.py --count 2000 [--batch 1000]
"""

import argparse
import json
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.common import MemoryTables, read_snippet, snippets, use_shipped_typer


def run(count: int, batch: int) -> dict[str, float]:
    for _, value in snippets(5, "warm"):
        read_snippet(value)
    raw = [value for _, value in snippets(count, "inprocess")]
    tables = MemoryTables()
    read_seconds = fold_seconds = 0.0
    cpu_started = time.process_time()
    for start in range(0, count, batch):
        began = time.perf_counter()
        batch_events = [read_snippet(snippet) for snippet in raw[start : start + batch]]
        events = [value for found in batch_events for *_, value in found]
        read_done = time.perf_counter()
        for event in events:
            tables.fold(event)
        tables.commit()
        read_seconds += read_done - began
        fold_seconds += time.perf_counter() - read_done
    seconds = read_seconds + fold_seconds
    cpu_seconds = time.process_time() - cpu_started
    return {
        "snippets": count,
        "events": tables.events,
        "seconds": seconds,
        "cpu_seconds": cpu_seconds,
        "snippets_per_second": count / seconds,
        "events_per_second": tables.events / seconds,
        "read_snippets_per_second": count / read_seconds,
        "fold_events_per_second": tables.events / fold_seconds,
    }


def main() -> None:
    use_shipped_typer()
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--count", type=int, default=2000)
    parser.add_argument("--batch", type=int, default=1000, help="snippets per commit")
    args = parser.parse_args()
    print(json.dumps(run(args.count, args.batch)))


if __name__ == "__main__":
    main()
