"""Worker and broker health for the operator: lag, recovery, dead letters, events per type."""

import asyncio
import os
import platform
import socket
import threading
import time
from collections.abc import Coroutine
from typing import Any, TypeVar

import aiokafka
import faust
from aiokafka import AIOKafkaConsumer
from aiokafka.admin import AIOKafkaAdminClient

from schemas.events import EVENT_TYPES
from streams import loop_lag
from streams.kafka.admin import parley_topics, partitions_of
from streams.settings import Settings

STARTED = time.time()
T = TypeVar("T")


def _tp_name(tp: Any) -> str:
    return f"{tp.topic}[{tp.partition}]"


class _Clients:
    """One admin client and one unassigned consumer, kept between health requests."""

    def __init__(self) -> None:
        self.admin: AIOKafkaAdminClient | None = None
        self.consumer: AIOKafkaConsumer | None = None
        self.lock = asyncio.Lock()

    async def get(self, settings: Settings) -> tuple[AIOKafkaAdminClient, AIOKafkaConsumer]:
        if self.admin is None or self.consumer is None:
            admin = AIOKafkaAdminClient(bootstrap_servers=settings.kafka_bootstrap_servers)
            consumer = AIOKafkaConsumer(
                bootstrap_servers=settings.kafka_bootstrap_servers, enable_auto_commit=False
            )
            await asyncio.gather(admin.start(), consumer.start())
            self.admin, self.consumer = admin, consumer
        return self.admin, self.consumer

    async def reset(self) -> None:
        admin, consumer = self.admin, self.consumer
        self.admin = self.consumer = None
        closing = [c.close() for c in (admin,) if c] + [c.stop() for c in (consumer,) if c]
        await asyncio.gather(*closing, return_exceptions=True)


_clients = _Clients()


class OffLoop:
    """A thread with its own event loop, for the broker report.

    The report decodes offsets of every partition of the app (changelogs included) and holds
    whatever loop runs it for about 0.15 s: on the worker's loop that was the p99 of every
    page. Its clients are bound to this loop and kept between reports.
    """

    def __init__(self) -> None:
        self.loop: asyncio.AbstractEventLoop | None = None
        self.started = threading.Lock()

    def _loop(self) -> asyncio.AbstractEventLoop:
        with self.started:
            if self.loop is None:
                self.loop = asyncio.new_event_loop()
                thread = threading.Thread(
                    target=self.loop.run_forever, name="parley-broker-report", daemon=True
                )
                thread.start()
            return self.loop

    async def run(self, work: Coroutine[Any, Any, T]) -> T:
        """Runs `work` on the thread's loop; the caller's loop waits without being held."""
        future = asyncio.run_coroutine_threadsafe(work, self._loop())
        return await asyncio.wrap_future(future)


off_loop = OffLoop()


async def kafka_report(settings: Settings, group: str) -> dict[str, Any]:
    """Offsets and lag of the worker's consumer group, dead letters and events per type."""
    topics = parley_topics(settings)
    async with _clients.lock:
        admin, consumer = await _clients.get(settings)
        try:
            partitions = await partitions_of(admin, topics)
            cluster, committed, ends, starts = await asyncio.gather(
                admin.describe_cluster(),
                admin.list_consumer_group_offsets(group),
                consumer.end_offsets(partitions),
                consumer.beginning_offsets(partitions),
            )
        except Exception:
            await _clients.reset()  # start afresh next time, e.g. after a broker restart
            raise
    consumed = {settings.topic("snippets"), *(settings.topic(f"events.{t}") for t in EVENT_TYPES)}
    lag = []
    for tp in sorted(partitions):
        if tp.topic not in consumed:
            continue
        end = ends.get(tp, 0)
        done = committed.get(tp)
        position = done.offset if done is not None and done.offset >= 0 else starts.get(tp, 0)
        lag.append(
            {
                "topic": tp.topic,
                "partition": tp.partition,
                "end_offset": end,
                "committed": done.offset if done is not None else None,
                "lag": max(0, end - position),
            }
        )

    def records(topic: str) -> int:
        return sum(ends.get(tp, 0) - starts.get(tp, 0) for tp in partitions if tp.topic == topic)

    brokers = [
        {"node_id": b.get("node_id"), "host": b.get("host"), "port": b.get("port")}
        for b in cluster.get("brokers", [])
    ]
    return {
        "group": group,
        "lag": lag,
        "total_lag": sum(item["lag"] for item in lag),
        "deadletters": records(settings.topic("deadletter")),
        "snippets": records(settings.topic("snippets")),
        "events_per_type": {t: records(settings.topic(f"events.{t}")) for t in EVENT_TYPES},
        "broker": {
            "bootstrap_servers": settings.kafka_bootstrap_servers,
            "cluster_id": cluster.get("cluster_id"),
            "controller_id": cluster.get("controller_id"),
            "brokers": brokers,
        },
    }


def tables_report(app: Any, tables: dict[str, Any]) -> dict[str, Any]:
    """Recovery state of the worker's tables and the changelog partitions it holds."""
    recovery = app.tables.recovery
    actives = {tp for tp in getattr(recovery, "active_tps", set())}
    standbys = {tp for tp in getattr(recovery, "standby_tps", set())}
    per_table = []
    for name, table in sorted(tables.items()):
        changelog = table.changelog_topic.get_topic_name()
        per_table.append(
            {
                "table": name,
                "changelog": changelog,
                "keys_here": len(table),
                "active_partitions": sorted(
                    tp.partition for tp in actives if tp.topic == changelog
                ),
                "standby_partitions": sorted(
                    tp.partition for tp in standbys if tp.topic == changelog
                ),
            }
        )
    return {
        "recovered": recovery.completed.is_set(),
        "in_recovery": bool(getattr(recovery, "in_recovery", False)),
        "tables": per_table,
    }


def worker_report(app: Any, settings: Settings, processed: dict[str, int]) -> dict[str, Any]:
    assignment = app.consumer.assignment() if app.consumer else set()
    return {
        "app_id": settings.app_id,
        "url": str(app.conf.canonical_url),
        "hostname": socket.gethostname(),
        "pid": os.getpid(),
        "uptime_s": round(time.time() - STARTED, 1),
        "python": platform.python_version(),
        "faust": faust.__version__,
        "aiokafka": aiokafka.__version__,
        "rebalancing": bool(app.rebalancing),
        "assigned_partitions": sorted(_tp_name(tp) for tp in assignment),
        "processed": dict(processed),
        "loop": loop_lag.monitor.report(),
    }
