"""The window promise of the rounds and measures clusterings holds on real reports.

`Clustering.window` lets clustering skip `joins` for clusters whose days do not overlap (within
`slack`). That is right only while every `joins` asks overlapping days first; a new rule that
joins reports days apart (a round told at its opening and at its close) would silently never
be asked. This test folds the tune stories and events.jsonl and checks the promise on every pair
of kept reports and of clusters and reports (reading ../shared is allowed; nothing is copied).
"""

import json
from collections import defaultdict
from datetime import UTC, datetime
from pathlib import Path

import pytest

from schemas.events import Event
from schemas.snippet import Snippet
from streams.core.fold.clusterkit import Clustering, overlaps
from streams.core.fold.measures import MEASURE_CLUSTERING
from streams.core.fold.negotiations import project
from streams.core.fold.rounds import HELD_CLUSTERING, ROUND_CLUSTERING
from streams.core.read.extract import extract_events

DEV = Path(__file__).resolve().parents[4] / "shared" / "corpus" / "dev"
TUNE = [
    "armenia-azerbaijan",
    "drc-rwanda-m23",
    "sudan-jeddah",
    "riyadh-jeddah-2025",
    "israel-iran-2025",
]


def _published(value: str) -> datetime:
    day = datetime.fromisoformat(value.replace("Z", "+00:00"))
    return day if day.tzinfo else day.replace(tzinfo=UTC)


def _events(name: str) -> list[Event]:
    if name == "events.jsonl":
        rows = [json.loads(line) for line in (DEV / name).read_text(encoding="utf-8").splitlines()]
        day = datetime(2025, 1, 1, tzinfo=UTC)
        snippets = [Snippet(text=r["text"], source="dev", published_at=day) for r in rows]
    else:
        path = DEV / "stories" / f"{name}.jsonl"
        rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
        snippets = [
            Snippet(text=r["text"], source=r["id"], published_at=_published(r["published_at"]))
            for r in rows
        ]
    return [event for snippet in snippets for event in extract_events(snippet)]


def _broken(rule: Clustering, left: tuple, right: tuple) -> list[str]:
    assert rule.window is not None
    return [
        f"{a.evidence[0].sentence!r} ~ {b.evidence[0].sentence!r}"
        for a in left
        for b in right
        if a is not b
        and rule.joins(a, b)
        and not overlaps(rule.window(a), rule.window(b), rule.slack)
    ]


@pytest.mark.parametrize("name", [*TUNE, "events.jsonl"])
def test_reports_join_only_on_overlapping_days(name: str) -> None:
    by_process: dict[str, list[Event]] = defaultdict(list)
    for event in _events(name):
        by_process[event.process].append(event)
    broken: list[str] = []
    checked = 0
    for process, events in by_process.items():
        state = project(process, events)
        for rule, items, clusters in (
            (HELD_CLUSTERING, state.round_report_items, state.round_reports),
            (ROUND_CLUSTERING, state.planned_items, state.planned),
            (ROUND_CLUSTERING, state.past_meeting_items, state.past_meetings),
            (MEASURE_CLUSTERING, state.measure_report_items, state.measure_reports),
        ):
            broken += _broken(rule, items, items) + _broken(rule, clusters, items)
            checked += len(items)
    assert not broken
    assert checked > 0
