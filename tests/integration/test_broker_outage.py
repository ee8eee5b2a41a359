"""A broker outage is an answer, not a hang (issue 16, D6).

With the broker stopped, POST /api/snippets used to wait up to Faust's 20-minute producer
timeout (clients that gave up found their snippets written later), /api/health said
"ready", /ui/timeline answered 500 and the log took 230,000 lines in 30 s. Runs a private
broker (scripts/kafka, as test_broker_faults does) and stops and starts it.
"""

import json
import time
import urllib.error
import urllib.request
import uuid
from pathlib import Path

from tests.integration.conftest import INGEST_TOKEN, Worker, new_worker, wait_until
from tests.integration.private_broker import PrivateBroker


def _call(
    worker: Worker, path: str, body: bytes | None = None, timeout: float = 60
) -> tuple[int, dict[str, str], bytes]:
    request = urllib.request.Request(worker.base_url + path, data=body)
    if body is not None:
        request.add_header("Authorization", f"Bearer {INGEST_TOKEN}")
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            return response.status, dict(response.headers), response.read()
    except urllib.error.HTTPError as error:
        return error.code, dict(error.headers), error.read()


def _snippet(n: int) -> bytes:
    return json.dumps(
        {"id": f"outage-{n}", "text": f"Envoys met in Doha on Monday ({n})."}
    ).encode()


def test_broker_outage_answers_503_degraded_and_resumes(
    broker: PrivateBroker, tmp_path: Path
) -> None:
    worker = new_worker(broker.bootstrap, tmp_path / "worker", uuid.uuid4().hex[:8])
    worker.start()
    try:
        assert _call(worker, "/api/snippets", _snippet(0))[0] == 202
        log_lines_before = len(worker.log_path.read_bytes().splitlines())
        broker.run("stop")

        started = time.monotonic()
        status, headers, _ = _call(worker, "/api/snippets", _snippet(1))
        took = time.monotonic() - started
        assert status == 503 and headers.get("Retry-After"), (status, headers)
        assert took < 10, f"ingest took {took:.1f} s to answer"

        wait_until(lambda: worker.health_now().get("status") == "degraded", 20, "health: degraded")
        assert any("broker" in p for p in worker.health_now()["problems"])
        status, _, body = _call(worker, "/api/ui/health", timeout=10)
        assert status == 200 and json.loads(body)["status"] == "degraded", body[:300]
        for page in ("/ui", "/ui/timeline", "/ui/health", "/api/negotiations"):
            started = time.monotonic()
            status, headers, _ = _call(worker, page)
            assert status in (200, 503), (page, status)
            assert time.monotonic() - started < 10, page
            if status == 503:
                assert headers.get("Retry-After"), page
        time.sleep(8)  # the outage goes on: the log must not fill with the same lines
        outage_lines = len(worker.log_path.read_bytes().splitlines()) - log_lines_before
        assert outage_lines < 3000, f"{outage_lines} log lines during the outage"

        broker.run("start")
        wait_until(lambda: worker.health_now().get("status") == "ready", 120, "health: ready again")
        assert _call(worker, "/api/snippets", _snippet(2))[0] == 202
        wait_until(
            lambda: worker.health_now().get("processed", {}).get("snippets", 0) >= 2,
            120,
            "the snippets written before and after the outage to be read",
        )
        assert worker.process is not None and worker.process.poll() is None
    finally:
        worker.stop()
