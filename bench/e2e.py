"""Parley end to end: snippets in, events out on per-type topics, tables updated.

Throughput: `--count` snippets are produced as one burst to a fresh app's snippets topic while
its worker(s) run; the clock runs from the first send until every snippet is handled and every
event in Kafka is folded (the workers' /api/health counters against the topics' end offsets).

Latency: snippets are produced at a fixed `--rate`; a consumer of every event topic notes when
each event arrives, and the latency of an event is that moment minus its snippet's send time.

    .venv/bin/python bench/e2e.py --bootstrap 127.0.0.1:9092 --count 5000 --workers 1
"""

import argparse
import asyncio
import json
import sys
import tempfile
import time
import uuid
from pathlib import Path
from typing import Any

import orjson
from aiokafka import AIOKafkaConsumer, AIOKafkaProducer, TopicPartition

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.common import (
    EVENT_TYPES,
    Worker,
    count,
    create_topics,
    folded_all,
    lag,
    percentile,
    produce_all,
    progress,
    since_baseline,
    snippets,
)


def new_app(bootstrap: str, workers: int, data: Path, **options: Any) -> list[Worker]:
    uid = uuid.uuid4().hex[:8]
    return [
        Worker(bootstrap, f"bench-{uid}", f"bench-{uid}", data / f"w{n}", **options)
        for n in range(workers)
    ]


def start_group(group: list[Worker]) -> None:
    for worker in group:
        worker.start(wait=False)
    for worker in group:
        worker.wait_ready()
    # A member that joins later rebalances the others: wait until every one holds partitions.
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        healths = [w.health() for w in group]
        if all(h.get("status") == "ready" and h.get("assigned_partitions") for h in healths):
            return
        time.sleep(0.2)
    raise RuntimeError("workers did not all get partitions")


def warm_up(group: list[Worker], restarts: int = 2) -> int:
    """A few snippets through the whole path before anything is timed; the restarts it took.

    On a fresh app the fold agent can crash on its first event with PartitionsMismatch: the
    `folded_events` changelog topic is created by Faust after the consumer read its metadata,
    and aiokafka only refreshes that metadata minutes later (docs/benchmarks.md, bugs). A
    restart finds the topic at once, so a group that does not drain is restarted.
    """
    for attempt in range(restarts + 1):
        messages = snippets(5, f"{group[0].app_id}-warm{attempt}")
        asyncio.run(produce_all(group[0].bootstrap, group[0].topic("snippets"), messages))
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            if lag(group) == 0:
                return attempt
            time.sleep(0.5)
        for worker in group:
            worker.stop()
        start_group(group)
    raise RuntimeError("the workers do not drain a warm-up:\n" + group[0].log_tail())


def throughput(group: list[Worker], total: int) -> dict[str, float]:
    """The burst: seconds from the first send until every event is folded into the tables
    (the workers' counters), with when the first event was folded and when the last snippet
    was read, and until the group's offsets are committed (the changelog records of the
    state acknowledged before them, `streams.kafka.changelog`)."""
    bootstrap = group[0].bootstrap
    restarts = warm_up(group)
    since = progress(group, bootstrap)
    messages = snippets(total, group[0].app_id)
    cpu_before = sum(w.cpu_seconds() for w in group)
    started = time.perf_counter()
    asyncio.run(produce_all(bootstrap, group[0].topic("snippets"), messages))
    produced = time.perf_counter() - started
    deadline = time.monotonic() + max(600.0, total / 5)
    first_folded = classified = None
    while True:
        new = since_baseline(progress(group, bootstrap), since)
        now = time.perf_counter() - started
        if first_folded is None and new["folded"] > 0:
            first_folded = now
        if classified is None and new["handled"] >= total:
            classified = now
        if folded_all(new, total):
            break
        if time.monotonic() > deadline or not all(w.alive() for w in group):
            raise RuntimeError("workers did not finish:\n" + group[0].log_tail())
        time.sleep(0.2)
    seconds = time.perf_counter() - started
    cpu_seconds = sum(w.cpu_seconds() for w in group) - cpu_before
    events = count(bootstrap, [group[0].topic(f"events.{t}") for t in EVENT_TYPES])
    events -= since["in_kafka"]
    while lag(group) > 0 and time.monotonic() < deadline:
        time.sleep(0.2)
    committed = time.perf_counter() - started
    return {
        "workers": len(group),
        "warm_up_restarts": restarts,
        "snippets": total,
        "events": events,
        "seconds": seconds,
        "cpu_seconds": cpu_seconds,
        "produce_seconds": produced,
        "snippets_per_second": total / seconds,
        "events_per_second": events / seconds,
        "first_folded_seconds": first_folded if first_folded is not None else seconds,
        "classified_seconds": classified if classified is not None else seconds,
        "committed_seconds": committed,
    }


async def _folded_after(worker: Worker, since: dict[str, int], start: float) -> float:
    """Seconds from `start` until every event in Kafka since `since` is folded."""
    while True:
        new = since_baseline(await asyncio.to_thread(progress, [worker], worker.bootstrap), since)
        if new["in_kafka"] > 0 and new["folded"] >= new["in_kafka"]:
            return time.perf_counter() - start
        await asyncio.sleep(0.1)


async def _latency(worker: Worker, rate: float, seconds: float) -> dict[str, float]:
    """Snippets at `rate`: each event's latency to its topic, and how long after the last
    send the worker had folded every event (near 0 when it keeps up with its fold too)."""
    bootstrap = worker.bootstrap
    since = await asyncio.to_thread(progress, [worker], bootstrap)
    topics = [worker.topic(f"events.{t}") for t in EVENT_TYPES]
    consumer = AIOKafkaConsumer(
        bootstrap_servers=bootstrap, enable_auto_commit=False, fetch_max_wait_ms=5
    )
    producer = AIOKafkaProducer(bootstrap_servers=bootstrap, acks="all", linger_ms=0)
    await consumer.start()
    await producer.start()
    sent_at: dict[str, float] = {}
    latencies: list[float] = []
    total = int(rate * seconds)
    messages = snippets(total, f"{worker.app_id}-lat")
    try:
        partitions = [
            TopicPartition(topic, p) for topic in topics for p in range(worker.partitions)
        ]
        consumer.assign(partitions)
        await consumer.seek_to_end(*partitions)
        for tp in partitions:
            await consumer.position(tp)

        async def send() -> None:
            start = time.perf_counter()
            for number, (key, value) in enumerate(messages):
                due = start + number / rate
                delay = due - time.perf_counter()
                if delay > 0:
                    await asyncio.sleep(delay)
                sent_at[key.decode()] = time.perf_counter()
                await producer.send(worker.topic("snippets"), key=key, value=value)

        sender = asyncio.create_task(send())
        drained: asyncio.Task[float] | None = None
        quiet_since = None
        while True:
            batch = await consumer.getmany(timeout_ms=100)
            now = time.perf_counter()
            for records in batch.values():
                for record in records:
                    snippet_id = orjson.loads(record.value or b"{}").get("snippet_id")
                    if snippet_id in sent_at:
                        latencies.append(now - sent_at[snippet_id])
            if sender.done() and drained is None:
                drained = asyncio.create_task(_folded_after(worker, since, time.perf_counter()))
            if batch:
                quiet_since = None
            elif sender.done():
                quiet_since = quiet_since or now
                if now - quiet_since > 3.0:
                    break
        await sender
        fold_drain = await asyncio.wait_for(drained, 600) if drained else float("nan")
    finally:
        await producer.stop()
        await consumer.stop()
    return {
        "rate": rate,
        "snippets": total,
        "events": len(latencies),
        "p50_ms": percentile(latencies, 0.50) * 1000,
        "p99_ms": percentile(latencies, 0.99) * 1000,
        "max_ms": max(latencies, default=float("nan")) * 1000,
        "folded_after_last_send_ms": fold_drain * 1000,
    }


def latency(worker: Worker, rate: float, seconds: float) -> dict[str, float]:
    return asyncio.run(_latency(worker, rate, seconds))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--bootstrap", default="127.0.0.1:9092")
    parser.add_argument("--count", type=int, default=5000)
    parser.add_argument("--workers", type=int, default=1)
    parser.add_argument(
        "--rate", type=float, default=50.0, help="snippets/s for latency (0: no latency run)"
    )
    parser.add_argument(
        "--half-rate", action="store_true", help="latency at half the burst's rate (make bench's)"
    )
    parser.add_argument("--seconds", type=float, default=20.0, help="latency run length")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="parley-bench-") as data:
        group = new_app(args.bootstrap, args.workers, Path(data))
        asyncio.run(create_topics(args.bootstrap, [group[0].topic("snippets")], 4))
        start_group(group)
        try:
            result: dict[str, Any] = {"throughput": throughput(group, args.count)}
            if args.half_rate:
                args.rate = max(1.0, round(result["throughput"]["snippets_per_second"] / 2))
            if args.rate > 0:
                result["latency"] = latency(group[0], args.rate, args.seconds)
        finally:
            for worker in group:
                worker.stop()
    print(json.dumps(result))


if __name__ == "__main__":
    main()
