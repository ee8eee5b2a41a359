"""Small synchronous wrappers over aiokafka for integration tests: produce, read, count."""

import asyncio
from collections.abc import Iterable
from dataclasses import dataclass

from aiokafka import AIOKafkaConsumer, AIOKafkaProducer
from aiokafka.admin import AIOKafkaAdminClient

from streams.kafka.admin import broker_reachable, partitions_at

__all__ = ["broker_reachable"]


@dataclass(frozen=True)
class Record:
    topic: str
    partition: int
    offset: int
    key: bytes | None
    value: bytes | None
    headers: tuple[tuple[str, bytes], ...]


def produce(bootstrap: str, topic: str, messages: Iterable[tuple[bytes | None, bytes]]) -> None:
    async def run() -> None:
        producer = AIOKafkaProducer(bootstrap_servers=bootstrap, acks="all")
        await producer.start()
        try:
            for key, value in messages:
                await producer.send_and_wait(topic, key=key, value=value)
        finally:
            await producer.stop()

    asyncio.run(run())


def produce_with_headers(
    bootstrap: str, topic: str, key: bytes, value: bytes, headers: list[tuple[str, bytes]]
) -> None:
    async def run() -> None:
        producer = AIOKafkaProducer(bootstrap_servers=bootstrap, acks="all")
        await producer.start()
        try:
            await producer.send_and_wait(topic, key=key, value=value, headers=headers)
        finally:
            await producer.stop()

    asyncio.run(run())


def read_all(bootstrap: str, topics: list[str], timeout: float = 10.0) -> list[Record]:
    """Every record currently in the topics, from offset zero up to their end offsets."""

    async def run() -> list[Record]:
        consumer = AIOKafkaConsumer(
            bootstrap_servers=bootstrap, enable_auto_commit=False, auto_offset_reset="earliest"
        )
        await consumer.start()
        try:
            partitions = await partitions_at(bootstrap, topics)
            if not partitions:
                return []
            consumer.assign(partitions)
            await consumer.seek_to_beginning(*partitions)
            ends = await consumer.end_offsets(partitions)
            records: list[Record] = []
            remaining = {tp for tp in partitions if ends[tp] > 0}
            async with asyncio.timeout(timeout):
                while remaining:
                    batch = await consumer.getmany(timeout_ms=500)
                    for tp, messages in batch.items():
                        for m in messages:
                            if m.offset < ends[tp]:
                                records.append(
                                    Record(
                                        m.topic,
                                        m.partition,
                                        m.offset,
                                        m.key,
                                        m.value,
                                        tuple(m.headers or ()),
                                    )
                                )
                        if messages and messages[-1].offset >= ends[tp] - 1:
                            remaining.discard(tp)
            return records
        finally:
            await consumer.stop()

    return asyncio.run(run())


def message_count(bootstrap: str, topics: list[str]) -> int:
    """Sum of end offsets (no compaction or deletion happens in tests, so this counts records)."""

    async def run() -> int:
        consumer = AIOKafkaConsumer(bootstrap_servers=bootstrap, enable_auto_commit=False)
        await consumer.start()
        try:
            partitions = await partitions_at(bootstrap, topics)
            if not partitions:
                return 0
            return sum((await consumer.end_offsets(partitions)).values())
        finally:
            await consumer.stop()

    return asyncio.run(run())


def existing_topics(bootstrap: str) -> set[str]:
    async def run() -> set[str]:
        admin = AIOKafkaAdminClient(bootstrap_servers=bootstrap)
        await admin.start()
        try:
            return set(await admin.list_topics())
        finally:
            await admin.close()

    return asyncio.run(run())


def produce_batch(
    bootstrap: str, topic: str, messages: Iterable[tuple[bytes | None, bytes]]
) -> int:
    """Send every message without waiting for each acknowledgement; then wait for them all."""

    async def run() -> int:
        producer = AIOKafkaProducer(
            bootstrap_servers=bootstrap, acks="all", linger_ms=5, enable_idempotence=True
        )
        await producer.start()
        try:
            pending = [await producer.send(topic, key=k, value=v) for k, v in messages]
            await asyncio.gather(*pending)
            return len(pending)
        finally:
            await producer.stop()

    return asyncio.run(run())


def group_lag(bootstrap: str, group: str, topics: list[str]) -> int:
    """Records in the topics past the group's committed offsets (a missing commit counts all)."""

    async def run() -> int:
        partitions = await partitions_at(bootstrap, topics)
        admin = AIOKafkaAdminClient(bootstrap_servers=bootstrap)
        consumer = AIOKafkaConsumer(bootstrap_servers=bootstrap, enable_auto_commit=False)
        await admin.start()
        await consumer.start()
        try:
            committed = await admin.list_consumer_group_offsets(group)
            ends = await consumer.end_offsets(partitions) if partitions else {}
        finally:
            await consumer.stop()
            await admin.close()
        return sum(
            end - (committed[tp].offset if tp in committed else 0) for tp, end in ends.items()
        )

    return asyncio.run(run())


def topic_config(bootstrap: str, topic: str, key: str) -> str | None:
    """One config value of a topic as the broker reports it."""
    from aiokafka.admin.config_resource import ConfigResource, ConfigResourceType

    async def run() -> str | None:
        admin = AIOKafkaAdminClient(bootstrap_servers=bootstrap)
        await admin.start()
        try:
            [response] = await admin.describe_configs(
                [ConfigResource(ConfigResourceType.TOPIC, topic, {key: None})]
            )
        finally:
            await admin.close()
        for resource in response.resources:
            for entry in resource[4]:  # (name, value, read_only, is_default, sensitive)
                if entry[0] == key:
                    return str(entry[1])
        return None

    return asyncio.run(run())
