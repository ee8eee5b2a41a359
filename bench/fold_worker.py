"""The folding worker at many keys (issue 17): one `parley worker` folds `--events` events made
as `bench/recovery.py` makes them (`--per-key` per process), and this reports its fold rate per
window, its peak RSS, and the commit runtimes the worker logged ("Timer commit is overlapping").

    .venv/bin/python bench/fold_worker.py --bootstrap 127.0.0.1:39492 --events 200000 --per-key 200

With `--py-spy SECONDS`, py-spy records the worker for that long from the middle of the fold
(a flame graph in .run/bench/, if py-spy is installed in the venv).
"""

import argparse
import asyncio
import json
import re
import shutil
import subprocess
import sys
import tempfile
import time
import uuid
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.common import EVENT_TYPES, RUN_DIR, Worker, create_topics, lag, produce_records
from bench.recovery import _folded, make_events

OVERLAP = re.compile(r"Timer commit is overlapping \(interval=([\d.]+) runtime=([\d.]+)\)")


def memory_kb(pid: int, field: str) -> int:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith(field + ":"):
            return int(line.split()[1])
    return 0


def run(bootstrap: str, total: int, per_key: int, spy: float, extra_env: dict[str, str]) -> Any:
    app = f"bench-fw-{uuid.uuid4().hex[:8]}"
    data = Path(tempfile.mkdtemp(prefix="parley-fold-worker-"))
    worker = Worker(bootstrap, app, app, data / "folder", extra_env=extra_env)
    result: dict[str, Any] = {"events": total, "keys": max(1, total // per_key), **extra_env}
    try:
        asyncio.run(create_topics(bootstrap, [f"{app}.events.{t}" for t in EVENT_TYPES], 4))
        records = (
            (f"{app}.events.{k}", key, v) for k, key, v in make_events(total, per_key, app[-8:])
        )
        asyncio.run(produce_records(bootstrap, records))
        worker.start(timeout=120)
        assert worker.process is not None
        pid = worker.process.pid
        started, cpu_started = time.perf_counter(), worker.cpu_seconds()
        windows, mark, last_folded, last_time = [], total // 10, 0, started
        spied = None
        while lag([worker]) > 0:
            if not worker.alive():
                raise RuntimeError(worker.log_tail())
            folded = _folded(worker)
            now = time.perf_counter()
            if spy and spied is None and folded >= total // 2:
                out = RUN_DIR / f"py-spy-{app}.svg"
                spied = subprocess.Popen(
                    [
                        str(Path(sys.executable).parent / "py-spy"),
                        "record",
                        "-p",
                        str(pid),
                        "-d",
                        str(int(spy)),
                        "-o",
                        str(out),
                        "--nonblocking",
                    ],
                    stdout=subprocess.DEVNULL,
                    stderr=subprocess.STDOUT,
                )
                result["py_spy"] = str(out)
            if folded >= mark:
                windows.append(
                    {
                        "folded": folded,
                        "events_per_s": round((folded - last_folded) / (now - last_time)),
                        "rss_mb": memory_kb(pid, "VmRSS") // 1024,
                    }
                )
                print(json.dumps(windows[-1]), file=sys.stderr, flush=True)
                last_folded, last_time, mark = folded, now, mark + total // 10
            time.sleep(0.5)
        result["fold_seconds"] = round(time.perf_counter() - started, 1)
        result["events_per_s"] = round(total / result["fold_seconds"])
        result["worker_cpu_ms_per_event"] = round(
            1000 * (worker.cpu_seconds() - cpu_started) / total, 2
        )
        result["peak_rss_mb"] = memory_kb(pid, "VmHWM") // 1024
        result["windows"] = windows
        if spied is not None:
            spied.wait(timeout=spy + 60)
    finally:
        worker.stop()
        shutil.rmtree(data, ignore_errors=True)
    log = worker.log_path.read_text("utf-8", "replace") if worker.log_path else ""
    runtimes = [float(m.group(2)) for m in OVERLAP.finditer(log)]
    result["commit_overlaps"] = len(runtimes)
    result["commit_runtime_max_s"] = max(runtimes, default=0.0)
    result["commit_runtime_median_s"] = sorted(runtimes)[len(runtimes) // 2] if runtimes else 0.0
    result["keepalive_warnings"] = log.count("keepalive is not responding")
    result["log"] = str(worker.log_path)
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--bootstrap", default="127.0.0.1:9092")
    parser.add_argument("--events", type=int, default=100_000)
    parser.add_argument("--per-key", type=int, default=200)
    parser.add_argument("--py-spy", type=float, default=0.0, help="seconds to record")
    parser.add_argument("--env", action="append", default=[], help="NAME=VALUE for the worker")
    args = parser.parse_args()
    extra = dict(item.split("=", 1) for item in args.env)
    print(json.dumps(run(args.bootstrap, args.events, args.per_key, args.py_spy, extra)))


if __name__ == "__main__":
    main()
