"""Consumers through the real broker: `parley tail`, `parley deadletter list` and `replay`."""

import subprocess
import sys

import orjson

from schemas.deadletter import DeadLetter
from schemas.events import EVENT_TYPES
from schemas.snippet import Snippet
from streams import codec
from tests.integration.conftest import ROOT, Worker
from tests.integration.kafka_helpers import produce, produce_with_headers

TYPES = list(EVENT_TYPES)


def _parley(worker: Worker, *args: str, timeout: float = 120) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "streams.cli", *args],
        cwd=ROOT,
        env=worker.env,
        capture_output=True,
        text=True,
        timeout=timeout,
    )


def test_tail_prints_the_events_of_the_requested_type(worker: Worker) -> None:
    snippet = Snippet(
        text="Russian drones struck Odesa overnight. Negotiators held talks in Geneva on Monday.",
        published_at="2026-03-03",
    )
    produce(
        worker.bootstrap,
        worker.topic("snippets"),
        [(snippet.id.encode(), codec.encode_snippet(snippet))],
    )
    worker.settle(TYPES)

    readable = _parley(worker, "tail", "strike", "--from-beginning", "--idle", "5")
    assert readable.returncode == 0, readable.stderr
    lines = [line for line in readable.stdout.splitlines() if line.strip()]
    assert lines and all("strike/" in line for line in lines)
    assert any("Russian drones struck Odesa overnight." in line for line in lines)

    as_json = _parley(
        worker, "tail", "talks", "--from-beginning", "--json", "--max", "1", "--idle", "10"
    )
    event = orjson.loads(as_json.stdout.splitlines()[0])
    assert event["type"] == "talks" and event["snippet_id"] == snippet.id

    unknown = _parley(worker, "tail", "picnic", "--idle", "1")
    assert unknown.returncode == 2 and "unknown event types" in unknown.stderr


def test_deadletter_list_shows_reason_and_original_bytes(worker: Worker) -> None:
    produce(worker.bootstrap, worker.topic("snippets"), [(b"k-list", b'{"text": 42}')])
    worker.settle(TYPES)
    listed = _parley(worker, "deadletter", "list", "--json")
    assert listed.returncode == 0, listed.stderr
    records = [orjson.loads(line) for line in listed.stdout.splitlines()]
    mine = [r for r in records if r["value"] == '{"text": 42}']
    assert mine and "text" in mine[0]["reason"]
    assert mine[0]["source"].startswith(worker.topic("snippets"))


def test_replay_sends_now_valid_letters_back_once(worker: Worker) -> None:
    # A letter rejected by an older release whose content is valid today.
    fixed = Snippet(text="Delegations met in Doha on Sunday.", published_at="2026-03-01")
    letter = DeadLetter(
        reason="rejected by an older release",
        source_topic=worker.topic("snippets"),
        source_partition=0,
        source_offset=0,
    )
    produce_with_headers(
        worker.bootstrap,
        worker.topic("deadletter"),
        b"old2",
        codec.encode_snippet(fixed),
        codec.deadletter_headers(letter),
    )
    before = worker.health()["processed"].get("snippets", 0)

    first = _parley(worker, "deadletter", "replay")
    assert first.returncode == 0, first.stderr
    assert first.stdout.startswith("replayed 1,")
    worker.settle(TYPES)
    assert worker.health()["processed"]["snippets"] == before + 1

    again = _parley(worker, "deadletter", "replay")
    assert again.stdout.startswith("replayed 0,")
