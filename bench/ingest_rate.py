"""Ingest rate over HTTP and through `parley publish`, against a running worker (make demo).

    PARLEY_INGEST_TOKEN=... .venv/bin/python bench/ingest_rate.py [--count 2000]

The worker must have been started with the same PARLEY_INGEST_TOKEN. Snippets are generated
fresh (unique texts), so nothing is deduplicated away.
"""

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def _snippets(count: int, tag: str) -> list[dict[str, str]]:
    stamp = time.time_ns()
    return [
        {"text": f"Delegations met in Doha for round {i} ({tag} {stamp}).", "source": "bench"}
        for i in range(count)
    ]


def http_rate(base: str, token: str, count: int, batch: int) -> float:
    items = _snippets(count, "http")
    started = time.perf_counter()
    for at in range(0, count, batch):
        body = "\n".join(json.dumps(s) for s in items[at : at + batch]).encode()
        request = urllib.request.Request(base + "/api/snippets", data=body, method="POST")
        request.add_header("Authorization", f"Bearer {token}")
        with urllib.request.urlopen(request, timeout=60) as response:
            assert response.status == 202
    return count / (time.perf_counter() - started)


def cli_rate(count: int) -> float:
    with tempfile.NamedTemporaryFile("w", suffix=".jsonl", delete=False) as handle:
        handle.write("\n".join(json.dumps(s) for s in _snippets(count, "cli")) + "\n")
    started = time.perf_counter()
    subprocess.run(
        [sys.executable, "-m", "streams.cli", "publish", handle.name],
        cwd=ROOT,
        check=True,
        capture_output=True,
    )
    elapsed = time.perf_counter() - started
    os.unlink(handle.name)
    return count / elapsed


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--count", type=int, default=2000)
    parser.add_argument("--batch", type=int, default=100, help="snippets per HTTP request")
    parser.add_argument("--url", default="http://127.0.0.1:6066")
    args = parser.parse_args()
    token = os.environ.get("PARLEY_INGEST_TOKEN")
    if not token:
        sys.exit("set PARLEY_INGEST_TOKEN (and start the worker with it)")
    http = http_rate(args.url, token, args.count, args.batch)
    single = http_rate(args.url, token, min(args.count, 500), 1)
    cli = cli_rate(args.count)
    print("| path | snippets/s |\n|---|---:|")
    print(f"| HTTP, {args.batch} per request | {http:,.0f} |")
    print(f"| HTTP, 1 per request | {single:,.0f} |")
    print(f"| parley publish (process start included) | {cli:,.0f} |")


if __name__ == "__main__":
    main()
