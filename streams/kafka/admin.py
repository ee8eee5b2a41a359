"""Topic set-up and look-ups with the Kafka admin API (no reliance on broker auto-creation)."""

import asyncio
import contextlib
import socket

from aiokafka import TopicPartition
from aiokafka.admin import AIOKafkaAdminClient, NewTopic
from aiokafka.errors import TopicAlreadyExistsError

from schemas.events import EVENT_TYPES
from streams.settings import Settings


async def _until_visible(admin: AIOKafkaAdminClient, names: set[str], timeout: float = 30) -> None:
    # Creation returns before every broker's metadata lists the topic; a consumer that
    # subscribes in between ignores the topic until its next metadata refresh.
    async with asyncio.timeout(timeout):
        while not names <= set(await admin.list_topics()):
            await asyncio.sleep(0.2)


def parley_topics(settings: Settings) -> list[str]:
    names = ["snippets", "deadletter", *(f"events.{t}" for t in EVENT_TYPES)]
    return [settings.topic(name) for name in names]


def log_topic_config(settings: Settings) -> dict[str, str]:
    """Configs of the topics Parley owns: the log is kept (the broker's default would delete
    events after days, 24 h on `scripts/kafka`, and replay and `?as_of=` read them)."""
    return {"retention.ms": str(settings.event_retention_ms)}


async def ensure_topics(
    settings: Settings, changelogs: dict[str, dict[str, str]] | None = None
) -> list[str]:
    """Create the missing Parley topics (and table changelogs, with their configs); returns
    those created.

    Faust would create the changelogs itself, but after its consumer has read the metadata:
    the fold agent then failed with PartitionsMismatch until the next refresh, minutes later.
    """
    admin = AIOKafkaAdminClient(bootstrap_servers=settings.kafka_bootstrap_servers)
    await admin.start()
    try:
        existing = set(await admin.list_topics())
        configs = {name: log_topic_config(settings) for name in parley_topics(settings)}
        configs |= changelogs or {}
        wanted = [name for name in configs if name not in existing]
        if wanted:
            new = [
                NewTopic(
                    name,
                    settings.partitions,
                    settings.replication_factor,
                    topic_configs=configs[name],
                )
                for name in wanted
            ]
            # A worker may have created them in the meantime; that is what we wanted.
            with contextlib.suppress(TopicAlreadyExistsError):
                await admin.create_topics(new)
            await _until_visible(admin, set(wanted))
        return wanted
    finally:
        await admin.close()


async def topic_partitions(settings: Settings, topics: list[str]) -> list[TopicPartition]:
    """Every partition of the topics that exist; a consumer only knows topics it subscribed to."""
    return await partitions_at(settings.kafka_bootstrap_servers, topics)


async def partitions_at(bootstrap: str, topics: list[str]) -> list[TopicPartition]:
    """`topic_partitions` for a broker address rather than the worker's settings."""
    admin = AIOKafkaAdminClient(bootstrap_servers=bootstrap)
    await admin.start()
    try:
        return await partitions_of(admin, topics)
    finally:
        await admin.close()


async def partitions_of(admin: AIOKafkaAdminClient, topics: list[str]) -> list[TopicPartition]:
    """`partitions_at` with an admin client already started."""
    described = await admin.describe_topics(topics)
    return [
        TopicPartition(item["topic"], part["partition"])
        for item in described
        if item["error_code"] == 0
        for part in sorted(item["partitions"], key=lambda p: p["partition"])
    ]


def broker_reachable(address: str) -> bool:
    """Whether the first broker of a bootstrap list accepts a TCP connection."""
    host, _, port = address.split(",")[0].rpartition(":")
    try:
        with socket.create_connection((host, int(port)), timeout=3):
            return True
    except OSError:
        return False
