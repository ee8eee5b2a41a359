"""A worker stops on SIGTERM even when its broker is gone (docs/hardening.md, shutdown).

Found at the end of the afternoon session (docs/status.md): with the broker stopped, SIGTERM
left the worker in "AIOKafkaConsumerThread: Stopping..." for a minute or more, and once for an
hour, logging a reconnect error every 100 ms. Runs a private broker, as test_broker_outage does.
"""

import json
import time
import urllib.request
import uuid
from pathlib import Path

from tests.integration.conftest import INGEST_TOKEN, new_worker, wait_until
from tests.integration.private_broker import PrivateBroker

DEADLINE_S = 10
# Interpreter exit after the deadline, and a loaded 2-CPU machine.
MARGIN_S = 10


def _post(base_url: str, n: int) -> int:
    body = json.dumps({"id": f"shutdown-{n}", "text": f"Envoys met in Doha on Monday ({n})."})
    request = urllib.request.Request(base_url + "/api/snippets", data=body.encode())
    request.add_header("Authorization", f"Bearer {INGEST_TOKEN}")
    with urllib.request.urlopen(request, timeout=30) as response:
        return int(response.status)


def test_sigterm_with_the_broker_stopped_exits_within_the_deadline(
    broker: PrivateBroker, tmp_path: Path
) -> None:
    worker = new_worker(broker.bootstrap, tmp_path / "worker", uuid.uuid4().hex[:8])
    worker.overrides = {"PARLEY_SHUTDOWN_TIMEOUT_S": str(DEADLINE_S)}
    worker.start()
    try:
        # Records read and not yet committed when the broker goes: the final commit has
        # something to wait for.
        for n in range(3):
            assert _post(worker.base_url, n) == 202
        wait_until(
            lambda: worker.health_now().get("processed", {}).get("snippets", 0) >= 3,
            60,
            "the snippets to be read",
        )
        broker.run("stop")
        wait_until(lambda: worker.health_now().get("status") == "degraded", 20, "health: degraded")
        log_lines_before = len(worker.log_path.read_bytes().splitlines())

        assert worker.process is not None
        worker.process.terminate()
        started = time.monotonic()
        while worker.process.poll() is None and time.monotonic() - started < DEADLINE_S + MARGIN_S:
            time.sleep(0.2)
        took = time.monotonic() - started
        code = worker.process.poll()
        assert code is not None, (
            f"worker still running {took:.0f} s after SIGTERM:\n{worker.log_tail()}"
        )
        log = worker.log_path.read_text("utf-8", "replace")
        # The broker is known to be down: the stop itself skips what would wait for it, so it
        # ends cleanly, well before the deadline (which would exit with TIMED_OUT_CODE).
        assert "shutdown did not finish" not in log, worker.log_tail()
        assert code == 0, f"exit code {code} after {took:.0f} s:\n{worker.log_tail()}"
        assert took < DEADLINE_S, f"the stop took {took:.0f} s"
        # The stop must not fill the log with the client's reconnect errors either.
        stop_lines = len(log.splitlines()) - log_lines_before
        assert stop_lines < 1000, f"{stop_lines} log lines while stopping"
    finally:
        worker.kill()
