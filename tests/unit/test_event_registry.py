"""Adding an event type is its schema class, its lexicon entry and its tests: everything else
reads the one registry. Proved by registering an invented type in a fresh interpreter (the
registry is read when modules load) and following it from a sentence to its topic and page."""

import json
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from schemas.events import EVENT_TYPES
from streams.core.read.classify import _reader

ROOT = Path(__file__).resolve().parents[2]

# The two files a developer writes, simulated: a schema class and a lexicon entry.
SCRIPT = textwrap.dedent(
    """
    import json
    from typing import Literal

    from schemas.events import EventBase, registered
    import streams.core.lexicon as lexicon

    @registered
    class TruceBreachEvent(EventBase):
        type: Literal["truce_breach"] = "truce_breach"

    read_lexicon = lexicon.load

    def load(name):
        data = read_lexicon(name)
        if name != "events":
            return data
        entry = {"cameo": "19", "plover": "ASSAULT",
                 "triggers": {"breach": ["broke the truce", "breach(?:ed|es)? of the truce"]}}
        return {**data, "types": {**data["types"], "truce_breach": entry}}

    lexicon.load = load

    from schemas.export import render
    from schemas.snippet import Snippet
    from streams import codec, topics
    from streams.core.read.extract import extract_events
    from streams.web import html, timeline

    snippet = Snippet(id="reg-1", text="Rebels broke the truce near the river on Monday.",
                      published_at="2026-03-04")
    events = extract_events(snippet)
    breach = next(e for e in events if e.type == "truce_breach")
    page = html.layout("t", "", active="timeline", as_of=None, api="/api", live="")
    print(json.dumps({
        "types": sorted({e.type for e in events}),
        "class": type(codec.decode_event(codec.encode_event(breach))).__name__,
        "topic": topics.event_topics["truce_breach"].get_topic_name(),
        "subscribed": sorted(topics.all_events_topic.topics),
        "filter": timeline.parse_filters({}, ["truce_breach"], None).types,
        "live": "truce_breach" in page.split('data-event-types="')[1].split('"')[0],
        "schema": "truce_breach" in render()["event.json"],
    }))
    """
)


@pytest.fixture(scope="module")
def registered() -> dict[str, object]:
    done = subprocess.run(
        [sys.executable, "-c", SCRIPT], cwd=ROOT, capture_output=True, text=True, timeout=120
    )
    assert done.returncode == 0, done.stderr[-2000:]
    found: dict[str, object] = json.loads(done.stdout.strip().splitlines()[-1])
    return found


def test_a_registered_type_is_classified_and_decoded_as_its_class(
    registered: dict[str, object],
) -> None:
    assert "truce_breach" in registered["types"]  # type: ignore[operator]
    assert registered["class"] == "TruceBreachEvent"


def test_a_registered_type_gets_its_own_topic_in_the_fold_subscription(
    registered: dict[str, object],
) -> None:
    assert registered["topic"] == "parley.events.truce_breach"
    assert "parley.events.truce_breach" in registered["subscribed"]  # type: ignore[operator]


def test_a_registered_type_is_shown_filtered_streamed_and_exported(
    registered: dict[str, object],
) -> None:
    assert registered["filter"] == ["truce_breach"]
    assert registered["live"] is True
    assert registered["schema"] is True


def test_every_built_in_type_is_read_by_something() -> None:
    # A type with neither a finder nor a lexicon entry would never be produced; it is an error.
    for name in EVENT_TYPES:
        assert callable(_reader(name))


def test_a_type_with_no_lexicon_entry_is_an_error_not_silence() -> None:
    with pytest.raises(LookupError, match="no entry in lexicon"):
        _reader("not_a_registered_type")
