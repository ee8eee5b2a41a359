"""Transactional writes to the snippets topic (issue 16, D2).

A transaction leaves a marker in the log, at an offset no consumer ever receives. The worker
took that offset for a record it had dropped: its commits never passed it, the partition was
read again every 5 s from the marker and its snippets' events published again, forever.
Records of an aborted transaction were processed as well (read_uncommitted).
"""

import asyncio
import time

import orjson
from aiokafka import AIOKafkaProducer

from schemas.events import EVENT_TYPES
from schemas.snippet import Snippet
from streams import codec
from tests.integration.conftest import Worker
from tests.integration.kafka_helpers import group_lag, read_all

TEXT = "Delegations from Armenia and Azerbaijan held talks in Washington on {day}."
DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]


def _snippet(tag: str, number: int) -> Snippet:
    text = TEXT.format(day=DAYS[number % 7]) + f" Round {tag}-{number}."
    return Snippet(id=f"{tag}-{number}", text=text, source="tx-test")


def _write(worker: Worker, committed: Snippet, aborted: Snippet, plain: list[Snippet]) -> None:
    topic = worker.topic("snippets")

    async def run() -> None:
        tx = AIOKafkaProducer(
            bootstrap_servers=worker.bootstrap, transactional_id=f"{worker.app_id}-tx"
        )
        await tx.start()
        try:
            async with tx.transaction():
                await tx.send_and_wait(
                    topic,
                    key=committed.id.encode(),
                    value=codec.encode_snippet(committed),
                    partition=0,
                )
            await tx.begin_transaction()
            await tx.send_and_wait(
                topic, key=aborted.id.encode(), value=codec.encode_snippet(aborted), partition=0
            )
            await tx.abort_transaction()
        finally:
            await tx.stop()
        producer = AIOKafkaProducer(bootstrap_servers=worker.bootstrap, acks="all")
        await producer.start()
        try:
            for snippet in plain:
                await producer.send_and_wait(
                    topic, key=snippet.id.encode(), value=codec.encode_snippet(snippet), partition=0
                )
        finally:
            await producer.stop()

    asyncio.run(run())


def test_a_transaction_marker_is_passed_and_an_aborted_record_never_processed(
    worker: Worker,
) -> None:
    committed = _snippet("tx", 0)
    aborted = _snippet("aborted", 1)
    plain = [_snippet("plain", n) for n in range(20)]
    _write(worker, committed, aborted, plain)

    snippets = worker.topic("snippets")
    deadline = time.monotonic() + 90
    lag = None
    while time.monotonic() < deadline:
        lag = group_lag(worker.bootstrap, worker.app_id, [snippets])
        handled = worker.health()["processed"].get("snippets", 0)
        if lag == 0 and handled >= 1 + len(plain):
            break
        time.sleep(1)
    assert lag == 0, f"the group's commit never passed the marker:\n{worker.log_tail()}"

    processed = worker.health()["processed"]
    assert processed.get("snippets") == 1 + len(plain)
    assert processed.get("events_republished", 0) == 0
    events = read_all(worker.bootstrap, [worker.topic(f"events.{t}") for t in EVENT_TYPES])
    from_snippets = {orjson.loads(r.value)["snippet_id"] for r in events}
    assert committed.id in from_snippets
    assert aborted.id not in from_snippets
    assert {s.id for s in plain} <= from_snippets
