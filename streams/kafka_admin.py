"""Topic set-up with the Kafka admin API, so producers never rely on broker auto-creation."""

from aiokafka.admin import AIOKafkaAdminClient, NewTopic
from aiokafka.errors import TopicAlreadyExistsError

from schemas.events import EVENT_TYPES
from streams.settings import Settings


def parley_topics(settings: Settings) -> list[str]:
    names = ["snippets", "deadletter", *(f"events.{t}" for t in EVENT_TYPES)]
    return [settings.topic(name) for name in names]


async def ensure_topics(settings: Settings) -> list[str]:
    """Create the missing Parley topics with the configured partitions; returns those created."""
    admin = AIOKafkaAdminClient(bootstrap_servers=settings.kafka_bootstrap_servers)
    await admin.start()
    try:
        existing = set(await admin.list_topics())
        wanted = [name for name in parley_topics(settings) if name not in existing]
        if wanted:
            new = [NewTopic(n, settings.partitions, settings.replication_factor) for n in wanted]
            try:
                await admin.create_topics(new)
            except TopicAlreadyExistsError:
                pass  # a worker created them in the meantime; that is what we wanted
        return wanted
    finally:
        await admin.close()
