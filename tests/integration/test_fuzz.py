"""Thousands of malformed and hostile payloads at the topic and at HTTP ingest.

The worker must never crash or stall: every payload is processed, or rejected (HTTP 4xx), or
dead-lettered with a reason. The expected outcome of each payload comes from the codec itself,
so the test checks the pipeline's routing, not a hand-kept list.
"""

import json
import random
import urllib.error
import urllib.request
from collections import Counter
from collections.abc import Callable

from schemas.events import EVENT_TYPES
from streams import codec
from tests.integration.conftest import ARTIFACTS, INGEST_TOKEN, Worker
from tests.integration.kafka_helpers import produce

TOPIC_PAYLOADS = 2000
HTTP_PAYLOADS = 500


def _kinds(rng: random.Random) -> list[Callable[[int], bytes]]:
    def dumps(value: object) -> bytes:
        return json.dumps(value).encode()

    return [
        lambda i: b"\xff\xfe" + rng.randbytes(rng.randint(0, 40)),  # not UTF-8
        lambda i: b'{"text": "unterminated' + str(i).encode(),  # not JSON
        lambda i: dumps({"text": rng.choice([i, [i], {"a": i}, True, None])}),  # wrong type
        lambda i: dumps({"source": f"feed-{i}"}),  # missing text
        lambda i: dumps({"text": " \n\t " * (i % 5 + 1)}),  # blank text
        lambda i: dumps({"text": "a" * 250_000}),  # over the text limit
        lambda i: b"[" * 3000 + b"]" * 3000,  # nested deeper than any parser should go
        lambda i: dumps({"text": f"Talks {i}.", "published_at": "the day after"}),  # bad date
        lambda i: dumps(rng.choice([i, f"text {i}", [1, 2], None])),  # not an object
        lambda i: dumps({"text": f"<script>alert({i})</script> Envoys met in Doha."}),  # hostile
        lambda i: dumps({"text": f"Talks\u0000 resumed\u001b[31m in Geneva {i}."}),  # control chars
        lambda i: dumps({"text": f"المفاوضات 🕊️ talks resumed {i}", "source": "\u202e"}),  # RTL
        lambda i: dumps({"text": f"Delegations met in Cairo on Monday ({i})."}),  # plain
    ]


def _payloads(count: int, seed: int) -> list[bytes]:
    rng = random.Random(seed)
    kinds = _kinds(rng)
    return [rng.choice(kinds)(i) for i in range(count)]


def _valid(raw: bytes) -> bool:
    try:
        codec.decode_snippet(raw)
    except codec.DecodeError:
        return False
    return True


def _post(worker: Worker, body: bytes) -> int:
    request = urllib.request.Request(worker.base_url + "/api/snippets", data=body, method="POST")
    request.add_header("Authorization", f"Bearer {INGEST_TOKEN}")
    try:
        with urllib.request.urlopen(request, timeout=30) as response:
            return int(response.status)
    except urllib.error.HTTPError as error:
        return int(error.code)


def test_malformed_payloads_are_rejected_or_dead_lettered_and_valid_ones_processed(
    worker: Worker,
) -> None:
    start = worker.health()["processed"]
    topic_payloads = _payloads(TOPIC_PAYLOADS, seed=1)
    produce(
        worker.bootstrap,
        worker.topic("snippets"),
        [(f"fuzz-{i}".encode(), p) for i, p in enumerate(topic_payloads)],
    )

    http_payloads = _payloads(HTTP_PAYLOADS, seed=2)
    statuses = Counter()
    http_valid_ids = set()
    for body in http_payloads:
        status = _post(worker, body)
        statuses[status] += 1
        if _valid(body):
            assert status == 202, body[:80]
            http_valid_ids.add(codec.decode_snippet(body).id)
        else:
            assert status in (413, 422), (status, body[:80])

    worker.settle(list(EVENT_TYPES), timeout=180)
    end = worker.health()
    assert end["status"] == "ready"
    done = end["processed"]
    topic_valid = sum(map(_valid, topic_payloads))
    dead = done.get("snippet_deadletters", 0) - start.get("snippet_deadletters", 0)
    processed = done.get("snippets", 0) - start.get("snippets", 0)
    assert dead == TOPIC_PAYLOADS - topic_valid
    # Valid topic messages are all processed; HTTP writes each distinct content once.
    assert processed == topic_valid + len(http_valid_ids)

    summary = {
        "topic": {"tried": TOPIC_PAYLOADS, "dead_lettered": dead, "processed": topic_valid},
        "http": {
            "tried": HTTP_PAYLOADS,
            "status_counts": dict(statuses),
            "written": len(http_valid_ids),
        },
    }
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    (ARTIFACTS / "fuzz-summary.json").write_text(json.dumps(summary, indent=2), "utf-8")
