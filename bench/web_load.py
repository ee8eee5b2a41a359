"""Open-loop HTTP load at a fixed request rate; p50/p99 latency per URL, as JSON.

Requests are scheduled on a fixed clock (`--rate` per second), whatever the answers do, and
each latency runs from the scheduled moment to the end of the answer, so a slow server is not
hidden by a client that waits for it (no coordinated omission). Run it as its own process, so
that the load generator does not share an interpreter with anything it measures.

    .venv/bin/python bench/web_load.py --rate 200 --seconds 15 URL [URL ...]
"""

import argparse
import asyncio
import json
import sys
import time
from pathlib import Path
from typing import Any

import aiohttp

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.common import percentile


async def load(url: str, rate: float, seconds: float) -> dict[str, Any]:
    latencies: list[float] = []
    errors = 0
    connector = aiohttp.TCPConnector(limit=256)
    timeout = aiohttp.ClientTimeout(total=30)
    async with aiohttp.ClientSession(connector=connector, timeout=timeout) as session:

        async def one(due: float) -> None:
            nonlocal errors
            try:
                async with session.get(url) as response:
                    await response.read()
                    if response.status != 200:
                        errors += 1
            except (aiohttp.ClientError, TimeoutError):
                errors += 1
            latencies.append(time.perf_counter() - due)

        # Warm up, then the service time of one request at a time: what the server needs per
        # request when nothing queues (its ceiling is about 1000 / service_ms requests/s).
        await asyncio.gather(*(one(time.perf_counter()) for _ in range(5)))
        latencies.clear()
        for _ in range(20):
            await one(time.perf_counter())
        service = percentile(latencies, 0.5)
        latencies.clear()
        errors = 0
        total = int(rate * seconds)
        start = time.perf_counter() + 0.05
        tasks = []
        for number in range(total):
            due = start + number / rate
            delay = due - time.perf_counter()
            if delay > 0:
                await asyncio.sleep(delay)
            tasks.append(asyncio.create_task(one(due)))
        await asyncio.gather(*tasks)
        elapsed = time.perf_counter() - start
    return {
        "url": url,
        "requests": total,
        "achieved_rate": total / elapsed,
        "errors": errors,
        "service_ms": service * 1000,
        "p50_ms": percentile(latencies, 0.50) * 1000,
        "p99_ms": percentile(latencies, 0.99) * 1000,
        "max_ms": max(latencies, default=float("nan")) * 1000,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("urls", nargs="+")
    parser.add_argument("--rate", type=float, default=200.0)
    parser.add_argument("--seconds", type=float, default=15.0)
    args = parser.parse_args()
    results = [asyncio.run(load(url, args.rate, args.seconds)) for url in args.urls]
    print(json.dumps(results))


if __name__ == "__main__":
    main()
