"""A minimal Parley consumer: print every talks and strike event as it arrives.

    .venv/bin/python examples/consume.py [bootstrap servers]

Events are JSON (schemas/json/event.json), keyed by process; one consumer group shares the
partitions between its members, and each member sees a process's events in order.
"""

import asyncio
import json
import sys

from aiokafka import AIOKafkaConsumer


async def main(bootstrap: str) -> None:
    consumer = AIOKafkaConsumer(
        "parley.events.talks",
        "parley.events.strike",
        bootstrap_servers=bootstrap,
        group_id="example-consumer",
        auto_offset_reset="earliest",
    )
    await consumer.start()
    try:
        async for message in consumer:
            event = json.loads(message.value)
            # The same event may arrive twice (at-least-once): its id is stable, dedupe on it.
            print(
                f"{event['process']} {event['type']}: {event['sentence']['text']} [{event['id']}]"
            )
    finally:
        await consumer.stop()


if __name__ == "__main__":
    asyncio.run(main(sys.argv[1] if len(sys.argv) > 1 else "127.0.0.1:9092"))
