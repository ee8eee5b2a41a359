"""The ceiling: an aiokafka consumer that copies snippets unchanged to another topic.

Batched as well as plain aiokafka allows: getmany() of up to 10,000 records, every send of a
batch in flight at once, one wait for all acknowledgements, then one commit per batch.

    .venv/bin/python bench/raw_passthrough.py --bootstrap 127.0.0.1:9092 --count 20000
"""

import asyncio
import sys
import time
import uuid
from pathlib import Path

from aiokafka import AIOKafkaConsumer, AIOKafkaProducer

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.common import broker_bench_main, create_topics, end_offsets, produce_all, snippets


async def passthrough(bootstrap: str, source: str, target: str, expected: int) -> float:
    """Copy `expected` records; seconds from the first record read to the last acknowledged."""
    consumer = AIOKafkaConsumer(
        source,
        bootstrap_servers=bootstrap,
        group_id=f"raw-{uuid.uuid4().hex[:8]}",
        auto_offset_reset="earliest",
        enable_auto_commit=False,
        max_partition_fetch_bytes=8 * 1024 * 1024,
        fetch_max_bytes=64 * 1024 * 1024,
    )
    producer = AIOKafkaProducer(
        bootstrap_servers=bootstrap, acks="all", linger_ms=5, max_batch_size=512 * 1024
    )
    await consumer.start()
    await producer.start()
    copied = 0
    started = 0.0
    try:
        while copied < expected:
            batch = await consumer.getmany(timeout_ms=200, max_records=10_000)
            if not batch:
                continue
            if not started:
                started = time.perf_counter()
            pending = []
            for messages in batch.values():
                for m in messages:
                    pending.append(await producer.send(target, key=m.key, value=m.value))
            await asyncio.gather(*pending)
            await consumer.commit()
            copied += len(pending)
        return time.perf_counter() - started
    finally:
        await producer.stop()
        await consumer.stop()


async def run(bootstrap: str, count: int, partitions: int) -> dict[str, float]:
    tag = f"raw-{uuid.uuid4().hex[:8]}"
    source, target = f"{tag}.snippets", f"{tag}.copy"
    await create_topics(bootstrap, [source, target], partitions)
    messages = snippets(count, tag)
    await produce_all(bootstrap, source, messages)
    seconds = await passthrough(bootstrap, source, target, count)
    assert await end_offsets(bootstrap, [target]) >= count
    size = sum(len(v) for _, v in messages) / count
    return {"snippets": count, "seconds": seconds, "per_second": count / seconds, "bytes": size}


def main() -> None:
    broker_bench_main(__doc__, run, default_count=20_000)


if __name__ == "__main__":
    main()
