"""A bounded soak (issue 16): thousands of snippets, a tenth of them malformed, through one
broker restart and one kill -9 of the worker, ending with the tables equal to `parley state`
of the accepted snippets. Counts go to tests/artifacts/soak.json and docs/hardening.md.

Runs a private broker (it is restarted), like test_broker_faults.
"""

import json
import random
import time
import uuid
from pathlib import Path
from typing import Any

import orjson

from schemas.events import EVENT_TYPES
from streams import codec
from tests.integration.conftest import (
    ARTIFACTS,
    FAST_FAILOVER,
    Worker,
    corpus_snippets,
    new_worker,
    parley_state,
    table_differences,
    wait_for_tables,
    wait_until,
)
from tests.integration.kafka_helpers import read_all
from tests.integration.private_broker import PrivateBroker
from tests.integration.test_broker_faults import ResilientProducer
from tests.integration.test_fuzz import _kinds

COPIES = 2  # the dev corpus twice, each copy with ids of its own: ~2,600 valid snippets
MALFORMED_SHARE = 0.1


def _malformed(count: int, seed: int) -> list[bytes]:
    rng = random.Random(seed)
    kinds = _kinds(rng)[:9]  # the malformed kinds; the last ones are valid or hostile-but-valid
    found: list[bytes] = []
    while len(found) < count:
        raw = rng.choice(kinds)(len(found))
        try:
            codec.decode_snippet(raw)
        except codec.DecodeError:
            found.append(raw)
    return found


def test_soak_with_malformed_input_a_broker_restart_and_a_kill(
    broker: PrivateBroker, tmp_path: Path
) -> None:
    uid = uuid.uuid4().hex[:8]
    valid = corpus_snippets(f"soak-{uid}", copies=COPIES)
    bad = _malformed(int(len(valid) * MALFORMED_SHARE / (1 - MALFORMED_SHARE)), seed=16)
    rng = random.Random(uid)
    messages = [(str(orjson.loads(line)["id"]).encode(), line) for line in valid]
    messages += [(f"bad-{n}".encode(), raw) for n, raw in enumerate(bad)]
    rng.shuffle(messages)
    expected = parley_state(valid)

    worker = new_worker(broker.bootstrap, tmp_path / "worker", uid)
    worker.overrides = dict(FAST_FAILOVER)
    worker.start()
    producer = ResilientProducer(broker.bootstrap, worker.topic("snippets"), messages)
    try:
        producer.start()
        wait_until(lambda: producer.acknowledged >= len(messages) // 3, 120, "a third sent")
        broker.run("stop")
        time.sleep(3)  # an outage, not a blip
        broker.run("start")
        wait_until(lambda: producer.acknowledged >= 2 * len(messages) // 3, 180, "two thirds sent")
        worker.kill()
        worker = new_worker(broker.bootstrap, tmp_path / "worker", uid)
        worker.overrides = dict(FAST_FAILOVER)
        worker.start()
        producer.join(timeout=240)
        assert producer.error is None, repr(producer.error)
        assert producer.acknowledged == len(messages)

        served = wait_for_tables([worker], expected, timeout=300)
        differences = table_differences(expected, served)
        assert not differences, "\n".join(differences[:20]) + "\n" + worker.log_tail()

        dead, letters = _check_dead_letters(broker, worker, bad, valid)

        # Lost and doubled, event by event: the events the accepted snippets make (by id) are
        # all in the topics, and each is counted once in the tables (equal to parley state).
        counts = _counts(broker, worker, expected, served)
        counts |= {
            "sent": len(messages),
            "accepted": len(valid),
            "malformed_sent": len(bad),
            "dead_lettered_distinct": len(dead),
            "dead_letter_records": len(letters),
            "producer_retries": producer.failures,
        }
        ARTIFACTS.mkdir(parents=True, exist_ok=True)
        (ARTIFACTS / "soak.json").write_text(json.dumps(counts, indent=2), "utf-8")
        assert counts["lost"] == 0 and counts["doubled"] == 0, counts
        assert counts["distinct_events_in_topics"] == counts["events_expected"], counts
    finally:
        worker.stop()


def _check_dead_letters(
    broker: PrivateBroker, worker: Worker, bad: list[bytes], valid: list[bytes]
) -> tuple[set[tuple[int, int]], list[Any]]:
    """Every malformed message is dead-lettered (once or more: a kill redelivers), and no
    valid one is; the distinct origins of the letters, and the letters."""
    letters = read_all(broker.bootstrap, [worker.topic("deadletter")], timeout=60)
    dead = {
        (meta.source_partition, meta.source_offset)
        for meta in (codec.deadletter_from_headers(list(r.headers)) for r in letters)
    }
    dead_values = {r.value for r in letters}
    assert set(bad) <= dead_values, f"{len(set(bad) - dead_values)} malformed not dead"
    assert not (dead_values & set(valid)), "a valid snippet was dead-lettered"
    return dead, letters


def _counts(
    broker: PrivateBroker, worker: Worker, expected: dict[str, Any], served: dict[str, Any]
) -> dict[str, int]:
    """Lost and doubled, event by event: the events the accepted snippets make (by id) are all
    in the topics, and each is counted once in the tables (equal to parley state)."""
    events = read_all(
        broker.bootstrap, [worker.topic(f"events.{t}") for t in EVENT_TYPES], timeout=120
    )
    in_topics = {orjson.loads(r.value)["id"] for r in events}
    expected_events = sum(state["event_count"] for state in expected["negotiations"].values())
    folded = sum(state["event_count"] for state in served["negotiations"].values())
    return {
        "event_records_in_topics": len(events),
        "distinct_events_in_topics": len(in_topics),
        "events_expected": expected_events,
        "events_folded": folded,
        "lost": max(0, expected_events - folded),
        "doubled": max(0, folded - expected_events),
    }
