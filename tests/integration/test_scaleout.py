"""Scale-out: two workers of one app share the partitions; kill -9 one of them mid-stream.

The survivor must take over the dead worker's partitions, rebuild its tables from the
changelogs, and end with exactly the tables `parley state` computes from the same snippets;
per-key HTTP requests must answer from either worker while both run, and from the survivor
after the kill. Nothing here asserts on time: the bench (`make bench`) measures throughput.
"""

import threading
import uuid
from pathlib import Path

from schemas.events import EVENT_TYPES
from tests.integration.conftest import (
    FAST_FAILOVER,
    Worker,
    corpus_snippets,
    http_get,
    keyed_by_id,
    new_worker,
    parley_state,
    table_differences,
    table_names,
    wait_for_tables,
    wait_until,
)
from tests.integration.kafka_helpers import group_lag, produce_batch


def _both_hold_partitions(workers: list[Worker]) -> bool:
    healths = [w.health_now() for w in workers]
    return all(h.get("status") == "ready" and h.get("assigned_partitions", 0) > 0 for h in healths)


def _snippets_done(workers: list[Worker]) -> int:
    return sum(w.health_now().get("processed", {}).get("snippets", 0) for w in workers)


def test_kill_one_of_two_workers_mid_stream(bootstrap: str, tmp_path: Path) -> None:
    uid = uuid.uuid4().hex[:8]
    first = new_worker(bootstrap, tmp_path / "first", uid)
    second = new_worker(bootstrap, tmp_path / "second", uid)
    for running in (first, second):
        running.overrides = dict(FAST_FAILOVER)
    lines = corpus_snippets(uid, copies=2)
    expected = parley_state(lines)
    tables = table_names(expected)
    assert tables and all(expected[t] for t in tables), "the corpus must fill every table"
    try:
        first.start()
        second.start()
        # The second worker's arrival rebalances the group: wait until each holds a share.
        wait_until(lambda: _both_hold_partitions([first, second]), 60, "both workers assigned")
        shares = {w.port: w.health_now()["assigned_partitions"] for w in (first, second)}

        # Stream the snippets in slices, and kill the second worker once about half are out.
        keyed = keyed_by_id(lines)
        half = len(keyed) // 2
        produce_batch(bootstrap, first.topic("snippets"), keyed[:half])
        # Both take a share of the stream before one of them dies.
        wait_until(
            lambda: all(_snippets_done([w]) > 0 for w in (first, second)),
            60,
            "both workers to process snippets",
        )
        rest = threading.Thread(
            target=produce_batch, args=(bootstrap, first.topic("snippets"), keyed[half:])
        )
        rest.start()
        second.kill()
        rest.join()

        # The survivor takes every partition, rebuilds the tables, and serves them all.
        wait_until(
            lambda: (
                first.health_now().get("assigned_partitions", 0) > shares[first.port]
                and first.health_now().get("status") == "ready"
            ),
            60,
            "the survivor to take the dead worker's partitions",
        )
        served = wait_for_tables([first], expected, timeout=120)
        differences = table_differences(expected, served)
        # On failure, say whether the survivor was still working or had stopped.
        assert not differences, "\n".join(
            [*differences[:20], f"survivor health: {first.health_now()}", first.log_tail(30)]
        )
        topics = [first.topic("snippets"), *(first.topic(f"events.{t}") for t in EVENT_TYPES)]
        wait_until(lambda: group_lag(bootstrap, first.app_id, topics) == 0, 30, "zero lag")
        for table in tables:
            for key, value in served[table].items():
                status, body = http_get(f"{first.base_url}/api/tables/{table}/{key}")
                assert (status, body) == (200, value), (table, key)
    finally:
        second.kill()
        first.stop()


def test_per_key_requests_are_routed_between_two_workers(bootstrap: str, tmp_path: Path) -> None:
    uid = uuid.uuid4().hex[:8]
    workers = [new_worker(bootstrap, tmp_path / name, uid) for name in ("a", "b")]
    lines = corpus_snippets(uid)
    expected = parley_state(lines)
    try:
        for running in workers:
            running.overrides = dict(FAST_FAILOVER)
            running.start()
        wait_until(lambda: _both_hold_partitions(workers), 60, "both workers assigned")
        produce_batch(bootstrap, workers[0].topic("snippets"), keyed_by_id(lines))
        served = wait_for_tables(workers, expected, timeout=60)
        differences = table_differences(expected, served)
        assert not differences, "\n".join(differences[:20])
        # Each worker lists only its own keys, and together they list every key once.
        for table in table_names(expected):
            listed = [
                set(http_get(f"{w.base_url}/api/tables/{table}")[1]["values"]) for w in workers
            ]
            assert listed[0] and listed[1] and not listed[0] & listed[1], table
            # A per-key request answers from either worker: the other forwards it to the owner.
            for key, value in served[table].items():
                for running in workers:
                    status, body = http_get(f"{running.base_url}/api/tables/{table}/{key}")
                    holders = [
                        w.port for w, keys in zip(workers, listed, strict=True) if key in keys
                    ]
                    assert (status, body) == (200, value), (table, running.port, key, holders, body)
    finally:
        for running in workers:
            running.stop()
