"""Snippets through a real broker and worker: typed topics, table, HTTP view, dead letters."""

import subprocess
import sys
import urllib.request
from datetime import UTC, datetime

from schemas.events import EVENT_TYPES
from schemas.snippet import Snippet
from streams import codec
from streams.core.fold.folds import project_tables
from streams.core.fold.negotiations import project_all
from tests.integration.conftest import ROOT, SHARED_CORPUS, Worker, http_get
from tests.integration.kafka_helpers import produce, read_all, topic_config

TYPES = list(EVENT_TYPES)


def _seed_snippet() -> Snippet:
    text = (SHARED_CORPUS / "seed-article.txt").read_text("utf-8")
    return Snippet(text=text, source="seed", published_at=datetime(2026, 2, 5, tzinfo=UTC))


def _publish(worker: Worker, snippet: Snippet) -> None:
    produce(
        worker.bootstrap,
        worker.topic("snippets"),
        [(snippet.id.encode(), codec.encode_snippet(snippet))],
    )


def _events_in_kafka(worker: Worker) -> list:
    records = read_all(worker.bootstrap, [worker.topic(f"events.{t}") for t in TYPES])
    return [(r, codec.decode_event(r.value)) for r in records]


def _table_over_http(worker: Worker) -> dict:
    status, body = http_get(worker.base_url + "/api/negotiations")
    assert status == 200
    return dict(body["processes"])


def test_seed_article_becomes_typed_events_and_table_state(worker: Worker) -> None:
    snippet = _seed_snippet()
    _publish(worker, snippet)
    worker.settle(TYPES)

    found = _events_in_kafka(worker)
    types = {event.type for _, event in found}
    assert {"talks", "strike", "statement"} <= types
    for record, event in found:
        # Each event sits on its own type's topic, keyed by its process for co-partitioning.
        assert record.topic == worker.topic(f"events.{event.type}")
        assert record.key == event.process.encode()
        assert event.snippet_id == snippet.id
        assert snippet.text[event.sentence.start : event.sentence.end] == event.sentence.text

    # The table served over HTTP is exactly the fold of the event log.
    expected = project_all(event for _, event in found)
    served = _table_over_http(worker)
    assert set(served) == set(expected)
    for process, state in expected.items():
        assert served[process] == state.model_dump(mode="json", exclude={"seen"})
    status, one = http_get(f"{worker.base_url}/api/negotiations/{next(iter(expected))}")
    assert status == 200 and one["event_count"] == len({e.id for _, e in found})
    assert http_get(worker.base_url + "/api/negotiations/NO-SUCH")[0] == 404
    # Every other table is the fold of the same log as well, per key over HTTP.
    for table, states in project_tables(event for _, event in found).items():
        status, body = http_get(f"{worker.base_url}/api/tables/{table}")
        assert status == 200
        assert set(body["values"]) == set(states), table
        for key, state in states.items():
            assert body["values"][key] == state.model_dump(mode="json"), table
            assert http_get(f"{worker.base_url}/api/tables/{table}/{key}")[0] == 200
    assert http_get(f"{worker.base_url}/api/tables/nothing")[0] == 404
    status, index = http_get(worker.base_url + "/")
    assert status == 200 and index["endpoints"]["negotiations"] == "/api/negotiations"
    # A browser asking for the root is sent to the operator view.
    browser = urllib.request.Request(worker.base_url + "/", headers={"Accept": "text/html"})
    with urllib.request.urlopen(browser, timeout=5) as response:
        assert response.url.endswith("/ui") and b"<html" in response.read().lower()


def test_the_same_snippet_twice_is_not_counted_twice(worker: Worker) -> None:
    snippet = _seed_snippet()
    _publish(worker, snippet)
    worker.settle(TYPES)
    before = _table_over_http(worker)
    log_before = _events_in_kafka(worker)
    per_copy = len({event.id for _, event in log_before if event.snippet_id == snippet.id})
    assert per_copy > 0

    _publish(worker, snippet)
    worker.settle(TYPES)
    # The redelivered snippet produced its events again (the log is at-least-once) ...
    assert len(_events_in_kafka(worker)) == len(log_before) + per_copy
    # ... but the fold recognised them by id, so the state did not move.
    assert _table_over_http(worker) == before


def test_malformed_messages_go_to_the_deadletter_topic_with_a_reason(worker: Worker) -> None:
    bad = [b"\xff\xfe\x00 not json", b'{"text": 5}', b"[1, 2, 3]", b'{"source": "no text"}']
    good = Snippet(text="Envoys of both sides met in Geneva on Monday.", source="after-bad")
    snippets_before = worker.health()["processed"].get("snippets", 0)
    produce(
        worker.bootstrap,
        worker.topic("snippets"),
        [*((b"bad", value) for value in bad), (good.id.encode(), codec.encode_snippet(good))],
    )
    worker.settle(TYPES)

    letters = [
        r for r in read_all(worker.bootstrap, [worker.topic("deadletter")]) if r.key == b"bad"
    ]
    assert sorted(r.value for r in letters) == sorted(bad)
    reasons = {r.value: codec.deadletter_from_headers(list(r.headers)) for r in letters}
    assert "not valid JSON" in reasons[bad[0]].reason
    assert "text" in reasons[bad[1]].reason
    assert "expected a JSON object" in reasons[bad[2]].reason
    assert "Field required" in reasons[bad[3]].reason
    for letter in reasons.values():
        assert letter.source_topic == worker.topic("snippets")
        assert letter.source_offset >= 0
    # The valid snippet behind the bad ones was still processed: the worker did not stall.
    health = worker.health()
    assert health["status"] == "ready"
    assert health["processed"]["snippets"] == snippets_before + 1
    assert health["processed"]["snippet_deadletters"] >= len(bad)


def test_parley_publish_sends_the_demo_snippets_through_the_pipeline(worker: Worker) -> None:
    before = worker.health()["processed"].get("snippets", 0)
    examples = ROOT / "examples" / "seed-snippets.jsonl"
    env = {**worker.env, "PYTHONWARNINGS": "error"}
    result = subprocess.run(
        [sys.executable, "-m", "streams.cli", "publish", str(examples)],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    sent = sum(1 for line in examples.read_text("utf-8").splitlines() if line.strip())
    assert f"sent {sent} to {worker.topic('snippets')}" in result.stdout
    worker.settle(TYPES)
    assert worker.health()["processed"]["snippets"] == before + sent
    # Every demo snippet reports the Russia-Ukraine talks, so they fold into one process.
    demo = [e for _, e in _events_in_kafka(worker) if e.snippet_id.startswith("demo-")]
    assert len({e.process for e in demo}) == 1


def test_the_event_log_is_kept_for_good(worker: Worker) -> None:
    # The broker's default would delete events after days (24 h on scripts/kafka), while replay
    # and ?as_of= read them from offset zero.
    for name in ("snippets", *(f"events.{t}" for t in EVENT_TYPES)):
        assert topic_config(worker.bootstrap, worker.topic(name), "retention.ms") == "-1", name
