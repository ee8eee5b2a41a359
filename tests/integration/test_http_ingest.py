"""POST /api/snippets against a real worker and broker: token, validation, size, idempotency."""

import json
import time
import urllib.error
import urllib.request
from typing import Any

from schemas.events import EVENT_TYPES
from schemas.snippet import Snippet
from streams import codec
from tests.integration.conftest import INGEST_TOKEN, Worker
from tests.integration.kafka_helpers import produce, read_all


def _post(worker: Worker, body: bytes, token: str | None = INGEST_TOKEN) -> tuple[int, Any]:
    request = urllib.request.Request(worker.base_url + "/api/snippets", data=body, method="POST")
    request.add_header("Content-Type", "application/json")
    if token:
        request.add_header("Authorization", f"Bearer {token}")
    try:
        with urllib.request.urlopen(request, timeout=10) as response:
            return response.status, json.loads(response.read())
    except urllib.error.HTTPError as error:
        return error.code, json.loads(error.read() or b"null")


def test_writing_needs_the_bearer_token(worker: Worker) -> None:
    assert _post(worker, b'{"text": "Talks resumed."}', token=None)[0] == 401
    assert _post(worker, b'{"text": "Talks resumed."}', token="wrong")[0] == 401


def test_invalid_snippets_get_422_with_field_paths_and_nothing_is_written(worker: Worker) -> None:
    before = worker.health()["processed"].get("snippets", 0)
    body_in = b'[{"text": "fine"}, {"text": 5}, {"text": "ok", "published_at": "soon"}]'
    status, body = _post(worker, body_in)
    assert status == 422
    assert {(d["index"], d["path"]) for d in body["details"]} >= {(1, "text"), (2, "published_at")}
    worker.settle(list(EVENT_TYPES))
    assert worker.health()["processed"].get("snippets", 0) == before


def test_oversized_bodies_get_413(worker: Worker) -> None:
    huge = json.dumps({"text": "x" * 300_000}).encode()
    assert _post(worker, huge)[0] == 413


def test_the_same_content_is_acknowledged_once_with_the_same_id(worker: Worker) -> None:
    before = worker.health()["processed"].get("snippets", 0)
    body = b'{"text": "Envoys of both sides held talks in Doha.", "source": "ingest-test"}'
    first_status, first = _post(worker, body)
    again_status, again = _post(worker, body)
    batch_status, batch = _post(worker, body + b"\n" + body)
    assert (first_status, again_status, batch_status) == (202, 202, 202)
    [written] = first["accepted"]
    assert written["duplicate"] is False and written["topic"] == worker.topic("snippets")
    assert again["accepted"] == [{**written, "duplicate": True}]
    assert all(item["id"] == written["id"] and item["duplicate"] for item in batch["accepted"])
    worker.settle(list(EVENT_TYPES))
    assert worker.health()["processed"]["snippets"] == before + 1


def test_an_id_that_comes_back_with_another_text_is_a_conflict(worker: Worker) -> None:
    """Issue 16, D4: 409 over HTTP, a dead letter on the topic; never a silent drop."""
    first = b'{"id": "conflict-http", "text": "Envoys met in Doha on Monday."}'
    other = b'{"id": "conflict-http", "text": "Envoys met in Cairo on Tuesday."}'
    assert _post(worker, first)[0] == 202
    assert _post(worker, first)[0] == 202  # the same text again is a duplicate
    status, body = _post(worker, other)
    assert status == 409 and body["details"][0]["path"] == "id", body
    batch = (
        b'{"id": "conflict-batch", "text": "Talks resumed in Geneva."}\n'
        b'{"id": "conflict-batch", "text": "Talks stalled in Geneva."}'
    )
    status, body = _post(worker, batch)
    assert status == 409 and body["details"][0]["index"] == 1, body

    # The topic path: the second text under one id is a dead letter with its reason.
    texts = ["Armenia and Azerbaijan held talks on Friday.", "Armenia shelled villages on Friday."]
    snippets = [Snippet(id="conflict-topic", text=text) for text in texts]
    produce(
        worker.bootstrap,
        worker.topic("snippets"),
        [(s.id.encode(), codec.encode_snippet(s)) for s in snippets],
    )
    deadline = time.monotonic() + 60
    reasons: list[str] = []
    while time.monotonic() < deadline and not reasons:
        letters = read_all(worker.bootstrap, [worker.topic("deadletter")])
        reasons = [
            codec.deadletter_from_headers(list(r.headers)).reason
            for r in letters
            if r.value == codec.encode_snippet(snippets[1])
        ]
        time.sleep(0.5)
    assert reasons and "id conflict" in reasons[0]
