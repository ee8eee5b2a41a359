"""Server-sent events from a real worker: filters, limits, and resuming with Last-Event-ID."""

import urllib.error
import urllib.request

from schemas.events import EVENT_TYPES
from schemas.snippet import Snippet
from streams import codec
from tests.integration.conftest import Worker
from tests.integration.kafka_helpers import produce


def _stream(worker: Worker, query: str, last_id: str | None = None) -> list[dict[str, str]]:
    request = urllib.request.Request(f"{worker.base_url}/api/events/stream?{query}")
    if last_id:
        request.add_header("Last-Event-ID", last_id)
    with urllib.request.urlopen(request, timeout=60) as response:
        assert response.headers["Content-Type"].startswith("text/event-stream")
        body = response.read().decode("utf-8")
    messages = []
    for block in body.split("\n\n"):
        fields = dict(
            line.split(": ", 1) for line in block.splitlines() if line and not line.startswith(":")
        )
        if fields:
            messages.append(fields)
    return messages


def _publish(worker: Worker, text: str) -> Snippet:
    snippet = Snippet(text=text, published_at="2026-03-04")
    produce(
        worker.bootstrap,
        worker.topic("snippets"),
        [(snippet.id.encode(), codec.encode_snippet(snippet))],
    )
    worker.settle(list(EVENT_TYPES))
    return snippet


def test_the_stream_filters_by_type_and_resumes_after_the_last_event_id(worker: Worker) -> None:
    first = _publish(worker, "Russian drones struck Kharkiv overnight.")
    [message] = _stream(worker, "type=strike&from=beginning&limit=1")
    assert message["event"] == "strike"
    assert codec.decode_event(message["data"].encode()).snippet_id == first.id

    second = _publish(worker, "Russian missiles hit Odesa on Tuesday.")
    resumed = _stream(worker, "type=strike&idle=3", last_id=message["id"])
    assert [codec.decode_event(m["data"].encode()).snippet_id for m in resumed] == [second.id]


def test_the_stream_filters_by_process_and_refuses_unknown_types(worker: Worker) -> None:
    _publish(worker, "Armenian and Azerbaijani delegations held talks in Washington.")
    messages = _stream(worker, "process=AM--AZ&from=beginning&idle=3")
    assert messages and all(
        codec.decode_event(m["data"].encode()).process == "AM--AZ" for m in messages
    )
    try:
        urllib.request.urlopen(f"{worker.base_url}/api/events/stream?type=picnic", timeout=10)
        raise AssertionError("an unknown type was accepted")
    except urllib.error.HTTPError as error:
        assert error.code == 400
