"""One worker against its ceilings, for several checkouts back to back (issue 17).

Each round runs the two ceilings once (from the first checkout) and then one worker end to end
in every checkout, one after the other, on the same broker and snippets:
`bench/ceiling_inprocess.py`, `bench/ceiling_aiokafka.py` and `bench/e2e.py` (throughput only).
It prints each run's rate, its CPU time per snippet, and its ratios to the ceilings of the same
round, by wall clock and by CPU time. On a shared machine compare within a round, and prefer the
CPU ratios.

    .venv/bin/python bench/worker_ab.py --bootstrap 127.0.0.1:9092 --rounds 3 \
        base=/path/to/base-checkout new=.
"""

import argparse
import json
import os
import subprocess
import sys
import time
from pathlib import Path
from typing import Any


def _run(checkout: Path, *args: str) -> dict[str, Any]:
    done = subprocess.run(
        [sys.executable, *args], cwd=checkout, capture_output=True, text=True, timeout=1800
    )
    if done.returncode:
        raise RuntimeError(f"{' '.join(args)} in {checkout} failed:\n{done.stderr[-3000:]}")
    result: dict[str, Any] = json.loads(done.stdout.strip().splitlines()[-1])
    return result


def _per_snippet_ms(run: dict[str, Any]) -> float:
    return float(1000 * run["cpu_seconds"] / run["snippets"])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--bootstrap", default="127.0.0.1:9092")
    parser.add_argument("--count", type=int, default=2000)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("checkouts", nargs="+", help="label=path of a checkout")
    args = parser.parse_args()
    checkouts = [
        (label, Path(path).resolve()) for label, path in (c.split("=", 1) for c in args.checkouts)
    ]
    count = str(args.count)
    rows = []
    for number in range(args.rounds):
        first = checkouts[0][1]
        inprocess = _run(first, "bench/ceiling_inprocess.py", "--count", count)
        loop = _run(
            first, "bench/ceiling_aiokafka.py", "--bootstrap", args.bootstrap, "--count", count
        )
        print(
            f"round {number} {time.strftime('%H:%M:%S')} load {os.getloadavg()[0]:.1f}: "
            f"(a) in-process {inprocess['snippets_per_second']:.0f}/s, "
            f"{_per_snippet_ms(inprocess):.2f} ms CPU per snippet; "
            f"(b) aiokafka loop {loop['snippets_per_second']:.0f}/s, "
            f"{_per_snippet_ms(loop):.2f} ms",
            flush=True,
        )
        for label, checkout in checkouts:
            e2e = _run(
                checkout,
                "bench/e2e.py",
                "--bootstrap",
                args.bootstrap,
                "--count",
                count,
                "--rate",
                "0",
            )["throughput"]
            row = {
                "round": number,
                "code": label,
                "snippets_per_second": e2e["snippets_per_second"],
                "cpu_ms_per_snippet": _per_snippet_ms(e2e),
                "wall_of_a": e2e["snippets_per_second"] / inprocess["snippets_per_second"],
                "wall_of_b": e2e["snippets_per_second"] / loop["snippets_per_second"],
                "cpu_of_a": inprocess["cpu_seconds"] / e2e["cpu_seconds"],
                "cpu_of_b": loop["cpu_seconds"] / e2e["cpu_seconds"],
            }
            rows.append(row)
            print(
                f"  {label}: {row['snippets_per_second']:.1f} snippets/s, "
                f"{row['cpu_ms_per_snippet']:.2f} ms CPU per snippet; of (a) wall "
                f"{row['wall_of_a']:.2f} CPU {row['cpu_of_a']:.2f}; of (b) wall "
                f"{row['wall_of_b']:.2f} CPU {row['cpu_of_b']:.2f}",
                flush=True,
            )
    print(json.dumps(rows))


if __name__ == "__main__":
    main()
