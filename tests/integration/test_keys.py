"""Keys that are not UTF-8 (issue 16, D3).

Faust decoded keys before the agent saw a message: a key of b"\\xff" raised KeyDecodeError,
the agent crashed and was restarted, and the offset was committed, so the message was neither
processed nor dead-lettered, and health said "ready". The agents now decode keys themselves.
"""

import time

from schemas.snippet import Snippet
from streams import codec
from tests.factories import make_event
from tests.integration.conftest import Worker
from tests.integration.kafka_helpers import produce, read_all

BAD_KEY = b"\xff\xfe-not-utf8"


def _wait_for(worker: Worker, done: callable, timeout: float = 60.0) -> dict:
    deadline = time.monotonic() + timeout
    health = worker.health()
    while time.monotonic() < deadline and not done(health):
        time.sleep(0.5)
        health = worker.health()
    return health


def test_a_key_that_is_not_utf8_is_dead_lettered_on_snippets_and_events(worker: Worker) -> None:
    snippet = Snippet(id="bad-key", text="Delegations met in Cairo on Monday.", source="keys")
    event = make_event("talks")
    after = Snippet(id="after-bad-key", text="Envoys met in Doha on Tuesday.", source="keys")
    produce(worker.bootstrap, worker.topic("snippets"), [(BAD_KEY, codec.encode_snippet(snippet))])
    produce(worker.bootstrap, worker.topic("events.talks"), [(BAD_KEY, codec.encode_event(event))])
    produce(
        worker.bootstrap,
        worker.topic("snippets"),
        [(b"after-bad-key", codec.encode_snippet(after))],
    )

    health = _wait_for(
        worker,
        lambda h: (
            h["processed"].get("snippet_deadletters", 0) >= 1
            and h["processed"].get("event_deadletters", 0) >= 1
            and h["processed"].get("snippets", 0) >= 1
        ),
    )
    processed = health["processed"]
    assert processed.get("snippet_deadletters") == 1, health
    assert processed.get("event_deadletters") == 1, health
    assert processed.get("snippets") == 1, health  # the next snippet went on as usual
    assert "agent_crashes" not in processed and health["problems"] == [], health
    assert health["status"] == "ready"

    # The counter moves when a dead letter is sent; its write may land a moment later.
    wanted = {worker.topic("snippets"), worker.topic("events.talks")}
    deadline = time.monotonic() + 30
    while True:
        letters = read_all(worker.bootstrap, [worker.topic("deadletter")])
        by_source = {
            codec.deadletter_from_headers(list(r.headers)).source_topic: r for r in letters
        }
        if wanted <= set(by_source) or time.monotonic() > deadline:
            break
        time.sleep(0.5)
    for topic, value in (
        (worker.topic("snippets"), codec.encode_snippet(snippet)),
        (worker.topic("events.talks"), codec.encode_event(event)),
    ):
        letter = by_source[topic]
        assert letter.key == BAD_KEY and letter.value == value
        assert "key is not UTF-8" in codec.deadletter_from_headers(list(letter.headers)).reason
