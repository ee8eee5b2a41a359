"""Shared pieces of the benchmarks: the broker, worker processes, snippets, Kafka counts, and
the worker's own work (read a snippet, fold events) without Kafka or Faust, for the ceilings."""

import argparse
import asyncio
import json
import os
import platform
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
import uuid
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import orjson
from aiokafka import AIOKafkaConsumer, AIOKafkaProducer, TopicPartition
from aiokafka.admin import AIOKafkaAdminClient, NewTopic

from schemas.events import EVENT_TYPES
from streams import codec
from streams.core.fold.folds import FOLDS
from streams.core.read.extract import extract_events
from streams.kafka.admin import broker_reachable
from tests.processes import stop_process

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT.parent / "shared" / "corpus" / "dev"
RUN_DIR = ROOT / ".run" / "bench"


def shipped_mode() -> str:
    """The typing mode a worker uses: PARLEY_TYPER, else the default (the core alone keeps the
    rules until a process applies this)."""
    from streams.settings import get_settings

    return get_settings().typer


def use_shipped_typer() -> str:
    """Type sentences in the worker's mode from now on, so a ceiling or a speed figure measures
    the same work as the worker."""
    from streams.core.read import typer

    mode = shipped_mode()
    typer.use(mode)
    return mode


def use_typer_of(argv: list[str]) -> None:
    """The typer mode `--typer MODE` names, else the worker's (the probe benches' option)."""
    from streams.core.read import typer

    if "--typer" in argv:
        typer.use(argv[argv.index("--typer") + 1])
    else:
        use_shipped_typer()


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


port_open = broker_reachable


def machine() -> dict[str, str]:
    """What the figures were measured on."""
    cpu = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    memory = ""
    try:
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemTotal"):
                memory = f"{int(line.split()[1]) / 1024 / 1024:.1f} GiB"
    except OSError:
        pass
    return {
        "cpu": f"{cpu}, {os.cpu_count()} logical CPUs",
        "memory": memory,
        "os": f"{platform.system()} {platform.release()}",
        "python": sys.version.split()[0],
    }


def http_get(url: str, timeout: float = 10.0) -> tuple[int, Any]:
    try:
        with urllib.request.urlopen(url, timeout=timeout) as response:
            return response.status, orjson.loads(response.read())
    except urllib.error.HTTPError as error:
        body = error.read()
        try:
            return error.code, orjson.loads(body or b"null")
        except orjson.JSONDecodeError:
            return error.code, None


def process_cpu_seconds(pid: int) -> float:
    """User + system CPU seconds of a running process, from /proc (Linux); NaN elsewhere.

    On a machine shared with other work, CPU time per message moves much less than wall time."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return float("nan")
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


# --- snippets ---------------------------------------------------------------------------------


def corpus_records() -> list[dict[str, Any]]:
    """Every dev-corpus text (labelled items, story snippets and story sentences)."""
    files = [CORPUS / "events.jsonl", *sorted(CORPUS.glob("stories/*.jsonl"))]
    records = [
        orjson.loads(line)
        for path in files
        if path.exists()
        for line in path.read_text("utf-8").splitlines()
        if line.strip()
    ]
    if not records:  # a clone without ../shared: the demo snippets
        examples = ROOT / "examples" / "seed-snippets.jsonl"
        records = [orjson.loads(x) for x in examples.read_text("utf-8").splitlines() if x.strip()]
    return [
        {k: r[k] for k in ("text", "source", "published_at") if r.get(k) is not None}
        for r in records
    ]


def snippets(count: int, tag: str) -> list[tuple[bytes, bytes]]:
    """`count` snippets cycling over the corpus, each with an id of its own: (key, JSON)."""
    records = corpus_records()
    out = []
    for number in range(count):
        snippet_id = f"{tag}-{number}"
        value = orjson.dumps({"id": snippet_id, **records[number % len(records)]})
        out.append((snippet_id.encode(), value))
    return out


# --- the worker's own work, without Kafka or Faust ----------------------------------------------


def read_snippet(raw: bytes) -> list[tuple[str, bytes, bytes]]:
    """The classify agent's work on one snippet: (event type, process key, event JSON) per event."""
    snippet = codec.decode_snippet(raw)
    return [
        (event.type, event.process.encode(), codec.encode_event(event))
        for event in extract_events(snippet)
    ]


class MemoryTables:
    """The fold agent's table work on plain dicts: each event is decoded and folded into every
    table; a changed key keeps its state unencoded and is encoded once per `commit()`, as the
    worker encodes it once per changelog record. No offset marks, no event-id dedup."""

    def __init__(self) -> None:
        self.tables: dict[str, dict[str, bytes]] = {fold.name: {} for fold in FOLDS}
        self.events = 0
        self._states: dict[tuple[str, str], Any] = {}
        self._dirty: set[tuple[str, str]] = set()

    def fold(self, raw_event: bytes) -> None:
        event = codec.decode_event(raw_event)
        for fold in FOLDS:
            slot = (fold.name, event.process)
            state = self._states.get(slot)
            updated = fold.evolve(fold.initial(event.process) if state is None else state, event)
            if updated is not state:
                self._states[slot] = updated
                self._dirty.add(slot)
        self.events += 1

    def commit(self) -> int:
        """Encode every key changed since the last commit; how many there were."""
        for name, key in self._dirty:
            self.tables[name][key] = codec.encode_state(self._states[(name, key)])
        changed = len(self._dirty)
        self._dirty.clear()
        return changed


# --- Kafka ------------------------------------------------------------------------------------


async def create_topics(bootstrap: str, names: Iterable[str], partitions: int) -> None:
    admin = AIOKafkaAdminClient(bootstrap_servers=bootstrap)
    await admin.start()
    try:
        existing = set(await admin.list_topics())
        wanted = [
            NewTopic(name, num_partitions=partitions, replication_factor=1)
            for name in names
            if name not in existing
        ]
        if wanted:
            await admin.create_topics(wanted)
    finally:
        await admin.close()


async def end_offsets(bootstrap: str, topics: list[str]) -> int:
    """Sum of the topics' end offsets: their record counts, as nothing is deleted here."""
    consumer = AIOKafkaConsumer(bootstrap_servers=bootstrap, enable_auto_commit=False)
    await consumer.start()
    try:
        partitions = [
            TopicPartition(topic, p)
            for topic in topics
            for p in (consumer._client.cluster.partitions_for_topic(topic) or ())
        ]
        if len(partitions) < len(topics):
            await consumer._client.force_metadata_update()
            partitions = [
                TopicPartition(topic, p)
                for topic in topics
                for p in (consumer._client.cluster.partitions_for_topic(topic) or ())
            ]
        if not partitions:
            return 0
        return sum((await consumer.end_offsets(partitions)).values())
    finally:
        await consumer.stop()


def count(bootstrap: str, topics: list[str]) -> int:
    return asyncio.run(end_offsets(bootstrap, topics))


async def produce_records(
    bootstrap: str, records: Iterable[tuple[str, bytes | None, bytes]], linger_ms: int = 20
) -> float:
    """Send every (topic, key, value) as fast as the producer batches them; seconds taken.

    `records` may be a generator: at most 20,000 sends are in flight at a time."""
    producer = AIOKafkaProducer(
        bootstrap_servers=bootstrap,
        acks="all",
        linger_ms=linger_ms,
        max_batch_size=512 * 1024,
        max_request_size=8 * 1024 * 1024,
    )
    await producer.start()
    started = time.perf_counter()
    try:
        pending = []
        for topic, key, value in records:
            pending.append(await producer.send(topic, key=key, value=value))
            if len(pending) >= 20_000:
                await asyncio.gather(*pending)
                pending.clear()
        await asyncio.gather(*pending)
    finally:
        await producer.stop()
    return time.perf_counter() - started


async def produce_all(
    bootstrap: str, topic: str, messages: list[tuple[bytes, bytes]], linger_ms: int = 20
) -> float:
    """Send every message to one topic; seconds taken."""
    return await produce_records(bootstrap, ((topic, k, v) for k, v in messages), linger_ms)


# --- workers ----------------------------------------------------------------------------------


@dataclass
class Worker:
    """A `parley worker` subprocess; workers with the same app id form one consumer group."""

    bootstrap: str
    app_id: str
    prefix: str
    data_dir: Path
    store: str = "memory://"
    partitions: int = 4
    extra_env: dict[str, str] = field(default_factory=dict)
    port: int = field(default_factory=free_port)
    process: subprocess.Popen[bytes] | None = None
    log_path: Path | None = None

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def topic(self, name: str) -> str:
        return f"{self.prefix}.{name}"

    def start(self, wait: bool = True, timeout: float = 180.0) -> float:
        """Start the process; with `wait`, the seconds until its health says ready."""
        RUN_DIR.mkdir(parents=True, exist_ok=True)
        self.port = free_port()
        self.log_path = RUN_DIR / f"worker-{self.app_id}-{uuid.uuid4().hex[:4]}.log"
        env = {
            **os.environ,
            "KAFKA_BOOTSTRAP_SERVERS": self.bootstrap,
            "PARLEY_APP_ID": self.app_id,
            "PARLEY_TOPIC_PREFIX": self.prefix,
            "PARLEY_WEB_PORT": str(self.port),
            "PARLEY_DATA_DIR": str(self.data_dir),
            "PARLEY_PARTITIONS": str(self.partitions),
            "PARLEY_STORE": self.store,
            "PARLEY_LOG_LEVEL": "warn",
            **self.extra_env,
        }
        started = time.perf_counter()
        with self.log_path.open("ab") as log:
            self.process = subprocess.Popen(
                [sys.executable, "-m", "streams.cli", "worker"],
                cwd=ROOT,
                env=env,
                stdout=log,
                stderr=subprocess.STDOUT,
            )
        if wait:
            self.wait_ready(timeout)
        return time.perf_counter() - started

    def cpu_seconds(self) -> float:
        """CPU time the process has used so far (user + system); NaN where /proc is missing."""
        return process_cpu_seconds(self.process.pid) if self.process else float("nan")

    def alive(self) -> bool:
        return self.process is not None and self.process.poll() is None

    def health(self) -> dict[str, Any]:
        try:
            _, body = http_get(self.base_url + "/api/health", timeout=5)
        except (OSError, ValueError):
            return {}
        return dict(body) if isinstance(body, dict) else {}

    def wait_ready(self, timeout: float = 180.0) -> None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if not self.alive():
                raise RuntimeError(f"worker exited:\n{self.log_tail()}")
            if self.health().get("status") == "ready":
                return
            time.sleep(0.1)
        raise RuntimeError(f"worker not ready after {timeout} s:\n{self.log_tail()}")

    def processed(self) -> dict[str, int]:
        return dict(self.health().get("processed", {}))

    def stop(self) -> None:
        stop_process(self.process)

    def log_tail(self, lines: int = 40) -> str:
        if self.log_path is None or not self.log_path.exists():
            return ""
        return "\n".join(self.log_path.read_text("utf-8", "replace").splitlines()[-lines:])


def totals(workers: list[Worker]) -> dict[str, int]:
    """The workers' /api/health counters, summed."""
    summed: dict[str, int] = {}
    for worker in workers:
        for name, value in worker.processed().items():
            summed[name] = summed.get(name, 0) + value
    return summed


def progress(workers: list[Worker], bootstrap: str) -> dict[str, int]:
    """Snippets handled, events published and handled, events in Kafka: a baseline to diff."""
    done = totals(workers)
    prefix = workers[0].prefix
    return {
        "handled": done.get("snippets", 0) + done.get("snippet_deadletters", 0),
        "published": done.get("events_published", 0),
        "folded": done.get("events_folded", 0)
        + done.get("events_republished", 0)
        + done.get("event_deadletters", 0),
        "in_kafka": count(bootstrap, [f"{prefix}.events.{t}" for t in EVENT_TYPES]),
    }


def since_baseline(now: dict[str, int], since: dict[str, int]) -> dict[str, int]:
    """`progress` counts since a baseline taken with it."""
    return {name: now[name] - since.get(name, 0) for name in now}


def folded_all(new: dict[str, int], snippets_expected: int) -> bool:
    """Since a baseline: every snippet handled, and every event in Kafka handled (folded)."""
    return (
        new["handled"] >= snippets_expected
        and new["in_kafka"] >= new["published"]
        and new["folded"] >= new["in_kafka"]
    )


async def _lag(bootstrap: str, group: str, topics: list[str]) -> int:
    admin = AIOKafkaAdminClient(bootstrap_servers=bootstrap)
    consumer = AIOKafkaConsumer(bootstrap_servers=bootstrap, enable_auto_commit=False)
    await admin.start()
    await consumer.start()
    try:
        await consumer._client.force_metadata_update()
        partitions = [
            TopicPartition(topic, p)
            for topic in topics
            for p in (consumer._client.cluster.partitions_for_topic(topic) or ())
        ]
        committed = await admin.list_consumer_group_offsets(group)
        ends = await consumer.end_offsets(partitions) if partitions else {}
    finally:
        await consumer.stop()
        await admin.close()
    return sum(end - (committed[tp].offset if tp in committed else 0) for tp, end in ends.items())


def lag(workers: list[Worker]) -> int:
    """Records of the snippet and event topics past the group's committed offsets."""
    first = workers[0]
    topics = [first.topic("snippets"), *(first.topic(f"events.{t}") for t in EVENT_TYPES)]
    return asyncio.run(_lag(first.bootstrap, first.app_id, topics))


def percentile(values: list[float], fraction: float) -> float:
    if not values:
        return float("nan")
    ordered = sorted(values)
    index = min(len(ordered) - 1, max(0, round(fraction * (len(ordered) - 1))))
    return ordered[index]


def broker_bench_main(description: str | None, run: Any, default_count: int) -> None:
    """The command line of a bench that takes a broker, a count and a partition count, and
    prints what `run` measured as JSON."""
    parser = argparse.ArgumentParser(description=description)
    parser.add_argument("--bootstrap", default="127.0.0.1:9092")
    parser.add_argument("--count", type=int, default=default_count)
    parser.add_argument("--partitions", type=int, default=4)
    args = parser.parse_args()
    print(json.dumps(asyncio.run(run(args.bootstrap, args.count, args.partitions))))
