"""Crash recovery: kill -9 the worker mid-stream, restart it, and lose or double nothing.

The tables after the restart must equal `parley state` over the same snippets, with the memory
store (tables rebuilt from the changelogs) and with the rocksdict store (tables reopened from
disk, the changelogs replaying only what the store lacks). Snippets are published twice in
part, so republished content is in the log too. Figures go to tests/artifacts/recovery.json.
"""

import json
import time
import uuid
from pathlib import Path

import orjson
import pytest

from tests.integration.conftest import (
    ARTIFACTS,
    FAST_FAILOVER,
    Worker,
    corpus_snippets,
    http_get,
    keyed_by_id,
    new_worker,
    parley_state,
    table_differences,
    wait_for_tables,
)
from tests.integration.kafka_helpers import produce_batch


def _folded(worker: Worker) -> int:
    return int(worker.health_now().get("processed", {}).get("events_folded", 0))


@pytest.mark.parametrize("store", ["memory://", "rocksdb://"])
def test_a_worker_killed_mid_stream_recovers_its_tables_exactly(
    bootstrap: str, tmp_path: Path, store: str
) -> None:
    uid = uuid.uuid4().hex[:8]
    lines = corpus_snippets(f"rec-{uid}", copies=3 if store == "memory://" else 1)
    # A fifth of the snippets is published again: the same content, new offsets.
    republished = lines[: len(lines) // 5]
    expected = parley_state(lines)

    first = new_worker(bootstrap, tmp_path / "data", uid)
    first.overrides = {"PARLEY_STORE": store, **FAST_FAILOVER}
    first.start()
    sent = produce_batch(bootstrap, first.topic("snippets"), keyed_by_id(lines + republished))

    deadline = time.monotonic() + 120
    while _folded(first) < 500:
        assert time.monotonic() < deadline, f"nothing folded:\n{first.log_tail()}"
        time.sleep(0.2)
    folded_before_kill = _folded(first)
    first.kill()

    # The same app, the same data directory: a restart on the same machine.
    second = new_worker(bootstrap, tmp_path / "data", uid)
    second.overrides = {"PARLEY_STORE": store, **FAST_FAILOVER}
    started = time.monotonic()
    second.start()
    ready_after = time.monotonic() - started
    try:
        served = wait_for_tables([second], expected, timeout=240)
        differences = table_differences(expected, served)
        assert not differences, "\n".join(differences[:20]) + "\n" + second.log_tail()
        health = second.health()["processed"]
        _record(store, sent, len(lines), folded_before_kill, ready_after, health)
    finally:
        second.stop()


def _record(
    store: str, sent: int, unique: int, before: int, ready_after: float, health: dict
) -> None:
    path = ARTIFACTS / "recovery.json"
    figures = json.loads(path.read_text()) if path.exists() else {}
    figures[store] = {
        "snippets_sent": sent,
        "unique_snippets": unique,
        "events_folded_before_kill": before,
        "restart_to_ready_s": round(ready_after, 1),
        "after_restart": health,
    }
    path.write_text(json.dumps(figures, indent=2, sort_keys=True))


def test_time_travel_and_replay_read_the_same_log(worker: Worker) -> None:
    """?as_of= answers from the log as it stood, and `parley replay` equals the tables."""
    import subprocess
    import sys

    from tests.integration.conftest import ROOT

    early = {
        "id": f"tt-{uuid.uuid4().hex[:6]}-a",
        "source": "t",
        "published_at": "2026-01-10T00:00:00Z",
        "text": "Delegations of Armenia and Azerbaijan held talks in Abu Dhabi on Friday.",
    }
    late = {
        "id": f"tt-{uuid.uuid4().hex[:6]}-b",
        "source": "t",
        "published_at": "2026-03-10T00:00:00Z",
        "text": "Armenia and Azerbaijan signed a peace agreement in Washington on Monday.",
    }
    lines = [orjson.dumps(s) for s in (early, late)]
    produce_batch(worker.bootstrap, worker.topic("snippets"), keyed_by_id(lines))
    worker.settle(["talks", "agreement"])

    _, now = http_get(f"{worker.base_url}/api/negotiations/AM--AZ")
    _, then = http_get(f"{worker.base_url}/api/negotiations/AM--AZ?as_of=2026-02-01")
    assert now["counts"].get("agreement", 0) >= 1
    assert "agreement" not in then["counts"] and then["counts"]["talks"] >= 1
    status, _ = http_get(f"{worker.base_url}/api/negotiations/AM--AZ?as_of=tomorrow")
    assert status == 400

    result = subprocess.run(
        [sys.executable, "-m", "streams.cli", "replay", "--check", worker.base_url],
        cwd=ROOT,
        env=worker.env,
        capture_output=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr.decode()
    assert b"0 keys differ" in result.stderr
    replayed = orjson.loads(result.stdout)
    assert replayed["negotiations"]["AM--AZ"] == now
