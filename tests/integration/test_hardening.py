"""Reproductions of issue 16 against a running worker: each answered 500, hung or froze it.

D1: one long pathological snippet froze every answer of the worker for minutes.
D7: invalid UTF-8 in Authorization, a Last-Event-ID with a non-ASCII digit or a huge offset,
Faust's built-in /table/ route. D8: headers and the Host allow-list.
"""

import http.client
import json
import time
import urllib.request

from tests.integration.conftest import INGEST_TOKEN, Worker


def _request(
    worker: Worker, method: str, path: str, headers: dict[str, object], body: bytes | None = None
) -> tuple[int, dict[str, str], bytes]:
    connection = http.client.HTTPConnection("127.0.0.1", worker.port, timeout=30)
    try:
        connection.putrequest(method, path, skip_host=True)
        headers = {"Host": f"127.0.0.1:{worker.port}", **headers}
        if body is not None:
            headers["Content-Length"] = str(len(body))
        for name, value in headers.items():
            connection.putheader(name, value)  # bytes values go out as they are
        connection.endheaders(body)
        response = connection.getresponse()
        return response.status, dict(response.getheaders()), response.read()
    finally:
        connection.close()


def test_a_long_pathological_snippet_leaves_health_and_ingest_answering(worker: Worker) -> None:
    """D1: {"text": "he said " * N} froze /api/health for minutes; now it answers at once."""
    before = worker.health()["processed"].get("snippets", 0)
    text = "he said " * 18_000  # 144,000 characters, under the conftest's body limit
    body = json.dumps({"id": "he-said", "text": text}).encode()
    auth = {"Authorization": f"Bearer {INGEST_TOKEN}", "Content-Type": "application/json"}
    assert _request(worker, "POST", "/api/snippets", auth, body)[0] == 202

    slowest, samples = 0.0, 0
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        started = time.monotonic()
        with urllib.request.urlopen(worker.base_url + "/api/health", timeout=30) as response:
            health = json.loads(response.read())
        slowest = max(slowest, time.monotonic() - started)
        samples += 1
        if health["processed"].get("snippets", 0) > before:
            break
        time.sleep(0.1)
    assert health["processed"].get("snippets", 0) > before, "the snippet was never processed"
    assert samples >= 2, "processing ended before health was asked twice"
    assert slowest < 1.0, f"health took {slowest:.2f} s while the snippet was read"


def test_requests_that_answered_500_answer_4xx_or_stream(worker: Worker) -> None:
    bad_auth = {"Authorization": b"Bearer \xff\xfe"}
    status, _, _ = _request(worker, "POST", "/api/snippets", bad_auth, b'{"text": "Talks."}')
    assert status == 401

    for cursor in ("parley.events.talks:0:\u00b2".encode(), f"x.events.talks:0:{10**23}".encode()):
        status, headers, body = _request(
            worker, "GET", "/api/events/stream?idle=1", {"Last-Event-ID": cursor}
        )
        assert status == 200 and headers["Content-Type"].startswith("text/event-stream")
        assert body.startswith(b": connected")

    status, _, _ = _request(worker, "GET", "/table/negotiations/", {})
    assert status == 404


def test_headers_and_host_allow_list(worker: Worker) -> None:
    status, headers, _ = _request(worker, "GET", "/api/health", {})
    assert status == 200
    assert headers["X-Content-Type-Options"] == "nosniff"
    assert "aiohttp" not in headers.get("Server", "") and "Python" not in headers.get("Server", "")
    status, _, _ = _request(worker, "GET", "/api/negotiations", {"Host": "rebound.example"})
    assert status == 421
