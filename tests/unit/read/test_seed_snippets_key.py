"""The demo snippets (`examples/seed-snippets.jsonl`, sent by `scripts/demo` and `parley publish`)
all report the Russia-Ukraine talks, so every event of theirs is keyed RU--UA: the in-process
form of the integration test that publishes them through Kafka (issue 14 expects the seed's
state, its hotline included, under RU--UA). "Washington and Moscow agreed to restore a channel"
names one side and an outside power, which acts on the war and is no counterpart of its own.
"""

import json
from pathlib import Path

from schemas.snippet import Snippet
from streams.core.read.extract import extract_events

SEED_SNIPPETS = Path(__file__).resolve().parents[3] / "examples" / "seed-snippets.jsonl"


def _snippets() -> list[Snippet]:
    lines = SEED_SNIPPETS.read_text("utf-8").splitlines()
    return [Snippet.model_validate(json.loads(line)) for line in lines if line.strip()]


def test_every_demo_snippet_keys_its_events_to_the_russia_ukraine_process() -> None:
    keys = {s.id: {e.process for e in extract_events(s)} for s in _snippets()}
    assert all(keys.values()), keys  # every demo snippet reports something
    assert {key for found in keys.values() for key in found} == {"RU--UA"}, keys


def test_the_hotline_snippet_is_read_and_keyed_to_the_war() -> None:
    (hotline,) = [s for s in _snippets() if "hotline" in s.text]
    events = extract_events(hotline)
    assert events
    assert {e.process for e in events} == {"RU--UA"}
