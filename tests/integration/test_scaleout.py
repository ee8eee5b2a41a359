"""Scale-out: three workers of one app share the partitions; kill -9 one of them mid-stream.

The two survivors must take over the dead worker's partitions, rebuild its tables from the
changelogs, and end with exactly the tables `parley state` computes from the same snippets;
per-key HTTP requests must answer from any worker while all run, and from either survivor
after the kill. Nothing here asserts on time: the bench (`make bench`) measures throughput.
"""

import threading
import uuid
from pathlib import Path
from typing import Any

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

NAMES = ("first", "second", "third")
# Six partitions, not the usual four: Faust's assignor keeps each member's partitions up to
# ceil(partitions / members), so with four a third member joining two holders of two each got
# none at all (seen in this test's first three-worker run). Six share out as 2, 2, 2.
THREE_WAY = {**FAST_FAILOVER, "PARLEY_PARTITIONS": "6"}


def _all_hold_partitions(workers: list[Worker]) -> bool:
    """Every worker holds partitions and has recovered its tables. "degraded" counts: on a loaded
    machine a slow broker probe reports a problem, which is not what this waits for."""
    healths = [w.health_now() for w in workers]
    return all(
        h.get("status") in ("ready", "degraded") and h.get("assigned_partitions", 0) > 0
        for h in healths
    )


def _wait_all_assigned(workers: list[Worker]) -> None:
    """Each arrival rebalances the group: wait until every worker holds a share."""
    wait_until(
        lambda: _all_hold_partitions(workers),
        120,
        "all three workers assigned",
        report=lambda: [w.health_now() for w in workers],
    )


def _snippets_done(workers: list[Worker]) -> int:
    return sum(w.health_now().get("processed", {}).get("snippets", 0) for w in workers)


def _assigned(workers: list[Worker]) -> int:
    return sum(w.health_now().get("assigned_partitions", 0) for w in workers)


def test_kill_one_of_three_workers_mid_stream(bootstrap: str, tmp_path: Path) -> None:
    uid = uuid.uuid4().hex[:8]
    workers = [new_worker(bootstrap, tmp_path / name, uid) for name in NAMES]
    *survivors, victim = workers
    for running in workers:
        running.overrides = dict(THREE_WAY)
    lines = corpus_snippets(uid, copies=2)
    expected = parley_state(lines)
    tables = table_names(expected)
    assert tables and all(expected[t] for t in tables), "the corpus must fill every table"
    try:
        for running in workers:
            running.start()
        _wait_all_assigned(workers)
        held_before = _assigned(survivors)

        # Stream the snippets in slices, and kill the third worker once about half are out.
        keyed = keyed_by_id(lines)
        half = len(keyed) // 2
        produce_batch(bootstrap, workers[0].topic("snippets"), keyed[:half])
        # All three take a share of the stream before one of them dies.
        wait_until(
            lambda: all(_snippets_done([w]) > 0 for w in workers),
            60,
            "all three workers to process snippets",
        )
        rest = threading.Thread(
            target=produce_batch, args=(bootstrap, workers[0].topic("snippets"), keyed[half:])
        )
        rest.start()
        victim.kill()
        rest.join()

        # The survivors take the dead worker's partitions, rebuild its tables, and serve them.
        wait_until(
            lambda: (
                _assigned(survivors) > held_before
                and all(w.health_now().get("status") == "ready" for w in survivors)
            ),
            60,
            "the survivors to take the dead worker's partitions",
        )
        _check_survivors_serve(bootstrap, survivors, expected, tables)
    finally:
        victim.kill()
        for running in survivors:
            running.stop()


def _check_survivors_serve(
    bootstrap: str, survivors: list[Worker], expected: dict[str, Any], tables: list[str]
) -> None:
    """The survivors' tables equal `parley state`, the group has no lag, and every key answers
    from either survivor: one holds it, the other forwards the request."""
    served = wait_for_tables(survivors, expected, timeout=120)
    differences = table_differences(expected, served)
    # On failure, say whether the survivors were still working or had stopped.
    assert not differences, "\n".join(
        [
            *differences[:20],
            *(f"survivor health: {w.health_now()}" for w in survivors),
            *(w.log_tail(30) for w in survivors),
        ]
    )
    first = survivors[0]
    topics = [first.topic("snippets"), *(first.topic(f"events.{t}") for t in EVENT_TYPES)]
    wait_until(lambda: group_lag(bootstrap, first.app_id, topics) == 0, 30, "zero lag")
    for table in tables:
        for key, value in served[table].items():
            for running in survivors:
                status, body = http_get(f"{running.base_url}/api/tables/{table}/{key}")
                assert (status, body) == (200, value), (table, running.port, key)


def test_per_key_requests_are_routed_among_three_workers(bootstrap: str, tmp_path: Path) -> None:
    uid = uuid.uuid4().hex[:8]
    workers = [new_worker(bootstrap, tmp_path / name, uid) for name in NAMES]
    lines = corpus_snippets(uid)
    expected = parley_state(lines)
    try:
        for running in workers:
            running.overrides = dict(THREE_WAY)
            running.start()
        _wait_all_assigned(workers)
        produce_batch(bootstrap, workers[0].topic("snippets"), keyed_by_id(lines))
        served = wait_for_tables(workers, expected, timeout=60)
        differences = table_differences(expected, served)
        assert not differences, "\n".join(differences[:20])
        # Each worker lists only its own keys, and together they list every key once.
        for table in table_names(expected):
            listed = [
                set(http_get(f"{w.base_url}/api/tables/{table}")[1]["values"]) for w in workers
            ]
            assert all(listed), (table, [len(keys) for keys in listed])
            assert sum(map(len, listed)) == len(set().union(*listed)), f"{table}: a key twice"
            # A per-key request answers from any worker: the others forward it to the owner.
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
