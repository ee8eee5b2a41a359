"""Invented stories of one process told from several angles (issue 14, branch state/keys): both
sides named, one side only, a guarantor speaking, the host speaking of talks in its capital, a
swap told by each side's media, third states sanctioning and sending aid in the same snippet,
another pair's own talks, and a government facing an armed group the story introduces, with
guarantor states and a host. Each asserts the exact processes, rows, swaps and parties, in any
order and with every event delivered twice.

The stories are in `tests/data/process_key_stories.json`; every word is invented.
"""

import json
from pathlib import Path
from typing import Any

import pytest

from schemas.state import NegotiationState
from streams.core.fold.counterparts import with_counterparts
from tests.factories import fold_stories, round_windows

STORIES = json.loads(
    (Path(__file__).parents[2] / "data" / "process_key_stories.json").read_text("utf-8")
)


def _swaps(state: NegotiationState) -> list[tuple[str, int | None, dict[str, int]]]:
    return [
        (m.status, m.count, m.count_by_side)
        for m in state.measures
        if m.kind == "prisoner exchange"
    ]


def _orders(records: list[dict[str, Any]]) -> list[dict[str, NegotiationState]]:
    """The story folded in its order, in three shuffled orders, and with every snippet twice."""
    return [
        fold_stories(records),
        *(fold_stories(records, seed) for seed in (1, 2, 3)),
        fold_stories(records + records, 4),
    ]


@pytest.mark.parametrize("order", range(5))
def test_a_state_pair_told_from_every_angle_is_one_process(order: int) -> None:
    states = _orders(STORIES["state_pair"])[order]
    # The host speaking of "the two sides" keys nothing; another pair's talks stay apart; one
    # snippet naming Chile alone ("Chile's delegation returned from the second round") still
    # keys Chile's own process: the reading sees one snippet, and no other side is named in it.
    assert sorted(states) == ["BO--PY", "CL", "CL--PE", "unassigned"]
    talks = states["CL--PE"]
    assert [p.name for p in talks.parties] == ["Chile", "Peru"]
    assert sorted((m.name, m.role) for m in talks.mediators) == [
        ("Cuba", "guarantor"),
        ("Norway", "guarantor"),
    ]
    assert round_windows(talks) == [("Havana", "2031-03-03", "2031-03-05")]
    # the swap told by the Red Cross, by both sides together, by Peru's ministry and by Chilean
    # television is one swap of both halves
    assert _swaps(talks) == [("done", 78, {"Chile": 40, "Peru": 38})]
    assert talks.prisoners_exchanged == 78
    assert talks.next_meeting is not None and talks.next_meeting.venue == "Havana"
    # sanctions and aid from outside add no party; the other pair's talks are their own row
    assert round_windows(states["BO--PY"]) == [("Asunción", "2031-03-20", "2031-03-20")]
    assert [p.name for p in states["BO--PY"].parties] == ["Bolivia", "Paraguay"]
    # the open split: one row of the Havana round under Chile alone, no swap, no other party
    alone = states["CL"]
    assert [p.name for p in alone.parties] == ["Chile"]
    assert round_windows(alone) == [("Havana", "2031-03-06", "2031-03-06")]
    assert _swaps(alone) == []
    assert states["unassigned"].rounds == ()
    # As a reader sees them (branch state/sides): Chile's one-sided process joins the only
    # two-sided process Chile is a side of; its row is the Havana round's last day.
    view = with_counterparts(states)
    assert sorted(view) == ["BO--PY", "CL--PE", "unassigned"]
    assert round_windows(view["CL--PE"]) == [("Havana", "2031-03-03", "2031-03-06")]
    assert _swaps(view["CL--PE"]) == [("done", 78, {"Chile": 40, "Peru": 38})]
    assert view["CL--PE"].prisoners_exchanged == 78


@pytest.mark.parametrize("order", range(5))
def test_a_government_and_a_group_with_guarantors_and_a_host_is_one_process(order: int) -> None:
    states = _orders(STORIES["government_group"])[order]
    assert sorted(states) == ["BO--ELA", "unassigned"]
    process = states["BO--ELA"]
    assert sorted(p.name for p in process.parties) == ["Bolivia", "ELA"]
    assert sorted((m.name, m.role) for m in process.mediators) == [
        ("Brazil", "guarantor"),
        ("Norway", "guarantor"),
    ]
    assert [h.name for h in process.hosts] == ["Ecuador"]
    assert round_windows(process) == [("Quito", "2031-06-02", "2031-06-04")]
    assert [(status, count) for status, count, _ in _swaps(process)] == [("done", 12)]
    assert process.next_meeting is not None and process.next_meeting.venue == "Quito"
    assert process.next_meeting.date is not None
    assert process.next_meeting.date.start.isoformat() == "2031-07-06"
    assert states["unassigned"].rounds == ()
