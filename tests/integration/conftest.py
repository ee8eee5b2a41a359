"""Integration tier: a real Kafka broker (scripts/kafka start) and `parley worker` processes."""

import os
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
import uuid
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import orjson
import pytest

from tests.integration.kafka_helpers import broker_reachable, message_count
from tests.processes import stop_process

ROOT = Path(__file__).resolve().parents[2]
SHARED_CORPUS = ROOT.parent / "shared" / "corpus"
ARTIFACTS = ROOT / "tests" / "artifacts"
INGEST_TOKEN = "integration-test-token"


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        if "tests/integration" in str(item.path):
            item.add_marker(pytest.mark.integration)


@pytest.fixture(scope="session")
def bootstrap() -> str:
    address = os.environ.get("KAFKA_BOOTSTRAP_SERVERS", "127.0.0.1:9092")
    if not broker_reachable(address):
        # Fail, never skip: the integration tier exists to prove the path through Kafka.
        pytest.fail(f"no Kafka broker at {address}; start one with `scripts/kafka start`")
    return address


def wait_until(
    condition: Any, timeout: float, what: str, every: float = 0.5, report: Any = None
) -> None:
    """Polls `condition` until it holds; fails the test with `what` after `timeout` seconds,
    adding what `report()` says about the last state seen when one is given."""
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            seen = f"; last seen: {report()}" if report else ""
            pytest.fail(f"timed out waiting for {what}{seen}")
        time.sleep(every)


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def http_get(url: str, timeout: float = 5.0) -> tuple[int, Any]:
    try:
        with urllib.request.urlopen(url, timeout=timeout) as response:
            return response.status, orjson.loads(response.read())
    except urllib.error.HTTPError as error:
        return error.code, orjson.loads(error.read() or b"null")


@dataclass
class Worker:
    """A `parley worker` subprocess with its own app id, topic prefix and web port."""

    bootstrap: str
    prefix: str
    app_id: str
    port: int
    data_dir: Path
    log_path: Path
    process: subprocess.Popen[bytes] | None = None
    env: dict[str, str] = field(default_factory=dict)
    overrides: dict[str, str] = field(default_factory=dict, repr=False)

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def topic(self, name: str) -> str:
        return f"{self.prefix}.{name}"

    def start(self) -> None:
        self.env = {
            **os.environ,
            "KAFKA_BOOTSTRAP_SERVERS": self.bootstrap,
            "PARLEY_APP_ID": self.app_id,
            "PARLEY_TOPIC_PREFIX": self.prefix,
            "PARLEY_WEB_PORT": str(self.port),
            "PARLEY_DATA_DIR": str(self.data_dir),
            "PARLEY_PARTITIONS": "4",
            "PARLEY_INGEST_TOKEN": INGEST_TOKEN,
            "PARLEY_INGEST_MAX_BYTES": "200000",
            **self.overrides,
        }
        with self.log_path.open("ab") as log:
            # The child keeps its own copy of the descriptor; ours can close at once.
            self.process = subprocess.Popen(
                [sys.executable, "-m", "streams.cli", "worker"],
                cwd=ROOT,
                env=self.env,
                stdout=log,
                stderr=subprocess.STDOUT,
            )
        try:
            self.wait_ready()
        except BaseException:
            # A worker that never became ready would outlive the test run, spinning on a
            # broker that is gone; no fixture teardown runs for it.
            self.kill()
            raise

    def wait_ready(self, timeout: float = 120.0) -> None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            assert self.process is not None
            if self.process.poll() is not None:
                pytest.fail(f"worker exited with {self.process.returncode}:\n{self.log_tail()}")
            try:
                status, _ = http_get(self.base_url + "/api/health", timeout=2)
                if status == 200:
                    return
            except (OSError, ValueError):
                pass
            time.sleep(0.5)
        pytest.fail(f"worker not ready after {timeout} s:\n{self.log_tail()}")

    def stop(self) -> None:
        stop_process(self.process)

    def kill(self) -> None:
        """SIGKILL, as a crash would: no shutdown, no flush, no commit."""
        if self.process and self.process.poll() is None:
            self.process.kill()
            self.process.wait()

    def log_tail(self, lines: int = 60) -> str:
        text = self.log_path.read_text("utf-8", "replace") if self.log_path.exists() else ""
        return "\n".join(text.splitlines()[-lines:])

    def health_now(self) -> dict[str, Any]:
        """The health document, or {} while the worker cannot answer (starting, killed)."""
        try:
            status, body = http_get(self.base_url + "/api/health", timeout=5)
        except (OSError, ValueError):
            return {}
        return dict(body) if status in (200, 503) else {}

    def health(self) -> dict[str, Any]:
        _, body = http_get(self.base_url + "/api/health")
        return dict(body)

    def settle(self, event_types: list[str], timeout: float = 60.0) -> None:
        """Wait until the worker has handled every snippet and folded every event in Kafka."""
        snippets = [self.topic("snippets")]
        events = [self.topic(f"events.{t}") for t in event_types]
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            done = self.health().get("processed", {})
            handled = done.get("snippets", 0) + done.get("snippet_deadletters", 0)
            in_kafka = message_count(self.bootstrap, events)
            if (
                handled >= message_count(self.bootstrap, snippets)
                # sends are buffered: the published count can run ahead of the log
                and in_kafka >= done.get("events_published", 0)
                # every event message is folded, recognised as republished, or dead-lettered
                and done.get("events_folded", 0)
                + done.get("events_republished", 0)
                + done.get("event_deadletters", 0)
                >= in_kafka
            ):
                return
            time.sleep(0.5)
        pytest.fail(f"worker did not settle: {self.health()}\n{self.log_tail()}")


# A killed member holds its partitions until its session times out (Faust's default: 60 s).
FAST_FAILOVER = {"BROKER_SESSION_TIMEOUT": "10", "BROKER_HEARTBEAT_INTERVAL": "1"}


def keyed_by_id(lines: list[bytes]) -> list[tuple[bytes | None, bytes]]:
    """Snippet JSON lines as Kafka (key, value) pairs, keyed by snippet id as producers do."""
    return [(str(orjson.loads(line)["id"]).encode(), line) for line in lines]


def new_worker(bootstrap: str, data_dir: Path, uid: str | None = None) -> Worker:
    """A worker not yet started; workers built with the same uid share one app and its topics."""
    uid = uid or uuid.uuid4().hex[:8]
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    return Worker(
        bootstrap=bootstrap,
        prefix=f"it-{uid}",
        app_id=f"parley-it-{uid}",
        port=_free_port(),
        data_dir=data_dir,
        log_path=ARTIFACTS / f"worker-{uid}-{uuid.uuid4().hex[:4]}.log",
    )


@pytest.fixture(scope="module")
def worker(bootstrap: str, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Worker]:
    running = new_worker(bootstrap, tmp_path_factory.mktemp("worker-data"))
    running.start()
    try:
        yield running
    finally:
        running.stop()


# Helpers for the scale-out and broker-fault scenarios: the corpus as unique snippets, the pure
# projection by `parley state`, and the tables served by one or several workers.


def corpus_snippets(tag: str, copies: int = 1) -> list[bytes]:
    """Every dev-corpus text as a snippet JSON line with an id of its own, `copies` times over."""
    from streams import codec

    files = [
        SHARED_CORPUS / "dev" / "events.jsonl",
        *sorted(SHARED_CORPUS.glob("dev/stories/*.jsonl")),
    ]
    records = [
        orjson.loads(line)
        for path in files
        for line in path.read_text("utf-8").splitlines()
        if line.strip()
    ]
    lines = []
    for copy in range(copies):
        for number, record in enumerate(records):
            snippet = codec.decode_snippet(orjson.dumps({**record, "id": f"{tag}-{copy}-{number}"}))
            lines.append(codec.encode_snippet(snippet))
    return lines


def parley_state(snippet_lines: list[bytes]) -> dict[str, Any]:
    """Every table as `parley state --as-stored` computes it from the snippets, with no Kafka:
    keyed as the workers store them (by default the CLI shows negotiations joined)."""
    result = subprocess.run(
        [sys.executable, "-m", "streams.cli", "state", "--as-stored"],
        cwd=ROOT,
        input=b"\n".join(snippet_lines) + b"\n",
        capture_output=True,
        timeout=300,
        check=True,
    )
    return dict(orjson.loads(result.stdout))


def table_names(document: dict[str, Any]) -> list[str]:
    """The tables of a `parley state` document: its members that map keys to values."""
    return sorted(name for name, value in document.items() if isinstance(value, dict))


def served_tables(workers: list[Worker], tables: list[str]) -> dict[str, dict[str, Any]]:
    """Each table over HTTP, merged across the workers (each lists the keys it holds)."""
    merged: dict[str, dict[str, Any]] = {table: {} for table in tables}
    for running in workers:
        for table in tables:
            status, body = http_get(f"{running.base_url}/api/tables/{table}", timeout=30)
            assert status == 200, (table, body)
            merged[table].update(body["values"])
    return merged


def initial_value(table: str, key: str) -> Any:
    """A table's value for a key no event has changed, as `parley state` prints it (or None).

    The worker writes a table only when a fold changes the value, so it holds no such key,
    while `parley state` lists every process for every table.
    """
    from streams.core.fold.folds import FOLDS

    for fold in FOLDS:
        if fold.name == table:
            state = fold.initial(key)
            return state.model_dump(mode="json", exclude={"seen"} & set(type(state).model_fields))
    return None


def table_differences(expected: dict[str, Any], served: dict[str, dict[str, Any]]) -> list[str]:
    """Readable differences between a `parley state` document and the served tables.

    A key the worker does not hold counts as equal when `parley state` gives it the initial value.
    """
    differences = []
    for table in table_names(expected):
        want, got = expected[table], served.get(table, {})
        for key in sorted(set(want) | set(got)):
            if key not in got and want[key] == initial_value(table, key):
                continue
            if key not in got:
                differences.append(f"{table}[{key}]: missing from the worker")
            elif key not in want:
                differences.append(f"{table}[{key}]: not in parley state")
            elif want[key] != got[key]:
                differences.append(
                    f"{table}[{key}]: differs: {_first_difference(want[key], got[key])}"
                )
    return differences


def wait_for_tables(
    workers: list[Worker], expected: dict[str, Any], timeout: float = 60.0
) -> dict[str, dict[str, Any]]:
    """Poll the workers until their tables equal `expected`; the last served tables either way."""
    deadline = time.monotonic() + timeout
    while True:
        try:
            served = served_tables(workers, table_names(expected))
        except (OSError, ValueError, AssertionError):
            served = {}
        if not table_differences(expected, served) or time.monotonic() > deadline:
            return served
        time.sleep(1.0)


def _first_difference(want: Any, got: Any, path: str = "") -> str:
    """Where two JSON values first differ, with both sides (abridged)."""
    if isinstance(want, dict) and isinstance(got, dict):
        for name in sorted(set(want) | set(got)):
            if want.get(name) != got.get(name):
                return _first_difference(want.get(name), got.get(name), f"{path}.{name}")
    if isinstance(want, list) and isinstance(got, list) and len(want) == len(got):
        for index, (one, other) in enumerate(zip(want, got, strict=True)):
            if one != other:
                return _first_difference(one, other, f"{path}[{index}]")
    if isinstance(want, list) and isinstance(got, list):
        return f"{path or '.'}: {len(want)} items expected, {len(got)} served"
    return f"{path or '.'}: expected {str(want)[:200]}, served {str(got)[:200]}"


@pytest.fixture
def broker(bootstrap: str, tmp_path: Path) -> Iterator[Any]:
    """A broker of the test's own, stopped after it; `bootstrap` makes the test fail, like
    the others, when the shared broker is missing."""
    from tests.integration.private_broker import PrivateBroker

    private = PrivateBroker(tmp_path / "kafka")
    private.run("start")
    try:
        yield private
    finally:
        private.run("stop")
